import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { localIsoDate, newAssessment } from '../../../src/core/assessment/new-assessment'
import { shipped } from '../../helpers/instruments'

describe('newAssessment', () => {
  const tz = process.env.TZ
  beforeEach(() => {
    process.env.TZ = 'Europe/Amsterdam'
  })
  afterEach(() => {
    process.env.TZ = tz
  })

  it('dates a new assessment with the local date, not the UTC date, just after midnight', () => {
    // 00:30 on 2 December in Amsterdam is still 1 December in UTC.
    const now = new Date('2026-12-01T23:30:00Z')
    const a = newAssessment({
      instrument: shipped('bar'),
      id: '11111111-1111-4111-8111-111111111111',
      now,
      language: 'nl',
      authorRole: 'bedrijfsarts',
    })
    expect(a.meta.assessmentDate).toBe('2026-12-02')
    expect(a.createdAt).toBe('2026-12-01T23:30:00.000Z')
  })

  it('gives the same date as UTC in the middle of the day', () => {
    expect(localIsoDate(new Date('2026-06-15T12:00:00Z'))).toBe('2026-06-15')
  })
})
