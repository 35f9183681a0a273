import { startTransition, useEffect, useMemo, useRef, useState, type DragEvent } from 'react'
import type { Catalogue } from '../../core/instrument/catalogue-data'
import type { Instrument } from '../../core/instrument/meta-schema'
import { formatList, formatNumber, formatPercent, formatStatistic } from '../../core/report/format'
import type { BootstrapPooledAgreement } from '../../core/stats/bootstrap-pooled-agreement'
import type { ItemAgreement } from '../../core/stats/cohort-item-stats'
import { cohortCsv } from '../../csv/cohort-csv'
import { useText } from '../../i18n/text'
import { download } from '../../ui/download'
import { IssueList } from '../../ui/issue-list'
import type { CohortReply, CohortRequest, CohortResponse, CohortScreenGroup } from './cohort-worker'

type Lang = 'nl' | 'en'
type Ci = readonly [number, number] | null | undefined

/** The sortable columns of the per-item table, each with the value it sorts by. */
const COLUMNS = [
  { key: 'item', label: 'cohort.col.item', value: (i: ItemAgreement) => i.item },
  { key: 'rubriek', label: 'cohort.col.rubriek', value: (i: ItemAgreement) => i.rubriek },
  { key: 'n', label: 'cohort.col.n', value: (i: ItemAgreement) => i.n },
  {
    key: 'agreement',
    label: 'cohort.col.agreement',
    value: (i: ItemAgreement) => i.exactAgreement,
  },
  {
    key: 'withinOne',
    label: 'cohort.col.withinOne',
    value: (i: ItemAgreement) => i.withinOneAgreement,
  },
  {
    key: 'kappa',
    label: 'cohort.col.kappa',
    value: (i: ItemAgreement) => i.kappa.unweighted.kappa,
  },
  {
    key: 'kappaLinear',
    label: 'cohort.col.kappaLinear',
    value: (i: ItemAgreement) => i.kappa.linear.kappa,
  },
  {
    key: 'kappaQuadratic',
    label: 'cohort.col.kappaQuadratic',
    value: (i: ItemAgreement) => i.kappa.quadratic.kappa,
  },
  { key: 'ac1', label: 'cohort.col.ac1', value: (i: ItemAgreement) => i.gwet.ac1 },
  {
    key: 'ac2Linear',
    label: 'cohort.col.ac2Linear',
    value: (i: ItemAgreement) => i.gwet.ac2Linear,
  },
  {
    key: 'alphaOrdinal',
    label: 'cohort.col.alphaOrdinal',
    value: (i: ItemAgreement) => i.alpha.ordinal,
  },
] as const

type ColumnKey = (typeof COLUMNS)[number]['key']
interface Sort {
  key: ColumnKey
  descending: boolean
}

/** Ascending order of two column values; undefined statistics (null) last either way. */
function compareValues(a: string | number | null, b: string | number | null): number {
  if (typeof a === 'string' && typeof b === 'string')
    return a.localeCompare(b, 'en', { numeric: true })
  if (a === null || b === null) return 0
  return (a as number) - (b as number)
}

function withCi(x: number | null, ci: Ci, lang: Lang): string {
  const value = formatStatistic(x, lang)
  return ci ? `${value} (${formatStatistic(ci[0], lang)} – ${formatStatistic(ci[1], lang)})` : value
}

const plotFileName = (g: CohortScreenGroup, ext: 'svg' | 'png') =>
  `cohort-${g.instrument.id}-${g.instrument.version}-kappa.${ext}`

/** The plot as a standalone SVG file. */
function svgBlob(svg: SVGSVGElement): Blob {
  const text = `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(svg)}\n`
  return new Blob([text], { type: 'image/svg+xml' })
}

/** How many pixels a PNG has per unit of the plot's viewBox: sharp when printed or zoomed. */
const PNG_SCALE = 3

/** The plot drawn on a white canvas as PNG, through an image of its SVG (all in the browser). */
async function pngBlob(svg: SVGSVGElement): Promise<Blob> {
  const { width, height } = svg.viewBox.baseVal
  const url = URL.createObjectURL(svgBlob(svg))
  try {
    const image = new Image()
    image.src = url
    await image.decode()
    const canvas = document.createElement('canvas')
    canvas.width = Math.round(width * PNG_SCALE)
    canvas.height = Math.round(height * PNG_SCALE)
    const g = canvas.getContext('2d')
    if (!g) throw new Error('no 2d canvas')
    g.fillStyle = '#ffffff'
    g.fillRect(0, 0, canvas.width, canvas.height)
    g.drawImage(image, 0, 0, canvas.width, canvas.height)
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('no PNG'))), 'image/png'),
    )
  } finally {
    URL.revokeObjectURL(url)
  }
}

/**
 * Agreement over a cohort of BA-VA pairs. The instrument files load when files are chosen: the
 * screen itself needs none of them.
 */
export function CohortScreen({ catalogue }: { catalogue: () => Promise<Catalogue> }) {
  const { t } = useText()
  const worker = useRef<Worker | null>(null)
  const latest = useRef(0)
  const [busy, setBusy] = useState(false)
  const [result, setResult] = useState<
    { response: CohortResponse; catalogue?: Catalogue } | undefined
  >()
  const [dragging, setDragging] = useState(false)

  useEffect(
    () => () => {
      worker.current?.terminate()
      worker.current = null
    },
    [],
  )

  const compute = (files: FileList | File[] | null) => {
    const list = [...(files ?? [])]
    if (!list.length) return
    setBusy(true)
    setResult(undefined)
    const w = (worker.current ??= new Worker(new URL('./cohort-worker.ts', import.meta.url), {
      type: 'module',
    }))
    const id = ++latest.current
    const failed = (message: string) => {
      setResult({ response: { ok: false, message } })
      setBusy(false)
    }
    catalogue().then(
      (loaded) => {
        // A file chosen while the last one is computed replaces it: only the latest reply is shown.
        if (id !== latest.current) return
        w.onmessage = ({ data }: MessageEvent<CohortReply>) => {
          if (data.id !== latest.current) return
          // The tables, the plot and the pooled figures render in slices: the page stays responsive.
          startTransition(() => {
            setResult({ response: data.response, catalogue: loaded })
            setBusy(false)
          })
        }
        w.onerror = (e) => {
          e.preventDefault()
          failed(e.message)
        }
        const request: CohortRequest = { id, files: list, catalogue: loaded }
        w.postMessage(request)
      },
      (e: unknown) => id === latest.current && failed(String(e)),
    )
  }

  const onDrop = (e: DragEvent) => {
    e.preventDefault()
    setDragging(false)
    compute(e.dataTransfer.files)
  }

  return (
    <div
      onDragOver={(e) => {
        e.preventDefault()
        setDragging(true)
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <h1>{t('cohort.title')}</h1>
      <p className="lead">{t('cohort.intro')}</p>
      <div className={`drop-zone cohort-drop${dragging ? ' is-dragging' : ''}`}>
        {/* The browser's own file button speaks the browser's language: a label in the app's instead. */}
        <input
          id="cohort-files"
          className="visually-hidden"
          type="file"
          multiple
          accept=".ndjson,.jsonl,.json,application/json,application/x-ndjson"
          aria-describedby="cohort-drop-hint"
          onChange={(e) => {
            compute(e.target.files)
            e.target.value = ''
          }}
        />
        <label htmlFor="cohort-files" className="file-button">
          {t('cohort.choose')}
        </label>
        <p id="cohort-drop-hint" className="hint">
          {t('cohort.dropHint')}
        </p>
      </div>
      <div aria-live="polite">{busy && <p role="status">{t('cohort.busy')}</p>}</div>
      {result && !result.response.ok && (
        <div role="alert" className="problems">
          <p>{t('cohort.failed', { message: result.response.message })}</p>
        </div>
      )}
      {result?.response.ok && result.catalogue && (
        <CohortResults result={result.response} catalogue={result.catalogue} />
      )}
    </div>
  )
}

function CohortResults({
  result,
  catalogue,
}: {
  result: Extract<CohortResponse, { ok: true }>
  catalogue: Catalogue
}) {
  const { t, lang } = useText()
  const compared = result.read - result.skipped.length
  return (
    <>
      <section aria-labelledby="cohort-summary-title" className="card">
        <h2 id="cohort-summary-title">{t('cohort.summary.title')}</h2>
        <dl className="cohort-summary">
          <dt>{t('cohort.summary.read')}</dt>
          <dd>{result.read}</dd>
          <dt>{t('cohort.summary.compared')}</dt>
          <dd>{compared}</dd>
          <dt>{t('cohort.summary.skipped')}</dt>
          <dd>{result.skipped.length}</dd>
        </dl>
        {result.skipped.length > 0 && (
          <>
            <h3>{t('cohort.summary.skippedTitle')}</h3>
            <ul>
              {result.skipped.map((s) => (
                <li key={s.source}>
                  <code>{s.source}</code>
                  <IssueList issues={s.issues} />
                </li>
              ))}
            </ul>
          </>
        )}
        {result.groups.length > 0 && (
          <button
            type="button"
            onClick={() =>
              download(
                'cohort.csv',
                new Blob([cohortCsv({ groups: result.groups })], { type: 'text/csv' }),
              )
            }
          >
            {t('cohort.exportCsv')}
          </button>
        )}
      </section>
      {result.groups.map((g) => (
        <CohortGroupView
          key={`${g.instrument.id}@${g.instrument.version}`}
          group={g}
          instrument={catalogue.instruments.find(
            (i) => i.id === g.instrument.id && i.version === g.instrument.version,
          )}
          lang={lang}
        />
      ))}
    </>
  )
}

function CohortGroupView({
  group,
  instrument,
  lang,
}: {
  group: CohortScreenGroup
  instrument: Instrument | undefined
  lang: Lang
}) {
  const { t, l } = useText()
  const [sort, setSort] = useState<Sort>({ key: 'item', descending: false })
  const [rubriek, setRubriek] = useState('')
  const [open, setOpen] = useState<string | undefined>()
  const [pngFailed, setPngFailed] = useState(false)
  const plot = useRef<SVGSVGElement>(null)
  const matrixTitle = useRef<HTMLHeadingElement>(null)
  const rowButtons = useRef(new Map<string, HTMLButtonElement>())
  // An opened matrix takes focus (it opens below the table, out of view on a phone).
  useEffect(() => {
    if (open) matrixTitle.current?.focus()
  }, [open])
  const close = (item: string) => {
    setOpen(undefined)
    rowButtons.current.get(item)?.focus()
  }
  const base = `cohort-${group.instrument.id}-${group.instrument.version}`.replace(
    /[^a-z0-9-]/gi,
    '-',
  )

  const sections = new Map(instrument?.sections.map((s) => [s.id, s]) ?? [])
  const itemLabel = (id: string) => {
    for (const s of instrument?.sections ?? []) {
      const item = s.items.find((i) => i.id === id)
      if (item) return l(item.label)
    }
    return ''
  }
  const rubriekLabel = (id: string) => {
    const s = sections.get(id)
    return s ? `${id} ${l(s.label)}` : id
  }
  const rubrieken = [...new Set(group.items.map((i) => i.rubriek))]

  const shown = useMemo(() => {
    const column = COLUMNS.find((c) => c.key === sort.key) ?? COLUMNS[0]
    const items = group.items.filter((i) => !rubriek || i.rubriek === rubriek)
    const order = items.map((item, index) => ({ item, index }))
    order.sort((x, y) => {
      const a = column.value(x.item)
      const b = column.value(y.item)
      if (a === null && b !== null) return 1
      if (b === null && a !== null) return -1
      const d = compareValues(a, b) * (sort.descending ? -1 : 1)
      return d || x.index - y.index
    })
    return order.map((o) => o.item)
  }, [group.items, rubriek, sort])

  const title = instrument
    ? `${l(instrument.title)} ${group.instrument.version}`
    : group.instrument.id
  const opened = open ? group.items.find((i) => i.item === open) : undefined
  // Items without a single complete pair have nothing to plot: named below the plot instead.
  const plotted = shown.filter((i) => i.n > 0)
  const unrated = shown.filter((i) => i.n === 0).map((i) => i.item)

  return (
    <section aria-labelledby={`${base}-title`} className="cohort-group">
      <h2 id={`${base}-title`}>{title}</h2>
      <p>
        {t('cohort.group.pairs', { count: group.pairs })}
        {group.migrated > 0 &&
          ` ${t('cohort.group.migrated', { count: group.migrated, versions: formatList(group.migratedFrom, lang) })}`}
        {group.unchangedOnly &&
          ` ${t('cohort.group.unchangedOnly', {
            count: group.unchangedOnly.pairs,
            versions: formatList(group.unchangedOnly.versions, lang),
            items: formatNumber(group.unchangedOnly.items.length, lang),
          })}`}
      </p>
      <div className="cohort-filter">
        <label htmlFor={`${base}-rubriek`}>{t('cohort.filter')}</label>
        <select id={`${base}-rubriek`} value={rubriek} onChange={(e) => setRubriek(e.target.value)}>
          <option value="">{t('cohort.allRubrieken')}</option>
          {rubrieken.map((r) => (
            <option key={r} value={r}>
              {rubriekLabel(r)}
            </option>
          ))}
        </select>
      </div>
      <h3 id={`${base}-items-title`}>{t('cohort.items.title')}</h3>
      <div
        className="table-wrap cohort-scroll"
        role="region"
        tabIndex={0}
        aria-label={t('cohort.items.region', { title })}
      >
        <table className="cohort-table" aria-labelledby={`${base}-items-title`}>
          <thead>
            <tr>
              {COLUMNS.map((c) => {
                const active = sort.key === c.key
                return (
                  <th
                    key={c.key}
                    scope="col"
                    aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : undefined}
                  >
                    <button
                      type="button"
                      className="sort"
                      onClick={() =>
                        setSort({ key: c.key, descending: active ? !sort.descending : false })
                      }
                    >
                      {t(c.label)}
                      <span aria-hidden="true">
                        {active ? (sort.descending ? ' ▼' : ' ▲') : ''}
                      </span>
                    </button>
                  </th>
                )
              })}
            </tr>
          </thead>
          <tbody>
            {shown.map((i) => (
              <tr key={i.item} className={open === i.item ? 'is-open' : undefined}>
                <th scope="row">
                  <button
                    type="button"
                    ref={(b) => {
                      if (b) rowButtons.current.set(i.item, b)
                      else rowButtons.current.delete(i.item)
                    }}
                    aria-expanded={open === i.item}
                    aria-controls={`${base}-matrix`}
                    aria-label={t('cohort.openMatrix', { item: i.item })}
                    onClick={() => setOpen(open === i.item ? undefined : i.item)}
                  >
                    {i.item}
                  </button>{' '}
                  <span className="cohort-item-label">{itemLabel(i.item)}</span>
                </th>
                <td>{i.rubriek}</td>
                <td>{i.n}</td>
                <td>{formatPercent(i.exactAgreement, lang)}</td>
                <td>{formatPercent(i.withinOneAgreement, lang)}</td>
                <td>{withCi(i.kappa.unweighted.kappa, i.kappa.unweighted.ci95, lang)}</td>
                <td>{formatStatistic(i.kappa.linear.kappa, lang)}</td>
                <td>{formatStatistic(i.kappa.quadratic.kappa, lang)}</td>
                <td>{formatStatistic(i.gwet.ac1, lang)}</td>
                <td>{formatStatistic(i.gwet.ac2Linear, lang)}</td>
                <td>{formatStatistic(i.alpha.ordinal, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div id={`${base}-matrix`} aria-live="polite">
        {opened && (
          <ConfusionMatrix
            item={opened}
            table={group.tables[opened.item] ?? []}
            label={itemLabel(opened.item)}
            instrument={instrument}
            base={base}
            titleRef={matrixTitle}
            onClose={() => close(opened.item)}
          />
        )}
      </div>
      <h3 id={`${base}-plot-title`}>{t('cohort.plot.title')}</h3>
      <KappaPlot ref={plot} items={plotted} lang={lang} />
      {unrated.length > 0 && (
        <p className="hint">
          {t('cohort.plot.unrated', { count: unrated.length, items: unrated.join(', ') })}
        </p>
      )}
      <div className="row-actions">
        <button
          type="button"
          onClick={() => {
            if (plot.current) download(plotFileName(group, 'svg'), svgBlob(plot.current))
          }}
        >
          {t('cohort.exportSvg')}
        </button>
        <button
          type="button"
          onClick={() => {
            const svg = plot.current
            if (!svg) return
            pngBlob(svg).then(
              (png) => {
                setPngFailed(false)
                download(plotFileName(group, 'png'), png)
              },
              () => setPngFailed(true),
            )
          }}
        >
          {t('cohort.exportPng')}
        </button>
      </div>
      {pngFailed && (
        <p role="alert" className="problems">
          {t('cohort.pngFailed')}
        </p>
      )}
      <PooledTable pooled={group.bootstrap} rubriekLabel={rubriekLabel} lang={lang} base={base} />
    </section>
  )
}

function ConfusionMatrix({
  item,
  table,
  label,
  instrument,
  base,
  titleRef,
  onClose,
}: {
  item: ItemAgreement
  table: number[][]
  label: string
  instrument: Instrument | undefined
  base: string
  titleRef: React.Ref<HTMLHeadingElement>
  onClose: () => void
}) {
  const { t, l } = useText()
  const options = instrument?.sections
    .flatMap((s) => s.items)
    .find((i) => i.id === item.item)?.answer
  const levelName = (rank: number) => {
    const option =
      options && 'options' in options ? options.options.find((o) => o.rank === rank) : undefined
    return option ? `${rank} ${l(option.label)}` : String(rank)
  }
  return (
    <div className="cohort-matrix">
      <h4 id={`${base}-matrix-title`} ref={titleRef} tabIndex={-1}>
        {t('cohort.matrix.title', { item: item.item, label })}
      </h4>
      <div
        className="table-wrap"
        role="region"
        tabIndex={0}
        aria-label={t('cohort.matrix.region', { item: item.item })}
      >
        <table aria-labelledby={`${base}-matrix-title`}>
          <thead>
            <tr>
              <td />
              <th scope="colgroup" colSpan={item.categories.length}>
                {t('cohort.matrix.va')}
              </th>
            </tr>
            <tr>
              <th scope="col">{t('cohort.matrix.ba')}</th>
              {item.categories.map((c) => (
                <th key={c} scope="col">
                  {levelName(c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {item.categories.map((c, r) => (
              <tr key={c}>
                <th scope="row">{levelName(c)}</th>
                {item.categories.map((d, k) => (
                  <td key={d} className={r === k ? 'diagonal' : undefined}>
                    {table[r]?.[k] ?? 0}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="hint">
        {t('cohort.matrix.missing', {
          onlyBa: item.missing.onlyA,
          onlyVa: item.missing.onlyB,
          neither: item.missing.neither,
        })}
      </p>
      <button type="button" onClick={onClose}>
        {t('cohort.matrix.close', { item: item.item })}
      </button>
    </div>
  )
}

const ROW = 18
const LEFT = 70
const WIDTH = 420

/** Linear kappa per item with its 95% CI: one horizontal line and a dot per item, −1 to 1. */
function KappaPlot({
  ref,
  items,
  lang,
}: {
  ref: React.Ref<SVGSVGElement>
  items: readonly ItemAgreement[]
  lang: Lang
}) {
  const { t } = useText()
  const height = ROW * items.length + 30
  const x = (v: number) => LEFT + ((Math.max(-1, Math.min(1, v)) + 1) / 2) * (WIDTH - LEFT - 10)
  const defined = items.filter((i) => i.kappa.linear.kappa !== null).length
  return (
    <svg
      ref={ref}
      xmlns="http://www.w3.org/2000/svg"
      viewBox={`0 0 ${WIDTH} ${height}`}
      className="cohort-plot"
      role="img"
      aria-label={t('cohort.plot.label', { count: items.length, defined })}
      fontFamily="sans-serif"
      fontSize="10"
    >
      {[-1, -0.5, 0, 0.5, 1].map((v) => (
        <g key={v}>
          <line
            x1={x(v)}
            x2={x(v)}
            y1={4}
            y2={height - 18}
            stroke={v === 0 ? '#4a5361' : '#c9d1db'}
            strokeWidth={1}
          />
          <text x={x(v)} y={height - 6} textAnchor="middle" fill="#1b1f24">
            {formatStatistic(v, lang)}
          </text>
        </g>
      ))}
      {items.map((i, n) => {
        const y = 12 + n * ROW
        const k = i.kappa.linear
        return (
          <g key={i.item}>
            <text x={LEFT - 6} y={y + 3} textAnchor="end" fill="#1b1f24">
              {i.item}
            </text>
            {k.ci95 && (
              <line
                x1={x(k.ci95[0])}
                x2={x(k.ci95[1])}
                y1={y}
                y2={y}
                stroke="#1d4f91"
                strokeWidth={2}
              />
            )}
            {k.kappa !== null ? (
              <circle cx={x(k.kappa)} cy={y} r={3.5} fill="#1d4f91" />
            ) : (
              <text x={x(0) + 6} y={y + 3} fill="#4a5361">
                {t('cohort.plot.undefined')}
              </text>
            )}
          </g>
        )
      })}
    </svg>
  )
}

function PooledTable({
  pooled,
  rubriekLabel,
  lang,
  base,
}: {
  pooled: readonly BootstrapPooledAgreement[]
  rubriekLabel: (id: string) => string
  lang: Lang
  base: string
}) {
  const { t } = useText()
  if (!pooled.length) return null
  return (
    <>
      <h3 id={`${base}-pooled-title`}>{t('cohort.pooled.title')}</h3>
      <p className="hint">
        {t('cohort.pooled.intro', { resamples: pooled[0]?.resamples, seed: pooled[0]?.seed })}
      </p>
      <div
        className="table-wrap cohort-scroll"
        role="region"
        tabIndex={0}
        aria-label={t('cohort.pooled.region')}
      >
        <table className="cohort-table" aria-labelledby={`${base}-pooled-title`}>
          <thead>
            <tr>
              <th scope="col">{t('cohort.pooled.over')}</th>
              <th scope="col">{t('cohort.pooled.items')}</th>
              <th scope="col">{t('cohort.col.agreement')}</th>
              <th scope="col">{t('cohort.col.kappaLinear')}</th>
              <th scope="col">{t('cohort.col.ac1')}</th>
              <th scope="col">{t('cohort.col.alphaOrdinal')}</th>
            </tr>
          </thead>
          <tbody>
            {pooled.map((p) => (
              <tr key={`${p.rubriek ?? ''}:${p.categories.join(' ')}`}>
                <th scope="row">
                  {p.rubriek === null
                    ? t('cohort.pooled.overall', { scale: p.categories.join(' ') })
                    : rubriekLabel(p.rubriek)}
                </th>
                <td>
                  {t('cohort.pooled.itemCount', { count: p.items.length })}:{' '}
                  <span className="cohort-item-list">{p.items.join(', ')}</span>
                </td>
                <td>
                  {formatPercent(p.estimate.exactAgreement, lang)}
                  {p.ci95.exactAgreement &&
                    ` (${formatPercent(p.ci95.exactAgreement[0], lang)} – ${formatPercent(p.ci95.exactAgreement[1], lang)})`}
                </td>
                <td>{withCi(p.estimate.kappaLinear, p.ci95.kappaLinear, lang)}</td>
                <td>{withCi(p.estimate.ac1, p.ci95.ac1, lang)}</td>
                <td>{withCi(p.estimate.alphaOrdinal, p.ci95.alphaOrdinal, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  )
}
