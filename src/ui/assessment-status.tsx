import type { Assessment } from '../core/assessment/assessment-schema'
import { formatDateTime } from '../core/report/format'
import { useText } from '../i18n/text'

/** "Concept", "Definitief · versie 1", "Gewijzigd · versie 2", "Concept · versie 2". */
export function StatusBadge({ assessment }: { assessment: Assessment }) {
  const { t } = useText()
  return (
    <span className={`status-badge status-${assessment.status}`}>
      {t(`status.${assessment.status}`)}
      {(assessment.edition > 1 || assessment.status !== 'concept') &&
        ` · ${t('status.edition', { edition: assessment.edition })}`}
    </span>
  )
}

/** Who signed the assessment off and when, in a sentence; empty for a concept. */
export function useSignedText() {
  const { t, lang } = useText()
  return (signed: NonNullable<Assessment['signedOff']>) =>
    t('status.signedBy', {
      name: signed.name,
      role: t(`roles.${signed.role}`),
      at: formatDateTime(signed.at, lang),
    })
}

/** Every edition of an assessment, the earlier signed ones first and then the current one. */
export function EditionHistory({ assessment }: { assessment: Assessment }) {
  const { t } = useText()
  const signedText = useSignedText()
  if (!assessment.history.length) return null
  return (
    <details className="edition-history">
      <summary>{t('status.history', { count: assessment.history.length + 1 })}</summary>
      <ol>
        {assessment.history.map((e) => (
          <li key={e.edition}>
            {t('status.historyEntry', {
              edition: e.edition,
              status: t(`status.${e.status}`),
              signed: signedText(e.signedOff),
            })}
          </li>
        ))}
        <li>
          {t('status.historyCurrent', {
            edition: assessment.edition,
            status: t(`status.${assessment.status}`),
          })}
          {assessment.signedOff && `: ${signedText(assessment.signedOff)}`}
        </li>
      </ol>
    </details>
  )
}
