import { useEffect, useId, useState } from 'react'
import type { Assessment } from '../../core/assessment/assessment-schema'
import { itemIndex } from '../../core/instrument/item-index'
import type { Instrument, Item } from '../../core/instrument/meta-schema'
import type { ValidationIssue } from '../../core/issues/validation-issue'
import type { MigrationEntry, MigrationReport, MigrationResult } from '../../core/migration/migrate'
import { migrate } from '../../core/migration/migrate'
import { useText } from '../../i18n/text'
import { ConfirmDialog } from '../../ui/confirm-dialog'
import { IssueList } from '../../ui/issue-list'

/** The groups of the report, what needs a look first. */
const OUTCOMES = ['dropped', 'transformed', 'moved', 'kept'] as const

function countOf(report: MigrationReport, outcome: MigrationEntry['outcome']) {
  return report.entries.filter((e) => e.outcome === outcome).length
}

function Entry({
  entry,
  before,
  after,
}: {
  entry: MigrationEntry
  before: ReadonlyMap<string, Item>
  after: ReadonlyMap<string, Item>
}) {
  const { t, l } = useText()
  const name = (id: string, items: ReadonlyMap<string, Item>) => {
    const item = items.get(id)
    return item ? l(item.label) : id
  }
  const label = <strong>{name(entry.item, before)}</strong>
  switch (entry.outcome) {
    case 'kept':
      return label
    case 'dropped':
      return (
        <>
          {label}
          <span className="hint">{l(entry.reason)}</span>
        </>
      )
    case 'moved':
    case 'transformed': {
      const to = entry.outcome === 'moved' ? [entry.to] : entry.to
      return (
        <>
          {label} {t('form.upgrade.to', { items: to.map((id) => name(id, after)).join(', ') })}
          <span className="hint">{l(entry.how)}</span>
        </>
      )
    }
  }
}

/**
 * What upgrading does to every answer, before anything is saved: the counts, then the answers
 * dropped, transformed, moved and kept, each with the reason. Cancel (the default) changes nothing.
 */
export function UpgradeDialog({
  report,
  instruments,
  onConfirm,
  onCancel,
}: {
  report: MigrationReport
  /** Holds both versions of the report's instrument, for the labels of the items. */
  instruments: readonly Instrument[]
  onConfirm: () => void
  onCancel: () => void
}) {
  const { t } = useText()
  const id = useId()
  const version = (v: string) =>
    instruments.find((i) => i.id === report.instrument && i.version === v)
  const before = itemIndex(version(report.from) as Instrument).items
  const after = itemIndex(version(report.to) as Instrument).items
  const instrument = report.instrument.toUpperCase()
  const groups = OUTCOMES.map((outcome) => ({
    outcome,
    entries: report.entries.filter((e) => e.outcome === outcome),
  })).filter((g) => g.entries.length)
  return (
    <ConfirmDialog
      wide
      title={t('form.upgrade.title', { instrument, version: report.to })}
      body={t('form.upgrade.body', { from: report.from, to: report.to })}
      details={
        <>
          <p>
            <strong>
              {t('migration.summary', {
                instrument,
                from: report.from,
                to: report.to,
                kept: countOf(report, 'kept'),
                moved: countOf(report, 'moved'),
                transformed: countOf(report, 'transformed'),
                dropped: countOf(report, 'dropped'),
              })}
            </strong>
          </p>
          {groups.map(({ outcome, entries }) => {
            const heading = t(`form.upgrade.group.${outcome}`, { count: entries.length })
            const list = (
              <ul>
                {entries.map((e) => (
                  <li key={e.item}>
                    <Entry entry={e} before={before} after={after} />
                  </li>
                ))}
              </ul>
            )
            // What stays as it was is there to check, not to read first.
            return outcome === 'kept' ? (
              <details key={outcome}>
                <summary>{heading}</summary>
                {list}
              </details>
            ) : (
              <section key={outcome} aria-labelledby={`${id}-${outcome}`}>
                <h3 id={`${id}-${outcome}`}>{heading}</h3>
                {list}
              </section>
            )
          })}
        </>
      }
      confirmLabel={t('form.upgrade.confirm')}
      cancelLabel={t('form.upgrade.cancel')}
      onConfirm={onConfirm}
      onCancel={onCancel}
    />
  )
}

type Step =
  | { kind: 'preparing' }
  | { kind: 'asking'; result: MigrationResult }
  | { kind: 'failed'; reason?: string; issues?: ValidationIssue[] }

/**
 * Upgrading an assessment to a later version of its instrument: what is waiting to be saved is
 * saved first, then the migration report is shown, and only "Bijwerken en opslaan" hands the
 * migrated assessment on to be saved. Loaded when an upgrade is asked for.
 */
export function UpgradeFlow({
  version,
  instruments,
  prepare,
  onConfirm,
  onCancel,
}: {
  version: string
  /** Every version of the assessment's instrument. */
  instruments: readonly Instrument[]
  /** Saves what is waiting, then gives the assessment as this tab has it (undefined: closed). */
  prepare: () => Promise<Assessment | undefined>
  onConfirm: (migrated: Assessment) => void
  onCancel: () => void
}) {
  const { t } = useText()
  const [step, setStep] = useState<Step>({ kind: 'preparing' })
  useEffect(() => {
    let live = true
    prepare().then(
      (assessment) => {
        if (!live) return
        if (!assessment) return onCancel()
        const r = migrate(assessment, version, instruments, { now: new Date() })
        setStep(r.ok ? { kind: 'asking', result: r.value } : { kind: 'failed', issues: r.issues })
      },
      (e: unknown) => live && setStep({ kind: 'failed', reason: String(e) }),
    )
    return () => {
      live = false
    }
    // Once per upgrade asked for.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])
  if (step.kind === 'preparing') return null
  if (step.kind === 'failed')
    return (
      <div role="alert" className="problems">
        <p>{t('form.upgrade.failed', { reason: step.reason ?? '' })}</p>
        {step.issues && <IssueList issues={step.issues} />}
      </div>
    )
  const { result } = step
  return (
    <UpgradeDialog
      report={result.report}
      instruments={instruments}
      onConfirm={() => onConfirm(result.assessment)}
      onCancel={onCancel}
    />
  )
}
