import fc from 'fast-check'
import { afterEach, describe, expect, it } from 'vitest'
import { isoDateSchema } from '../../../src/core/assessment/iso-date'
import {
  formatDate,
  formatDateInput,
  formatDateTime,
  formatList,
  formatNumber,
  formatPercent,
  formatQuantity,
  formatStatistic,
  formatTime,
  parseDateInput,
  unitLabelFrom,
} from '../../../src/core/report/format'
import { createFixedT } from '../../../src/i18n/fixed-t'
import { resources } from '../../../src/i18n/resources'

type Translate = (key: string, options?: Record<string, unknown>) => string

describe('formatNumber', () => {
  it('writes a decimal comma in Dutch and a point in English', () => {
    expect(formatNumber(7.5, 'nl')).toBe('7,5')
    expect(formatNumber(7.5, 'en')).toBe('7.5')
    expect(formatNumber(1 / 3, 'nl')).toBe('0,33')
  })
})

describe('formatList', () => {
  it("joins with the language's word before the last", () => {
    expect(formatList(['1.0.0'], 'nl')).toBe('1.0.0')
    expect(formatList(['1.0.0', '1.1.0'], 'nl')).toBe('1.0.0 en 1.1.0')
    expect(formatList(['1.0.0', '1.1.0', '1.2.0'], 'nl')).toBe('1.0.0, 1.1.0 en 1.2.0')
    expect(formatList(['1.0.0', '1.1.0'], 'en')).toBe('1.0.0 and 1.1.0')
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

  it('writes a value that rounds to zero as 0, without a minus sign', () => {
    expect(formatStatistic(-0.001, 'nl')).toBe('0,00')
    expect(formatStatistic(-0.005, 'en')).toBe('−0.01')
    expect(formatNumber(-0.001, 'nl')).toBe('0')
  })
})

describe('formatDate', () => {
  const tz = process.env.TZ
  afterEach(() => {
    process.env.TZ = tz
  })

  it('writes a calendar date in figures, day first, as the language does', () => {
    expect(formatDate('2027-02-15', 'nl')).toBe('15-02-2027')
    expect(formatDate('2027-02-15', 'en')).toBe('15/02/2027')
    expect(formatDate('2026-11-02', 'nl')).toBe('02-11-2026')
  })

  it('gives the same day in any time zone', () => {
    process.env.TZ = 'America/Los_Angeles'
    expect(formatDate('2026-01-01', 'nl')).toBe('01-01-2026')
    process.env.TZ = 'Pacific/Kiritimati'
    expect(formatDate('2026-12-31', 'en')).toBe('31/12/2026')
  })

  it('writes what nl-NL and en-GB write in figures', () => {
    const figures = { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' } as const
    const day = new Date(Date.UTC(2027, 1, 15))
    expect(formatDate('2027-02-15', 'nl')).toBe(
      new Intl.DateTimeFormat('nl-NL', figures).format(day),
    )
    expect(formatDate('2027-02-15', 'en')).toBe(
      new Intl.DateTimeFormat('en-GB', figures).format(day),
    )
  })

  it('leaves text that is not a calendar date as it is', () => {
    expect(formatDate('morgen', 'nl')).toBe('morgen')
    expect(formatDate('2026-11-02T10:00:00Z', 'nl')).toBe('2026-11-02T10:00:00Z')
  })
})

describe('formatTime', () => {
  const tz = process.env.TZ
  afterEach(() => {
    process.env.TZ = tz
  })

  it("writes hours and minutes on the 24-hour clock, in the user's time zone", () => {
    process.env.TZ = 'Europe/Amsterdam'
    expect(formatTime('2027-02-15T09:05:00Z')).toBe('10:05')
    expect(formatTime(new Date('2027-02-15T22:30:59Z'))).toBe('23:30')
    process.env.TZ = 'UTC'
    expect(formatTime('2027-02-15T09:05:00Z')).toBe('09:05')
  })

  it('leaves text that is not a moment as it is', () => {
    expect(formatTime('straks')).toBe('straks')
  })
})

describe('formatDateTime', () => {
  const tz = process.env.TZ
  afterEach(() => {
    process.env.TZ = tz
  })

  it("writes a moment's date in figures and its time, in the user's time zone", () => {
    process.env.TZ = 'Europe/Amsterdam'
    expect(formatDateTime('2027-02-15T09:05:00Z', 'nl')).toBe('15-02-2027 10:05')
    expect(formatDateTime('2027-02-15T09:05:00Z', 'en')).toBe('15/02/2027 10:05')
    // 23:30 UTC is already the next day in Amsterdam.
    expect(formatDateTime(new Date('2027-02-15T23:30:00Z'), 'nl')).toBe('16-02-2027 00:30')
  })

  it('leaves text that is not a moment as it is', () => {
    expect(formatDateTime('niet een datum', 'nl')).toBe('niet een datum')
  })
})

describe('unitLabelFrom', () => {
  const nl = unitLabelFrom(createFixedT('nl') as Translate)
  const en = unitLabelFrom(createFixedT('en') as Translate)

  it("names a unit in the form its value needs, by the language's plural rules", () => {
    expect([nl('minutes', 1), nl('minutes', 2), nl('minutes', 0)]).toEqual([
      'minuut',
      'minuten',
      'minuten',
    ])
    expect([en('minutes', 1), en('hours-per-day', 1), en('hours-per-day', 8)]).toEqual([
      'minute',
      'hour per day',
      'hours per day',
    ])
    expect(nl('times-per-hour', 1)).toBe('keer per uur')
    expect(nl('hours', 1)).toBe('uur')
    expect(en('kg', 1)).toBe('kg')
  })

  it('takes the plural where the figure shown is not 1', () => {
    expect(en('minutes', 1.5)).toBe('minutes')
    expect(nl('minutes', 1.004)).toBe('minuut')
  })

  it('gives the general form without a value, and nothing for no unit', () => {
    expect(nl('minutes')).toBe('minuten')
    expect(en('hours-per-week')).toBe('hours per week')
    expect(nl('', 1)).toBe('')
  })

  it('has a one and an other form in both languages for every unit that has either', () => {
    for (const lang of ['nl', 'en'] as const) {
      const units = resources[lang].translation.units as Record<string, string>
      for (const key of Object.keys(units).filter((k) => k.endsWith('_one'))) {
        const base = key.slice(0, -'_one'.length)
        expect(units[`${base}_other`], `${lang} ${base}`).toBe(units[base])
      }
    }
  })
})

describe('formatQuantity', () => {
  it('writes the value as the language does, with its unit in the form the value needs', () => {
    const nl = unitLabelFrom(createFixedT('nl') as Translate)
    const en = unitLabelFrom(createFixedT('en') as Translate)
    expect(formatQuantity(1, 'minutes', 'nl', nl)).toBe('1 minuut')
    expect(formatQuantity(7.5, 'kg', 'nl', nl)).toBe('7,5 kg')
    expect(formatQuantity(32, 'hours-per-week', 'en', en)).toBe('32 hours per week')
    expect(formatQuantity(3, '', 'nl', nl)).toBe('3')
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
    expect(formatDateInput('2026-11-02', 'nl')).toBe(formatDate('2026-11-02', 'nl'))
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
