import { Fragment, startTransition, useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { useText } from '../../i18n/text'
import type { Assessment } from '../../core/assessment/assessment-schema'
import { findInstrument } from '../../core/instrument/find-instrument'
import { compareAssessments } from '../../core/compare/compare'
import { STATUSES, type Status } from '../../core/compare/diff'
import { STATUS_SYMBOL } from '../../core/compare/status-symbols'
import type { Catalogue } from '../../core/instrument/catalogue-data'
import type { ValidationIssue } from '../../core/issues/validation-issue'
import {
  buildComparisonView,
  type ComparisonCell,
  type ComparisonView,
  type ConclusionSideView,
} from '../../core/report/comparison-view'
import { getComparison, putComparison } from '../../storage/assessment-store'
import { listValidAssessments } from '../../storage/checked-assessments'
import { storageMessageKey } from '../../storage/storage-error'
import { importAssessmentFile } from '../../storage/import-assessment'
import { formatTime, unitLabelFrom } from '../../core/report/format'
import { ScreenWithCatalogue } from '../../ui/with-catalogue'
import { assessmentLabel } from '../../ui/assessment-label'
import { IssueList } from '../../ui/issue-list'

const DIFFERENCES: ReadonlySet<Status> = new Set([
  'ba-more-restrictive',
  'va-more-restrictive',
  'differs',
  'only-ba',
  'only-va',
])

export function StatusBadge({ status }: { status: Status }) {
  const { t } = useText()
  return (
    <span className={`status status-${status}`}>
      <span aria-hidden="true">{STATUS_SYMBOL[status]}</span> {t(`compare.status.${status}`)}
    </span>
  )
}

function Picker(props: {
  id: string
  label: string
  side: string
  value: string
  assessments: Assessment[]
  describe: (a: Assessment) => string
  onChange: (id: string) => void
  onImport: (file: File) => void
}) {
  const { t } = useText()
  return (
    <div className="picker">
      <label htmlFor={props.id}>{props.label}</label>
      <select id={props.id} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        <option value="">{t('compare.choose')}</option>
        {props.assessments.map((a) => (
          <option key={a.id} value={a.id}>
            {props.describe(a)}
          </option>
        ))}
      </select>
      <input
        id={`${props.id}-file`}
        className="visually-hidden"
        type="file"
        accept="application/json,.json"
        onChange={(e) => {
          const file = e.target.files?.[0]
          if (file) props.onImport(file)
          e.target.value = ''
        }}
      />
      <label htmlFor={`${props.id}-file`} className="file-link">
        {t('compare.importFor', { side: props.side })}
      </label>
    </div>
  )
}

function SectionChart({ view }: { view: ComparisonView }) {
  const { t } = useText()
  return (
    <figure className="chart">
      <figcaption>{t('compare.summary.chartTitle')}</figcaption>
      <ul className="chart-rows">
        {view.summary.bySection.map((s) => {
          const details = STATUSES.filter((st) => s.counts[st] > 0)
            .map((st) => `${t(`compare.status.${st}`)} ${s.counts[st]}`)
            .join(', ')
          return (
            <li
              key={s.id}
              aria-label={t('compare.summary.chartLabel', { section: s.label, details })}
            >
              <span className="chart-label" aria-hidden="true">
                {s.label}
              </span>
              <span className="chart-bar" aria-hidden="true">
                {STATUSES.filter((st) => s.counts[st] > 0).map((st) => (
                  <span
                    key={st}
                    className={`chart-segment status-${st}`}
                    style={{ flexGrow: s.counts[st] }}
                    title={`${t(`compare.status.${st}`)}: ${s.counts[st]}`}
                  >
                    {s.counts[st]}
                  </span>
                ))}
              </span>
            </li>
          )
        })}
      </ul>
    </figure>
  )
}

function ConclusionSide({ title, side }: { title: string; side: ConclusionSideView | undefined }) {
  const { t } = useText()
  return (
    <div className="conclusion-side">
      <h3>{title}</h3>
      <p className={`conclusion-state state-${side?.state ?? 'open'}`}>
        <strong>{side?.text ?? t('compare.conclusion.cover.open')}</strong>
      </p>
      {side && side.details.length > 0 && (
        <dl>
          {side.details.map((d) => (
            <div key={d.label}>
              <dt>{d.label}</dt>
              <dd>{d.text}</dd>
            </div>
          ))}
        </dl>
      )}
    </div>
  )
}

/** The overall conclusions of both sides, before any item: the headline difference. */
function Conclusion({ view }: { view: ComparisonView }) {
  const { t } = useText()
  const c = view.conclusion
  const differ = c.status === 'ba-more-restrictive' || c.status === 'va-more-restrictive'
  return (
    <section
      aria-labelledby="conclusion-title"
      className={`card conclusion${differ ? ' conclusion-differs' : ''}`}
    >
      <h2 id="conclusion-title">{t('compare.conclusion.title')}</h2>
      <p className="conclusion-headline">
        {c.status !== 'open' && c.status !== 'only-ba' && c.status !== 'only-va' && (
          <StatusBadge status={c.status} />
        )}{' '}
        <strong>{c.headline}</strong>
      </p>
      <div className="conclusion-sides">
        <ConclusionSide title={t('compare.conclusion.ba')} side={c.ba} />
        <ConclusionSide title={t('compare.conclusion.va')} side={c.va} />
      </div>
      {(view.completeness.ba || view.completeness.va) && (
        <ul className="completeness">
          {view.completeness.ba && (
            <li>
              {t('compare.table.ba')}: {view.completeness.ba}
            </li>
          )}
          {view.completeness.va && (
            <li>
              {t('compare.table.va')}: {view.completeness.va}
            </li>
          )}
        </ul>
      )}
    </section>
  )
}

function Summary({ view }: { view: ComparisonView }) {
  const { t } = useText()
  const s = view.summary
  return (
    <section aria-labelledby="summary-title" className="card summary">
      <h2 id="summary-title">{t('compare.summary.title')}</h2>
      <ul className="summary-lines">
        {s.lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <p>
        {t('compare.summary.agreement')}: <strong>{s.withheld ?? s.agreement}</strong>
      </p>
      {!s.withheld && (
        <div className="kappa">
          <p>{t('compare.summary.kappaTitle')}</p>
          {s.kappa.length ? (
            <table className="kappa-table">
              <thead>
                <tr>
                  <td />
                  <th scope="col">{t('compare.summary.kappaLinear')}</th>
                  <th scope="col">{t('compare.summary.kappaQuadratic')}</th>
                </tr>
              </thead>
              <tbody>
                {s.kappa.map((k) => (
                  <tr key={k.label}>
                    <th scope="row">{k.label}</th>
                    <td>{k.linear}</td>
                    <td>{k.quadratic}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p>{t('compare.summary.kappaNone')}</p>
          )}
        </div>
      )}
      <ul className="status-counts">
        {STATUSES.map((st) => (
          <li key={st}>
            <StatusBadge status={st} />: {s.counts[st]}
          </li>
        ))}
      </ul>
      <SectionChart view={view} />
    </section>
  )
}

function Rows({
  view,
  onlyDifferences,
  notes,
  onNote,
}: {
  view: ComparisonView
  onlyDifferences: boolean
  notes: Record<string, string>
  onNote: (item: string, text: string) => void
}) {
  const { t } = useText()
  const shown = view.rows.filter((r) => !onlyDifferences || DIFFERENCES.has(r.status))
  const bySection = view.sections
    .map((section) => ({ section, rows: shown.filter((r) => r.section === section.id) }))
    .filter((g) => g.rows.length)
  const cell = (c: ComparisonCell) =>
    c.empty ? (
      <span className="muted">{c.text}</span>
    ) : c.implied ? (
      <span className={`implied implied-${c.implied}`}>{c.text}</span>
    ) : (
      c.text
    )
  if (!shown.length) return <p>{t('compare.table.empty')}</p>
  return (
    <div className="table-wrap">
      <table className="comparison">
        <caption>{t('compare.table.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('compare.table.item')}</th>
            <th scope="col">{t('compare.table.ba')}</th>
            <th scope="col">{t('compare.table.va')}</th>
            <th scope="col">{t('compare.table.status')}</th>
            <th scope="col">{t('compare.table.note')}</th>
          </tr>
        </thead>
        <tbody>
          {bySection.map(({ section, rows }) => (
            <Fragment key={section.id}>
              <tr className="group-row">
                <th scope="rowgroup" colSpan={5}>
                  {section.label}
                </th>
              </tr>
              {rows.map((row) => {
                const name = `${row.code ? `${row.code} ` : ''}${row.label}`
                return (
                  <tr key={row.id} className={`row-${row.status}`}>
                    <th scope="row">{name}</th>
                    <td>
                      {cell(row.ba)}
                      {row.sources && (
                        <span className="hint">
                          {t('compare.table.from', { items: row.sources })}
                        </span>
                      )}
                    </td>
                    <td>{cell(row.va)}</td>
                    <td>
                      <StatusBadge status={row.status} />
                      {row.note && <span className="hint">{row.note}</span>}
                    </td>
                    <td>
                      {DIFFERENCES.has(row.status) && (
                        <textarea
                          aria-label={t('compare.table.noteLabel', { item: name })}
                          rows={2}
                          maxLength={2000}
                          value={notes[row.id] ?? ''}
                          onChange={(e) => onNote(row.id, e.target.value)}
                        />
                      )}
                    </td>
                  </tr>
                )
              })}
            </Fragment>
          ))}
        </tbody>
      </table>
    </div>
  )
}

/** The bedrijfsarts's assessment beside the verzekeringsarts's, item by item, with a motivation per difference. */
export function CompareScreen({
  load,
  ...sides
}: {
  load: () => Promise<Catalogue>
  baId: string
  vaId: string
  navigate: (hash: string) => void
}) {
  const { t } = useText()
  return (
    <ScreenWithCatalogue title={t('compare.title')} intro={t('compare.intro')} load={load}>
      {(catalogue) => <Comparison catalogue={catalogue} {...sides} />}
    </ScreenWithCatalogue>
  )
}

function Comparison({
  catalogue,
  baId: routeBa,
  vaId: routeVa,
}: {
  catalogue: Catalogue
  baId: string
  vaId: string
  navigate: (hash: string) => void
}) {
  const { t, lang, l } = useText()
  // The chosen sides live here; the address follows them without a navigation, so choosing with
  // the arrow keys keeps focus in the picker and adds no history entry per step.
  const [sides, setSides] = useState({ ba: routeBa, va: routeVa })
  const [route, setRoute] = useState({ ba: routeBa, va: routeVa })
  if (route.ba !== routeBa || route.va !== routeVa) {
    setRoute({ ba: routeBa, va: routeVa })
    setSides({ ba: routeBa, va: routeVa })
  }
  const { ba: baId, va: vaId } = sides
  // The sides as last chosen, for a choice that comes after a wait (an import).
  const chosen = useRef(sides)
  useEffect(() => {
    chosen.current = sides
  }, [sides])
  const [assessments, setAssessments] = useState<Assessment[] | undefined>()
  const [onlyDifferences, setOnlyDifferences] = useState(false)
  const [notes, setNotes] = useState<Record<string, string>>({})
  const [notesLoadedFor, setNotesLoadedFor] = useState('')
  const [savedAt, setSavedAt] = useState<Date | undefined>()
  const [storageError, setStorageError] = useState<unknown>()
  // Kept as the error itself and worded at render, so the message follows a language switch.
  const storageFailed = useCallback((e: unknown) => setStorageError(e), [])
  const [importProblems, setImportProblems] = useState<ValidationIssue[] | undefined>()
  const saveTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)

  useEffect(() => {
    let live = true
    // Only what still loads as an import would: a record that does not is listed on Beoordelingen.
    // The comparison then draws in a transition, which React renders in slices: the page keeps
    // taking input while the table (about a hundred rows) is made.
    listValidAssessments(catalogue.instruments).then(
      (all) => live && startTransition(() => setAssessments(all)),
      (e: unknown) => live && storageFailed(e),
    )
    return () => {
      live = false
    }
  }, [catalogue, storageFailed])
  const key = `${baId}__${vaId}`
  useEffect(() => {
    if (!baId || !vaId) return
    let live = true
    getComparison(baId, vaId).then(
      (c) => {
        if (!live) return
        setNotes(c?.notes ?? {})
        setNotesLoadedFor(`${baId}__${vaId}`)
      },
      (e: unknown) => live && storageFailed(e),
    )
    return () => {
      live = false
    }
  }, [baId, vaId, storageFailed])

  const ba = assessments?.find((a) => a.id === baId)
  const va = assessments?.find((a) => a.id === vaId)
  const result = useMemo(() => {
    if (!ba || !va) return undefined
    const bi = findInstrument(catalogue.instruments, ba.instrument)
    const vi = findInstrument(catalogue.instruments, va.instrument)
    if (!bi.ok) return bi
    if (!vi.ok) return vi
    return compareAssessments(
      { assessment: ba, instrument: bi.value },
      { assessment: va, instrument: vi.value },
      catalogue,
      { id: '00000000-0000-4000-8000-000000000001', now: new Date(ba.updatedAt) },
    )
  }, [ba, va, catalogue])

  const view = useMemo(() => {
    if (!result?.ok) return undefined
    const translate = (key: string, options?: Record<string, unknown>) =>
      t(key as 'compare.title', options)
    return buildComparisonView(result.value, {
      lang,
      t: translate,
      unitLabel: unitLabelFrom(translate),
    })
  }, [result, lang, t])
  const describe = (a: Assessment) => assessmentLabel(a, catalogue.instruments, t, lang)
  const go = (nextBa: string, nextVa: string) => {
    chosen.current = { ba: nextBa, va: nextVa }
    setSides(chosen.current)
    window.history.replaceState(null, '', `#/compare/${nextBa || '-'}/${nextVa || '-'}`)
  }
  const onImport = (side: 'ba' | 'va') => async (file: File) => {
    let r
    try {
      r = await importAssessmentFile(file, catalogue.instruments)
      if (r.ok) setAssessments(await listValidAssessments(catalogue.instruments))
    } catch (e) {
      storageFailed(e)
      return
    }
    if (!r.ok) {
      setImportProblems(r.issues)
      return
    }
    setImportProblems(undefined)
    // The other side as it is now, not as it was when this file was chosen: two files imported
    // one after the other may finish in either order.
    const other = chosen.current
    if (side === 'ba') go(r.assessment.id, other.va)
    else go(other.ba, r.assessment.id)
  }
  const onNote = (item: string, text: string) => {
    const next = { ...notes, [item]: text }
    setNotes(next)
    clearTimeout(saveTimer.current)
    saveTimer.current = setTimeout(() => {
      void putComparison({
        id: key,
        baId,
        vaId,
        notes: next,
        updatedAt: new Date().toISOString(),
      }).then(() => setSavedAt(new Date()), storageFailed)
    }, 400)
  }

  return (
    <>
      {storageError !== undefined && (
        <p role="alert" className="problems">
          {t(storageMessageKey(storageError), { reason: String(storageError) })}
        </p>
      )}
      {assessments && assessments.length === 0 && <p>{t('compare.none')}</p>}
      <div className="pickers card">
        <Picker
          id="compare-ba"
          label={t('compare.ba')}
          side={t('compare.sideBa')}
          value={baId}
          assessments={assessments ?? []}
          describe={describe}
          onChange={(id) => go(id, vaId)}
          onImport={(f) => void onImport('ba')(f)}
        />
        <Picker
          id="compare-va"
          label={t('compare.va')}
          side={t('compare.sideVa')}
          value={vaId}
          assessments={assessments ?? []}
          describe={describe}
          onChange={(id) => go(baId, id)}
          onImport={(f) => void onImport('va')(f)}
        />
      </div>
      {importProblems && (
        <div role="alert" className="problems">
          <p>{t('assessments.import.failedBody')}</p>
          <IssueList issues={importProblems} />
        </div>
      )}
      {result && !result.ok && (
        <div role="alert" className="problems">
          <h2>{t('compare.refused')}</h2>
          <ul>
            {result.issues.map((i, k) => (
              <li key={k}>{l(i.message)}</li>
            ))}
          </ul>
        </div>
      )}
      {view && (
        <>
          {view.warnings.length > 0 && (
            <div role="alert" className="problems side-warnings">
              <h2>{t('compare.warningsTitle')}</h2>
              <ul>
                {view.warnings.map((w) => (
                  <li key={w}>{w}</li>
                ))}
              </ul>
            </div>
          )}
          {view.migrated && <p className="notice migrated-note">{view.migrated}</p>}
          <Conclusion view={view} />
          {view.derived && <p className="notice">{view.derived}</p>}
          <Summary view={view} />
          <div className="table-tools">
            <label className="check">
              <input
                type="checkbox"
                checked={onlyDifferences}
                onChange={(e) => setOnlyDifferences(e.target.checked)}
              />{' '}
              {t('compare.filter')}
            </label>
            <p role="status" className="save-status">
              {savedAt ? t('compare.notesSaved', { time: formatTime(savedAt) }) : ''}
            </p>
          </div>
          {notesLoadedFor === key && (
            <Rows view={view} onlyDifferences={onlyDifferences} notes={notes} onNote={onNote} />
          )}
        </>
      )}
    </>
  )
}
