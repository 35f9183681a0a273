import 'fake-indexeddb/auto'
import { createHash } from 'node:crypto'
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import { EXIT, run } from '../../src/cli/run'
import type { Assessment } from '../../src/core/assessment/assessment-schema'
import { loadAssessment } from '../../src/core/assessment/load-assessment'
import { parseJsonBytes } from '../../src/core/assessment/safe-json'
import { loadInstrument, loadVocabulary } from '../../src/core/instrument/load-instrument'
import type { Instrument } from '../../src/core/instrument/meta-schema'
import type { LoadResult } from '../../src/core/issues/validation-issue'
import { listAssessments, putAssessment } from '../../src/storage/assessment-store'
import { importAssessmentFile } from '../../src/storage/import-assessment'
import { fixtures, readJson, root } from '../helpers/files'
import { minimalInstrument, shippedCatalogue } from '../helpers/instruments'

/** Generated inputs per loader and per run; the command line and the store get fewer (slower). */
const RUNS = 10_000
const CLI_RUNS = 300
const STORE_RUNS = 200
const TIME_LIMIT_MS = 2000
const V8_TEXT =
  /Unexpected token|Unexpected end|JSON at position|Maximum call stack|is not valid JSON/

// A JSON document as a tree that can hold what a JS value cannot: a key twice, raw tokens.
class Obj {
  constructor(public entries: [string, Node][]) {}
}
/** Text written as it is (NaN, 1e999, an escaped lone surrogate), with the value JSON.parse-like readers would see. */
class Raw {
  constructor(
    public text: string,
    public value: unknown,
  ) {}
}
type Node = null | boolean | number | string | Node[] | Obj | Raw

function toNode(v: unknown): Node {
  if (Array.isArray(v)) return v.map(toNode)
  if (v !== null && typeof v === 'object')
    return new Obj(Object.entries(v).map(([k, x]) => [k, toNode(x)]))
  return v as Node
}

function emit(n: Node): string {
  if (n instanceof Raw) return n.text
  if (n instanceof Obj)
    return `{${n.entries.map(([k, v]) => `${JSON.stringify(k)}:${emit(v)}`).join(',')}}`
  if (Array.isArray(n)) return `[${n.map(emit).join(',')}]`
  return JSON.stringify(n)
}

/** The value a lenient reader (JSON.parse) makes of the tree: the last of two keys wins. */
function toValue(n: Node): unknown {
  if (n instanceof Raw) return n.value
  if (Array.isArray(n)) return n.map(toValue)
  if (n instanceof Obj) {
    const out: Record<string, unknown> = {}
    for (const [k, v] of n.entries)
      Object.defineProperty(out, k, {
        value: toValue(v),
        enumerable: true,
        writable: true,
        configurable: true,
      })
    return out
  }
  return n
}

function containers(n: Node, out: (Node[] | Obj)[] = []): (Node[] | Obj)[] {
  if (n instanceof Obj) {
    out.push(n)
    for (const [, v] of n.entries) containers(v, out)
  } else if (Array.isArray(n)) {
    out.push(n)
    for (const v of n) containers(v, out)
  }
  return out
}

function get(n: Node, ...keys: string[]): Node | undefined {
  let at: Node | undefined = n
  for (const k of keys)
    at = at instanceof Obj ? at.entries.find(([key]) => key === k)?.[1] : undefined
  return at
}

function set(o: Node | undefined, key: string, value: Node) {
  if (!(o instanceof Obj)) throw new Error(`no object to set ${key} in`)
  const e = o.entries.find(([k]) => k === key)
  if (e) e[1] = value
  else o.entries.push([key, value])
}

function pick<T>(list: readonly T[], i: number): T {
  if (!list.length) throw new Error('nothing to pick from')
  return list[i % list.length] as T
}

function nested(depth: number): Raw {
  let value: unknown = []
  for (let i = 1; i < depth; i++) value = [value]
  return new Raw('['.repeat(depth) + ']'.repeat(depth), value)
}

/** One malformed document: what was done to it, and whether only its text is wrong. */
interface Case {
  kind: string
  /** The fault exists in the text only (a key twice, a cut-off file): a JS value cannot hold it. */
  textOnly: boolean
  text: string
  value?: unknown
}

type Mutation = fc.Arbitrary<
  (doc: Node) => { doc: Node; kind: string; textOnly?: boolean; text?: string }
>

const OTHER_TYPES: Node[] = ['x', 0, true, null]

/** An id-like word that no fixture uses (prefixed where it is put in). */
const ID = fc.nat({ max: 1_000_000 }).map((n) => n.toString(36))

/** Mutations that make any instrument or assessment invalid. */
const generic: [number, Mutation][] = [
  [
    3,
    fc.tuple(fc.nat(), fc.nat(), fc.nat()).map(([c, e, t]) => (doc) => {
      // Wrong type: a value replaced by one of another type (a container by a scalar, and back).
      const parents = containers(doc).filter((p) =>
        p instanceof Obj ? p.entries.length : p.length,
      )
      const parent = pick(parents, c)
      const slots = parent instanceof Obj ? parent.entries.map((x) => x[1]) : parent
      const i = e % slots.length
      const old = slots[i] as Node
      const kinds = [...OTHER_TYPES, [], new Obj([])].filter(
        (x) =>
          typeof x !== typeof old ||
          Array.isArray(x) !== Array.isArray(old) ||
          (x === null) !== (old === null),
      )
      const replacement = pick(kinds, t)
      if (parent instanceof Obj) (parent.entries[i] as [string, Node])[1] = replacement
      else parent[i] = replacement
      return { doc, kind: 'wrong type' }
    }),
  ],
  [
    2,
    fc
      .tuple(fc.nat(), fc.constantFrom('__proto__', 'constructor', 'prototype'))
      .map(([c, key]) => (doc) => {
        pick(containers(doc).filter((p) => p instanceof Obj) as Obj[], c).entries.push([
          key,
          new Obj([['isAdmin', true]]),
        ])
        // zod leaves an own __proto__ key out of a record (answers, quantities) without a word:
        // only the byte reader refuses it; refusedInTime checks it never becomes a prototype.
        return { doc, kind: `${key} key`, textOnly: key === '__proto__' }
      }),
  ],
  [
    2,
    fc.tuple(fc.nat(), fc.nat()).map(([c, e]) => (doc) => {
      const objects = containers(doc).filter((p) => p instanceof Obj && p.entries.length) as Obj[]
      const o = pick(objects, c)
      const [key, value] = pick(o.entries, e)
      o.entries.push([key, value])
      return { doc, kind: 'duplicate key', textOnly: true }
    }),
  ],
  [
    2,
    fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }).map((f) => (doc) => {
      const text = emit(doc)
      return {
        doc,
        kind: 'truncated',
        textOnly: true,
        text: text.slice(0, Math.floor(f * text.length)),
      }
    }),
  ],
  [
    1,
    fc.tuple(fc.nat(), fc.integer({ min: 101, max: 10_000 })).map(([c, depth]) => (doc) => {
      const objects = containers(doc).filter((p) => p instanceof Obj) as Obj[]
      pick(objects, c).entries.push(['diep', nested(depth)])
      return { doc, kind: 'deep nesting' }
    }),
  ],
  [
    1,
    fc.nat().map((c) => (doc) => {
      const objects = containers(doc).filter((p) => p instanceof Obj) as Obj[]
      pick(objects, c).entries.push(['diep', nested(10_000)])
      return { doc, kind: '10,000-deep nesting' }
    }),
  ],
  [
    1,
    fc
      .tuple(fc.nat(), fc.constantFrom('"W.\\ud800V."', '"\\udfff"', '"a\\ud83d"'))
      .map(([s, raw]) => (doc) => {
        const strings = containers(doc).flatMap((p) =>
          p instanceof Obj ? p.entries.filter((x) => typeof x[1] === 'string') : [],
        )
        pick(strings, s)[1] = new Raw(raw, JSON.parse(raw) as string)
        return { doc, kind: 'lone surrogate', textOnly: true }
      }),
  ],
  [
    2,
    fc
      .tuple(
        fc.nat(),
        fc.constantFrom<[string, unknown]>(
          ['NaN', NaN],
          ['Infinity', Infinity],
          ['-Infinity', -Infinity],
          ['1e999', Infinity],
          ['undefined', undefined],
        ),
      )
      .map(([n, [text, value]]) => (doc) => {
        const numbers = containers(doc).flatMap((p) =>
          p instanceof Obj ? p.entries.filter((x) => typeof x[1] === 'number') : [],
        )
        pick(numbers, n)[1] = new Raw(text, value)
        // JSON.parse cannot read NaN or undefined: only the text is wrong then.
        return { doc, kind: `number ${text}`, textOnly: text === 'NaN' || text === 'undefined' }
      }),
  ],
  [
    1,
    fc
      .oneof(
        { weight: 20, arbitrary: fc.integer({ min: 1, max: 20_000 }) },
        { weight: 1, arbitrary: fc.integer({ min: 100_000, max: 5 * 1024 * 1024 }) },
      )
      .map((length) => (doc) => {
        // At the top, where no field of that name exists.
        set(doc, 'onbekend', 'x'.repeat(length))
        return { doc, kind: length > 1_000_000 ? 'string over 1 MB' : 'long string' }
      }),
  ],
  [
    1,
    fc
      .constantFrom<Node>(null, 42, 'tekst', [], true, new Raw('"\\u0000"', '\u0000'))
      .map((v) => () => ({
        doc: v,
        kind: 'not an object',
      })),
  ],
]

/** Mutations that only an assessment's rules refuse. */
const assessmentMutations: [number, Mutation][] = [
  [
    1,
    fc.tuple(fc.nat(), fc.constantFrom(1e308, -1e308, -1, 1e6)).map(([n, value]) => (doc) => {
      // Every number in an assessment has a bound: the format version, a quantity's range.
      const numbers = containers(doc).flatMap((p) =>
        p instanceof Obj ? p.entries.filter((x) => typeof x[1] === 'number') : [],
      )
      pick(numbers, n)[1] = value
      return { doc, kind: `number ${value}` }
    }),
  ],
  [
    2,
    ID.map((id) => (doc) => {
      set(
        get(doc, 'answers'),
        `onbekend.${id}`,
        new Obj([
          ['kind', 'single'],
          ['choice', 'ja'],
        ]),
      )
      return { doc, kind: 'unknown item id' }
    }),
  ],
  [
    2,
    fc.tuple(fc.nat(), ID).map(([a, code]) => (doc) => {
      const answers = get(doc, 'answers') as Obj
      const answer = pick(answers.entries, a)[1] as Obj
      const unknown = `buiten-bereik-${code}`
      if (get(answer, 'choice') !== undefined) set(answer, 'choice', unknown)
      else if (get(answer, 'choices') !== undefined) set(answer, 'choices', [unknown])
      else if (get(answer, 'level') !== undefined) set(answer, 'level', unknown)
      else if (get(answer, 'value') !== undefined) set(answer, 'value', 1e6)
      else set(answer, 'kind', unknown)
      return { doc, kind: 'code out of range' }
    }),
  ],
  [
    2,
    fc
      .tuple(
        fc.constantFrom('assessmentDate', 'validUntil'),
        fc.constantFrom(
          '2026-02-30',
          '2025-02-29',
          '2026-04-31',
          '2026-13-01',
          '2026-00-10',
          '2026-1-1',
          '01-02-2026',
          '',
        ),
      )
      .map(([field, date]) => (doc) => {
        set(get(doc, 'meta'), field, date)
        return { doc, kind: 'impossible date' }
      }),
  ],
  [
    1,
    fc
      .constantFrom(['izp', '1.0.0'], ['test', '9.9.9'], ['bar', '1.0'])
      .map(([id, version]) => (doc) => {
        set(
          doc,
          'instrument',
          new Obj([
            ['id', id as string],
            ['version', version as string],
          ]),
        )
        return { doc, kind: 'unknown instrument' }
      }),
  ],
]

/** Mutations that only an instrument's rules refuse. */
const instrumentMutations: [number, Mutation][] = [
  [
    2,
    fc.tuple(fc.nat(), ID).map(([i, term]) => (doc) => {
      const items = (get(doc, 'sections') as Node[]).flatMap((s) => get(s, 'items') as Obj[])
      set(pick(items, i), 'terms', [`onbekend-${term}`])
      return { doc, kind: 'unknown term id' }
    }),
  ],
  [
    2,
    fc.tuple(fc.nat(), ID).map(([i, id]) => (doc) => {
      const items = (get(doc, 'sections') as Node[]).flatMap((s) => get(s, 'items') as Obj[])
      set(
        pick(items, i),
        'visibleWhen',
        new Obj([
          ['item', `onbekend-${id}`],
          ['anyOf', ['ja']],
        ]),
      )
      return { doc, kind: 'unknown item in a condition' }
    }),
  ],
  [
    1,
    fc.nat().map((i) => (doc) => {
      const items = get(pick(get(doc, 'sections') as Node[], i), 'items') as Obj[]
      items.push(items[0] as Obj)
      return { doc, kind: 'item id twice' }
    }),
  ],
  [
    1,
    fc.constantFrom('bad version', 'unknown answer kind').map((kind) => (doc) => {
      if (kind === 'bad version') set(doc, 'version', 'v2')
      else {
        const items = get(pick(get(doc, 'sections') as Node[], 0), 'items') as Obj[]
        set(get(items[0] as Obj, 'answer'), 'kind', 'onbekend')
      }
      return { doc, kind }
    }),
  ],
]

const ENCODINGS = [
  'utf-8',
  'utf-8 with BOM',
  'UTF-16LE with BOM',
  'UTF-16BE with BOM',
  'UTF-16 without BOM',
  'Latin-1',
] as const

function encode(text: string, encoding: (typeof ENCODINGS)[number]): Uint8Array<ArrayBuffer> {
  const bytes = (b: Buffer) =>
    new Uint8Array(b.buffer, b.byteOffset, b.length) as Uint8Array<ArrayBuffer>
  if (encoding === 'utf-8') return bytes(Buffer.from(text, 'utf8'))
  if (encoding === 'utf-8 with BOM') return bytes(Buffer.from(`\ufeff${text}`, 'utf8'))
  // Latin-1 keeps the low byte of each character, as a Windows editor saving "J.É." does.
  if (encoding === 'Latin-1') return bytes(Buffer.from(text, 'latin1'))
  const utf16 = Buffer.from(encoding === 'UTF-16 without BOM' ? text : `\ufeff${text}`, 'utf16le')
  return bytes(encoding === 'UTF-16BE with BOM' ? utf16.swap16() : utf16)
}

function malformed(base: unknown, specific: [number, Mutation][]) {
  const mutation = fc.oneof(
    ...[...generic, ...specific].map(([weight, arbitrary]) => ({ weight, arbitrary })),
  )
  return fc
    .tuple(mutation, fc.constantFrom(...ENCODINGS))
    .map(([mutate, encoding]): Case & { encoding: string; bytes: Uint8Array<ArrayBuffer> } => {
      const m = mutate(toNode(base))
      const text = m.text ?? emit(m.doc)
      return {
        kind: m.kind,
        textOnly: m.textOnly ?? false,
        text,
        value: m.text === undefined ? toValue(m.doc) : undefined,
        encoding,
        bytes: encode(text, encoding),
      }
    })
}

/** Runs a loader, and checks it returns in time with a refusal in both languages, not V8's words. */
function refusedInTime<T>(
  what: string,
  load: () => LoadResult<T>,
  mustRefuse = true,
): LoadResult<T> {
  const start = performance.now()
  const r = load()
  const ms = performance.now() - start
  // Plain checks first, expect only on a problem: ten thousand runs make expect's cost count.
  const problems: string[] = []
  if (ms >= TIME_LIMIT_MS) problems.push(`took ${ms.toFixed(0)} ms`)
  if (mustRefuse && r.ok) problems.push('accepted a malformed input')
  if (r.ok && !mustRefuse && JSON.stringify(r.value).includes('isAdmin'))
    problems.push('kept an isAdmin key')
  if (({} as { isAdmin?: unknown }).isAdmin !== undefined)
    problems.push('polluted Object.prototype')
  if (!r.ok) {
    if (!r.issues.length) problems.push('refused without a message')
    for (const i of r.issues)
      if (
        !/\S/.test(i.message.nl) ||
        !/\S/.test(i.message.en) ||
        V8_TEXT.test(`${i.message.nl} ${i.message.en}`)
      )
        problems.push(`unclear message: ${JSON.stringify(i)}`)
  }
  if (problems.length) expect(problems, what).toEqual([])
  return r
}

function lenientParse(text: string): { value: unknown } | undefined {
  try {
    return { value: JSON.parse(text) as unknown }
  } catch {
    return undefined
  }
}

const instrument = minimalInstrument()
const vocabulary = (() => {
  const v = loadVocabulary(readJson(join(fixtures, 'instruments/vocabulary.json')))
  if (!v.ok) throw new Error('fixture vocabulary invalid')
  return v.value
})()
const baseInstrument = readJson(join(fixtures, 'instruments/minimal.json')) as Record<
  string,
  unknown
>
const baseAssessment: Assessment = {
  format: 'bar-studio/assessment',
  formatVersion: 2,
  id: '0b6f3c1e-8a0c-4f7e-9a51-1d2f3a4b5c6d',
  instrument: { id: 'test', version: '1.0.0' },
  language: 'nl',
  meta: {
    authorRole: 'bedrijfsarts',
    authorName: 'A. Arts',
    employee: 'J.É.',
    assessmentDate: '2026-11-01',
    validUntil: '2027-05-01',
  },
  answers: {
    tillen: { kind: 'capacity', level: 'licht', quantities: { 'max-load': 10 }, possible: 'Dozen' },
    keuze: { kind: 'single', choice: 'nee', specify: 'Reden' },
    toelichting: { kind: 'text', text: 'Alleen zittend' },
    meer: { kind: 'multiple', choices: ['1', '2'] },
    uren: { kind: 'quantity', value: 20 },
    datum: { kind: 'date', date: '2026-12-01' },
  },
  createdAt: '2026-11-01T09:00:00.000Z',
  updatedAt: '2026-11-01T10:00:00.000Z',
  status: 'concept',
  edition: 1,
  released: [],
  history: [],
}
const shipped = shippedCatalogue()
const barExample = readJson(join(root, 'public/examples/bar-example.json'))

const counts = new Map<string, number>()
function count(c: { kind: string; encoding: string }) {
  counts.set(c.kind, (counts.get(c.kind) ?? 0) + 1)
  counts.set(c.encoding, (counts.get(c.encoding) ?? 0) + 1)
}
const shown = () => [...counts].map(([k, n]) => `${k}: ${n}`).join(', ')

/**
 * The import path (bytes, strict reader, loader); then, when the strict reader refused the text,
 * the loader alone on what a lenient reader (JSON.parse) would have made of it.
 */
function check(
  c: Case & { encoding: string; bytes: Uint8Array },
  load: (json: unknown) => LoadResult<unknown>,
) {
  count(c)
  const what = `${c.kind} (${c.encoding})`
  let read = false
  refusedInTime(`import path, ${what}`, () => {
    const json = parseJsonBytes(c.bytes)
    read = json.ok
    return json.ok ? load(json.value) : json
  })
  if (read) return
  const lenient = c.value !== undefined ? { value: c.value } : lenientParse(c.text)
  if (lenient) refusedInTime(`loader alone, ${what}`, () => load(lenient.value), !c.textOnly)
}

describe('malformed input', () => {
  it('starts from valid documents, so that every mutation is what makes an input invalid', () => {
    expect(loadAssessment(baseAssessment, [instrument]).ok).toBe(true)
    expect(loadInstrument(baseInstrument, vocabulary).ok).toBe(true)
    expect(loadAssessment(barExample, shipped.instruments).ok).toBe(true)
    expect(parseJsonBytes(new TextEncoder().encode(JSON.stringify(baseAssessment))).ok).toBe(true)
  })

  it(`refuses ${RUNS} generated malformed assessment files on the import path (bytes, then loadAssessment) and in loadAssessment itself`, () => {
    fc.assert(
      fc.property(malformed(baseAssessment, assessmentMutations), (c) =>
        check(c, (json) => loadAssessment(json, [instrument])),
      ),
      { numRuns: RUNS },
    )
    expect(counts.size, shown()).toBeGreaterThan(25)
  }, 60_000)

  it(`refuses ${RUNS} generated malformed instrument files (bytes, then loadInstrument) and in loadInstrument itself`, () => {
    counts.clear()
    fc.assert(
      fc.property(malformed(baseInstrument, instrumentMutations), (c) =>
        check(c, (json) => loadInstrument(json, vocabulary)),
      ),
      { numRuns: RUNS },
    )
    expect(counts.size, shown()).toBeGreaterThan(25)
  }, 60_000)

  describe('on the command line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bar-fuzz-'))
    afterAll(() => rmSync(dir, { recursive: true, force: true }))

    async function validate(file: string, lang: 'nl' | 'en') {
      const out: string[] = []
      const err: string[] = []
      const start = performance.now()
      const code = await run(['validate', file, '--lang', lang], {
        out: (t) => out.push(t),
        err: (t) => err.push(t),
      })
      const ms = performance.now() - start
      expect(ms, `validate took ${ms.toFixed(0)} ms`).toBeLessThan(TIME_LIMIT_MS)
      return { code, out: out.join('\n'), err: err.join('\n') }
    }

    it(`refuses ${CLI_RUNS} generated malformed assessment and instrument files with exit 1 and a clear message`, async () => {
      let n = 0
      const arb = fc.oneof(
        malformed(barExample, assessmentMutations),
        malformed(baseInstrument, instrumentMutations),
      )
      await fc.assert(
        fc.asyncProperty(arb, fc.constantFrom('nl' as const, 'en' as const), async (c, lang) => {
          const file = join(dir, `case-${n++}.json`)
          writeFileSync(file, c.bytes)
          const r = await validate(file, lang)
          rmSync(file)
          expect(r.code, `${c.kind} (${c.encoding}): ${r.out}`).toBe(EXIT.invalid)
          expect(r.out).toBe('')
          expect(r.err).toMatch(/^\$/)
          expect(r.err).not.toMatch(V8_TEXT)
          expect(r.err).not.toMatch(/\n\s+at /)
        }),
        { numRuns: CLI_RUNS },
      )
    }, 60_000)

    it('refuses a 50 MB file by its size, without reading it', async () => {
      const file = join(dir, 'big.json')
      writeFileSync(file, '')
      truncateSync(file, 50 * 1024 * 1024)
      expect(await validate(file, 'nl')).toEqual({
        code: EXIT.invalid,
        out: '',
        err: '$: Bestand is te groot (50.0 MB); een beoordeling is hooguit 2.0 MB',
      })
    })
  })

  describe('on import into the store', () => {
    const hash = async () =>
      createHash('sha256')
        .update(JSON.stringify(await listAssessments()))
        .digest('hex')

    it(`changes no saved assessment for ${STORE_RUNS} generated malformed files, nor for one of 50 MB`, async () => {
      await putAssessment({ ...baseAssessment, id: '44444444-4444-4444-8444-444444444444' })
      const before = await hash()
      await fc.assert(
        fc.asyncProperty(malformed(baseAssessment, assessmentMutations), async (c) => {
          const r = await importAssessmentFile(new Blob([c.bytes]), [instrument])
          expect(r.ok, `${c.kind} (${c.encoding})`).toBe(false)
          if (!r.ok) for (const i of r.issues) expect(i.message.en).not.toMatch(V8_TEXT)
        }),
        { numRuns: STORE_RUNS },
      )
      const big = await importAssessmentFile(new Blob([new Uint8Array(50 * 1024 * 1024)]), [
        instrument,
      ])
      expect(big).toEqual({
        ok: false,
        issues: [
          {
            path: '$',
            message: {
              nl: 'Bestand is te groot (50.0 MB); een beoordeling is hooguit 2.0 MB',
              en: 'File is too large (50.0 MB); an assessment is at most 2.0 MB',
            },
          },
        ],
      })
      expect(await hash()).toBe(before)
      expect(await listAssessments()).toHaveLength(1)
    }, 60_000)
  })

  it('refuses one 50 MB input on the import path by its length, before decoding it', () => {
    refusedInTime('50 MB', () => parseJsonBytes(new Uint8Array(50 * 1024 * 1024)))
  })

  it('refuses a shipped instrument type as an assessment, and the reverse', () => {
    const bar = shipped.instruments.find((i: Instrument) => i.id === 'bar')
    refusedInTime('instrument as assessment', () => loadAssessment(bar, shipped.instruments))
    refusedInTime('assessment as instrument', () => loadInstrument(barExample, vocabulary))
  })
})
