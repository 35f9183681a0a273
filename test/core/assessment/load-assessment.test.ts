import { describe, expect, it } from 'vitest'
import type { Assessment } from '../../../src/core/assessment/assessment-schema'
import { loadAssessment } from '../../../src/core/assessment/load-assessment'
import type { Instrument } from '../../../src/core/instrument/meta-schema'
import { assessmentOf, one } from '../../helpers/assessments'
import { minimalInstrument } from '../../helpers/instruments'
import { demoChain } from '../../helpers/migration-chain'

const instrument = minimalInstrument()

function assessment(overrides: Partial<Assessment> = {}): Assessment {
  return {
    format: 'bar-studio/assessment',
    formatVersion: 2,
    id: '0b6f3c1e-8a0c-4f7e-9a51-1d2f3a4b5c6d',
    instrument: { id: 'test', version: '1.0.0' },
    language: 'nl',
    meta: {
      authorRole: 'bedrijfsarts',
      authorName: 'A. Arts',
      employee: 'J.J.',
      assessmentDate: '2026-11-01',
      validUntil: '2027-05-01',
    },
    answers: { keuze: { kind: 'single', choice: 'ja' } },
    createdAt: '2026-11-01T09:00:00.000Z',
    updatedAt: '2026-11-01T10:00:00.000Z',
    status: 'concept',
    edition: 1,
    released: [],
    history: [],
    ...overrides,
  }
}

function problems(input: unknown) {
  const r = loadAssessment(input, [instrument])
  return r.ok ? [] : r.issues.map((i) => `${i.path} ${i.message.en}`)
}

describe('loadAssessment', () => {
  it('accepts a valid assessment and returns it with its instrument', () => {
    const r = loadAssessment(assessment(), [instrument])
    expect(r.ok).toBe(true)
    if (r.ok) expect(r.value.instrument.id).toBe('test')
  })

  it('refuses an unknown instrument and an unknown version, naming the known ones', () => {
    expect(problems(assessment({ instrument: { id: 'izp', version: '1.0.0' } }))).toEqual([
      '$.instrument.id Unknown instrument "izp" (known: test)',
    ])
    expect(problems(assessment({ instrument: { id: 'test', version: '9.0.0' } }))).toEqual([
      '$.instrument.version Version 9.0.0 of test is not known (known: 1.0.0)',
    ])
  })

  it('refuses unknown item ids and answers of the wrong type', () => {
    expect(
      problems(
        assessment({
          answers: {
            'X.1': { kind: 'single', choice: '0' },
            uren: { kind: 'text', text: 'veel' },
          },
        }),
      ),
    ).toEqual([
      '$.answers.uren.kind Wrong answer kind: "text", expected "quantity"',
      '$.answers["X.1"] Unknown item "X.1" in test 1.0.0',
    ])
  })

  it('reports document problems and answer problems together', () => {
    const input = {
      ...assessment(),
      language: 'de',
      answers: { uren: { kind: 'quantity', value: 99 } },
    }
    expect(problems(input)).toEqual([
      '$.language Invalid option: expected one of "nl"|"en"',
      '$.answers.uren.value Must be between 0 and 60',
    ])
  })

  it('refuses a valid-until date before the assessment date', () => {
    const a = assessment()
    expect(problems({ ...a, meta: { ...a.meta, validUntil: '2026-10-01' } })).toEqual([
      '$.meta.validUntil Valid until is before the assessment date',
    ])
  })

  it('refuses something that is not an assessment at all', () => {
    expect(problems([1, 2, 3])).toEqual([
      '$ This is not an assessment file (the field "format" must be "bar-studio/assessment")',
    ])
    expect(problems({ id: 'fml', version: '1.0.0', sections: [] })).toEqual([
      '$ This is an instrument file, not an assessment',
    ])
  })
})

describe('loadAssessment (answers kept from before a migration)', () => {
  const demo = demoChain()
  const [v100, v110] = demo as [Instrument, Instrument, Instrument]
  const captured = {
    instrument: { id: 'demo', version: '1.0.0' },
    answers: { oud: one('a') },
    migratedAt: '2026-11-02T09:00:00.000Z',
    steps: ['demo-1.1.0/rename-oud'],
  }
  const migrated = (c: unknown) => ({ ...assessmentOf(v110, { nieuw: one('a') }), captured: c })
  const problemsIn = (input: unknown) => {
    const r = loadAssessment(input, demo)
    return r.ok ? [] : r.issues.map((i) => `${i.path} ${i.message.en}`)
  }

  it('accepts the captured answers of an earlier version, valid against that version', () => {
    expect(problemsIn(migrated(captured))).toEqual([])
    expect(problemsIn(assessmentOf(v100, { oud: one('a') }))).toEqual([])
  })

  it('refuses captured answers of another instrument, of a version not before, or not valid there', () => {
    expect(
      problemsIn(migrated({ ...captured, instrument: { id: 'bar', version: '1.0.0' } })),
    ).toEqual(['$.captured.instrument.id The original answers belong to "bar", not to "demo"'])
    expect(
      problemsIn(migrated({ ...captured, instrument: { id: 'demo', version: '2.0.0' } })),
    ).toEqual([
      '$.captured.instrument.version The original answers must belong to a version before 1.1.0, not to 2.0.0',
    ])
    expect(problemsIn(migrated({ ...captured, answers: { nieuw: one('a') } }))).toEqual([
      '$.captured.answers.nieuw Unknown item "nieuw" in demo 1.0.0',
    ])
    expect(problemsIn(migrated({ ...captured, steps: ['rename-oud'] }))).toEqual([
      '$.captured.steps[0] "rename-oud" does not have the required form',
    ])
  })
})
