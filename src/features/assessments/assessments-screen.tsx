import { formatDate, formatDateTime } from '../../core/report/format'
import { useCallback, useEffect, useState, useSyncExternalStore, type DragEvent } from 'react'
import { useText } from '../../i18n/text'
import type { Assessment } from '../../core/assessment/assessment-schema'
import type { AuthorRole } from '../../core/assessment/constants'
import { assessmentFileName, assessmentJson } from '../../core/assessment/file-name'
import { findInstrument } from '../../core/instrument/find-instrument'
import { duplicateAssessment, newAssessment } from '../../core/assessment/new-assessment'
import { progress } from '../../core/assessment/progress'
import type { Catalogue } from '../../core/instrument/catalogue-data'
import { latestVersions } from '../../core/instrument/catalogue-data'
import type { ValidationIssue } from '../../core/issues/validation-issue'
import { checkSize, MAX_BACKUP_BYTES, parseJsonBytes } from '../../core/assessment/safe-json'
import { addAssessment, deleteAssessment, onStorageChange } from '../../storage/assessment-store'
import { backupJson, isBackup, makeBackup, restoreBackup } from '../../storage/backup'
import { listCheckedAssessments, type CheckedRecord } from '../../storage/checked-assessments'
import { requestPersistence, type Persistence } from '../../storage/persistence'
import { storageMessageKey } from '../../storage/storage-error'
import { lock, onKeyStateChange, tabKey } from '../../storage/tab-key'
import { ConfirmDialog } from '../../ui/confirm-dialog'
import { EditionHistory, StatusBadge } from '../../ui/assessment-status'
import { download } from '../../ui/download'
import { importAssessmentFile } from '../../storage/import-assessment'
import { IssueList } from '../../ui/issue-list'
import { ScreenWithCatalogue } from '../../ui/with-catalogue'

const EXAMPLES = [
  {
    file: 'examples/bar-example.json',
    name: { nl: 'BAR van de bedrijfsarts', en: "The occupational physician's BAR" },
  },
  {
    file: 'examples/fml-example.json',
    name: { nl: 'FML van de verzekeringsarts', en: "The insurance physician's FML" },
  },
] as const

type Notice =
  | { kind: 'ok'; text: string }
  | { kind: 'error'; title: string; issues: ValidationIssue[] }
  | { kind: 'storage'; error: unknown }

type Listed =
  | { kind: 'loading' }
  | { kind: 'failed'; error: unknown }
  | { kind: 'ready'; valid: Assessment[]; invalid: (CheckedRecord & { ok: false })[] }

function downloadJson(name: string, json: string) {
  download(name, new Blob([json], { type: 'application/json' }))
}

function ConfirmDelete({
  assessment,
  label,
  onConfirm,
  onCancel,
}: {
  assessment: Assessment
  label: string
  onConfirm: () => void
  onCancel: () => void
}) {
  const { t } = useText()
  return (
    <ConfirmDialog
      title={t('assessments.confirmDelete.title')}
      body={t('assessments.confirmDelete.body', {
        employee: assessment.meta.employee || t('assessments.list.noEmployee'),
        instrument: label,
      })}
      confirmLabel={t('assessments.confirmDelete.confirm')}
      cancelLabel={t('assessments.confirmDelete.cancel')}
      danger
      onConfirm={onConfirm}
      onCancel={onCancel}
    />
  )
}

/**
 * The drafts in this browser: start, open, duplicate, delete, import, export, and the examples.
 * The heading and introduction come at once; the rest once the instruments have loaded.
 */
export function AssessmentsScreen({
  load,
  navigate,
}: {
  load: () => Promise<Catalogue>
  navigate: (hash: string) => void
}) {
  const { t } = useText()
  return (
    <ScreenWithCatalogue title={t('assessments.title')} intro={t('assessments.intro')} load={load}>
      {(catalogue) => <Assessments catalogue={catalogue} navigate={navigate} />}
    </ScreenWithCatalogue>
  )
}

function Assessments({
  catalogue,
  navigate,
}: {
  catalogue: Catalogue
  navigate: (hash: string) => void
}) {
  const { t, lang, l } = useText()
  const [listed, setListed] = useState<Listed>({ kind: 'loading' })
  const items = listed.kind === 'ready' ? listed.valid : undefined
  const [persistence, setPersistence] = useState<Persistence | undefined>()
  const [notice, setNotice] = useState<Notice | undefined>()
  const [deleting, setDeleting] = useState<Assessment | undefined>()
  const [dragging, setDragging] = useState(false)
  // New assessments start on the latest version of an instrument; earlier versions say so.
  const latest = latestVersions(catalogue.instruments)
  const [choice, setChoice] = useState(() => {
    const first = latest[0]
    return first ? `${first.id}@${first.version}` : ''
  })
  const [role, setRole] = useState<AuthorRole>('bedrijfsarts')
  // Behind the storage gate: with encryption on, this tab holds the key.
  const encrypted = useSyncExternalStore(onKeyStateChange, () => tabKey() !== undefined)

  // Errors are kept as they are and worded at render, so their message follows a language switch.
  const storageText = (e: unknown) => t(storageMessageKey(e), { reason: String(e) })
  // Every record goes through the import loader: one that no longer loads is listed as such.
  const read = useCallback(async (): Promise<Listed> => {
    try {
      const records = await listCheckedAssessments(catalogue.instruments)
      return {
        kind: 'ready',
        valid: records.flatMap((r) => (r.ok ? [r.assessment] : [])),
        invalid: records.flatMap((r) => (r.ok ? [] : [r])),
      }
    } catch (e) {
      return { kind: 'failed', error: e }
    }
  }, [catalogue])
  const refresh = useCallback(async () => setListed(await read()), [read])
  useEffect(() => {
    let live = true
    const load = () =>
      void read().then((r) => {
        if (live) setListed(r)
      })
    load()
    // Saves and deletions in other tabs show up here too.
    const stop = onStorageChange(load)
    return () => {
      live = false
      stop()
    }
  }, [read])
  useEffect(() => {
    let live = true
    void requestPersistence().then((p) => live && setPersistence(p))
    return () => {
      live = false
    }
  }, [])
  /** Runs a storage action; a failure is said, never swallowed. */
  const guarded = (action: () => Promise<void>) => () =>
    void action().catch((e: unknown) => setNotice({ kind: 'storage', error: e }))

  const instrumentLabel = (a: Assessment) => {
    const found = findInstrument(catalogue.instruments, a.instrument)
    return found.ok
      ? `${l(found.value.title)} ${a.instrument.version}`
      : `${a.instrument.id} ${a.instrument.version}`
  }
  const progressText = (a: Assessment) => {
    const found = findInstrument(catalogue.instruments, a.instrument)
    if (!found.ok) return ''
    const p = progress(found.value, a.answers)
    const answered = p.reduce((n, s) => n + s.answered, 0)
    const total = p.reduce((n, s) => n + s.total, 0)
    return t('form.progress', { answered, total })
  }
  const employee = (a: Assessment) => a.meta.employee || t('assessments.list.noEmployee')

  const create = async () => {
    const [id, version] = choice.split('@') as [string, string]
    const found = findInstrument(catalogue.instruments, { id, version })
    if (!found.ok) return
    const a = newAssessment({
      instrument: found.value,
      id: crypto.randomUUID(),
      now: new Date(),
      language: lang,
      authorRole: role,
    })
    await addAssessment(a)
    navigate(`#/assessments/${a.id}`)
  }

  const importFiles = async (files: FileList | null) => {
    const file = files?.[0]
    if (!file) return
    // A back-up of everything may be larger than one assessment; an assessment keeps its own limit.
    const size = checkSize(file.size, MAX_BACKUP_BYTES)
    if (!size.ok) {
      setNotice({
        kind: 'error',
        title: t('assessments.import.failedTitle', { file: file.name }),
        issues: size.issues,
      })
      return
    }
    const json = parseJsonBytes(new Uint8Array(await file.arrayBuffer()), MAX_BACKUP_BYTES)
    if (json.ok && isBackup(json.value)) {
      const restored = await restoreBackup(json.value, catalogue.instruments)
      if (restored.ok) {
        const { assessments, comparisons, present } = restored.value
        setNotice({
          kind: 'ok',
          text: t('assessments.backup.restored', {
            file: file.name,
            assessments: t('assessments.backup.assessmentCount', { count: assessments }),
            comparisons: t('assessments.backup.comparisonCount', { count: comparisons }),
            present,
          }),
        })
        await refresh()
      } else
        setNotice({
          kind: 'error',
          title: t('assessments.import.failedTitle', { file: file.name }),
          issues: restored.issues,
        })
      return
    }
    const r = await importAssessmentFile(file, catalogue.instruments)
    if (r.ok) {
      setNotice({
        kind: 'ok',
        text: t(`assessments.import.${r.result}`, { file: file.name }),
      })
      await refresh()
    } else
      setNotice({
        kind: 'error',
        title: t('assessments.import.failedTitle', { file: file.name }),
        issues: r.issues,
      })
  }

  const openExample = async (file: string, name: string) => {
    const response = await fetch(file)
    const blob = await response.blob()
    const exampleId = (JSON.parse(await blob.text()) as { id?: string }).id
    const existing = items?.find((a) => a.id === exampleId)
    if (existing) {
      navigate(`#/assessments/${existing.id}`)
      return
    }
    const r = await importAssessmentFile(blob, catalogue.instruments)
    if (r.ok) navigate(`#/assessments/${r.assessment.id}`)
    else
      setNotice({
        kind: 'error',
        title: t('assessments.import.failedTitle', { file: name }),
        issues: r.issues,
      })
  }

  const exportAll = async () => {
    const backup = await makeBackup(catalogue.instruments, new Date())
    downloadJson(`bar-studio-backup-${backup.exportedAt.slice(0, 10)}.json`, backupJson(backup))
  }

  const onDrop = (e: DragEvent) => {
    e.preventDefault()
    setDragging(false)
    guarded(() => importFiles(e.dataTransfer.files))()
  }

  return (
    <div onDragOver={(e) => e.preventDefault()} onDrop={onDrop}>
      <div aria-live="polite" className="notices">
        {notice?.kind === 'ok' && <p className="notice">{notice.text}</p>}
      </div>
      {notice?.kind === 'storage' && (
        <p role="alert" className="problems">
          {storageText(notice.error)}
        </p>
      )}
      {notice?.kind === 'error' && (
        <div role="alert" className="problems">
          <h2>{notice.title}</h2>
          <p>{t('assessments.import.failedBody')}</p>
          <IssueList issues={notice.issues} />
        </div>
      )}
      <div className="panels">
        <section aria-labelledby="new-title" className="card">
          <h2 id="new-title">{t('assessments.new.title')}</h2>
          <label htmlFor="new-instrument">{t('assessments.new.instrument')}</label>
          <select id="new-instrument" value={choice} onChange={(e) => setChoice(e.target.value)}>
            {catalogue.instruments.map((i) => (
              <option key={`${i.id}@${i.version}`} value={`${i.id}@${i.version}`}>
                {latest.includes(i)
                  ? `${l(i.title)} ${i.version}`
                  : t('assessments.new.earlierVersion', { title: l(i.title), version: i.version })}
              </option>
            ))}
          </select>
          <label htmlFor="new-role">{t('assessments.new.role')}</label>
          <select
            id="new-role"
            value={role}
            onChange={(e) => setRole(e.target.value as AuthorRole)}
          >
            <option value="bedrijfsarts">{t('roles.bedrijfsarts')}</option>
            <option value="verzekeringsarts">{t('roles.verzekeringsarts')}</option>
          </select>
          <button type="button" className="primary" onClick={guarded(create)}>
            {t('assessments.new.create')}
          </button>
        </section>
        <section
          aria-labelledby="import-title"
          className={`card drop-zone ${dragging ? 'is-dragging' : ''}`}
          onDragEnter={() => setDragging(true)}
          onDragLeave={() => setDragging(false)}
        >
          <h2 id="import-title">{t('assessments.import.title')}</h2>
          <input
            id="import-file"
            className="visually-hidden"
            type="file"
            accept="application/json,.json"
            onChange={(e) => {
              const files = e.target.files
              guarded(() => importFiles(files))()
              e.target.value = ''
            }}
          />
          <label htmlFor="import-file" className="file-button">
            {t('assessments.import.choose')}
          </label>
          <p className="hint">{t('assessments.import.drop')}</p>
        </section>
        <section aria-labelledby="backup-title" className="card">
          <h2 id="backup-title">{t('assessments.backup.title')}</h2>
          <p>{t('assessments.backup.intro')}</p>
          <p className="hint">{t('assessments.backup.plain')}</p>
          <button type="button" onClick={guarded(exportAll)}>
            {t('assessments.backup.export')}
          </button>
          {persistence && (
            <p className="hint" data-persistence={persistence}>
              {t(`assessments.persist.${persistence}`)}
            </p>
          )}
        </section>
        <section aria-labelledby="encryption-title" className="card">
          <h2 id="encryption-title">{t('encryption.title')}</h2>
          <p>{t(encrypted ? 'encryption.stateOn' : 'encryption.stateOff')}</p>
          <p className="row-actions">
            <a href="#/encryption">{t('encryption.settings')}</a>
            {encrypted && (
              <button
                type="button"
                onClick={() => {
                  // The unlock screen takes this one's place: focus stays in the content.
                  document.getElementById('main')?.focus()
                  lock()
                }}
              >
                {t('encryption.lock')}
              </button>
            )}
          </p>
        </section>
        <section aria-labelledby="examples-title" className="card">
          <h2 id="examples-title">{t('assessments.examples.title')}</h2>
          <p>{t('assessments.examples.intro')}</p>
          <ul className="plain">
            {EXAMPLES.map((e) => (
              <li key={e.file}>
                <button type="button" onClick={guarded(() => openExample(e.file, l(e.name)))}>
                  {t('assessments.examples.open', { name: l(e.name) })}
                </button>
              </li>
            ))}
          </ul>
        </section>
      </div>
      <section aria-labelledby="list-title">
        <h2 id="list-title">{t('assessments.list.title')}</h2>
        {listed.kind === 'failed' && (
          <div role="alert" className="problems">
            <p>{t('assessments.list.readFailed')}</p>
            <p>{storageText(listed.error)}</p>
          </div>
        )}
        {listed.kind === 'ready' && listed.invalid.length > 0 && (
          <ul className="plain">
            {listed.invalid.map((r) => (
              <li key={r.id} className="problems">
                <h3>{t('assessments.list.invalidRow', { id: r.id })}</h3>
                <IssueList issues={r.issues} />
                <p className="row-actions">
                  <button
                    type="button"
                    aria-label={t('assessments.list.invalidExportLabel', { id: r.id })}
                    onClick={() =>
                      downloadJson(
                        `${r.id || 'record'}.json`,
                        `${JSON.stringify(r.raw, null, 2)}\n`,
                      )
                    }
                  >
                    {t('form.export')}
                  </button>
                  <button
                    type="button"
                    className="danger"
                    aria-label={t('assessments.list.invalidDeleteLabel', { id: r.id })}
                    onClick={guarded(async () => {
                      await deleteAssessment(r.id)
                      await refresh()
                    })}
                  >
                    {t('assessments.delete')}
                  </button>
                </p>
              </li>
            ))}
          </ul>
        )}
        {listed.kind === 'ready' && listed.valid.length === 0 && listed.invalid.length === 0 && (
          <p>{t('assessments.list.empty')}</p>
        )}
        {items && items.length > 0 && (
          <div className="table-wrap">
            <table className="assessments">
              <thead>
                <tr>
                  <th scope="col">{t('assessments.list.employee')}</th>
                  <th scope="col">{t('assessments.list.instrument')}</th>
                  <th scope="col">{t('assessments.list.author')}</th>
                  <th scope="col">{t('assessments.list.date')}</th>
                  <th scope="col">{t('assessments.list.progress')}</th>
                  <th scope="col">{t('assessments.list.status')}</th>
                  <th scope="col">{t('assessments.list.saved')}</th>
                  <th scope="col">{t('assessments.list.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((a) => (
                  <tr key={a.id}>
                    <th scope="row">
                      <a
                        href={`#/assessments/${a.id}`}
                        aria-label={t('assessments.openLabel', { employee: employee(a) })}
                      >
                        {employee(a)}
                      </a>
                    </th>
                    <td>{instrumentLabel(a)}</td>
                    <td>
                      {t(`roles.${a.meta.authorRole}`)}
                      {a.meta.authorName && `, ${a.meta.authorName}`}
                    </td>
                    <td>
                      <time dateTime={a.meta.assessmentDate}>
                        {formatDate(a.meta.assessmentDate, lang)}
                      </time>
                    </td>
                    <td>{progressText(a)}</td>
                    <td>
                      <StatusBadge assessment={a} />
                      <EditionHistory assessment={a} />
                    </td>
                    <td>
                      <time dateTime={a.updatedAt}>{formatDateTime(a.updatedAt, lang)}</time>
                    </td>
                    <td className="row-actions">
                      <button
                        type="button"
                        aria-label={t('assessments.duplicateLabel', { employee: employee(a) })}
                        onClick={guarded(async () => {
                          await addAssessment(
                            duplicateAssessment(
                              a,
                              crypto.randomUUID(),
                              new Date(),
                              t('assessments.copySuffix'),
                            ),
                          )
                          setNotice({ kind: 'ok', text: t('assessments.duplicated') })
                          await refresh()
                        })}
                      >
                        {t('assessments.duplicate')}
                      </button>
                      <button
                        type="button"
                        aria-label={t('assessments.exportLabel', { employee: employee(a) })}
                        onClick={() =>
                          download(
                            assessmentFileName(a),
                            new Blob([assessmentJson(a)], { type: 'application/json' }),
                          )
                        }
                      >
                        {t('form.export')}
                      </button>
                      <button
                        type="button"
                        className="danger"
                        aria-label={t('assessments.deleteLabel', { employee: employee(a) })}
                        onClick={() => setDeleting(a)}
                      >
                        {t('assessments.delete')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {deleting && (
        <ConfirmDelete
          assessment={deleting}
          label={instrumentLabel(deleting)}
          onCancel={() => setDeleting(undefined)}
          onConfirm={guarded(async () => {
            setDeleting(undefined)
            await deleteAssessment(deleting.id)
            setNotice({ kind: 'ok', text: t('assessments.deleted') })
            await refresh()
          })}
        />
      )}
    </div>
  )
}
