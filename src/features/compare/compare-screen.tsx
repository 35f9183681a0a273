import { Fragment, useEffect, useMemo, useRef, useState } from 'react'
import { useText } from '../../i18n/text'
import type { Assessment } from '../../core/assessment/assessment-schema'
import { findInstrument } from '../../core/instrument/find-instrument'
import { compareAssessments, type Comparison } from '../../core/compare/compare'
import { STATUSES, type DiffRow, type Status } from '../../core/compare/diff'
import { STATUS_SYMBOL } from '../../core/compare/status-symbols'
import { itemIndex } from '../../core/instrument/item-index'
import type { Catalogue } from '../../core/instrument/catalogue-data'
import type { Item } from '../../core/instrument/meta-schema'
import type { ValidationIssue } from '../../core/issues/validation-issue'
import { answerText } from '../../core/report/answer-text'
import { getComparison, listAssessments, putComparison } from '../../storage/assessment-store'
import { importAssessmentFile } from '../../storage/import-assessment'
import { assessmentLabel } from '../../ui/assessment-label'

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

function SectionChart({ comparison }: { comparison: Comparison }) {
  const { t, l } = useText()
  const sections = new Map(comparison.instrument.sections.map((s) => [s.id, s]))
  return (
    <figure className="chart">
      <figcaption>{t('compare.summary.chartTitle')}</figcaption>
      <ul className="chart-rows">
        {comparison.summary.bySection.map((s) => {
          const label = sections.get(s.section) ? l(sections.get(s.section)!.label) : s.section
          const details = STATUSES.filter((st) => s.counts[st] > 0)
            .map((st) => `${t(`compare.status.${st}`)} ${s.counts[st]}`)
            .join(', ')
          return (
            <li
              key={s.section}
              aria-label={t('compare.summary.chartLabel', { section: label, details })}
            >
              <span className="chart-label" aria-hidden="true">
                {s.section.length <= 4 ? `${s.section} ` : ''}
                {label}
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

function Summary({ comparison }: { comparison: Comparison }) {
  const { t, lang } = useText()
  const s = comparison.summary
  const pct = (x: number | null) =>
    x === null ? t('compare.summary.notAvailable') : `${Math.round(x * 100)}%`
  return (
    <section aria-labelledby="summary-title" className="card summary">
      <h2 id="summary-title">{t('compare.summary.title')}</h2>
      <p>
        {t('compare.summary.compared', { count: s.total })}. {t('compare.summary.agreement')}:{' '}
        <strong>{pct(s.agreement)}</strong>. {t('compare.summary.kappa')}:{' '}
        <strong>
          {s.weightedKappa === null
            ? t('compare.summary.notAvailable')
            : s.weightedKappa.toLocaleString(lang, { maximumFractionDigits: 2 })}
        </strong>
        .
      </p>
      <ul className="status-counts">
        {STATUSES.map((st) => (
          <li key={st}>
            <StatusBadge status={st} />: {s.counts[st]}
          </li>
        ))}
      </ul>
      <SectionChart comparison={comparison} />
    </section>
  )
}

function Rows({
  comparison,
  sourceLabel,
  onlyDifferences,
  notes,
  onNote,
}: {
  comparison: Comparison
  /** The label of a source item of the derived side, e.g. BAR "fysiek.tillen" → "Tillen". */
  sourceLabel: (id: string) => string
  onlyDifferences: boolean
  notes: Record<string, string>
  onNote: (item: string, text: string) => void
}) {
  const { t, lang, l } = useText()
  const items = useMemo(
    () =>
      new Map(
        comparison.instrument.sections.flatMap((s) => s.items.map((i) => [i.id, i] as const)),
      ),
    [comparison],
  )
  const unit = (u: string) => (u ? t(`units.${u}` as 'units.kg') : '')
  const shown = comparison.rows.filter((r) => !onlyDifferences || DIFFERENCES.has(r.status))
  const bySection = comparison.instrument.sections
    .map((s) => ({ section: s, rows: shown.filter((r) => r.section === s.id) }))
    .filter((g) => g.rows.length)
  const cell = (item: Item, row: DiffRow, side: 'ba' | 'va') => {
    const text = answerText(item, row[side], lang, unit)
    return text || <span className="muted">{t('compare.unanswered')}</span>
  }
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
                  {section.id.length <= 4 ? `${section.id} ` : ''}
                  {l(section.label)}
                </th>
              </tr>
              {rows.map((row) => {
                const item = items.get(row.item) as Item
                const name = `${/^[A-Z0-9]+(\.\d+)+$/.test(item.id) ? `${item.id} ` : ''}${l(item.label)}`
                return (
                  <tr key={row.item} className={`row-${row.status}`}>
                    <th scope="row">{name}</th>
                    <td>
                      {cell(item, row, 'ba')}
                      {row.sources && (
                        <span className="hint">
                          {t('compare.table.from', {
                            items: row.sources.map(sourceLabel).join(', '),
                          })}
                        </span>
                      )}
                    </td>
                    <td>{cell(item, row, 'va')}</td>
                    <td>
                      <StatusBadge status={row.status} />
                      {row.note && <span className="hint">{l(row.note)}</span>}
                    </td>
                    <td>
                      {DIFFERENCES.has(row.status) && (
                        <textarea
                          aria-label={t('compare.table.noteLabel', { item: name })}
                          rows={2}
                          maxLength={2000}
                          value={notes[row.item] ?? ''}
                          onChange={(e) => onNote(row.item, e.target.value)}
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
  catalogue,
  baId,
  vaId,
  navigate,
}: {
  catalogue: Catalogue
  baId: string
  vaId: string
  navigate: (hash: string) => void
}) {
  const { t, lang, l } = useText()
  const [assessments, setAssessments] = useState<Assessment[] | undefined>()
  const [onlyDifferences, setOnlyDifferences] = useState(false)
  const [notes, setNotes] = useState<Record<string, string>>({})
  const [notesLoadedFor, setNotesLoadedFor] = useState('')
  const [savedAt, setSavedAt] = useState<Date | undefined>()
  const [importProblems, setImportProblems] = useState<ValidationIssue[] | undefined>()
  const saveTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)

  useEffect(() => {
    let live = true
    void listAssessments().then((all) => live && setAssessments(all))
    return () => {
      live = false
    }
  }, [])
  const key = `${baId}__${vaId}`
  useEffect(() => {
    if (!baId || !vaId) return
    let live = true
    void getComparison(baId, vaId).then((c) => {
      if (!live) return
      setNotes(c?.notes ?? {})
      setNotesLoadedFor(`${baId}__${vaId}`)
    })
    return () => {
      live = false
    }
  }, [baId, vaId])

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
      catalogue.crosswalks,
      { id: '00000000-0000-4000-8000-000000000001', now: new Date(ba.updatedAt) },
    )
  }, [ba, va, catalogue])

  const sourceLabel = (id: string) => {
    const from = result?.ok
      ? result.value.derived?.assessment.derivation?.from.instrument
      : undefined
    const instrument = from && findInstrument(catalogue.instruments, from)
    const item = instrument?.ok ? itemIndex(instrument.value).items.get(id) : undefined
    return item ? l(item.label) : id
  }
  const describe = (a: Assessment) => assessmentLabel(a, catalogue.instruments, t, lang)
  const go = (nextBa: string, nextVa: string) =>
    navigate(`#/compare/${nextBa || '-'}/${nextVa || '-'}`)
  const onImport = (side: 'ba' | 'va') => async (file: File) => {
    const r = await importAssessmentFile(file, catalogue.instruments)
    if (!r.ok) {
      setImportProblems(r.issues)
      return
    }
    setImportProblems(undefined)
    setAssessments(await listAssessments())
    if (side === 'ba') go(r.assessment.id, vaId)
    else go(baId, r.assessment.id)
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
      }).then(() => setSavedAt(new Date()))
    }, 400)
  }

  return (
    <>
      <h1>{t('compare.title')}</h1>
      <p className="lead">{t('compare.intro')}</p>
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
          <ul>
            {importProblems.map((i, k) => (
              <li key={k}>
                <code>{i.path}</code> {l(i.message)}
              </li>
            ))}
          </ul>
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
      {result?.ok && (
        <>
          {result.value.derived && (
            <p className="notice">
              {t('compare.derivedNote', {
                crosswalk: result.value.derived.crosswalk.id,
                version: result.value.derived.crosswalk.version,
                fml: result.value.instrument.version,
              })}
            </p>
          )}
          <Summary comparison={result.value} />
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
              {savedAt ? t('compare.notesSaved', { time: savedAt.toLocaleTimeString(lang) }) : ''}
            </p>
          </div>
          {notesLoadedFor === key && (
            <Rows
              comparison={result.value}
              sourceLabel={sourceLabel}
              onlyDifferences={onlyDifferences}
              notes={notes}
              onNote={onNote}
            />
          )}
        </>
      )}
    </>
  )
}
