import { useState } from 'react'
import type { Draft } from '../../core/builder/draft'
import type { Edit } from '../../core/builder/edits'
import type { NodeRef } from '../../core/builder/node-ref'
import { nodeName } from '../../core/builder/node-ref'
import { completeness, translationRows } from '../../core/builder/translations'
import { jsonPath, type ValidationIssue } from '../../core/issues/validation-issue'
import { formatNumber, formatPercent } from '../../core/report/format'
import { useText } from '../../i18n/text'

type TextField =
  | 'title'
  | 'description'
  | 'summary'
  | 'note'
  | 'verified'
  | 'reconstructed'
  | 'label'
  | 'help'
  | 'reason'

/** Every text of the draft, Dutch beside English, with how complete each language is. */
export function TranslationsTable({
  draft,
  onEdit,
  onSelect,
}: {
  draft: Draft
  onEdit: (edit: Edit) => ValidationIssue[]
  onSelect: (ref: NodeRef) => void
}) {
  const { t, lang } = useText()
  const [onlyMissing, setOnlyMissing] = useState(false)
  const rows = translationRows(draft.instrument)
  const done = completeness(rows)
  const missing = (text: string) => !text.trim()
  const shown = onlyMissing ? rows.filter((r) => missing(r.nl) || missing(r.en)) : rows
  const percent = (c: { filled: number; total: number }) =>
    // Floored: 99.6% is not shown as complete.
    formatPercent(c.total ? Math.floor((100 * c.filled) / c.total) / 100 : 1, lang)
  const set = (
    path: Extract<Edit, { op: 'set' }>['path'],
    row: { nl: string; en: string },
    which: 'nl' | 'en',
    text: string,
  ) => onEdit({ op: 'set', path, value: { nl: row.nl, en: row.en, [which]: text } })
  return (
    <section aria-labelledby="translations-title" className="translations">
      <h2 id="translations-title">{t('builder.translations.title')}</h2>
      <ul className="completeness">
        {(['nl', 'en'] as const).map((l) => (
          <li key={l}>
            {t('builder.translations.complete', {
              language: t(`builder.language.${l}`),
              percent: percent(done[l]),
              filled: formatNumber(done[l].filled, lang),
              total: formatNumber(done[l].total, lang),
            })}
          </li>
        ))}
      </ul>
      <label className="check">
        <input
          type="checkbox"
          checked={onlyMissing}
          onChange={(e) => setOnlyMissing(e.currentTarget.checked)}
        />
        {t('builder.translations.onlyMissing')}
      </label>
      <p role="status">{t('builder.translations.shown', { count: shown.length })}</p>
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('builder.translations.where')}</th>
              <th scope="col">{t('builder.language.nl')}</th>
              <th scope="col">{t('builder.language.en')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => {
              const path = jsonPath(row.path)
              const where = `${nodeName(draft.instrument, row.node, lang)}, ${t(`builder.translations.field.${row.field as TextField}`)}`
              return (
                <tr key={path}>
                  <th scope="row">
                    <button type="button" className="link" onClick={() => onSelect(row.node)}>
                      {where}
                    </button>{' '}
                    <code className="hint">{path}</code>
                  </th>
                  {(['nl', 'en'] as const).map((l) => (
                    <td key={l}>
                      <textarea
                        lang={l}
                        rows={2}
                        aria-label={t('builder.translations.cell', {
                          where,
                          language: t(`builder.language.${l}`),
                        })}
                        aria-invalid={missing(row[l]) ? true : undefined}
                        value={row[l]}
                        onChange={(e) => set(row.path, row, l, e.currentTarget.value)}
                      />
                    </td>
                  ))}
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
    </section>
  )
}
