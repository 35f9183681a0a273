import { startTransition, useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { useText } from '../../i18n/text'
import type { Assessment } from '../../core/assessment/assessment-schema'
import { assessmentFileName, assessmentJson } from '../../core/assessment/file-name'
import { duplicateAssessment, localIsoDate } from '../../core/assessment/new-assessment'
import type { Localized } from '../../core/instrument/base-schema'
import type { Catalogue } from '../../core/instrument/catalogue-data'
import { findVocabulary } from '../../core/instrument/catalogue-data'
import { findInstrument } from '../../core/instrument/find-instrument'
import type { Instrument } from '../../core/instrument/meta-schema'
import type { ValidationIssue } from '../../core/issues/validation-issue'
import {
  addAssessment,
  getStoredAssessment,
  onStorageChange,
  saveAssessment,
} from '../../storage/assessment-store'
import type { CheckedRecord } from '../../storage/checked-assessments'
import { storageMessageKey } from '../../storage/storage-error'
import { download } from '../../ui/download'
import { AssessmentForm, type FormProblem, type SaveOutcome } from '../../form/assessment-form'
import { signOffAssessment, startAmendment } from '../../core/assessment/sign-off'
import type { SignOff } from '../../core/assessment/assessment-schema'
import { AmendmentChanges, SignedView, SignOffDialog, StatusPanel } from './sign-off'
import type { CapturedView } from './captured-answers'
import { IssueList } from '../../ui/issue-list'
import { afterPaint } from '../../ui/after-paint'
import { formatDate } from '../../core/report/format'

const loadChecked = () => import('../../storage/checked-assessments')
// Migrating and its report load when an upgrade is asked for, or a migrated assessment is opened.
const loadUpgrade = () => import('./upgrade-flow')
const loadCaptured = () => import('./captured-answers')

type InstrumentRef = Assessment['instrument']

type Loaded =
  /** `instrument` once the record is read: its heading is drawn while the record is checked. */
  | { kind: 'loading'; instrument?: InstrumentRef }
  | { kind: 'missing' }
  | { kind: 'failed'; error: unknown }
  | { kind: 'invalid'; id: string; raw: unknown; issues: ValidationIssue[] }
  | { kind: 'ready'; record: CheckedRecord & { ok: true }; catalogue: Catalogue }

type Conflict = 'stale' | 'deleted'

/** An upgrade asked for: its code loading, then its flow (the report before anything is saved). */
interface Upgrade {
  version: string
  /** Each ask starts the flow afresh. */
  attempt: number
  module?: Awaited<ReturnType<typeof loadUpgrade>>
  /** Every version of the instrument, loaded with the module. */
  instruments?: readonly Instrument[]
  error?: unknown
}

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

/** The version a migrated record's answers were captured in, read before it is validated. */
function capturedRef(raw: unknown): InstrumentRef | undefined {
  const captured = (raw as { captured?: unknown } | null)?.captured
  return captured === undefined ? undefined : instrumentRef(captured)
}

/** "Er is een nieuwere versie van dit instrument (BAR 1.1.0)" and the way to it. */
function UpgradeNotice({
  instrument,
  version,
  preparing,
  buttonRef,
  onUpgrade,
}: {
  instrument: string
  version: string
  preparing: boolean
  buttonRef: React.RefObject<HTMLButtonElement | null>
  onUpgrade: () => void
}) {
  const { t } = useText()
  return (
    <div className="notice upgrade-notice">
      <p>{t('form.upgrade.notice', { instrument, version })}</p>
      <button type="button" ref={buttonRef} onClick={onUpgrade} aria-disabled={preparing}>
        {t('form.upgrade.action', { version })}
      </button>
      <p role="status" className="travel-status">
        {preparing ? t('form.upgrade.preparing') : ''}
      </p>
    </div>
  )
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
  newerVersionOf,
  versionsFor,
  titleOf,
}: {
  /** The catalogue holding (at least) the assessment's instrument and its vocabulary. */
  catalogueFor: (instrument: InstrumentRef) => Promise<Catalogue>
  assessmentId: string
  /** The newer version of an instrument there is to upgrade to; without it, none is offered. */
  newerVersionOf?: (instrument: InstrumentRef) => string | undefined
  /** Every version of one instrument: read for an upgrade and for answers as captured. */
  versionsFor?: (id: string) => Promise<Catalogue>
  /** An instrument version's title before its file is read (the build-time index has it). */
  titleOf?: (instrument: InstrumentRef) => Localized | undefined
}) {
  const { t, l, lang } = useText()
  const headingOf = (title: Localized, version: string) => `${l(title)} ${version}`
  const [state, setState] = useState<Loaded>({ kind: 'loading' })
  // A stored record is checked by the import loader against its own instrument (and the version
  // its answers were captured in) before it is shown. On the first read, the record's heading is
  // drawn first (the title is in the build-time index: `titleOf`), and the loader (zod and the
  // assessment schemas, which load with the first record, not with the app) and the instrument
  // file are asked for once it is on the screen.
  const read = useCallback(
    // `onRead` on the first read only: a read again after a save keeps the form where it is.
    async (id: string, onRead?: (instrument: InstrumentRef) => void) => {
      const stored = await getStoredAssessment(id)
      if (!stored) return undefined
      const ref = instrumentRef(stored.assessment)
      if (onRead) {
        onRead(ref)
        await afterPaint()
      }
      const checker = loadChecked()
      const catalogue = await catalogueFor(ref)
      const captured = capturedRef(stored.assessment)
      const instruments = captured
        ? [...catalogue.instruments, ...(await catalogueFor(captured)).instruments]
        : catalogue.instruments
      return { record: (await checker).checkRecord(stored, instruments), catalogue }
    },
    [catalogueFor],
  )
  const [conflict, setConflict] = useState<Conflict | undefined>()
  // Storage errors are kept as they are and worded at render, following a language switch.
  const [copyError, setCopyError] = useState<unknown>()
  const storageText = (e: unknown) => t(storageMessageKey(e), { reason: String(e) })
  const session = useRef<Session | undefined>(undefined)

  const show = useCallback((read: { record: CheckedRecord; catalogue: Catalogue } | undefined) => {
    if (session.current) session.current.closed = true
    const record = read?.record
    if (!read || !record?.ok) {
      session.current = undefined
      setState(record && !record.ok ? { kind: 'invalid', ...record } : { kind: 'missing' })
      return
    }
    session.current = { base: record.revision, closed: false, latest: record.assessment }
    setConflict(undefined)
    setState({ kind: 'ready', record, catalogue: read.catalogue })
  }, [])

  useEffect(() => {
    let live = true
    const onRead = (instrument: InstrumentRef) => live && setState({ kind: 'loading', instrument })
    read(assessmentId, onRead).then(
      // The form's first draw in a transition, which React renders in slices (about 200 ms of
      // work at CPU 4x for the example BAR): the page keeps taking input meanwhile. Only here,
      // where there is no form yet to type into; a read again after a save swaps the form at once.
      (record) => live && startTransition(() => show(record)),
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

  const [upgrade, setUpgrade] = useState<Upgrade | undefined>()
  const upgradeButton = useRef<HTMLButtonElement>(null)
  const saveNow = useRef<(() => Promise<void>) | undefined>(undefined)
  const upgradedNote = useRef<HTMLParagraphElement>(null)
  const [justUpgraded, setJustUpgraded] = useState(false)
  const [captured, setCaptured] = useState<{ for: Assessment; view: CapturedView } | undefined>()
  const checkNow = useRef<(() => Promise<FormProblem[]>) | undefined>(undefined)
  const [signing, setSigning] = useState<
    { assessment: Assessment; problems: FormProblem[] } | undefined
  >()
  const [statusError, setStatusError] = useState<{
    key: 'signOff.failed' | 'status.amendFailed' | 'form.fhirFailed'
    error: unknown
  }>()
  const [statusNote, setStatusNote] = useState(false)
  const [amending, setAmending] = useState(false)

  /** Replaces the stored record with `next` (same id, next revision), then shows it afresh. */
  const replaceWith = async (next: Assessment): Promise<boolean> => {
    const own = session.current
    if (!own || own.closed) return false
    own.closed = true
    let result
    try {
      result = await saveAssessment(next, own.base)
    } catch (e) {
      own.closed = false
      throw e
    }
    if (!result.ok) {
      own.closed = false
      setConflict(result.reason)
      return false
    }
    own.base = result.revision
    await read(assessmentId).then(show)
    return true
  }
  // Saves what is waiting, checks every answer, then asks who signs.
  const askSignOff = async () => {
    await saveNow.current?.()
    const problems = (await checkNow.current?.()) ?? []
    const own = session.current
    if (own && !own.closed) setSigning({ assessment: own.latest, problems })
  }
  const signOff = async (signed: SignOff) => {
    const base = signing?.assessment
    setSigning(undefined)
    if (!base) return
    try {
      if (await replaceWith(signOffAssessment(base, signed))) setStatusNote(true)
    } catch (e) {
      setStatusError({ key: 'signOff.failed', error: e })
    }
  }
  const amend = async () => {
    const own = session.current
    if (!own || amending) return
    setAmending(true)
    try {
      await replaceWith(startAmendment(own.latest, new Date()))
    } catch (e) {
      setStatusError({ key: 'status.amendFailed', error: e })
    } finally {
      setAmending(false)
    }
  }

  const askUpgrade = (version: string) => {
    if (upgrade && !upgrade.module && !upgrade.error) return
    const attempt = (upgrade?.attempt ?? 0) + 1
    setUpgrade({ version, attempt })
    const settle = (u: Partial<Upgrade>) =>
      setUpgrade((now) => (now?.attempt === attempt ? { ...now, ...u } : now))
    Promise.all([loadUpgrade(), record && versionsFor?.(record.assessment.instrument.id)]).then(
      ([module, versions]) => settle({ module, instruments: versions?.instruments ?? [] }),
      (error: unknown) => settle({ error }),
    )
  }
  // The report is made from what this tab has, after saving what is still waiting.
  const prepareUpgrade = async () => {
    await saveNow.current?.()
    const own = session.current
    return own && !own.closed ? own.latest : undefined
  }
  const cancelUpgrade = () => {
    setUpgrade(undefined)
    upgradeButton.current?.focus()
  }
  // Replaces the stored record (same id, next revision), refused like any save from an old revision.
  const confirmUpgrade = async (migrated: Assessment) => {
    setUpgrade(undefined)
    const own = session.current
    if (!own || own.closed) return
    // The form of the old version saves nothing from here on.
    own.closed = true
    let result
    try {
      result = await saveAssessment(migrated, own.base)
    } catch (e) {
      own.closed = false
      setCopyError(e)
      return
    }
    if (!result.ok) {
      own.closed = false
      setConflict(result.reason)
      return
    }
    own.base = result.revision
    setJustUpgraded(true)
    read(assessmentId).then(show, (e: unknown) => setState({ kind: 'failed', error: e }))
  }

  // The answers as captured before a migration, per item: loaded only for a migrated assessment.
  useEffect(() => {
    const a = record?.assessment
    if (!a?.captured || !versionsFor) return
    let live = true
    loadCaptured().then(
      (m) => {
        void versionsFor(a.instrument.id).then((versions) => {
          const view = live && m.capturedView(a, versions.instruments)
          if (view) setCaptured({ for: a, view })
        })
      },
      // Only extra information: the form works without it.
      () => undefined,
    )
    return () => {
      live = false
    }
  }, [record, versionsFor])
  useEffect(() => {
    if (justUpgraded && record?.assessment.captured) upgradedNote.current?.focus()
  }, [justUpgraded, record])

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

  if (state.kind === 'loading') {
    const title = state.instrument && titleOf?.(state.instrument)
    // The same heading, in the same place, as the form draws: React keeps the element.
    return title && state.instrument ? (
      <>
        <h1>{headingOf(title, state.instrument.version)}</h1>
        <p role="status">{t('form.loading')}</p>
      </>
    ) : (
      <p role="status">{t('form.loading')}</p>
    )
  }
  if (state.kind === 'invalid') return <InvalidRecord {...state} />
  if (state.kind === 'failed')
    return (
      <>
        <h1>{t('assessments.title')}</h1>
        <p role="alert">{storageText(state.error)}</p>
        <a href="#/assessments">{t('form.back')}</a>
      </>
    )
  const catalogue = state.kind === 'ready' ? state.catalogue : undefined
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
  const heading = headingOf(instrument.title, instrument.version)
  const name = instrument.id.toUpperCase()
  const newer = newerVersionOf?.(instrument)
  const from = record.assessment.captured
  const capturedView = captured?.for === record.assessment ? captured.view : undefined
  const signed = record.assessment.status !== 'concept'
  const exportButton = (
    <button
      type="button"
      onClick={() => {
        const a = session.current?.latest ?? record.assessment
        download(assessmentFileName(a), new Blob([assessmentJson(a)], { type: 'application/json' }))
      }}
    >
      {t('form.export')}
    </button>
  )
  // The FHIR code loads when it is first asked for.
  const fhirButton = (
    <button
      type="button"
      onClick={() => {
        const a = session.current?.latest ?? record.assessment
        void import('../../core/fhir').then(
          (m) =>
            download(
              assessmentFileName(a, 'fhir.json'),
              new Blob([`${JSON.stringify(m.toQuestionnaireResponse(a, instrument), null, 2)}\n`], {
                type: 'application/fhir+json',
              }),
            ),
          (e: unknown) => setStatusError({ key: 'form.fhirFailed', error: e }),
        )
      }}
    >
      {t('form.exportFhir')}
    </button>
  )
  const statusMessages = (
    <>
      <p role="status" className="travel-status">
        {statusNote && signed ? t('signOff.done') : ''}
      </p>
      {statusError && (
        <p role="alert" className="problems">
          {t(statusError.key, { reason: String(statusError.error) })}
        </p>
      )}
    </>
  )
  if (signed)
    return (
      <>
        <h1>{heading}</h1>
        {statusMessages}
        {conflict && (
          <ConflictNotice conflict={conflict} onLoadNewer={loadNewer} onSaveCopy={saveCopy} />
        )}
        <SignedView
          assessment={record.assessment}
          instrument={instrument}
          instruments={catalogue?.instruments ?? []}
          vocabulary={vocabulary}
          onAmend={() => void amend()}
          amending={amending}
          toolbar={
            <>
              {exportButton}
              {fhirButton}
              <a href="#/assessments">{t('form.back')}</a>
            </>
          }
        />
      </>
    )
  return (
    <>
      <h1>{heading}</h1>
      <StatusPanel assessment={record.assessment} />
      {record.assessment.history.length > 0 && (
        <AmendmentChanges
          latest={() => session.current?.latest ?? record.assessment}
          instruments={catalogue?.instruments ?? []}
        />
      )}
      {statusMessages}
      {signing && (
        <SignOffDialog
          assessment={signing.assessment}
          instrument={instrument}
          problems={signing.problems}
          now={new Date()}
          onConfirm={(s) => void signOff(s)}
          onCancel={() => setSigning(undefined)}
        />
      )}
      {from && (
        <div className="upgraded">
          <p id="upgraded-note" ref={upgradedNote} tabIndex={-1}>
            {t('form.upgrade.upgraded', {
              instrument: name,
              from: from.instrument.version,
              date: formatDate(localIsoDate(new Date(from.migratedAt)), lang),
            })}
            {justUpgraded && ` · ${t('form.upgrade.done')}`}
          </p>
          {capturedView?.dropped}
        </div>
      )}
      {newer && (
        <UpgradeNotice
          instrument={name}
          version={newer}
          preparing={upgrade !== undefined && !upgrade.module && upgrade.error === undefined}
          buttonRef={upgradeButton}
          onUpgrade={() => askUpgrade(newer)}
        />
      )}
      {upgrade?.error !== undefined && (
        <p role="alert" className="problems">
          {t('form.upgrade.failed', { reason: String(upgrade.error) })}
        </p>
      )}
      {upgrade?.module && versionsFor && (
        <upgrade.module.UpgradeFlow
          key={`upgrade-${upgrade.attempt}`}
          version={upgrade.version}
          instruments={upgrade.instruments ?? []}
          prepare={prepareUpgrade}
          onConfirm={(migrated) => void confirmUpgrade(migrated)}
          onCancel={cancelUpgrade}
        />
      )}
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
        saveNowRef={saveNow}
        checkRef={checkNow}
        {...(capturedView ? { itemNotes: capturedView.byItem } : {})}
        toolbar={
          <>
            <button type="button" className="primary" onClick={() => void askSignOff()}>
              {t('signOff.open')}
            </button>
            {exportButton}
            {fhirButton}
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
