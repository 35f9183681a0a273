import type { CDPSession } from 'playwright-core'

/** One complete event of a Chromium trace (times in µs). */
export interface TraceEvent {
  name: string
  ph: string
  pid: number
  tid: number
  ts: number
  dur?: number
  args?: { name?: string }
}

/** What the renderer's main thread did over a traced span, by trace event name, in ms. */
export interface MainThreadTrace {
  /** Top-level tasks (`RunTask`): everything the main thread ran, script, style, layout, paint. */
  tasksMs: number
  /** A frame's own work: style, layout, pre-paint, paint, layerize (also when script forced it). */
  renderingMs: number
  /** Inclusive time per event name (names nest: `Paint` is inside `BeginMainFrame`). */
  byName: Map<string, number>
  /** Self time per event name: an event's time less that of the events inside it. */
  selfByName: Map<string, number>
  /** How many events of each name. */
  countByName: Map<string, number>
}

/** The timeline categories: the same events as the DevTools performance panel's main track. */
const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline']

/**
 * Starts a Chromium trace of the page's own main thread (CDP Tracing, the DevTools timeline
 * categories); the function it resolves to ends it and sums the events. Unlike the V8 profiler it
 * barely slows the page down, and it sees the work outside script (style, layout, paint,
 * compositing) that a profile only shows as `(program)`.
 */
export async function startMainThreadTrace(
  cdp: CDPSession,
  /** More trace categories (`v8`, `blink`, `loading`…): more events, nested in these. */
  extraCategories: readonly string[] = [],
): Promise<() => Promise<MainThreadTrace>> {
  const events: TraceEvent[] = []
  // CDP types the events as plain objects: these are the fields read here.
  const collect = (e: { value: object[] }) => events.push(...(e.value as TraceEvent[]))
  cdp.on('Tracing.dataCollected', collect)
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: [...CATEGORIES, ...extraCategories] },
    transferMode: 'ReportEvents',
  })
  return async () => {
    const complete = new Promise<void>((resolve) =>
      cdp.once('Tracing.tracingComplete', () => resolve()),
    )
    await cdp.send('Tracing.end')
    await complete
    cdp.off('Tracing.dataCollected', collect)
    return summariseTrace(events)
  }
}

/** The timeline's events for a frame's rendering steps, which do not nest in one another. */
const RENDERING = ['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize']

/** Sums the complete events of the renderer's main thread (`CrRendererMain`) by name. */
export function summariseTrace(events: readonly TraceEvent[]): MainThreadTrace {
  // The page's renderer has one main thread by that name; other renderers (none here) would too.
  const main = events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
  const isMain = (e: TraceEvent) => main.some((m) => m.pid === e.pid && m.tid === e.tid)
  const complete = events
    .filter((e) => e.ph === 'X' && isMain(e))
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0))
  const byName = new Map<string, number>()
  const selfByName = new Map<string, number>()
  const countByName = new Map<string, number>()
  const add = (map: Map<string, number>, name: string, ms: number) =>
    map.set(name, (map.get(name) ?? 0) + ms)
  // The events open around this point, outermost first: each child's time leaves its parent's self.
  const open: { end: number; name: string }[] = []
  for (const e of complete) {
    const ms = (e.dur ?? 0) / 1000
    add(byName, e.name, ms)
    add(countByName, e.name, 1)
    add(selfByName, e.name, ms)
    while (open.length && (open.at(-1) as { end: number }).end <= e.ts) open.pop()
    const parent = open.at(-1)
    if (parent) add(selfByName, parent.name, -ms)
    open.push({ end: e.ts + (e.dur ?? 0), name: e.name })
  }
  const renderingMs = RENDERING.reduce((total, name) => total + (byName.get(name) ?? 0), 0)
  return { tasksMs: byName.get('RunTask') ?? 0, renderingMs, byName, selfByName, countByName }
}
