import { afterEach, describe, expect, it } from 'vitest'
import {
  formatDate,
  formatDateTime,
  formatNumber,
  formatPercent,
  formatStatistic,
} from '../../../src/core/report/format'

describe('formatNumber', () => {
  it('writes a decimal comma in Dutch and a point in English', () => {
    expect(formatNumber(7.5, 'nl')).toBe('7,5')
    expect(formatNumber(7.5, 'en')).toBe('7.5')
    expect(formatNumber(1 / 3, 'nl')).toBe('0,33')
  })
})

describe('formatPercent', () => {
  it('gives a whole percentage, and "–" when there is no share', () => {
    expect(formatPercent(0.5, 'nl')).toBe('50%')
    expect(formatPercent(null, 'en')).toBe('–')
  })
})

describe('formatStatistic', () => {
  it('gives two decimals with a true minus sign, and "–" where it is undefined, never 0', () => {
    expect(formatStatistic(0.4, 'nl')).toBe('0,40')
    expect(formatStatistic(-0.19, 'en')).toBe('−0.19')
    expect(formatStatistic(null, 'nl')).toBe('–')
  })
})

describe('formatDate', () => {
  const tz = process.env.TZ
  afterEach(() => {
    process.env.TZ = tz
  })

  it('writes a calendar date in the language, the same day in any time zone', () => {
    expect(formatDate('2026-11-02', 'nl')).toBe('2 november 2026')
    expect(formatDate('2026-11-02', 'en')).toBe('2 November 2026')
    process.env.TZ = 'America/Los_Angeles'
    expect(formatDate('2026-01-01', 'nl')).toBe('1 januari 2026')
  })

  it('leaves text that is not a calendar date as it is', () => {
    expect(formatDate('morgen', 'nl')).toBe('morgen')
  })
})

describe('formatDateTime', () => {
  const tz = process.env.TZ
  afterEach(() => {
    process.env.TZ = tz
  })

  it('writes a moment with its date and time in the language', () => {
    process.env.TZ = 'Europe/Amsterdam'
    expect(formatDateTime('2026-11-02T09:05:00Z', 'nl')).toBe('2 november 2026 om 10:05')
    expect(formatDateTime('2026-11-02T09:05:00Z', 'en')).toBe('2 November 2026 at 10:05')
    expect(formatDateTime('niet een datum', 'nl')).toBe('niet een datum')
  })
})
