import { useState } from 'react'
import type { Draft } from '../../core/builder/draft'
import { finishDraft, migrationPreview, savePlan } from '../../core/builder/save-plan'
import type { Assessment } from '../../core/assessment/assessment-schema'
import type { Catalogue } from '../../core/instrument/catalogue-data'
import { compareSemver } from '../../core/instrument/catalogue-data'
import { migrate } from '../../core/migration/migrate'
import type { Instrument, Vocabulary } from '../../core/instrument/meta-schema'
import type { ValidationIssue } from '../../core/issues/validation-issue'
import { formatNumber } from '../../core/report/format'
import { useText } from '../../i18n/text'
import { ChangeList } from '../../ui/change-list'
import { download } from '../../ui/download'
import { IssueList } from '../../ui/issue-list'
import type { CarriedCrosswalk } from '../../storage/library-import'

/** A version just saved, and the crosswalks carried to it. */
export interface SavedVersion {
  instrument: Instrument
  crosswalks: CarriedCrosswalk[]
}

/** The saved assessments on the base version and what the draft's migration would do to them. */
function Affected({
  draft,
  base,
  catalogue,
  assessments,
}: {
  draft: Draft
  base: Instrument
  catalogue: Catalogue
  assessments: readonly Assessment[] | undefined
}) {
  const { t, l, lang } = useText()
  if (!assessments) return <p role="status">{t('builder.affected.loading')}</p>
  // Assessments on an earlier version pass through the base on their way: they count too.
  const now = new Date()
  const throughBase = assessments.flatMap((a) => {
    if (a.instrument.id !== base.id) return []
    if (a.instrument.version === base.version) return [a]
    if (compareSemver(a.instrument.version, base.version) > 0) return []
    const r = migrate(a, base.version, catalogue.instruments, { now })
    return r.ok ? [r.value.assessment] : []
  })
  const preview = migrationPreview(throughBase, base, draft, now)
  const n = (x: number) => formatNumber(x, lang)
  return (
    <section aria-labelledby="affected-title">
      <h3 id="affected-title">{t('builder.affected.title')}</h3>
      <p>
        {t('builder.affected.count', {
          count: preview.affected,
          number: n(preview.affected),
          instrument: `${l(base.title)} ${base.version}`,
        })}
      </p>
      {preview.affected > 0 &&
        (preview.blocked ? (
          <p>{t('builder.affected.blocked')}</p>
        ) : (
          <>
            <p>
              {t('builder.affected.outcomes', {
                kept: n(preview.kept),
                moved: n(preview.moved),
                transformed: n(preview.transformed),
                dropped: n(preview.dropped),
              })}
            </p>
            {preview.byItem.length > 0 && (
              <ul>
                {preview.byItem.map((b) => (
                  <li key={`${b.item}-${b.outcome}`}>
                    <code>{b.item}</code>:{' '}
                    {t(`builder.affected.outcome.${b.outcome}`, {
                      count: b.count,
                      number: n(b.count),
                    })}
                  </li>
                ))}
              </ul>
            )}
          </>
        ))}
    </section>
  )
}

/**
 * Saving as a new version: the version the changes need (proposed, a lower one refused), the
 * changes, the assessments it affects; then the file is downloaded and joins the library.
 */
export function SavePanel({
  draft,
  base,
  vocabulary,
  catalogue,
  problems,
  assessments,
  onSaved,
}: {
  draft: Draft
  base: Instrument
  vocabulary: Vocabulary | undefined
  catalogue: Catalogue
  problems: readonly ValidationIssue[]
  assessments: readonly Assessment[] | undefined
  onSaved: (saved: SavedVersion) => Promise<void>
}) {
  const { t, l } = useText()
  const plan = savePlan(draft, base)
  const proposed = plan.ok ? plan.value.proposed : ''
  // Until the user types a version, it follows the proposal as the draft changes.
  const [typed, setTyped] = useState<string | undefined>()
  const version = typed ?? proposed
  const [refused, setRefused] = useState<ValidationIssue[]>([])
  const [saving, setSaving] = useState(false)
  const save = async () => {
    const finished = finishDraft(draft, version.trim(), base, vocabulary)
    if (!finished.ok) {
      setRefused(finished.issues)
      return
    }
    setSaving(true)
    try {
      const m = await import('../../storage/library-import')
      const r = await m.addInstrumentToLibrary(finished.value, catalogue, 'builder')
      if (!r.ok) {
        setRefused(r.issues)
        return
      }
      const crosswalks = await m.addCarriedCrosswalks(r.instrument, base, catalogue)
      const json = `${JSON.stringify(finished.value, null, 2)}\n`
      download(
        `${r.instrument.id}-${r.instrument.version}.json`,
        new Blob([json], { type: 'application/json' }),
      )
      setRefused([])
      await onSaved({ instrument: r.instrument, crosswalks })
    } catch (e) {
      setRefused([{ path: '', message: { nl: String(e), en: String(e) } }])
    } finally {
      setSaving(false)
    }
  }
  return (
    <section aria-labelledby="save-title" className="builder-save">
      <h2 id="save-title">{t('builder.save.title')}</h2>
      {plan.ok ? (
        <>
          <p>{t('builder.save.proposed', { version: plan.value.proposed, base: base.version })}</p>
          <ChangeList diff={{ bump: plan.value.bump, changes: plan.value.changes }} />
        </>
      ) : (
        <IssueList issues={plan.issues} />
      )}
      <Affected draft={draft} base={base} catalogue={catalogue} assessments={assessments} />
      {problems.length > 0 && (
        <div className="problems">
          <p>{t('builder.save.problems', { count: problems.length })}</p>
          <IssueList issues={problems} />
        </div>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault()
          void save()
        }}
      >
        <label className="field">
          {t('builder.save.version')}
          <input
            value={version}
            spellCheck={false}
            aria-describedby="save-version-hint"
            onChange={(e) => setTyped(e.currentTarget.value)}
          />
        </label>
        <p id="save-version-hint" className="hint">
          {t('builder.save.versionHint')}
        </p>
        <button type="submit" aria-disabled={saving}>
          {t('builder.save.action', { title: l(draft.instrument.title), version: version.trim() })}
        </button>
      </form>
      {refused.length > 0 && (
        <div role="alert" className="problems">
          <p>{t('builder.save.refused')}</p>
          <IssueList issues={refused} />
        </div>
      )}
    </section>
  )
}
