import type { PageSample } from './form-page'
import { percentile, ratio, round1 } from './lib/stats'

export const TARGETS = { keystroke_p95: 1.15, choice_p95: 1.15, mount: 1.3 } as const

export interface Metrics {
  mount_ms: number | null
  mount_p95_ms: number | null
  /** Every round's mount, in run order: shows the spread behind the p50. */
  mount_each_ms: number[]
  keystroke_p50_ms: number | null
  keystroke_p95_ms: number | null
  choice_p50_ms: number | null
  choice_p95_ms: number | null
  samples: {
    mount: number
    keystroke: number
    choice: number
    missed_keystroke: number
    missed_choice: number
  }
}

export interface CellResult {
  /** ok, or why our form could not be measured (the floor is still measured). */
  status: 'ok' | 'missing-route' | 'incomplete' | 'app-build-failed' | 'floor-failed'
  note?: string
  keystrokeNote?: string
  ours: Metrics | null
  floor: Metrics | null
}

export function metrics(pages: PageSample[]): Metrics {
  const mounts = pages.flatMap((p) => (p.mountMs === null ? [] : [p.mountMs]))
  const keys = pages.flatMap((p) => p.keyMs)
  const choices = pages.flatMap((p) => p.choiceMs)
  return {
    mount_ms: round1(percentile(mounts, 50)),
    mount_p95_ms: round1(percentile(mounts, 95)),
    mount_each_ms: mounts.map((m) => Math.round(m)),
    keystroke_p50_ms: round1(percentile(keys, 50)),
    keystroke_p95_ms: round1(percentile(keys, 95)),
    choice_p50_ms: round1(percentile(choices, 50)),
    choice_p95_ms: round1(percentile(choices, 95)),
    samples: {
      mount: mounts.length,
      keystroke: keys.length,
      choice: choices.length,
      missed_keystroke: pages.reduce((n, p) => n + p.missed.key, 0),
      missed_choice: pages.reduce((n, p) => n + p.missed.choice, 0),
    },
  }
}

const met = (r: number | null, target: number) => (r === null ? null : r <= target)

/** The flat record per instrument and CPU rate that bench/results/form.json holds. */
export function flatten(cell: CellResult) {
  const o = cell.ours
  const f = cell.floor
  const r = {
    keystroke_p95: ratio(o?.keystroke_p95_ms ?? null, f?.keystroke_p95_ms ?? null),
    choice_p95: ratio(o?.choice_p95_ms ?? null, f?.choice_p95_ms ?? null),
    mount: ratio(o?.mount_ms ?? null, f?.mount_ms ?? null),
  }
  return {
    status: cell.status,
    ...(cell.note ? { note: cell.note } : {}),
    ...(cell.keystrokeNote ? { keystroke_note: cell.keystrokeNote } : {}),
    mount_ms: o?.mount_ms ?? null,
    mount_p95_ms: o?.mount_p95_ms ?? null,
    keystroke_p50_ms: o?.keystroke_p50_ms ?? null,
    keystroke_p95_ms: o?.keystroke_p95_ms ?? null,
    choice_p50_ms: o?.choice_p50_ms ?? null,
    choice_p95_ms: o?.choice_p95_ms ?? null,
    floor_mount_ms: f?.mount_ms ?? null,
    floor_mount_p95_ms: f?.mount_p95_ms ?? null,
    floor_keystroke_p50_ms: f?.keystroke_p50_ms ?? null,
    floor_keystroke_p95_ms: f?.keystroke_p95_ms ?? null,
    floor_choice_p50_ms: f?.choice_p50_ms ?? null,
    floor_choice_p95_ms: f?.choice_p95_ms ?? null,
    ratio_keystroke_p95: r.keystroke_p95,
    ratio_choice_p95: r.choice_p95,
    ratio_mount: r.mount,
    target_keystroke_p95_met: met(r.keystroke_p95, TARGETS.keystroke_p95),
    target_choice_p95_met: met(r.choice_p95, TARGETS.choice_p95),
    target_mount_met: met(r.mount, TARGETS.mount),
    mount_each_ms: { ours: o?.mount_each_ms ?? null, floor: f?.mount_each_ms ?? null },
    samples: { ours: o?.samples ?? null, floor: f?.samples ?? null },
  }
}

export type FlatCell = ReturnType<typeof flatten>

const ms = (n: number | null) => (n === null ? '–' : n.toFixed(1))
const pair = (ours: number | null, floor: number | null, r: number | null, ok: boolean | null) =>
  `${ms(ours)} / ${ms(floor)} (${r === null ? 'n/a' : `×${r.toFixed(2)}`}${ok === null ? '' : ok ? ' ✓' : ' ✗'})`

/** Markdown table: ours / floor in ms, ratio and whether the target is met. */
export function markdownTable(results: Record<string, Record<string, FlatCell>>): string {
  const head = [
    '| instrument | CPU | mount p50 | keystroke p50 | keystroke p95 | option change p50 | option change p95 |',
    '|---|---|---|---|---|---|---|',
  ]
  const rows = Object.entries(results).flatMap(([id, byRate]) =>
    Object.entries(byRate).map(([rate, c]) =>
      c.status !== 'ok' && c.floor_mount_ms === null
        ? `| ${id} | ${rate}x | ${c.status}${c.note ? `: ${c.note}` : ''} | | | | |`
        : [
            `| ${id}${c.status === 'ok' ? '' : ` (${c.status})`}`,
            `${rate}x`,
            pair(c.mount_ms, c.floor_mount_ms, c.ratio_mount, c.target_mount_met),
            pair(c.keystroke_p50_ms, c.floor_keystroke_p50_ms, null, null).replace(' (n/a)', ''),
            pair(
              c.keystroke_p95_ms,
              c.floor_keystroke_p95_ms,
              c.ratio_keystroke_p95,
              c.target_keystroke_p95_met,
            ),
            pair(c.choice_p50_ms, c.floor_choice_p50_ms, null, null).replace(' (n/a)', ''),
            pair(
              c.choice_p95_ms,
              c.floor_choice_p95_ms,
              c.ratio_choice_p95,
              c.target_choice_p95_met,
            ),
          ].join(' | ') + ' |',
    ),
  )
  return [...head, ...rows].join('\n')
}
