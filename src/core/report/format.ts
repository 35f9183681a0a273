type Lang = 'nl' | 'en'

const LOCALE: Record<Lang, string> = { nl: 'nl-NL', en: 'en-GB' }
const cache = new Map<string, Intl.NumberFormat>()

function formatter(lang: Lang, digits: number, fixed: boolean): Intl.NumberFormat {
  const key = `${lang}:${digits}:${fixed}`
  let f = cache.get(key)
  if (!f) {
    f = new Intl.NumberFormat(LOCALE[lang], {
      maximumFractionDigits: digits,
      ...(fixed ? { minimumFractionDigits: digits } : {}),
    })
    cache.set(key, f)
  }
  return f
}

/**
 * A number as the language writes it: the one formatter of the screen, the PDF and the CLI.
 * @example formatNumber(7.5, 'nl') // → "7,5"
 */
export function formatNumber(n: number, lang: Lang, maximumFractionDigits = 2): string {
  return formatter(lang, maximumFractionDigits, false).format(n)
}

/** A share from 0 to 1 as a whole percentage, e.g. 0.5 → "50%"; "–" when there is none. */
export function formatPercent(share: number | null, lang: Lang): string {
  return share === null ? '–' : `${formatNumber(Math.round(share * 100), lang, 0)}%`
}

/** A statistic with two decimals, or "–" where it is undefined (never 0 for "no spread"). */
export function formatStatistic(x: number | null, lang: Lang): string {
  return x === null ? '–' : formatter(lang, 2, true).format(x).replace(/^-/, '−')
}

const dates = new Map<Lang, Intl.DateTimeFormat>()

/**
 * A calendar date (`YYYY-MM-DD`) as the language writes it, e.g. "2 november 2026": the same day
 * everywhere, whatever the time zone. Text that is not such a date is returned as it is.
 * @example formatDate('2026-11-02', 'en') // → "2 November 2026"
 */
export function formatDate(iso: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso)
  if (!m) return iso
  let f = dates.get(lang)
  if (!f) {
    f = new Intl.DateTimeFormat(LOCALE[lang], {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    })
    dates.set(lang, f)
  }
  return f.format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))))
}

const dateTimes = new Map<Lang, Intl.DateTimeFormat>()

/** A moment (ISO date-time) in the user's time zone, as the language writes it: "2 november 2026 om 10:05". */
export function formatDateTime(iso: string, lang: Lang): string {
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  let f = dateTimes.get(lang)
  if (!f) {
    f = new Intl.DateTimeFormat(LOCALE[lang], { dateStyle: 'long', timeStyle: 'short' })
    dateTimes.set(lang, f)
  }
  return f.format(d)
}

/** What nl-NL and en-GB put between day, month and year when they write a date in figures. */
const DATE_SEPARATOR: Record<Lang, string> = { nl: '-', en: '/' }

/**
 * A calendar date (`YYYY-MM-DD`) as the user types it in the language, day first: the text a date
 * field shows. Text that is not such a date is returned as it is.
 * @example formatDateInput('2026-11-02', 'nl') // → "02-11-2026"
 */
export function formatDateInput(iso: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso)
  if (!m) return iso
  const sep = DATE_SEPARATOR[lang]
  return `${m[3]}${sep}${m[2]}${sep}${m[1]}`
}

/** Why typed text is not a date: nothing typed, not in a date's form, or a day the calendar lacks. */
export type DateInputProblem = 'empty' | 'not-a-date' | 'impossible'

export type DateInput = { ok: true; iso: string } | { ok: false; problem: DateInputProblem }

function isLeapYear(y: number) {
  return y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0)
}

function daysInMonth(y: number, m: number) {
  return m === 2 ? (isLeapYear(y) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31
}

/**
 * A typed date read day first, as both languages write it: day, month and year (1 or 2 digits, 1 or
 * 2 digits, 4 digits) with one separator (`-`, `/`, `.` or a space) between them, or ISO
 * `YYYY-MM-DD`. Month-first is never guessed, so the language does not change the reading.
 * @example parseDateInput('5-3-2027') // → { ok: true, iso: '2027-03-05' }
 * @example parseDateInput('31/02/2026') // → { ok: false, problem: 'impossible' }
 */
export function parseDateInput(text: string): DateInput {
  const s = text.trim()
  if (s === '') return { ok: false, problem: 'empty' }
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s)
  const dmy = /^(\d{1,2})([-/. ])(\d{1,2})\2(\d{4})$/.exec(s)
  const parts = iso ? [iso[1], iso[2], iso[3]] : dmy ? [dmy[4], dmy[3], dmy[1]] : undefined
  if (!parts) return { ok: false, problem: 'not-a-date' }
  const [year, month, day] = parts.map(Number) as [number, number, number]
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month))
    return { ok: false, problem: 'impossible' }
  const two = (n: number) => String(n).padStart(2, '0')
  return { ok: true, iso: `${String(year).padStart(4, '0')}-${two(month)}-${two(day)}` }
}
