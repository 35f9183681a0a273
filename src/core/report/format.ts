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
