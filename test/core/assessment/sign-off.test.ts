import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { loadAssessment } from '../../../src/core/assessment/load-assessment'
import type { Assessment, SignOff } from '../../../src/core/assessment/assessment-schema'
import {
  editionChanges,
  isSignedOff,
  signOffAssessment,
  startAmendment,
} from '../../../src/core/assessment/sign-off'
import {
  upgradeAssessmentFormat,
  formatStepsFrom,
} from '../../../src/core/assessment/format-migrations'
import { assessmentOf, capacity, one } from '../../helpers/assessments'
import { minimalInstrument } from '../../helpers/instruments'
import { deepFreeze } from '../../helpers/deep-freeze'

const instrument = minimalInstrument()
const sign = (at: string): SignOff => ({
  name: 'A. Arts',
  role: 'bedrijfsarts',
  date: at.slice(0, 10),
  at,
})
const draft = deepFreeze(
  assessmentOf(instrument, { keuze: one('ja'), tillen: capacity('licht', { 'max-load': 10 }) }),
)
const unit = (u: string) => `[${u}]`
/** The minimal instrument's "nee" asks for a reason. */
const choice = (c: string) => (c === 'nee' ? { ...one('nee'), specify: 'Reden' } : one(c))

function valid(a: Assessment) {
  const r = loadAssessment(a, [instrument])
  return r.ok ? [] : r.issues.map((i) => `${i.path} ${i.message.en}`)
}

describe('concept, definitief and gewijzigd', () => {
  it('starts as a concept of edition 1 with nothing released and no history', () => {
    expect(draft).toMatchObject({ status: 'concept', edition: 1, released: [], history: [] })
    expect(isSignedOff(draft)).toBe(false)
  })

  it('signs off the first edition as definitief, naming who and when', () => {
    const signed = signOffAssessment(draft, sign('2026-12-02T10:00:00.000Z'))
    expect(signed.status).toBe('definitief')
    expect(signed.signedOff?.name).toBe('A. Arts')
    expect(isSignedOff(signed)).toBe(true)
    expect(valid(signed)).toEqual([])
  })

  it('keeps the signed edition in the history when a change begins, and signs the next as gewijzigd', () => {
    const signed = signOffAssessment(draft, sign('2026-12-02T10:00:00.000Z'))
    const amending = startAmendment(signed, new Date('2026-12-03T09:00:00Z'))
    expect(amending).toMatchObject({ status: 'concept', edition: 2 })
    expect(amending.signedOff).toBeUndefined()
    expect(amending.history).toEqual([
      {
        edition: 1,
        status: 'definitief',
        signedOff: signed.signedOff,
        instrument: signed.instrument,
        meta: signed.meta,
        answers: signed.answers,
        released: [],
      },
    ])
    expect(valid(amending)).toEqual([])
    const changed = { ...amending, answers: { ...amending.answers, keuze: choice('nee') } }
    const again = signOffAssessment(changed, sign('2026-12-03T11:00:00.000Z'))
    expect(again.status).toBe('gewijzigd')
    expect(valid(again)).toEqual([])
    expect(
      editionChanges({
        before: again.history[0] as Assessment['history'][number],
        after: again,
        instruments: [instrument],
        lang: 'nl',
        unitLabel: unit,
      }),
    ).toEqual([
      {
        id: 'keuze',
        label: instrument.sections[0]?.items.find((i) => i.id === 'keuze')?.label.nl,
        before: 'Ja',
        after: 'Nee · Reden',
      },
    ])
  })

  it('refuses a change to what was not signed off', () => {
    expect(() => startAmendment(draft, new Date())).toThrow()
  })

  it('refuses files whose status, sign-off and history disagree, with messages', () => {
    const signed = signOffAssessment(draft, sign('2026-12-02T10:00:00.000Z'))
    expect(valid({ ...draft, signedOff: signed.signedOff as SignOff })).toEqual([
      '$.signedOff A concept has not been signed off, so it has no sign-off',
    ])
    const noSign = { ...signed }
    delete noSign.signedOff
    expect(valid(noSign)).toEqual([
      '$.signedOff An assessment with status "definitief" names who signed it off and when',
    ])
    expect(valid({ ...signed, status: 'gewijzigd' })).toEqual([
      '$.status The first edition cannot be "gewijzigd"',
    ])
    expect(valid({ ...draft, edition: 2 })).toEqual([
      '$.history Edition 2 should keep 1 earlier editions, not 0',
    ])
  })

  it('never loses an answer over any number of sign-offs and changes (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('ja', 'nee'), { minLength: 1, maxLength: 6 }),
        (choices) => {
          let a: Assessment = draft
          choices.forEach((c, k) => {
            a = { ...a, answers: { ...a.answers, keuze: choice(c) } }
            a = signOffAssessment(
              a,
              sign(`2026-12-${String(k + 1).padStart(2, '0')}T10:00:00.000Z`),
            )
            if (k < choices.length - 1)
              a = startAmendment(a, new Date(`2026-12-${String(k + 1).padStart(2, '0')}T11:00:00Z`))
          })
          expect(valid(a)).toEqual([])
          expect(a.edition).toBe(choices.length)
          expect([...a.history.map((e) => e.answers.keuze), a.answers.keuze]).toEqual(
            choices.map((c) => choice(c)),
          )
        },
      ),
      { numRuns: 50 },
    )
  })
})

describe('the assessment file format', () => {
  it('reads a format 1 file as a concept through the named step, changing nothing else', () => {
    const { status, edition, released, history, ...v1 } = { ...draft, formatVersion: 1 }
    void [status, edition, released, history]
    expect(formatStepsFrom(1)).toEqual(['format-1-to-2-status-and-release'])
    expect(upgradeAssessmentFormat(v1)).toEqual(draft)
    expect(valid(v1 as unknown as Assessment)).toEqual([])
  })

  it("leaves today's format and what is no assessment to the validator", () => {
    expect(upgradeAssessmentFormat(draft)).toBe(draft)
    expect(upgradeAssessmentFormat([1])).toEqual([1])
    const future = { ...draft, formatVersion: 3 }
    expect(valid(future as unknown as Assessment)[0]).toMatch(/^\$\.formatVersion/)
  })
})
