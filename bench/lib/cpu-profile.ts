import { basename } from 'node:path'
import type { CDPSession } from 'playwright-core'

interface CallFrame {
  functionName: string
  url: string
  lineNumber: number
}
interface ProfileNode {
  id: number
  callFrame: CallFrame
  children?: number[]
}
/** What CDP `Profiler.stop` returns (times in µs). */
export interface CpuProfile {
  nodes: ProfileNode[]
  startTime: number
  endTime: number
  samples: number[]
  timeDeltas: number[]
}

/** Chromium's own counters (CDP Performance.getMetrics), in seconds. */
export const METRICS = ['TaskDuration', 'ScriptDuration', 'RecalcStyleDuration', 'LayoutDuration']

async function metrics(cdp: CDPSession): Promise<Record<string, number>> {
  const { metrics: list } = (await cdp.send('Performance.getMetrics')) as {
    metrics: { name: string; value: number }[]
  }
  return Object.fromEntries(
    list.filter((m) => METRICS.includes(m.name)).map((m) => [m.name, m.value]),
  )
}

export interface ProfiledSpan {
  profile: CpuProfile
  /** Growth of each of METRICS over the span, in ms. */
  counters: Record<string, number>
}

/**
 * Starts the V8 sampling profiler (every 100 µs) and notes Chromium's counters; the function it
 * resolves to stops both and returns the profile and the counters' growth.
 */
export async function startProfiling(cdp: CDPSession): Promise<() => Promise<ProfiledSpan>> {
  await cdp.send('Performance.enable')
  await cdp.send('Profiler.enable')
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 })
  const before = await metrics(cdp)
  await cdp.send('Profiler.start')
  return async () => {
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile }
    const after = await metrics(cdp)
    const counters = Object.fromEntries(
      METRICS.map((m) => [m, ((after[m] ?? 0) - (before[m] ?? 0)) * 1000]),
    )
    return { profile, counters }
  }
}

const where = (f: CallFrame) => (f.url ? ` ${basename(f.url)}:${f.lineNumber + 1}` : '')

/**
 * A function's name and place; an anonymous one is named after the nearest named function it was
 * called from (`(anonymous in useSortable)`), which reads better than a line number alone.
 */
function frameNames(nodes: ProfileNode[], parent: Map<number, number>) {
  const byId = new Map(nodes.map((n) => [n.id, n]))
  const names = new Map<number, { name: string; place: string }>()
  for (const n of nodes) {
    const f = n.callFrame
    if (f.functionName || !f.url) {
      names.set(n.id, { name: f.functionName || '(anonymous)', place: where(f) })
      continue
    }
    let caller = '?'
    for (let at = parent.get(n.id); at !== undefined; at = parent.get(at)) {
      const name = byId.get(at)?.callFrame.functionName
      if (name) {
        caller = name
        break
      }
    }
    names.set(n.id, { name: `(anonymous in ${caller})`, place: where(f) })
  }
  return names
}

export interface ProfileSummary {
  /** Self and inclusive ms per function (`name file:line`, or `name` alone with `byName`). */
  self: Map<string, number>
  total: Map<string, number>
  /** ms per coarse kind of work: react-dom, app and libraries, native, (idle), (program), GC. */
  kinds: Map<string, number>
}

/** Each sample's time on the profile's clock (ms) and how long it stands for (ms). */
export function sampleTimes(p: CpuProfile): { at: number; ms: number }[] {
  let t = p.startTime
  return p.samples.map((_, i) => {
    t += p.timeDeltas[i] ?? 0
    const next = i + 1 < p.timeDeltas.length ? (p.timeDeltas[i + 1] as number) : 0
    return { at: t / 1000, ms: Math.max(0, next) / 1000 }
  })
}

/**
 * Self and inclusive time per function, and the split into coarse kinds of work, of the samples
 * `keep` accepts (by their time on the profile's clock, ms; all when not given). `byName` leaves
 * out the file and line, so that two builds of the same code can be compared.
 */
export function summariseProfile(
  p: CpuProfile,
  opts: { keep?: (at: number) => boolean; byName?: boolean } = {},
): ProfileSummary {
  const byId = new Map(p.nodes.map((n) => [n.id, n]))
  const parent = new Map<number, number>()
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
  const names = frameNames(p.nodes, parent)
  const keyOf = (id: number) => {
    const n = names.get(id)
    return n ? (opts.byName ? n.name : `${n.name}${n.place}`) : '?'
  }
  const self = new Map<string, number>()
  const total = new Map<string, number>()
  const kinds = new Map<string, number>()
  const add = (m: Map<string, number>, k: string, ms: number) => m.set(k, (m.get(k) ?? 0) + ms)
  const times = sampleTimes(p)
  p.samples.forEach((id, i) => {
    const { at, ms } = times[i] as { at: number; ms: number }
    const node = byId.get(id)
    if (!node || ms <= 0 || (opts.keep && !opts.keep(at))) return
    add(self, keyOf(id), ms)
    const url = node.callFrame.url
    const kind = !url
      ? node.callFrame.functionName.startsWith('(')
        ? node.callFrame.functionName
        : 'native (JSON, DOM calls…)'
      : /\/react-dom-[^/]*\.js/.test(url)
        ? 'react-dom'
        : 'app and libraries'
    add(kinds, kind, ms)
    const onStack = new Set<string>()
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at))
      if (byId.has(at)) onStack.add(keyOf(at))
    for (const k of onStack) add(total, k, ms)
  })
  return { self, total, kinds }
}

/**
 * Page script that spins 30 ms in a function named `profileClockMark` and returns its start and
 * end by performance.now(): with `samplesOf(profile, 'profileClockMark')` it ties the profile's
 * clock to the page's.
 */
export const CLOCK_MARK = `(function profileClockMark() {
  const t0 = performance.now();
  let t1 = t0;
  while (t1 - t0 < 30) t1 = performance.now();
  return [t0, t1];
})()`

/**
 * The first and the last sample (profile clock, ms) with a function named `name` on its stack:
 * a page-side function that spins a few ms ties the profile's clock to performance.now().
 */
export function samplesOf(p: CpuProfile, name: string): { first: number; last: number } | null {
  const parent = new Map<number, number>()
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
  const named = new Set(p.nodes.filter((n) => n.callFrame.functionName === name).map((n) => n.id))
  const inside = (id: number) => {
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at))
      if (named.has(at)) return true
    return false
  }
  const times = sampleTimes(p)
  const hits = p.samples.flatMap((id, i) => (inside(id) ? [times[i] as { at: number }] : []))
  const first = hits[0]
  const last = hits.at(-1)
  return first && last ? { first: first.at, last: last.at } : null
}

/** Samples that are not the idle thread: what the main thread was busy with. */
export const isBusy = (key: string) => key !== '(idle)' && key !== '(root)'

/** The `n` largest entries of `m`, each divided by `per`, one line each. */
export function topLines(
  m: Map<string, number>,
  n: number,
  per: number,
  filter?: (k: string) => boolean,
): string {
  return [...m]
    .filter(([k]) => !filter || filter(k))
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, v]) => `  ${(v / per).toFixed(2).padStart(8)} ms  ${k}`)
    .join('\n')
}
