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
