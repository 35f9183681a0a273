import { describe, expect, it } from 'vitest'
import {
  lineAndColumn,
  MAX_JSON_DEPTH,
  parseStrictJson,
} from '../../../src/core/assessment/strict-json'

/** The issues of a refused text, one line each: `path | nl | en`. */
function refused(text: string): string[] {
  const r = parseStrictJson(text)
  expect(r.ok, text).toBe(false)
  return r.ok ? [] : r.issues.map((i) => `${i.path} | ${i.message.nl} | ${i.message.en}`)
}

describe('parseStrictJson', () => {
  it('gives the same value as JSON.parse for valid JSON', () => {
    for (const text of [
      '{"a":[1,2,{"b":null}],"c":"x\\n\\u00e9\\ud83d\\ude00","d":-1.5e3,"e":true,"f":false}',
      ' [ ] ',
      '"\\"\\\\\\/\\b\\f\\n\\r\\t"',
      '0',
      '1e308',
      '{"":{}}',
      '\r\n{\t"a" : 1 }\n',
    ])
      expect(parseStrictJson(text), text).toEqual({ ok: true, value: JSON.parse(text) })
  })

  it('builds plain objects that have no key from the prototype', () => {
    const r = parseStrictJson('{"toString":1,"hasOwnProperty":2}')
    expect(r).toEqual({ ok: true, value: { toString: 1, hasOwnProperty: 2 } })
    if (r.ok) expect(Object.getPrototypeOf(r.value)).toBe(Object.prototype)
  })

  it('refuses a key that occurs twice in one object, with the path of the object', () => {
    expect(refused('{"answers":{"x":{"level":"volledig"},"x":{"level":"geen"}}}')).toEqual([
      '$.answers | Sleutel "x" komt twee keer voor | Key "x" occurs twice',
    ])
    expect(refused('{"a":[{"b":1,"b":2,"b":3}]}')).toEqual([
      '$.a[0] | Sleutel "b" komt 3 keer voor | Key "b" occurs 3 times',
    ])
  })

  it('accepts the same key in different objects', () => {
    expect(parseStrictJson('{"a":{"x":1},"b":{"x":2}}').ok).toBe(true)
  })

  it('gives a syntax error in both languages, with line, column and path, never V8 text', () => {
    expect(refused('{\n  "answers": {\n    "x": 1 "y": 2\n  }\n}')).toEqual([
      `$.answers | Ongeldige JSON op regel 3, kolom 12: verwacht , of }, gevonden '"' | Invalid JSON at line 3, column 12: expected , or }, found '"'`,
    ])
    expect(refused('{"a":')).toEqual([
      '$.a | Ongeldige JSON op regel 1, kolom 6: verwacht een waarde, maar het bestand houdt op | Invalid JSON at line 1, column 6: expected a value, but the file ends',
    ])
    expect(refused('dit is geen json')).toEqual([
      '$ | Ongeldige JSON op regel 1, kolom 1: verwacht een waarde, gevonden "dit" | Invalid JSON at line 1, column 1: expected a value, found "dit"',
    ])
    expect(refused('[1 2]')).toEqual([
      '$ | Ongeldige JSON op regel 1, kolom 4: verwacht , of ], gevonden "2" | Invalid JSON at line 1, column 4: expected , or ], found "2"',
    ])
    expect(refused('{"a" 1}')).toEqual([
      '$.a | Ongeldige JSON op regel 1, kolom 6: verwacht :, gevonden "1" | Invalid JSON at line 1, column 6: expected :, found "1"',
    ])
    expect(refused('{} x')).toEqual([
      '$ | Ongeldige JSON op regel 1, kolom 4: verwacht het einde van het bestand, gevonden "x" | Invalid JSON at line 1, column 4: expected the end of the file, found "x"',
    ])
  })

  it('counts columns in characters and lines after \\n, \\r\\n and \\r', () => {
    expect(lineAndColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 })
    expect(lineAndColumn('a\r\nb\rc😀d', 7)).toEqual({ line: 3, column: 3 })
    expect(refused('["😀😀" x]')[0]).toMatch(/regel 1, kolom 7:/)
  })

  it('says what is wrong with what people often write instead of JSON', () => {
    expect(refused('{"a":[1,2,]}')).toEqual([
      '$.a | Ongeldige JSON op regel 1, kolom 11: een komma vóór ] is niet toegestaan | Invalid JSON at line 1, column 11: a comma before ] is not allowed',
    ])
    expect(refused('{"a":1,}')[0]).toContain('een komma vóór } is niet toegestaan')
    expect(refused('{"a":NaN}')).toEqual([
      '$.a | Ongeldige JSON op regel 1, kolom 6: NaN, Infinity en undefined bestaan niet in JSON; schrijf een getal of null | Invalid JSON at line 1, column 6: NaN, Infinity and undefined do not exist in JSON; write a number or null',
    ])
    expect(refused('[-Infinity]')[0]).toContain('NaN, Infinity en undefined bestaan niet')
    expect(refused("['a']")[0]).toContain(
      'tekst hoort tussen dubbele aanhalingstekens (") | Invalid JSON at line 1, column 2: text belongs between double quotes (")',
    )
    expect(refused("{'a':1}")[0]).toContain(
      `verwacht een sleutel tussen dubbele aanhalingstekens, gevonden "'"`,
    )
    expect(refused('{"a":1 // x\n}')[0]).toContain('commentaar is niet toegestaan in JSON')
  })

  it('refuses broken strings and numbers', () => {
    expect(refused('{"a":"abc')).toEqual([
      '$.a | Ongeldige JSON op regel 1, kolom 6: deze tekst wordt niet afgesloten met " | Invalid JSON at line 1, column 6: this text is not closed with "',
    ])
    expect(refused('"a\nb"')[0]).toContain(
      'kolom 3: een regeleinde, tab of ander stuurteken in een tekst moet als \\n, \\t of \\u00XX geschreven worden',
    )
    expect(refused('"\\x"')[0]).toContain('ongeldige escape in een tekst: "\\\\x"')
    expect(refused('"\\u12"')[0]).toContain('ongeldige escape in een tekst: "\\\\u"')
    for (const n of ['01', '1.', '1e', '.5', '+1', '-'])
      expect(refused(`[${n}]`)[0], n).toMatch(/Ongeldige JSON op regel 1, kolom 2: /)
    expect(refused('[01]')[0]).toContain('ongeldig getal: "01"')
  })

  it('refuses a number too large for a double instead of making it Infinity', () => {
    expect(refused('{"q":[1e999]}')).toEqual([
      '$.q[0] | Getal 1e999 is te groot (hooguit ongeveer 1.8e308) | Number 1e999 is too large (at most about 1.8e308)',
    ])
  })

  it('refuses a lone surrogate in any string or key, with its path', () => {
    expect(refused('{"meta":{"employee":"J.\\ud800."}}')).toEqual([
      '$.meta.employee | De tekst bevat een ongeldig teken (\\ud800, een losse UTF-16-surrogaat) | The text contains an invalid character (\\ud800, a lone UTF-16 surrogate)',
    ])
    expect(refused('["ok", "\\udc00x"]')[0]).toMatch(
      /^\$\[1\] \| De tekst bevat een ongeldig teken \(\\udc00/,
    )
    expect(refused('{"a\\ud83d":1}')).toEqual([
      '$ | Sleutel "a\\ud83d" bevat een ongeldig teken (\\ud83d, een losse UTF-16-surrogaat) | Key "a\\ud83d" contains an invalid character (\\ud83d, a lone UTF-16 surrogate)',
    ])
    expect(parseStrictJson('"\\ud83d\\ude00"')).toEqual({ ok: true, value: '😀' })
  })

  it('refuses __proto__, constructor and prototype keys at any depth, and never sets them', () => {
    expect(refused('{"answers":{"__proto__":{"polluted":true}}}')).toEqual([
      '$.answers | Niet toegestane sleutel in het bestand: __proto__ | Key not allowed in the file: __proto__',
    ])
    expect(refused('{"a":[{"constructor":{"prototype":{}}}]}')).toEqual([
      '$.a[0] | Niet toegestane sleutel in het bestand: constructor | Key not allowed in the file: constructor',
      '$.a[0].constructor | Niet toegestane sleutel in het bestand: prototype | Key not allowed in the file: prototype',
    ])
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it(`refuses nesting deeper than ${MAX_JSON_DEPTH} levels without a stack overflow`, () => {
    for (const text of ['['.repeat(10_000) + ']'.repeat(10_000), '{"a":'.repeat(100_000)]) {
      const r = parseStrictJson(text)
      expect(r.ok).toBe(false)
      if (!r.ok) {
        expect(r.issues).toHaveLength(1)
        expect(r.issues[0]?.message.nl).toMatch(/: te diep genest \(meer dan 100 niveaus\)$/)
        expect(r.issues[0]?.message.en).toMatch(/: nested too deeply \(more than 100 levels\)$/)
      }
    }
    const deepest = '['.repeat(MAX_JSON_DEPTH) + ']'.repeat(MAX_JSON_DEPTH)
    expect(parseStrictJson(deepest).ok).toBe(true)
  })

  it('says an empty file is empty', () => {
    expect(refused(' \n')).toEqual(['$ | Het bestand is leeg | The file is empty'])
  })

  it('lists every duplicate, forbidden key and lone surrogate at once, up to 50', () => {
    expect(refused('{"a":1,"a":2,"b":"\\ud800","__proto__":1}')).toHaveLength(3)
    const many = `[${Array.from({ length: 200 }, () => '{"x":1,"x":2}').join(',')}]`
    expect(refused(many)).toHaveLength(50)
  })
})
