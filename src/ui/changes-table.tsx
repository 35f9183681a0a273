import type { EditionChange } from '../core/assessment/sign-off'

/**
 * What changed from one edition to the next, one row per answer: before and after. `t` is the
 * translator of the language the table is in (the screen's, or a report's).
 */
export function ChangesTable({
  rows,
  t,
}: {
  rows: readonly EditionChange[]
  t: (key: 'report.comparison.item' | `report.changes.${'before' | 'after' | 'empty'}`) => string
}) {
  return (
    <table className="changes-table">
      <thead>
        <tr>
          <th scope="col">{t('report.comparison.item')}</th>
          <th scope="col">{t('report.changes.before')}</th>
          <th scope="col">{t('report.changes.after')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id}>
            <th scope="row">{r.label}</th>
            <td>{r.before || t('report.changes.empty')}</td>
            <td>{r.after || t('report.changes.empty')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
