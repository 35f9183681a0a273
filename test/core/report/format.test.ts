import fc from 'fast-check'
import { afterEach, describe, expect, it } from 'vitest'
import { isoDateSchema } from '../../../src/core/assessment/iso-date'
import {
  formatDate,
  formatDateInput,
  formatDateTime,
  formatNumber,
  formatPercent,
  formatStatistic,
  parseDateInput,
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

/** Every calendar date from year 0001 to 9999, as `YYYY-MM-DD`. */
const isoDates = fc
  .date({
    min: new Date('0001-01-01T00:00:00Z'),
    max: new Date('9999-12-31T00:00:00Z'),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString().slice(0, 10))

describe('formatDateInput', () => {
  it('writes a calendar date day first, as nl-NL and en-GB write it in figures', () => {
    expect(formatDateInput('2026-11-02', 'nl')).toBe('02-11-2026')
    expect(formatDateInput('2026-11-02', 'en')).toBe('02/11/2026')
    const figures = { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' } as const
    const day = new Date(Date.UTC(2026, 10, 2))
    expect(new Intl.DateTimeFormat('nl-NL', figures).format(day)).toBe('02-11-2026')
    expect(new Intl.DateTimeFormat('en-GB', figures).format(day)).toBe('02/11/2026')
  })

  it('leaves text that is not a calendar date as it is', () => {
    expect(formatDateInput('', 'nl')).toBe('')
    expect(formatDateInput('31-02-2026', 'en')).toBe('31-02-2026')
  })
})

describe('parseDateInput', () => {
  it('reads day, month and year with any one separator, short or padded, and ISO', () => {
    for (const typed of [
      '05-03-2027',
      '5-3-2027',
      '5/3/2027',
      '05.03.2027',
      '5 3 2027',
      '  5-03-2027\t',
      '2027-03-05',
      ' 2027-03-05 ',
    ])
      expect(parseDateInput(typed), typed).toEqual({ ok: true, iso: '2027-03-05' })
  })

  it('reads the day first, never the month, also where month first would make sense', () => {
    expect(parseDateInput('03/05/2027')).toEqual({ ok: true, iso: '2027-05-03' })
    expect(parseDateInput('12/25/2026')).toEqual({ ok: false, problem: 'impossible' })
  })

  it('says when nothing is typed', () => {
    expect(parseDateInput('')).toEqual({ ok: false, problem: 'empty' })
    expect(parseDateInput('   ')).toEqual({ ok: false, problem: 'empty' })
  })

  it('says when the text is not a date: other separators, mixed ones, short years, other orders', () => {
    for (const typed of [
      'morgen',
      '1O-03-2027',
      '5-3-27',
      '5-3/2027',
      '5,3,2027',
      '05032027',
      '5--3-2027',
      '005-03-2027',
      '2027/03/05',
      '2027-3-5',
      '5-3-2027 10:00',
      '５-３-２０２７',
    ])
      expect(parseDateInput(typed), typed).toEqual({ ok: false, problem: 'not-a-date' })
  })

  it('says when a date does not exist: day or month out of range, 29 February outside a leap year', () => {
    for (const typed of [
      '31-02-2026',
      '29-02-2026',
      '29-02-1900',
      '31-04-2026',
      '0-03-2027',
      '05-00-2027',
      '05-13-2027',
      '32-01-2027',
      '2026-02-30',
    ])
      expect(parseDateInput(typed), typed).toEqual({ ok: false, problem: 'impossible' })
    expect(parseDateInput('29-02-2028')).toEqual({ ok: true, iso: '2028-02-29' })
    expect(parseDateInput('29-02-2000')).toEqual({ ok: true, iso: '2000-02-29' })
  })

  it('reads back every date it writes, in both languages', () => {
    fc.assert(
      fc.property(isoDates, fc.constantFrom('nl' as const, 'en' as const), (iso, lang) => {
        expect(parseDateInput(formatDateInput(iso, lang))).toEqual({ ok: true, iso })
      }),
    )
  })

  it('rejects every day past the end of its month', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9999 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 10 }),
        (year, month, past) => {
          const last = new Date(Date.UTC(2000, month, 0))
          last.setUTCFullYear(year, month, 0)
          const day = last.getUTCDate() + past
          const typed = `${day}-${month}-${String(year).padStart(4, '0')}`
          expect(parseDateInput(typed)).toEqual({ ok: false, problem: 'impossible' })
        },
      ),
    )
  })

  it('gives only dates the stored form accepts, and reads every stored date as itself', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), isoDates, (text, iso) => {
        const r = parseDateInput(text)
        if (r.ok) expect(isoDateSchema.safeParse(r.iso).success).toBe(true)
        if (isoDateSchema.safeParse(text).success) expect(r).toEqual({ ok: true, iso: text })
        expect(parseDateInput(iso)).toEqual({ ok: true, iso })
      }),
    )
  })
})
