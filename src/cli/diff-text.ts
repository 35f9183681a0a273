import type { ComparisonView } from '../core/report/comparison-view'

function clip(text: string, width: number) {
  return text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width)
}

/**
 * A readable table of a comparison for a terminal: the overall conclusion first, then the summary,
 * then one line per item. The wording is the view's, as on the screen and in the PDF.
 */
export function diffText(view: ComparisonView, t: (key: string) => string): string {
  const c = view.conclusion
  const side = (title: string, s: ComparisonView['conclusion']['ba']) =>
    `  ${title}: ${s ? [s.text, ...s.details.map((d) => `${d.label}: ${d.text}`)].join('; ') : '–'}`
  const s = view.summary
  const lines = [
    ...(view.migrated ? [view.migrated, ''] : []),
    `${t('compare.conclusion.title')}: ${c.headline}`,
    side(t('compare.conclusion.ba'), c.ba),
    side(t('compare.conclusion.va'), c.va),
    ...Object.entries(view.completeness).map(
      ([k, text]) => `  ${t(k === 'ba' ? 'compare.table.ba' : 'compare.table.va')}: ${text}`,
    ),
    '',
    s.lines.join('; '),
    `${t('compare.summary.agreement')}: ${s.withheld ?? s.agreement}`,
    ...(s.withheld
      ? []
      : [
          `${t('compare.summary.kappaTitle')}:`,
          ...(s.kappa.length
            ? s.kappa.map(
                (k) =>
                  `  ${k.label}: ${t('compare.summary.kappaLinear')} ${k.linear}; ${t('compare.summary.kappaQuadratic')} ${k.quadratic}`,
              )
            : [`  ${t('compare.summary.kappaNone')}`]),
        ]),
    Object.entries(s.counts)
      .filter(([, n]) => n > 0)
      .map(([status, n]) => `${t(`compare.status.${status}`)}: ${n}`)
      .join(', '),
    '',
    [
      clip(t('compare.table.item'), 8),
      clip(t('compare.table.ba'), 40),
      clip(t('compare.table.va'), 40),
      t('compare.table.status'),
    ].join(' '),
  ]
  for (const row of view.rows)
    lines.push(
      [
        clip(row.code ?? row.id, 8),
        clip(row.ba.text, 40),
        clip(row.va.text, 40),
        row.statusText,
      ].join(' '),
    )
  return lines.join('\n')
}
