type Lang = 'nl' | 'en'

const LOCALE: Record<Lang, string> = { nl: 'nl-NL', en: 'en-GB' }
const cache = new Map<string, Intl.NumberFormat>()

function formatter(lang: Lang, digits: number, fixed: boolean): Intl.NumberFormat {
  const key = `${lang}:${digits}:${fixed}`
  let f = cache.get(key)
  if (!f) {
    f = new Intl.NumberFormat(LOCALE[lang], {
      // A value that rounds to zero is 0, never "-0,00".
      signDisplay: 'negative',
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

/**
 * A list as the language writes it, with "en" / "and" before the last.
 * @example formatList(['1.0.0', '1.1.0'], 'nl') // → "1.0.0 en 1.1.0"
 */
export function formatList(items: readonly string[], lang: Lang): string {
  return new Intl.ListFormat(LOCALE[lang], { type: 'conjunction' }).format(items)
}

/** A share from 0 to 1 as a whole percentage, e.g. 0.5 → "50%"; "–" when there is none. */
export function formatPercent(share: number | null, lang: Lang): string {
  return share === null ? '–' : `${formatNumber(Math.round(share * 100), lang, 0)}%`
}

/**
 * Names a unit by its id, in the form a value needs ("1 minuut", "2 minuten"); without a value,
 * the general form.
 */
export type UnitLabel = (unit: string, value?: number) => string

/** A translator as the screen, the PDF and the CLI pass one in: i18next's `t`, fixed to a language. */
type Translate = (key: string, options?: Record<string, unknown>) => string

/**
 * The unit labels of a translator: `units.<id>`, by i18next's plural rules when there is a value
 * (`units.minutes_one` for 1), nothing for no unit. The one labeller of the screen, PDF and CLI.
 * @example unitLabelFrom(t)('minutes', 1) // → "minuut" (nl)
 */
export function unitLabelFrom(t: Translate): UnitLabel {
  return (unit, value) =>
    unit ? t(`units.${unit}`, value === undefined ? undefined : { count: shown(value) }) : ''
}

/** A value as `formatNumber` shows it, so that the plural agrees with the figure ("1", not 1.004). */
function shown(n: number): number {
  return Math.round(n * 100) / 100
}

/**
 * A value with its unit, the unit in the form the value needs.
 * @example formatQuantity(1, 'minutes', 'nl', unitLabelFrom(t)) // → "1 minuut"
 */
export function formatQuantity(
  value: number,
  unit: string,
  lang: Lang,
  unitLabel: UnitLabel,
): string {
  return `${formatNumber(value, lang)} ${unitLabel(unit, value)}`.trim()
}

/** A statistic with two decimals, or "–" where it is undefined (never 0 for "no spread"). */
export function formatStatistic(x: number | null, lang: Lang): string {
  return x === null ? '–' : formatter(lang, 2, true).format(x).replace(/^-/, '−')
}

/** What nl-NL and en-GB put between day, month and year when they write a date in figures. */
const DATE_SEPARATOR: Record<Lang, string> = { nl: '-', en: '/' }

const two = (n: number) => String(n).padStart(2, '0')

function dayMonthYear(day: number, month: number, year: number, lang: Lang) {
  const sep = DATE_SEPARATOR[lang]
  return `${two(day)}${sep}${two(month)}${sep}${String(year).padStart(4, '0')}`
}

/**
 * A calendar date (`YYYY-MM-DD`) in figures, day first, as the language writes it: the one date
 * form of the screen, the PDF and the CLI, the same day whatever the time zone. Text that is not
 * such a date is returned as it is.
 * @example formatDate('2027-02-15', 'nl') // → "15-02-2027"
 * @example formatDate('2027-02-15', 'en') // → "15/02/2027"
 */
export function formatDate(iso: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso)
  if (!m) return iso
  return dayMonthYear(Number(m[3]), Number(m[2]), Number(m[1]), lang)
}

/** A moment as a `Date`, or undefined when the text is not one. */
function moment(at: string | Date): Date | undefined {
  const d = typeof at === 'string' ? new Date(at) : at
  return Number.isNaN(d.getTime()) ? undefined : d
}

/**
 * The time of a moment in the user's time zone, hours and minutes on the 24-hour clock nl-NL and
 * en-GB both use. Text that is not a moment is returned as it is.
 * @example formatTime('2027-02-15T09:05:00Z') // → "10:05" in Amsterdam
 */
export function formatTime(at: string | Date): string {
  const d = moment(at)
  if (!d) return String(at)
  return `${two(d.getHours())}:${two(d.getMinutes())}`
}

/**
 * A moment (ISO date-time) in the user's time zone: its date in figures as `formatDate` writes it,
 * then the time. Text that is not a moment is returned as it is.
 * @example formatDateTime('2027-02-15T09:05:00Z', 'nl') // → "15-02-2027 10:05" in Amsterdam
 */
export function formatDateTime(at: string | Date, lang: Lang): string {
  const d = moment(at)
  if (!d) return String(at)
  return `${dayMonthYear(d.getDate(), d.getMonth() + 1, d.getFullYear(), lang)} ${formatTime(d)}`
}

/**
 * A calendar date (`YYYY-MM-DD`) as the user types it in the language: the text a date field
 * shows, the same as `formatDate`, so a date reads as it is typed. Text that is not such a date is
 * returned as it is.
 * @example formatDateInput('2026-11-02', 'nl') // → "02-11-2026"
 */
export function formatDateInput(iso: string, lang: Lang): string {
  return formatDate(iso, lang)
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
  return { ok: true, iso: `${String(year).padStart(4, '0')}-${two(month)}-${two(day)}` }
}
