import { describe, expect, it } from 'vitest'
import type { AssessmentMeta } from '../../../src/core/assessment/assessment-schema'
import type { MetaValues } from '../../../src/form/model/form-values'
import { checkMeta, metaToSave } from '../../../src/form/model/meta-check'

const saved: AssessmentMeta = {
  authorRole: 'bedrijfsarts',
  authorName: 'Dr. A. de Vries',
  employee: 'W.V.',
  assessmentDate: '2026-11-02',
  validUntil: '2027-05-02',
}

const typed = (meta: Partial<MetaValues>): MetaValues => ({
  authorRole: 'bedrijfsarts',
  authorName: 'Dr. A. de Vries',
  employee: 'W.V.',
  assessmentDate: '02-11-2026',
  validUntil: '02-05-2027',
  ...meta,
})

describe('checkMeta', () => {
  it('finds nothing wrong with dates typed day first, or no end date', () => {
    expect(checkMeta(typed({}))).toEqual([])
    expect(checkMeta(typed({ assessmentDate: '2-11-2026', validUntil: '' }))).toEqual([])
  })

  it('asks for the assessment date when it is empty', () => {
    expect(checkMeta(typed({ assessmentDate: ' ' }))).toEqual([
      {
        name: 'meta.assessmentDate',
        message: { nl: 'Vul de datum van de beoordeling in', en: 'Enter the assessment date' },
      },
    ])
  })

  it('names a date that does not exist and text that is not a date, per field', () => {
    expect(checkMeta(typed({ assessmentDate: '2-11', validUntil: '31-02-2026' }))).toEqual([
      {
        name: 'meta.assessmentDate',
        message: expect.objectContaining({ nl: expect.stringMatching(/^Geen datum/) }),
      },
      {
        name: 'meta.validUntil',
        message: {
          nl: '31-02-2026 bestaat niet: kijk de dag en de maand na',
          en: '31-02-2026 does not exist: check the day and the month',
        },
      },
    ])
  })

  it('finds an end before the start, by date rather than by text', () => {
    expect(checkMeta(typed({ validUntil: '1-11-2026' }))).toEqual([
      {
        name: 'meta.validUntil',
        message: {
          nl: 'Geldig tot ligt vóór de datum van de beoordeling',
          en: 'Valid until is before the assessment date',
        },
      },
    ])
    // As text "02-12-2026" sorts before "03-11-2026"; as a date it is a month later.
    expect(checkMeta(typed({ assessmentDate: '03-11-2026', validUntil: '02-12-2026' }))).toEqual([])
  })
})

describe('metaToSave', () => {
  it('saves the dates typed day first as YYYY-MM-DD, and an emptied end date as none', () => {
    expect(metaToSave(typed({ assessmentDate: '5-3-2027', validUntil: '' }), saved)).toEqual({
      authorRole: 'bedrijfsarts',
      authorName: 'Dr. A. de Vries',
      employee: 'W.V.',
      assessmentDate: '2027-03-05',
    })
  })

  it('keeps the saved date of a field with a typo, and saves the other details', () => {
    const next = metaToSave(typed({ validUntil: '31-02-2027', employee: ' X.Y. ' }), saved)
    expect(next).toEqual({ ...saved, employee: 'X.Y.' })
  })

  it('keeps the saved assessment date when it is emptied or not a date', () => {
    expect(metaToSave(typed({ assessmentDate: '' }), saved).assessmentDate).toBe('2026-11-02')
    expect(metaToSave(typed({ assessmentDate: '2-11-26' }), saved).assessmentDate).toBe(
      '2026-11-02',
    )
  })

  it('never saves an end before the start: both dates keep their saved values', () => {
    expect(metaToSave(typed({ validUntil: '1-11-2026' }), saved)).toEqual(saved)
    // A new start after the saved end, while the end has a typo, would make such a pair too.
    expect(
      metaToSave(typed({ assessmentDate: '1-6-2027', validUntil: '1O-06-2027' }), saved),
    ).toEqual(saved)
  })
})
