import { diffInstruments } from '../../core/instrument/schema-diff'
import type { Instrument } from '../../core/instrument/meta-schema'
import { useText } from '../../i18n/text'
import { ChangeList } from '../../ui/change-list'
import { IssueList } from '../../ui/issue-list'

/** What changed from one version to the next, and the version step that needs. */
export function VersionChanges({
  previous,
  instrument,
}: {
  previous: Instrument
  instrument: Instrument
}) {
  const { t } = useText()
  const diff = diffInstruments(previous, instrument)
  if (!diff.ok)
    return (
      <div role="alert">
        <p>{t('changes.failed', { reason: '' })}</p>
        <IssueList issues={diff.issues} />
      </div>
    )
  return <ChangeList diff={diff.value} />
}
