import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadInstrument, loadVocabulary } from '../../../src/core/instrument/load-instrument'
import type { Vocabulary } from '../../../src/core/instrument/meta-schema'
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
