import { useEffect, useId, useMemo, useRef, useState } from 'react'
import type { Assessment, SignOff } from '../../core/assessment/assessment-schema'
import { AUTHOR_ROLES, type AuthorRole } from '../../core/assessment/constants'
import { localIsoDate } from '../../core/assessment/new-assessment'
import { progress } from '../../core/assessment/progress'
import { editionChanges } from '../../core/assessment/sign-off'
import type { Instrument, Vocabulary } from '../../core/instrument/meta-schema'
import {
  formatDate,
  formatDateInput,
  parseDateInput,
  unitLabelFrom,
} from '../../core/report/format'
import { buildReportModel } from '../../core/report/report-model'
import type { FormProblem } from '../../form/assessment-form'
import { itemName } from '../../form/model/item-name'
import { useText } from '../../i18n/text'
import { EditionHistory, StatusBadge, useSignedText } from '../../ui/assessment-status'
import { ReportView } from '../../ui/report-view'
import { ChangesTable } from '../../ui/changes-table'

/**
 * "Definitief maken": first what is still open or invalid, then who signs, in which role and for
 * which date. Nothing is signed until the author confirms; with open points they confirm twice.
 */
export function SignOffDialog({
  assessment,
  instrument,
  problems,
  now,
  onConfirm,
  onCancel,
}: {
  assessment: Assessment
  instrument: Instrument
  problems: readonly FormProblem[]
  now: Date
  onConfirm: (signOff: SignOff) => void
  onCancel: () => void
}) {
  const { t, l, lang } = useText()
  const id = useId()
  const ref = useRef<HTMLDialogElement>(null)
  const first = useRef<HTMLElement>(null)
  const [name, setName] = useState(assessment.meta.authorName)
  const [role, setRole] = useState<AuthorRole>(assessment.meta.authorRole)
  const [date, setDate] = useState(formatDateInput(localIsoDate(now), lang))
  const [seen, setSeen] = useState(false)
  const [tried, setTried] = useState(false)
  useEffect(() => {
    ref.current?.showModal()
    first.current?.focus()
  }, [])
  const open = useMemo(
    () => progress(instrument, assessment.answers).flatMap((s) => s.open),
    [instrument, assessment],
  )
  const required = open.filter((i) => i.required)
  const issues = required.length + problems.length
  const parsed = parseDateInput(date)
  const nameMissing = name.trim() === ''
  const unconfirmed = issues > 0 && !seen
  const confirm = () => {
    setTried(true)
    if (nameMissing || !parsed.ok || unconfirmed) return
    ref.current?.close()
    onConfirm({ name: name.trim(), role, date: parsed.iso, at: new Date().toISOString() })
  }
  const cancel = () => {
    ref.current?.close()
    onCancel()
  }
  return (
    <dialog
      ref={ref}
      aria-labelledby={`${id}-title`}
      className="dialog dialog-wide"
      onCancel={(e) => {
        e.preventDefault()
        cancel()
      }}
    >
      <h2 id={`${id}-title`}>{t('signOff.title')}</h2>
      <p>{t('signOff.body')}</p>
      <section aria-labelledby={`${id}-open`} className="sign-off-open" tabIndex={-1} ref={first}>
        <h3 id={`${id}-open`} className={issues ? 'is-error' : undefined}>
          {issues
            ? t('signOff.openTitle', { count: issues })
            : t('signOff.allDone', { count: open.length })}
        </h3>
        {issues > 0 && (
          <ul>
            {required.map((i) => (
              <li key={i.id}>{t('signOff.requiredOpen', { label: itemName(i, l) })}</li>
            ))}
            {problems.map((p, k) => (
              <li key={k}>{t('signOff.problem', { label: p.label, message: p.message })}</li>
            ))}
          </ul>
        )}
        {open.length - required.length > 0 && (
          <p className="hint">
            {t('signOff.optionalOpen', { count: open.length - required.length })}
          </p>
        )}
      </section>
      <div className="sign-off-fields">
        <div>
          <label htmlFor={`${id}-name`}>{t('signOff.name')}</label>
          <input
            id={`${id}-name`}
            type="text"
            autoComplete="name"
            maxLength={200}
            value={name}
            aria-invalid={(tried && nameMissing) || undefined}
            aria-describedby={tried && nameMissing ? `${id}-name-error` : undefined}
            onChange={(e) => setName(e.target.value)}
          />
          {tried && nameMissing && (
            <p id={`${id}-name-error`} className="field-error" role="alert">
              {t('signOff.nameMissing')}
            </p>
          )}
        </div>
        <fieldset>
          <legend>{t('signOff.role')}</legend>
          {AUTHOR_ROLES.map((r) => (
            <label key={r} className="option option-inline">
              <input
                type="radio"
                name={`${id}-role`}
                value={r}
                checked={role === r}
                onChange={() => setRole(r)}
              />
              {t(`roles.${r}`)}
            </label>
          ))}
        </fieldset>
        <div>
          <label htmlFor={`${id}-date`}>{t('signOff.date')}</label>
          <input
            id={`${id}-date`}
            type="text"
            autoComplete="off"
            value={date}
            aria-invalid={(tried && !parsed.ok) || undefined}
            aria-describedby={`${id}-date-hint${tried && !parsed.ok ? ` ${id}-date-error` : ''}`}
            onChange={(e) => setDate(e.target.value)}
          />
          <span id={`${id}-date-hint`} className="hint">
            {t('form.dateFormat')}
          </span>
          {tried && !parsed.ok && (
            <p id={`${id}-date-error`} className="field-error" role="alert">
              {t('signOff.dateInvalid')}
            </p>
          )}
        </div>
        {issues > 0 && (
          <div>
            <label className="option">
              <input
                type="checkbox"
                checked={seen}
                aria-invalid={(tried && unconfirmed) || undefined}
                onChange={(e) => setSeen(e.target.checked)}
              />
              {t('signOff.confirmOpen', { count: issues })}
            </label>
            {tried && unconfirmed && (
              <p className="field-error" role="alert">
                {t('signOff.confirmOpenMissing')}
              </p>
            )}
          </div>
        )}
      </div>
      <p className="hint">{t('signOff.readOnlyAfter')}</p>
      <div className="dialog-actions">
        <button type="button" onClick={cancel}>
          {t('signOff.cancel')}
        </button>
        <button type="button" className="primary" onClick={confirm}>
          {t('signOff.confirm')}
        </button>
      </div>
    </dialog>
  )
}

/** The status of an assessment, who signed it off, and its history. */
export function StatusPanel({ assessment }: { assessment: Assessment }) {
  const { t } = useText()
  const signedText = useSignedText()
  return (
    <div className={`status-panel status-panel-${assessment.status}`}>
      <p>
        <StatusBadge assessment={assessment} />{' '}
        {assessment.signedOff
          ? signedText(assessment.signedOff)
          : assessment.history.length
            ? t('status.amending', { edition: assessment.edition - 1 })
            : t('status.conceptHint')}
      </p>
      <EditionHistory assessment={assessment} />
    </div>
  )
}

/** The answers changed since the last signed-off edition, read when the list is opened. */
export function AmendmentChanges({
  latest,
  instruments,
}: {
  /** The assessment as this tab has it now (the saved answers). */
  latest: () => Assessment
  instruments: readonly Instrument[]
}) {
  const { t, lang } = useText()
  const [rows, setRows] = useState<ReturnType<typeof editionChanges> | undefined>()
  const now = latest()
  const previous = now.history.at(-1)
  if (!previous) return null
  const unitLabel = unitLabelFrom((key, o) => String(t(key as 'units.kg', o as never)))
  return (
    <details
      className="amendment-changes"
      onToggle={(e) => {
        if (!e.currentTarget.open) return
        const a = latest()
        setRows(editionChanges({ before: previous, after: a, instruments, lang, unitLabel }))
      }}
    >
      <summary>
        {t('status.changesSince', {
          edition: previous.edition,
          date: formatDate(previous.signedOff.date, lang),
        })}
      </summary>
      {rows && rows.length === 0 && <p>{t('status.noChanges')}</p>}
      {rows && rows.length > 0 && <ChangesTable rows={rows} t={(key) => t(key)} />}
    </details>
  )
}

/**
 * A signed-off assessment, read-only: its status and history, what changed since the edition
 * before, and every answer as the professionals' report holds it. Changing it begins an amendment.
 */
export function SignedView({
  assessment,
  instrument,
  instruments,
  vocabulary,
  onAmend,
  amending,
  toolbar,
}: {
  assessment: Assessment
  instrument: Instrument
  instruments: readonly Instrument[]
  vocabulary: Vocabulary
  onAmend: () => void
  amending: boolean
  toolbar: React.ReactNode
}) {
  const { t, i18n, lang } = useText()
  const model = useMemo(() => {
    const fixed = i18n.getFixedT(lang)
    return buildReportModel({
      lang,
      main: { assessment, instrument },
      instruments,
      vocabulary,
      t: (key, options) => String(fixed(key as 'units.kg', options as never)),
      appVersion: '',
      fingerprint: '',
    })
  }, [assessment, instrument, instruments, vocabulary, i18n, lang])
  return (
    <div className="signed-view">
      <StatusPanel assessment={assessment} />
      <p className="notice">{t('status.readOnly')}</p>
      <div className="toolbar">
        <button type="button" className="primary" onClick={onAmend} aria-disabled={amending}>
          {t('status.amend')}
        </button>
        {toolbar}
      </div>
      <ReportView model={model} showCover={false} />
    </div>
  )
}
