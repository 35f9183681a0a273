import type { Comparison } from '../core/compare/compare'
import type { Status } from '../core/compare/diff'
import { answerText } from '../core/report/answer-text'

type Lang = 'nl' | 'en'

const STATUS_TEXT: Record<Status, { nl: string; en: string }> = {
  agree: { nl: 'eens', en: 'agree' },
  'ba-more-restrictive': { nl: 'BA beperkender', en: 'BA more restrictive' },
  'va-more-restrictive': { nl: 'VA beperkender', en: 'VA more restrictive' },
  differs: { nl: 'anders', en: 'differs' },
  'only-ba': { nl: 'alleen BA', en: 'only BA' },
  'only-va': { nl: 'alleen VA', en: 'only VA' },
  'not-comparable': { nl: 'niet vergelijkbaar', en: 'not comparable' },
}

function clip(text: string, width: number) {
  return text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width)
}

/** A readable table of a comparison, summary first, for a terminal. */
export function diffText(c: Comparison, lang: Lang): string {
  const items = new Map(
    c.instrument.sections.flatMap((s) => s.items.map((i) => [i.id, i] as const)),
  )
  const s = c.summary
  const pct = (x: number | null) => (x === null ? '-' : `${Math.round(x * 100)}%`)
  const lines = [
    lang === 'nl'
      ? `${s.total} items vergeleken; overeenstemming ${pct(s.agreement)}; gewogen kappa ${s.weightedKappa === null ? '-' : s.weightedKappa.toFixed(2)}`
      : `${s.total} items compared; agreement ${pct(s.agreement)}; weighted kappa ${s.weightedKappa === null ? '-' : s.weightedKappa.toFixed(2)}`,
    Object.entries(s.counts)
      .filter(([, n]) => n > 0)
      .map(([status, n]) => `${STATUS_TEXT[status as Status][lang]}: ${n}`)
      .join(', '),
    '',
    [
      clip(lang === 'nl' ? 'item' : 'item', 8),
      clip('BA', 34),
      clip('VA', 34),
      lang === 'nl' ? 'status' : 'status',
    ].join(' '),
  ]
  for (const row of c.rows) {
    const item = items.get(row.item)
    if (!item) continue
    lines.push(
      [
        clip(row.item, 8),
        clip(answerText(item, row.ba, lang), 34),
        clip(answerText(item, row.va, lang), 34),
        STATUS_TEXT[row.status][lang],
      ].join(' '),
    )
  }
  return lines.join('\n')
}
