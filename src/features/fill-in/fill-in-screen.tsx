import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { useText } from '../../i18n/text'
import type { Assessment } from '../../core/assessment/assessment-schema'
import { assessmentFileName, assessmentJson } from '../../core/assessment/file-name'
import { duplicateAssessment, newAssessment } from '../../core/assessment/new-assessment'
import type { Catalogue } from '../../core/instrument/catalogue-data'
import { findVocabulary } from '../../core/instrument/catalogue-data'
import { findInstrument } from '../../core/instrument/find-instrument'
import type { ValidationIssue } from '../../core/issues/validation-issue'
import { addAssessment, onStorageChange, saveAssessment } from '../../storage/assessment-store'
import type { CheckedRecord } from '../../storage/checked-assessments'
import { storageMessageKey } from '../../storage/storage-error'
import { download } from '../../ui/download'
import { AssessmentForm, type SaveOutcome } from './assessment-form'
import { IssueList } from '../../ui/issue-list'

const loadChecked = () => import('../../storage/checked-assessments')

type InstrumentRef = Assessment['instrument']

type Loaded =
  | { kind: 'loading' }
  | { kind: 'missing' }
  | { kind: 'failed'; error: unknown }
  | { kind: 'invalid'; id: string; raw: unknown; issues: ValidationIssue[] }
  | { kind: 'ready'; record: CheckedRecord & { ok: true } }

type Conflict = 'stale' | 'deleted'

const CONFLICT_NOTICE_ID = 'conflict-notice'

/**
 * One form's hold on the stored record: the revision its edits are based on. A session is closed when
 * the form is replaced (newer version loaded, copy made), so a late save of the old form is refused.
 */
interface Session {
  base: number
  closed: boolean
  /** The newest version this tab has, saved or refused: what "save as a copy" keeps. */
  latest: Assessment
}

function ConflictNotice({
  conflict,
  onLoadNewer,
  onSaveCopy,
}: {
  conflict: Conflict
  onLoadNewer: () => void
  onSaveCopy: () => void
}) {
  const { t } = useText()
  return (
    <div role="alert" id={CONFLICT_NOTICE_ID} tabIndex={-1} className="problems conflict">
      <h2>{t(conflict === 'stale' ? 'form.conflict.staleTitle' : 'form.conflict.deletedTitle')}</h2>
      <p>{t(conflict === 'stale' ? 'form.conflict.staleBody' : 'form.conflict.deletedBody')}</p>
      <p className="row-actions">
        {conflict === 'stale' && (
          <button type="button" className="primary" onClick={onLoadNewer}>
            {t('form.conflict.loadNewer')}
          </button>
        )}
        <button type="button" onClick={onSaveCopy}>
          {t('form.conflict.saveCopy')}
        </button>
      </p>
    </div>
  )
}

function instrumentRef(raw: unknown): InstrumentRef {
  const ref = (raw as { instrument?: { id?: unknown; version?: unknown } } | null)?.instrument
  return { id: String(ref?.id ?? ''), version: String(ref?.version ?? '') }
}

/** A stored record that no longer validates: its problems and a way to take it out, never a crash. */
function InvalidRecord({
  id,
  raw,
  issues,
}: {
  id: string
  raw: unknown
  issues: ValidationIssue[]
}) {
  const { t } = useText()
  return (
    <>
      <h1>{t('assessments.title')}</h1>
      <div role="alert" className="problems">
        <h2>{t('storage.invalid.title')}</h2>
        <p>{t('storage.invalid.body')}</p>
        <IssueList issues={issues} />
        <button type="button" onClick={() => downloadRaw(id, raw)}>
          {t('storage.invalid.export')}
        </button>
      </div>
      <a href="#/assessments">{t('form.back')}</a>
    </>
  )
}

function downloadRaw(id: string, raw: unknown) {
  download(
    `${id || 'record'}.json`,
    new Blob([`${JSON.stringify(raw, null, 2)}\n`], { type: 'application/json' }),
  )
}

/** Opens a saved assessment by id and fills it in, saving as the user types. */
export function FillInScreen({
  catalogueFor,
  assessmentId,
}: {
  /** The catalogue holding (at least) the assessment's instrument and its vocabulary. */
  catalogueFor: (instrument: InstrumentRef) => Catalogue
  assessmentId: string
}) {
  const { t, l } = useText()
  const [state, setState] = useState<Loaded>({ kind: 'loading' })
  // A stored record is checked by the import loader against its own instrument before it is shown.
  // The loader (zod and the assessment schemas) loads with the first record, not with the app.
  const read = useCallback(
    (id: string) =>
      loadChecked().then((m) =>
        m.getCheckedAssessment(id, (raw) => catalogueFor(instrumentRef(raw)).instruments),
      ),
    [catalogueFor],
  )
  const [conflict, setConflict] = useState<Conflict | undefined>()
  // Storage errors are kept as they are and worded at render, following a language switch.
  const [copyError, setCopyError] = useState<unknown>()
  const storageText = (e: unknown) => t(storageMessageKey(e), { reason: String(e) })
  const session = useRef<Session | undefined>(undefined)

  const show = useCallback((record: CheckedRecord | undefined) => {
    if (session.current) session.current.closed = true
    if (!record?.ok) {
      session.current = undefined
      setState(record ? { kind: 'invalid', ...record } : { kind: 'missing' })
      return
    }
    session.current = { base: record.revision, closed: false, latest: record.assessment }
    setConflict(undefined)
    setState({ kind: 'ready', record })
  }, [])

  useEffect(() => {
    let live = true
    read(assessmentId).then(
      (record) => live && show(record),
      (e: unknown) => live && setState({ kind: 'failed', error: e }),
    )
    return () => {
      live = false
    }
  }, [assessmentId, show, read])

  // Another tab saving or deleting this assessment is said at once, not only at the next save.
  useEffect(
    () =>
      onStorageChange((change) => {
        const current = session.current
        if (change.id !== assessmentId || !current || current.closed) return
        if (change.kind === 'deleted') setConflict('deleted')
        else if (change.revision > current.base) setConflict('stale')
      }),
    [assessmentId],
  )

  const record = state.kind === 'ready' ? state.record : undefined
  const onSave = useMemo(() => {
    const own = session.current
    return async (next: Assessment): Promise<SaveOutcome> => {
      if (!own || own.closed) return 'refused'
      own.latest = next
      let result
      try {
        result = await saveAssessment(next, own.base)
      } catch (e) {
        throw new Error(t(storageMessageKey(e), { reason: String(e) }), { cause: e })
      }
      if (result.ok) {
        own.base = result.revision
        return 'saved'
      }
      if (!own.closed) setConflict(result.reason)
      return 'refused'
    }
    // A new session (a record loaded) gets a new save function; t only words a failure.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [record])

  const loadNewer = () => void read(assessmentId).then(show, (e: unknown) => setCopyError(e))
  const saveCopy = () => {
    const current = session.current
    if (!current) return
    const copy = duplicateAssessment(
      current.latest,
      crypto.randomUUID(),
      new Date(),
      t('assessments.copySuffix'),
    )
    current.closed = true
    addAssessment(copy).then(
      () => (window.location.hash = `#/assessments/${copy.id}`),
      (e: unknown) => {
        current.closed = false
        setCopyError(e)
      },
    )
  }

  if (state.kind === 'loading') return <p role="status">{t('form.loading')}</p>
  if (state.kind === 'invalid') return <InvalidRecord {...state} />
  if (state.kind === 'failed')
    return (
      <>
        <h1>{t('assessments.title')}</h1>
        <p role="alert">{storageText(state.error)}</p>
        <a href="#/assessments">{t('form.back')}</a>
      </>
    )
  const catalogue = record ? catalogueFor(record.assessment.instrument) : undefined
  const found =
    record && catalogue
      ? findInstrument(catalogue.instruments, record.assessment.instrument)
      : undefined
  const vocabulary =
    found?.ok && catalogue
      ? findVocabulary(catalogue.vocabularies, found.value.vocabulary.version)
      : undefined
  if (!record || !found?.ok || !vocabulary)
    return (
      <>
        <h1>{t('assessments.title')}</h1>
        <p role="alert">{t('form.notFound')}</p>
        <a href="#/assessments">{t('form.back')}</a>
      </>
    )
  const instrument = found.value
  const heading = `${l(instrument.title)} ${instrument.version}`
  return (
    <>
      <h1>{heading}</h1>
      {conflict && (
        <ConflictNotice conflict={conflict} onLoadNewer={loadNewer} onSaveCopy={saveCopy} />
      )}
      {copyError !== undefined && <p role="alert">{storageText(copyError)}</p>}
      <AssessmentForm
        // A newer version loaded is a new form: its inputs start from what is stored.
        key={record.revision}
        instrument={instrument}
        vocabulary={vocabulary}
        assessment={record.assessment}
        onSave={onSave}
        toolbar={
          <>
            <button
              type="button"
              onClick={() => {
                const a = session.current?.latest ?? record.assessment
                download(
                  assessmentFileName(a),
                  new Blob([assessmentJson(a)], { type: 'application/json' }),
                )
              }}
            >
              {t('form.export')}
            </button>
            <a href="#/assessments">{t('form.back')}</a>
            {conflict && (
              // The notice is above the form; this, in the toolbar, is in view wherever one is.
              <button
                type="button"
                className="danger"
                onClick={() => document.getElementById(CONFLICT_NOTICE_ID)?.focus()}
              >
                {t('form.conflict.goTo')}
              </button>
            )}
          </>
        }
      />
    </>
  )
}

/** The form of an instrument without saving anything: for instrument maintainers and the benchmark. */
export function PreviewScreen({
  catalogue,
  id,
  version,
}: {
  catalogue: Catalogue
  id: string
  version: string
}) {
  const { t, l, lang } = useText()
  const found = findInstrument(catalogue.instruments, { id, version })
  const vocabulary = found.ok
    ? findVocabulary(catalogue.vocabularies, found.value.vocabulary.version)
    : undefined
  const [draft] = useState(() =>
    found.ok
      ? newAssessment({
          instrument: found.value,
          id: '00000000-0000-4000-8000-000000000000',
          now: new Date(),
          language: lang,
          authorRole: found.value.authorRoles[0] ?? 'bedrijfsarts',
        })
      : undefined,
  )
  if (!found.ok || !vocabulary || !draft)
    return <p role="alert">{found.ok ? '' : found.issues.map((i) => l(i.message)).join(' ')}</p>
  return (
    <>
      <h1>{t('form.previewTitle', { title: l(found.value.title), version })}</h1>
      <AssessmentForm instrument={found.value} vocabulary={vocabulary} assessment={draft} />
    </>
  )
}
