import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadInstrument, loadVocabulary } from '../../../src/core/instrument/load-instrument'
import type { Instrument, Item, Vocabulary } from '../../../src/core/instrument/meta-schema'
import { brokenFixtures } from '../../helpers/broken-instruments'
import { fixtures, jsonFilesIn, readJson } from '../../helpers/files'

const dir = join(fixtures, 'instruments')

function vocabulary(): Vocabulary {
  const r = loadVocabulary(readJson(join(dir, 'vocabulary.json')))
  if (!r.ok) throw new Error('fixture vocabulary is invalid')
  return r.value
}

describe('loadInstrument', () => {
  it('accepts a valid instrument and returns it typed', () => {
    const r = loadInstrument(readJson(join(dir, 'minimal.json')), vocabulary())
    expect(r.ok).toBe(true)
    if (r.ok)
      expect(r.value.sections[0]?.items.map((i) => i.answer.kind)).toEqual([
        'capacity',
        'single',
        'text',
        'multiple',
        'quantity',
        'date',
      ])
  })

  it('has an expectation for every broken fixture on disk', () => {
    expect(jsonFilesIn(join(dir, 'broken')).map((f) => f.replace('.json', ''))).toEqual(
      Object.keys(brokenFixtures).sort(),
    )
  })

  for (const [name, { loader: expected }] of Object.entries(brokenFixtures)) {
    it(`rejects ${name} with every problem, located and in Dutch and English`, () => {
      const r = loadInstrument(readJson(join(dir, 'broken', `${name}.json`)), vocabulary())
      expect(r.ok).toBe(false)
      if (r.ok) return
      expect(r.issues.map((i) => i.path)).toEqual(expected.map(([path]) => path))
      r.issues.forEach((issue, k) => {
        expect(issue.message.en).toContain(expected[k]?.[1])
        expect(issue.message.nl.length).toBeGreaterThan(5)
        expect(issue.message.nl).not.toEqual(issue.message.en)
      })
    })
  }

  it('rejects input that is not an object at all', () => {
    const r = loadInstrument('not an instrument')
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.issues[0]?.path).toBe('$')
  })

  it('reports a vocabulary whose version is not the one the instrument names', () => {
    const v = { ...vocabulary(), version: '2.0.0' }
    const r = loadInstrument(readJson(join(dir, 'minimal.json')), v)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.issues[0]?.message.en).toBe('Vocabulary 1.0.0 requested, but 2.0.0 found')
  })
})

describe('loadVocabulary', () => {
  it('rejects duplicate term ids and related terms that do not exist', () => {
    const v = vocabulary()
    const broken = {
      ...v,
      terms: [...v.terms, { ...v.terms[1], related: ['nergens'] }],
    }
    const r = loadVocabulary(broken)
    expect(r.ok).toBe(false)
    if (!r.ok)
      expect(r.issues.map((i) => `${i.path} ${i.message.en}`)).toEqual([
        '$.terms[1].id Term id "mogelijkheid" occurs more than once',
        '$.terms[2].id Term id "mogelijkheid" occurs more than once',
        '$.terms[2].related[0] Related term "nergens" is not in the vocabulary',
      ])
  })
})

describe('conditions that come back to where they started', () => {
  const minimal = () => readJson(join(dir, 'minimal.json')) as Instrument
  /** minimal.json with three choice items a, b, c, each shown when the one named chooses "ja". */
  function withChain(links: Record<string, string>) {
    const json = minimal()
    const section = json.sections[0]!
    for (const id of ['a', 'b', 'c'])
      section.items.push({
        id,
        label: { nl: id, en: id },
        answer: {
          kind: 'single',
          options: [
            { code: 'ja', label: { nl: 'Ja', en: 'Yes' } },
            { code: 'nee', label: { nl: 'Nee', en: 'No' } },
          ],
        },
        ...(links[id] ? { visibleWhen: { item: links[id], anyOf: ['ja'] } } : {}),
      } as Item)
    return json
  }
  const ringIssues = (json: unknown) => {
    const r = loadInstrument(json, vocabulary())
    return r.ok ? [] : r.issues.filter((i) => /ring/.test(i.message.en))
  }

  it('are refused at any length, once per ring, naming the ring in both languages', () => {
    const at = minimal().sections[0]!.items.length
    for (const [links, ring] of [
      [{ a: 'a' }, 'a → a'],
      [{ a: 'b', b: 'a' }, 'a → b → a'],
      [{ a: 'b', b: 'c', c: 'a' }, 'a → b → c → a'],
    ] as const) {
      const issues = ringIssues(withChain(links))
      expect(issues.map((i) => [i.path, i.message.en])).toEqual([
        [
          `$.sections[0].items[${at}].visibleWhen.item`,
          `Conditions form a ring: ${ring}; none of these items could ever be shown`,
        ],
      ])
      expect(issues[0]?.message.nl).toContain(`Voorwaarden vormen een kring: ${ring}`)
    }
  })

  it('accept a chain that ends, and report a ring once even when another item leads into it', () => {
    expect(loadInstrument(withChain({ c: 'b', b: 'a' }), vocabulary()).ok).toBe(true)
    expect(ringIssues(withChain({ a: 'b', b: 'c', c: 'b' }))).toHaveLength(1)
  })
})
