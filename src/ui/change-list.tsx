import type { SchemaChange, SchemaDiff } from '../core/instrument/schema-diff'
import { useText } from '../i18n/text'

/** Where a change is, by the ids its path names: `fysiek.tillen / optie 2 · label`. */
function place(change: SchemaChange): string {
  const p = change.path
  return [p.domain, p.section, p.item, p.option, p.quantity, p.exclusion]
    .filter(Boolean)
    .join(' / ')
    .concat(p.field ? ` · ${p.field}` : '')
}

/** A short value for the old → new column: texts in the screen's language, others as JSON. */
function shortValue(value: unknown, lang: 'nl' | 'en'): string {
  if (typeof value === 'string') return value
  if (value && typeof value === 'object' && lang in value)
    return String((value as Record<string, unknown>)[lang])
  return JSON.stringify(value)
}

/** The changes between two versions, with the version step they need: the builder and the instruments screen. */
export function ChangeList({ diff }: { diff: SchemaDiff }) {
  const { t, lang } = useText()
  return (
    <div className="change-list">
      <p>
        <strong>{t(`changes.bump.${diff.bump}`)}</strong> ·{' '}
        {t('changes.count', { count: diff.changes.length })}
      </p>
      {diff.changes.length > 0 && (
        <ul>
          {diff.changes.map((c, k) => (
            <li key={k}>
              {t(`changes.kind.${c.kind}`)}
              {place(c) && (
                <>
                  {' '}
                  <code>{place(c)}</code>
                </>
              )}
              {(c.old !== undefined || c.new !== undefined) && (
                <span className="change-values">
                  {': '}
                  {c.old !== undefined && <del>{shortValue(c.old, lang)}</del>}
                  {c.old !== undefined && c.new !== undefined && ' → '}
                  {c.new !== undefined && <ins>{shortValue(c.new, lang)}</ins>}
                </span>
              )}
              {c.carriedBy && <> ({t('changes.carriedBy', { step: c.carriedBy })})</>}
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
