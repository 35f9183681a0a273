import type { PeerSample } from './peers-page'
import { percentile, round1 } from './lib/stats'

/** The pages, in the order of the tables: ours first, the references last. */
export const PAGES = ['ours', 'rjsf', 'surveyjs', 'floor', 'floor-bare'] as const
export type PageName = (typeof PAGES)[number]
const TOOLS = ['ours', 'rjsf', 'surveyjs'] as const

/** Issue 16: ours against the content-equal floor, and growth from 64 to 512 items. */
export const TARGETS = {
  p95_vs_floor: 1.1,
  mount_vs_floor: 1.2,
  p95_growth_64_to_512: 1.1,
} as const

export interface PageMetrics {
  /** Median over rounds of each round's value; `null` when no round measured it. */
  mount_ms: number | null
  first_input_ms: number | null
  keystroke_p50_ms: number | null
  keystroke_p95_ms: number | null
  choice_p50_ms: number | null
  choice_p95_ms: number | null
  /** Over the samples of all rounds together. */
  pooled: { keystroke_p95_ms: number | null; choice_p95_ms: number | null }
  heap_mb: number | null
  dom_nodes: number | null
  inputs: number | null
  js_gzip_kb: number | null
  rounds: {
    mount_ms: (number | null)[]
    keystroke_p95_ms: (number | null)[]
    choice_p95_ms: (number | null)[]
  }
  samples: {
    rounds: number
    keystroke: number
    choice: number
    missed_keystroke: number
    missed_choice: number
    /** Left out once the page's time budget per load was spent (see bench/peers-page.ts). */
    skipped_keystroke: number
    skipped_choice: number
  }
  notes: string[]
}

const median = (xs: (number | null)[]) =>
  round1(
    percentile(
      xs.filter((x): x is number => x !== null),
      50,
    ),
  )

export function pageMetrics(samples: PeerSample[], jsGzipBytes: number | null): PageMetrics {
  const ok = samples.filter((s) => s.ok)
  const p = (xs: number[], q: number) => (xs.length ? percentile(xs, q) : null)
  const perRound = (f: (s: PeerSample) => number | null) => ok.map(f)
  const keys = ok.flatMap((s) => s.keyMs)
  const choices = ok.flatMap((s) => s.choiceMs)
  return {
    mount_ms: median(perRound((s) => s.mountMs)),
    first_input_ms: median(perRound((s) => s.firstInputMs)),
    keystroke_p50_ms: median(perRound((s) => p(s.keyMs, 50))),
    keystroke_p95_ms: median(perRound((s) => p(s.keyMs, 95))),
    choice_p50_ms: median(perRound((s) => p(s.choiceMs, 50))),
    choice_p95_ms: median(perRound((s) => p(s.choiceMs, 95))),
    pooled: { keystroke_p95_ms: round1(p(keys, 95)), choice_p95_ms: round1(p(choices, 95)) },
    heap_mb: round1(
      percentile(
        ok.flatMap((s) => (s.heapBytes === null ? [] : [s.heapBytes / 1e6])),
        50,
      ),
    ),
    dom_nodes: median(perRound((s) => s.domNodes)),
    inputs: median(perRound((s) => s.inputs)),
    js_gzip_kb: jsGzipBytes === null ? null : round1(jsGzipBytes / 1000),
    rounds: {
      mount_ms: perRound((s) => round1(s.mountMs)),
      keystroke_p95_ms: perRound((s) => round1(p(s.keyMs, 95))),
      choice_p95_ms: perRound((s) => round1(p(s.choiceMs, 95))),
    },
    samples: {
      rounds: ok.length,
      keystroke: keys.length,
      choice: choices.length,
      missed_keystroke: samples.reduce((n, s) => n + s.missed.key, 0),
      missed_choice: samples.reduce((n, s) => n + s.missed.choice, 0),
      skipped_keystroke: samples.reduce((n, s) => n + s.skipped.key, 0),
      skipped_choice: samples.reduce((n, s) => n + s.skipped.choice, 0),
    },
    notes: [...new Set(samples.flatMap((s) => (s.note ? [s.note] : [])))],
  }
}

export type Cell = Record<PageName, PageMetrics>
/** sizes[size][`${rate}x`][page] */
export type Sizes = Record<string, Record<string, Cell>>

const r2 = (a: number | null, b: number | null) =>
  a === null || b === null || b <= 0 ? null : Math.round((a / b) * 100) / 100

const METRICS = ['keystroke_p95_ms', 'choice_p95_ms', 'mount_ms'] as const
type Metric = (typeof METRICS)[number]
const SHORT: Record<Metric, string> = {
  keystroke_p95_ms: 'keystroke_p95',
  choice_p95_ms: 'choice_p95',
  mount_ms: 'mount',
}

/** Per size and rate: each page / the content-equal floor, / the bare floor, and ours / each peer. */
export function ratios(sizes: Sizes) {
  const out: Record<string, Record<string, Record<string, Record<string, number | null>>>> = {}
  for (const [size, byRate] of Object.entries(sizes))
    for (const [rate, cell] of Object.entries(byRate)) {
      const entry: Record<string, Record<string, number | null>> = {}
      for (const m of METRICS) {
        const row: Record<string, number | null> = {}
        for (const page of PAGES) {
          if (page !== 'floor') row[`${page}/floor`] = r2(cell[page][m], cell.floor[m])
          if (page !== 'floor-bare')
            row[`${page}/floor-bare`] = r2(cell[page][m], cell['floor-bare'][m])
        }
        row['ours/rjsf'] = r2(cell.ours[m], cell.rjsf[m])
        row['ours/surveyjs'] = r2(cell.ours[m], cell.surveyjs[m])
        entry[SHORT[m]] = row
      }
      ;(out[size] ??= {})[rate] = entry
    }
  return out
}

export interface Verdict {
  rule: string
  holds: boolean | null
  /** Where it fails (or could not be judged). */
  failures: string[]
}

/** Whether each target of issue 16 holds, and where not. */
export function verdicts(sizes: Sizes, itemsAtMount: Record<string, number>): Verdict[] {
  const lowest: string[] = []
  const vsFloor: string[] = []
  const mount: string[] = []
  let judged = true
  for (const [size, byRate] of Object.entries(sizes))
    for (const [rate, c] of Object.entries(byRate)) {
      const at = `${size} @${rate}`
      for (const m of ['keystroke_p95_ms', 'choice_p95_ms'] as const) {
        const ours = c.ours[m]
        if (ours === null) {
          judged = false
          lowest.push(`${at} ${SHORT[m]}: not measured`)
          continue
        }
        for (const peer of ['rjsf', 'surveyjs'] as const) {
          const other = c[peer][m]
          if (other !== null && ours >= other)
            lowest.push(`${at} ${SHORT[m]}: ours ${ours} ms ≥ ${peer} ${other} ms`)
        }
        const r = r2(ours, c.floor[m])
        if (r === null) judged = false
        else if (r > TARGETS.p95_vs_floor) vsFloor.push(`${at} ${SHORT[m]}: ×${r}`)
      }
      const r = r2(c.ours.mount_ms, c.floor.mount_ms)
      if (r === null) judged = false
      else if (r > TARGETS.mount_vs_floor) mount.push(`${at}: ×${r}`)
    }
  const growth: string[] = []
  const mountGrowth: string[] = []
  const small = sizes['64']
  const large = sizes['512']
  const linear = (itemsAtMount['512'] ?? 512) / (itemsAtMount['64'] ?? 64)
  for (const rate of Object.keys(small ?? {})) {
    const a = small?.[rate]?.ours
    const b = large?.[rate]?.ours
    if (!a || !b) continue
    for (const m of ['keystroke_p95_ms', 'choice_p95_ms'] as const) {
      const g = r2(b[m], a[m])
      if (g === null) judged = false
      else if (g >= TARGETS.p95_growth_64_to_512) growth.push(`@${rate} ${SHORT[m]}: ×${g}`)
    }
    const g = r2(b.mount_ms, a.mount_ms)
    if (g !== null && g > linear) mountGrowth.push(`@${rate}: ×${g} (items ×${linear.toFixed(2)})`)
  }
  const verdict = (rule: string, failures: string[]): Verdict => ({
    rule,
    holds: failures.length ? false : judged ? true : null,
    failures,
  })
  return [
    verdict(
      'at every size and CPU rate our keystroke and option-change p95 are the lowest of the three tools',
      lowest,
    ),
    verdict(
      `our keystroke and option-change p95 at most ×${TARGETS.p95_vs_floor} the content-equal floor`,
      vsFloor,
    ),
    verdict(`our mount at most ×${TARGETS.mount_vs_floor} the content-equal floor`, mount),
    verdict(
      `from 64 to 512 items our keystroke and option-change p95 grow by less than ${Math.round((TARGETS.p95_growth_64_to_512 - 1) * 100)} %`,
      growth,
    ),
    verdict('from 64 to 512 items our mount grows at most linearly with the items', mountGrowth),
  ]
}

const ms = (n: number | null) => (n === null ? '–' : n < 100 ? n.toFixed(1) : n.toFixed(0))

/** One row per size and rate, one column group per metric: ours / rjsf / surveyjs / floor / floor-bare. */
export function markdownTable(
  sizes: Sizes,
  order: string[],
  labels: Record<string, string>,
): string {
  const head = [
    '| size | CPU | keystroke p95 ms | option change p95 ms | mount ms |',
    '| --- | --- | --- | --- | --- |',
  ]
  const cells = (c: Cell, m: Metric) => {
    const best = Math.min(...TOOLS.map((t) => c[t][m] ?? Infinity))
    return PAGES.map((p) => {
      const v = ms(c[p][m])
      return TOOLS.includes(p as (typeof TOOLS)[number]) && c[p][m] === best ? `**${v}**` : v
    }).join(' / ')
  }
  const rows = order.flatMap((size) =>
    Object.entries(sizes[size] ?? {}).map(
      ([rate, c]) =>
        `| ${labels[size] ?? size} | ${rate} | ${cells(c, 'keystroke_p95_ms')} | ${cells(c, 'choice_p95_ms')} | ${cells(c, 'mount_ms')} |`,
    ),
  )
  return [...head, ...rows].join('\n')
}

/** Heap, DOM nodes, inputs, JS and first input per page, for each size at one rate (stdout). */
export function weightTable(
  sizes: Sizes,
  order: string[],
  labels: Record<string, string>,
  rate: string,
): string {
  const head = [
    '| size | page | JS heap MB | DOM nodes | inputs | JS gzip kB | first input ms |',
    '| --- | --- | --- | --- | --- | --- | --- |',
  ]
  const rows = order.flatMap((size) =>
    PAGES.map((p) => {
      const m = sizes[size]?.[rate]?.[p]
      return `| ${labels[size] ?? size} | ${p} | ${m?.heap_mb ?? '–'} | ${m?.dom_nodes ?? '–'} | ${m?.inputs ?? '–'} | ${m?.js_gzip_kb ?? '–'} | ${ms(m?.first_input_ms ?? null)} |`
    }),
  )
  return [...head, ...rows].join('\n')
}

/** The same in one row per size, each cell ours / rjsf / surveyjs / floor / floor-bare (README). */
export function compactWeightTable(
  sizes: Sizes,
  order: string[],
  labels: Record<string, string>,
  rate: string,
): string {
  const head = [
    `| size (CPU ${rate}) | JS heap after mount MB | DOM nodes | JS gzip kB |`,
    '| --- | --- | --- | --- |',
  ]
  const col = (size: string, f: (m: PageMetrics) => number | null) =>
    PAGES.map((p) => {
      const m = sizes[size]?.[rate]?.[p]
      const v = m ? f(m) : null
      return v === null ? '–' : String(Math.round(v))
    }).join(' / ')
  const rows = order.map(
    (size) =>
      `| ${labels[size] ?? size} | ${col(size, (m) => m.heap_mb)} | ${col(size, (m) => m.dom_nodes)} | ${col(size, (m) => m.js_gzip_kb)} |`,
  )
  return [...head, ...rows].join('\n')
}
