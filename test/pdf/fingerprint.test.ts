import { describe, expect, it } from 'vitest'
import { signOffAssessment, startAmendment } from '../../src/core/assessment/sign-off'
import { fingerprint } from '../../src/pdf/fingerprint'
import { assessmentOf, capacity } from '../helpers/assessments'
import { minimalInstrument } from '../helpers/instruments'

describe('the report fingerprint', () => {
  it('covers the status and the edition: a concept, its signed edition and the next differ', async () => {
    const draft = assessmentOf(minimalInstrument(), { tillen: capacity('licht') })
    const signed = signOffAssessment(draft, {
      name: 'A. Arts',
      role: 'bedrijfsarts',
      date: '2026-12-02',
      at: '2026-12-02T10:00:00.000Z',
    })
    const next = startAmendment(signed, new Date('2026-12-03T09:00:00Z'))
    const prints = await Promise.all([draft, signed, next].map(fingerprint))
    expect(new Set(prints).size).toBe(3)
    // The same assessment gives the same print, whatever the order of its keys.
    const reordered = Object.fromEntries(Object.entries(signed).reverse()) as typeof signed
    expect(await fingerprint(reordered)).toBe(prints[1])
  })
})
