import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react'
import { useText } from '../../i18n/text'
import type { Assessment } from '../../core/assessment/assessment-schema'
import { assessmentFileName } from '../../core/assessment/file-name'
import { findInstrument } from '../../core/instrument/find-instrument'
import type { Catalogue } from '../../core/instrument/catalogue-data'
import type { ValidationIssue } from '../../core/issues/validation-issue'
import type { ReportModel } from '../../core/report/report-model'
import { LANGUAGES, type Language } from '../../i18n/i18n'
import type { WorkerMessage } from '../../pdf/pdf-worker'
import { prepareReport } from '../../pdf/prepare-report'
import { getComparison } from '../../storage/assessment-store'
import { listValidAssessments } from '../../storage/checked-assessments'
import { ScreenWithCatalogue } from '../../ui/with-catalogue'
import { assessmentLabel } from '../../ui/assessment-label'
import { download } from '../../ui/download'
import { READERS, type Reader } from '../../core/report/readers'
import { ReportView } from '../../ui/report-view'

type Stage = 'prepare' | 'fonts' | 'render' | 'done'
type Job =
  | { kind: 'idle' }
  | { kind: 'running'; stage: Stage }
  | { kind: 'done'; file: string; pages: number }
  | { kind: 'failed'; reason: string }

declare const __APP_VERSION__: string

// The preview and pdf.js load when a preview is first asked for, not with the report screen.
const PdfPreview = lazy(() => import('./pdf-preview').then((m) => ({ default: m.PdfPreview })))

function Preview({ model }: { model: ReportModel }) {
  const { t } = useText()
  return (
    <section aria-labelledby="preview-title" className="card report-preview">
      <h2 id="preview-title">{t('report.screen.preview')}</h2>
      <dl className="facts">
        <div>
          <dt>{t('report.cover.employee')}</dt>
          <dd>{model.cover.employee || '–'}</dd>
        </div>
        <div>
          <dt>{t('report.cover.assessmentDate')}</dt>
          <dd>{model.cover.assessmentDate}</dd>
        </div>
        <div>
          <dt>{t('report.cover.instruments')}</dt>
          <dd>{model.footer.instruments}</dd>
        </div>
      </dl>
      <ol>
        {model.parts.map((p, i) => {
          const items = p.groups.reduce(
            (n, g) => n + g.sections.reduce((m, s) => m + s.items.length, 0),
            0,
          )
          return (
            <li key={i}>
              {t(`report.part.${p.role}`)}: {p.instrument.title} {p.instrument.version} ({items})
              {p.critical.length > 0 && ` · ${t('report.critical.title')}: ${p.critical.length}`}
            </li>
          )
        })}
        {model.comparison && (
          <li>
            {t('report.comparison.title')} ({model.comparison.rows.length}):{' '}
            {model.comparison.conclusion.headline}
            {model.comparison.migrated && <span className="hint">{model.comparison.migrated}</span>}
          </li>
        )}
        <li>
          {t('report.glossary.title')} ({model.glossary.length})
        </li>
      </ol>
    </section>
  )
}

/** Makes the PDF for labour experts in a Web Worker, so the screen stays responsive. */
export function ReportScreen({ load }: { load: () => Promise<Catalogue> }) {
  const { t } = useText()
  return (
    <ScreenWithCatalogue
      title={t('report.screen.title')}
      intro={t('report.screen.intro')}
      load={load}
    >
      {(catalogue) => <Report catalogue={catalogue} />}
    </ScreenWithCatalogue>
  )
}

function Report({ catalogue }: { catalogue: Catalogue }) {
  const { t, l, lang: uiLang, i18n } = useText()
  const [assessments, setAssessments] = useState<Assessment[] | undefined>()
  const [mainId, setMainId] = useState('')
  const [otherId, setOtherId] = useState('')
  const [pdfLang, setPdfLang] = useState<Language>(uiLang)
  const [model, setModel] = useState<{ key: string; value: ReportModel } | undefined>()
  const [problems, setProblems] = useState<ValidationIssue[] | undefined>()
  const [job, setJob] = useState<Job>({ kind: 'idle' })
  const worker = useRef<Worker | undefined>(undefined)
  const [reader, setReader] = useState<Reader>('professional')
  const [preview, setPreview] = useState<{ key: string; pdf: Blob } | undefined>()

  useEffect(() => {
    let live = true
    // Only what still validates: a stored record that no longer loads is listed on its own screen.
    void listValidAssessments(catalogue.instruments).then((all) => {
      if (!live) return
      setAssessments(all)
      // A BAR first: the report is written around the bedrijfsarts's description.
      const isBar = (a: Assessment) =>
        catalogue.instruments.find((i) => i.id === a.instrument.id)?.family === 'bar'
      setMainId((id) => id || (all.find(isBar) ?? all[0])?.id || '')
    })
    return () => {
      live = false
    }
  }, [catalogue.instruments])
  useEffect(() => () => worker.current?.terminate(), [])

  // The other party's assessment is compared in the professionals' report only.
  const withOther = reader === 'professional' ? otherId : ''
  const main = assessments?.find((a) => a.id === mainId)
  const other = assessments?.find((a) => a.id === withOther)
  const key = `${mainId}|${withOther}|${pdfLang}|${reader}`
  const side = useMemo(
    () => (a: Assessment | undefined) => {
      const found = a && findInstrument(catalogue.instruments, a.instrument)
      return found?.ok && a ? { assessment: a, instrument: found.value } : undefined
    },
    [catalogue],
  )

  useEffect(() => {
    const m = side(main)
    if (!m) return
    let live = true
    const tFixed = i18n.getFixedT(pdfLang)
    void (async () => {
      const notes = other ? await getComparison(main!.id, other.id) : undefined
      const o = side(other)
      const r = await prepareReport({
        main: m,
        ...(o ? { other: o } : {}),
        catalogue,
        ...(notes ? { motivations: notes.notes } : {}),
        lang: pdfLang,
        audience: reader,
        t: (key, options) => tFixed(key as 'units.kg', options),
        appVersion: __APP_VERSION__,
      })
      if (!live) return
      if (r.ok) {
        setModel({ key, value: r.value })
        setProblems(undefined)
      } else {
        setModel(undefined)
        setProblems(r.issues)
      }
    })()
    return () => {
      live = false
    }
  }, [main, other, pdfLang, key, catalogue, side, i18n, reader])
  // A preview shows the PDF of the choices it was made for: any change closes it.
  const shown = preview?.key === key ? preview.pdf : undefined

  const make = (view = false) => {
    if (!model || model.key !== key || !main) return
    const made = key
    setJob({ kind: 'running', stage: 'prepare' })
    // One worker for the visit: fonts and compiled code stay warm for the next PDF.
    const w = (worker.current ??= new Worker(new URL('../../pdf/pdf-worker.ts', import.meta.url), {
      type: 'module',
    }))
    const file = assessmentFileName(
      main,
      'pdf',
      i18n.getFixedT(pdfLang)(`report.variant.${reader}.file`),
    )
    w.onmessage = (e: MessageEvent<WorkerMessage>) => {
      const m = e.data
      if (m.type === 'stage') setJob({ kind: 'running', stage: m.stage })
      else if (m.type === 'failed') setJob({ kind: 'failed', reason: m.reason })
      else if (view) {
        setPreview({ key: made, pdf: m.pdf })
        setJob({ kind: 'idle' })
      } else {
        download(file, m.pdf)
        setJob({ kind: 'done', file, pages: m.pages })
      }
    }
    w.onerror = (e) => {
      setJob({ kind: 'failed', reason: e.message })
      w.terminate()
      worker.current = undefined
    }
    w.postMessage({ model: model.value })
  }

  const describe = (a: Assessment) => assessmentLabel(a, catalogue.instruments, t, uiLang)
  const running = job.kind === 'running'

  return (
    <>
      {assessments && assessments.length === 0 && <p>{t('compare.none')}</p>}
      <div className="card report-form">
        <div>
          <label htmlFor="report-main">{t('report.screen.assessment')}</label>
          <select id="report-main" value={mainId} onChange={(e) => setMainId(e.target.value)}>
            {(assessments ?? []).map((a) => (
              <option key={a.id} value={a.id}>
                {describe(a)}
              </option>
            ))}
          </select>
        </div>
        <fieldset className="report-reader">
          <legend>{t('report.screen.reader')}</legend>
          {READERS.map((r) => (
            <label key={r} className="option">
              <input
                type="radio"
                name="report-reader"
                value={r}
                checked={reader === r}
                onChange={() => setReader(r)}
              />
              {t(`report.variant.${r}.choice`)}
            </label>
          ))}
        </fieldset>
        <div>
          <label htmlFor="report-other">{t('report.screen.compareWith')}</label>
          <select
            id="report-other"
            value={withOther}
            disabled={reader !== 'professional'}
            aria-describedby={reader !== 'professional' ? 'report-other-hint' : undefined}
            onChange={(e) => setOtherId(e.target.value)}
          >
            <option value="">{t('report.screen.none')}</option>
            {(assessments ?? [])
              .filter((a) => a.id !== mainId)
              .map((a) => (
                <option key={a.id} value={a.id}>
                  {describe(a)}
                </option>
              ))}
          </select>
          {reader !== 'professional' && (
            <span id="report-other-hint" className="hint">
              {t('report.screen.otherOnlyProfessional')}
            </span>
          )}
        </div>
        <div>
          <label htmlFor="report-lang">{t('report.screen.pdfLanguage')}</label>
          <select
            id="report-lang"
            value={pdfLang}
            onChange={(e) => setPdfLang(e.target.value as Language)}
          >
            {LANGUAGES.map((lng) => (
              <option key={lng} value={lng} lang={lng}>
                {t(`language.${lng}`)}
              </option>
            ))}
          </select>
        </div>
        <button
          type="button"
          className="primary"
          disabled={running || !model || model.key !== key}
          onClick={() => make()}
        >
          {running ? t('report.screen.making') : t('report.screen.make')}
        </button>
        <button
          type="button"
          disabled={running || !model || model.key !== key}
          onClick={() => (shown ? setPreview(undefined) : make(true))}
        >
          {shown ? t('report.screen.hidePreview') : t('report.screen.view')}
        </button>
      </div>
      <div aria-live="polite" className="report-status">
        {running && (
          <p>
            <progress aria-label={t('report.screen.making')} />{' '}
            {t(`report.screen.stage.${job.stage}`)}
          </p>
        )}
        {job.kind === 'done' && (
          <p className="notice">{t('report.screen.done', { file: job.file, pages: job.pages })}</p>
        )}
      </div>
      {job.kind === 'failed' && (
        <p role="alert" className="problems">
          {t('report.screen.failed', { reason: job.reason })}
        </p>
      )}
      {problems && (
        <div role="alert" className="problems">
          <h2>{t('report.screen.refused')}</h2>
          <ul>
            {problems.map((i, k) => (
              <li key={k}>{l(i.message)}</li>
            ))}
          </ul>
        </div>
      )}
      {shown && (
        <Suspense fallback={<p role="status">{t('report.preview.loading')}</p>}>
          <PdfPreview pdf={shown} />
        </Suspense>
      )}
      {model &&
        model.key === key &&
        (reader === 'professional' ? (
          <Preview model={model.value} />
        ) : (
          // Exactly what goes out to this reader, before any PDF is made.
          <section aria-labelledby="reader-preview-title" className="card report-preview">
            <h2 id="reader-preview-title">
              {t('report.screen.readerPreview', { reader: t(`report.variant.${reader}.name`) })}
            </h2>
            <p className="hint">{t('report.screen.readerPreviewHint')}</p>
            <ReportView model={model.value} headingLevel={3} />
          </section>
        ))}
    </>
  )
}
