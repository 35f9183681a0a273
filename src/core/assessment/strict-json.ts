import type { LoadResult, PathSegment, ValidationIssue } from '../issues/validation-issue'
import { issue } from '../issues/validation-issue'

/** Far deeper than any instrument or assessment (about 8 levels), far below a stack overflow. */
export const MAX_JSON_DEPTH = 100

/** Problems past this many are not listed: a file with thousands of them needs one fix, not a list. */
const MAX_ISSUES = 50

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype'])

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y

type Text = { nl: string; en: string }

/** Thrown inside the parser only; parseStrictJson turns it into an issue. */
class SyntaxProblem {
  constructor(
    readonly at: number,
    readonly text: Text,
  ) {}
}

type Container =
  | { kind: 'array'; value: unknown[] }
  | { kind: 'object'; value: Record<string, unknown>; key: string; counts: Map<string, number> }

/** Line and column (both from 1, the column in characters) of a position in the text. */
export function lineAndColumn(text: string, at: number): { line: number; column: number } {
  let line = 1
  let lineStart = 0
  for (let i = 0; i < at && i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) {
      line++
      lineStart = i + 1
    }
  }
  return { line, column: [...text.slice(lineStart, at)].length + 1 }
}

/** A key as it appears in a message or a path: cut when very long. */
function shown(key: string): string {
  return key.length > 60 ? `${key.slice(0, 60)}…` : key
}

function loneSurrogate(s: string): string | undefined {
  const m = LONE_SURROGATE.exec(s)
  return m ? `\\u${m[0].charCodeAt(0).toString(16)}` : undefined
}

function times(n: number): Text {
  return n === 2 ? { nl: 'twee keer', en: 'twice' } : { nl: `${n} keer`, en: `${n} times` }
}

/** What stands at a position, for "expected X, found Y". */
function found(text: string, at: number): Text {
  if (at >= text.length) return { nl: 'maar het bestand houdt op', en: 'but the file ends' }
  const word = /[A-Za-z_$][\w$]{0,19}/y
  word.lastIndex = at
  const w = word.exec(text)?.[0]
  const char = String.fromCodePoint(text.codePointAt(at) as number)
  const token = w ? JSON.stringify(w) : char === '"' ? `'"'` : JSON.stringify(char)
  return { nl: `gevonden ${token}`, en: `found ${token}` }
}

function expected(text: string, at: number, nl: string, en: string): SyntaxProblem {
  if (text.startsWith('//', at) || text.startsWith('/*', at))
    return new SyntaxProblem(at, {
      nl: 'commentaar is niet toegestaan in JSON',
      en: 'comments are not allowed in JSON',
    })
  const f = found(text, at)
  return new SyntaxProblem(at, { nl: `verwacht ${nl}, ${f.nl}`, en: `expected ${en}, ${f.en}` })
}

/** A specific hint for what people often write instead of JSON; otherwise the generic message. */
function notAValue(text: string, at: number): SyntaxProblem {
  const rest = text.slice(at, at + 9)
  if (/^-?(NaN|Infinity)/.test(rest) || rest.startsWith('undefined'))
    return new SyntaxProblem(at, {
      nl: 'NaN, Infinity en undefined bestaan niet in JSON; schrijf een getal of null',
      en: 'NaN, Infinity and undefined do not exist in JSON; write a number or null',
    })
  if (rest.startsWith("'"))
    return new SyntaxProblem(at, {
      nl: 'tekst hoort tussen dubbele aanhalingstekens (")',
      en: 'text belongs between double quotes (")',
    })
  return expected(text, at, 'een waarde', 'a value')
}

/**
 * Parses JSON text (RFC 8259) without recursion, and refuses what JSON.parse lets through
 * silently: a key that occurs twice in one object (JSON.parse keeps the last value),
 * lone surrogates in strings, numbers too large for a double, keys that reach an object's
 * prototype, and nesting deeper than `maxDepth`. Every message is in Dutch and English, with the
 * JSON path, and a syntax error gives its line and column.
 * @example
 * parseStrictJson('{"a":1,"a":2}')
 * // { ok: false, issues: [{ path: '$', message: { nl: 'Sleutel "a" komt twee keer voor', … } }] }
 */
export function parseStrictJson(text: string, maxDepth = MAX_JSON_DEPTH): LoadResult<unknown> {
  const issues: ValidationIssue[] = []
  const stack: Container[] = []
  const path: PathSegment[] = []
  let pos = 0

  const report = (at: readonly PathSegment[], nl: string, en: string) => {
    if (issues.length < MAX_ISSUES) issues.push(issue(at, nl, en))
  }

  const skipWhitespace = () => {
    for (;;) {
      const c = text.charCodeAt(pos)
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) pos++
      else return
    }
  }

  /** A string starting at the opening quote at `pos`; `pos` ends after the closing quote. */
  const readString = (): string => {
    const open = pos++
    let out = ''
    let start = pos
    for (;;) {
      if (pos >= text.length)
        throw new SyntaxProblem(open, {
          nl: 'deze tekst wordt niet afgesloten met "',
          en: 'this text is not closed with "',
        })
      const c = text.charCodeAt(pos)
      if (c === 0x22) {
        out += text.slice(start, pos++)
        return out
      }
      if (c < 0x20)
        throw new SyntaxProblem(pos, {
          nl: 'een regeleinde, tab of ander stuurteken in een tekst moet als \\n, \\t of \\u00XX geschreven worden',
          en: 'a line break, tab or other control character in a text must be written as \\n, \\t or \\u00XX',
        })
      if (c !== 0x5c) {
        pos++
        continue
      }
      out += text.slice(start, pos)
      const e = text[pos + 1]
      const simple = e === undefined ? undefined : ESCAPES[e]
      if (simple !== undefined) {
        out += simple
        pos += 2
      } else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(pos + 2, pos + 6))) {
        out += String.fromCharCode(parseInt(text.slice(pos + 2, pos + 6), 16))
        pos += 6
      } else
        throw new SyntaxProblem(pos, {
          nl: `ongeldige escape in een tekst: ${JSON.stringify(text.slice(pos, pos + 2))}`,
          en: `invalid escape in a text: ${JSON.stringify(text.slice(pos, pos + 2))}`,
        })
      start = pos
    }
  }

  /** An object key at `pos`, then the colon; `pos` ends at the start of the value. */
  const readKey = (top: Container & { kind: 'object' }) => {
    if (text[pos] !== '"')
      throw expected(
        text,
        pos,
        'een sleutel tussen dubbele aanhalingstekens',
        'a key in double quotes',
      )
    const key = readString()
    const bad = loneSurrogate(key)
    if (bad)
      report(
        path,
        `Sleutel ${JSON.stringify(shown(key))} bevat een ongeldig teken (${bad}, een losse UTF-16-surrogaat)`,
        `Key ${JSON.stringify(shown(key))} contains an invalid character (${bad}, a lone UTF-16 surrogate)`,
      )
    if (FORBIDDEN_KEYS.has(key))
      report(
        path,
        `Niet toegestane sleutel in het bestand: ${key}`,
        `Key not allowed in the file: ${key}`,
      )
    top.counts.set(key, (top.counts.get(key) ?? 0) + 1)
    top.key = key
    path.push(shown(key))
    skipWhitespace()
    if (text[pos] !== ':') throw expected(text, pos, ':', ':')
    pos++
    skipWhitespace()
  }

  const open = (container: Container) => {
    if (stack.length >= maxDepth)
      throw new SyntaxProblem(pos, {
        nl: `te diep genest (meer dan ${maxDepth} niveaus)`,
        en: `nested too deeply (more than ${maxDepth} levels)`,
      })
    stack.push(container)
    pos++
    skipWhitespace()
  }

  const close = (container: Container): unknown => {
    stack.pop()
    pos++
    if (container.kind === 'object')
      for (const [key, n] of container.counts)
        if (n > 1) {
          const t = times(n)
          report(
            path,
            `Sleutel ${JSON.stringify(shown(key))} komt ${t.nl} voor`,
            `Key ${JSON.stringify(shown(key))} occurs ${t.en}`,
          )
        }
    return container.value
  }

  /** A scalar at `pos`, or undefined after opening a container (its first value comes next). */
  const readValue = (): { value: unknown } | undefined => {
    const c = text[pos]
    if (c === '{') {
      const obj: Container = { kind: 'object', value: {}, key: '', counts: new Map() }
      open(obj)
      if (text[pos] === '}') return { value: close(obj) }
      readKey(obj)
      return undefined
    }
    if (c === '[') {
      const arr: Container = { kind: 'array', value: [] }
      open(arr)
      if (text[pos] === ']') return { value: close(arr) }
      path.push(0)
      return undefined
    }
    if (c === '"') {
      const s = readString()
      const bad = loneSurrogate(s)
      if (bad)
        report(
          path,
          `De tekst bevat een ongeldig teken (${bad}, een losse UTF-16-surrogaat)`,
          `The text contains an invalid character (${bad}, a lone UTF-16 surrogate)`,
        )
      return { value: s }
    }
    for (const [word, value] of LITERALS)
      if (text.startsWith(word, pos)) {
        pos += word.length
        return { value }
      }
    NUMBER.lastIndex = pos
    const n = c === '-' || (c !== undefined && c >= '0' && c <= '9') ? NUMBER.exec(text) : null
    if (!n) throw notAValue(text, pos)
    const end = pos + n[0].length
    if (/[0-9.eE+-]/.test(text[end] ?? ''))
      throw new SyntaxProblem(pos, {
        nl: `ongeldig getal: ${JSON.stringify(text.slice(pos, end + 1))}`,
        en: `invalid number: ${JSON.stringify(text.slice(pos, end + 1))}`,
      })
    const value = Number(n[0])
    if (!Number.isFinite(value))
      report(
        path,
        `Getal ${shown(n[0])} is te groot (hooguit ongeveer 1.8e308)`,
        `Number ${shown(n[0])} is too large (at most about 1.8e308)`,
      )
    pos = end
    return { value }
  }

  const parse = (): unknown => {
    skipWhitespace()
    for (;;) {
      let done = readValue()
      // Put each finished value in its container; close containers that end here.
      while (done) {
        const top = stack[stack.length - 1]
        if (!top) {
          skipWhitespace()
          if (pos < text.length)
            throw expected(text, pos, 'het einde van het bestand', 'the end of the file')
          return done.value
        }
        path.pop()
        if (top.kind === 'array') top.value.push(done.value)
        else if (!FORBIDDEN_KEYS.has(top.key)) top.value[top.key] = done.value
        skipWhitespace()
        const sep = text[pos]
        const end = top.kind === 'array' ? ']' : '}'
        if (sep === end) {
          done = { value: close(top) }
          continue
        }
        if (sep !== ',') throw expected(text, pos, `, of ${end}`, `, or ${end}`)
        pos++
        skipWhitespace()
        if (text[pos] === end)
          throw new SyntaxProblem(pos, {
            nl: `een komma vóór ${end} is niet toegestaan`,
            en: `a comma before ${end} is not allowed`,
          })
        if (top.kind === 'array') path.push(top.value.length)
        else readKey(top)
        done = undefined
      }
    }
  }

  if (/^[ \t\n\r]*$/.test(text))
    return { ok: false, issues: [issue([], 'Het bestand is leeg', 'The file is empty')] }
  try {
    const value = parse()
    return issues.length ? { ok: false, issues } : { ok: true, value }
  } catch (e) {
    if (!(e instanceof SyntaxProblem)) throw e
    const { line, column } = lineAndColumn(text, e.at)
    return {
      ok: false,
      issues: [
        issue(
          path,
          `Ongeldige JSON op regel ${line}, kolom ${column}: ${e.text.nl}`,
          `Invalid JSON at line ${line}, column ${column}: ${e.text.en}`,
        ),
      ],
    }
  }
}

const ESCAPES: Record<string, string> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
}

const LITERALS: [string, unknown][] = [
  ['true', true],
  ['false', false],
  ['null', null],
]
