import type { CDPSession } from 'playwright-core'

/** One complete event of a Chromium trace (times in µs). */
interface TraceEvent {
  name: string
  ph: string
  pid: number
  tid: number
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
): Promise<() => Promise<MainThreadTrace>> {
  const events: TraceEvent[] = []
  // CDP types the events as plain objects: these are the fields read here.
  const collect = (e: { value: object[] }) => events.push(...(e.value as TraceEvent[]))
  cdp.on('Tracing.dataCollected', collect)
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: CATEGORIES },
    transferMode: 'ReportEvents',
  })
  return async () => {
    const complete = new Promise<void>((resolve) =>
      cdp.once('Tracing.tracingComplete', () => resolve()),
    )
    await cdp.send('Tracing.end')
    await complete
    cdp.off('Tracing.dataCollected', collect)
    return summarise(events)
  }
}

/** The timeline's events for a frame's rendering steps, which do not nest in one another. */
const RENDERING = ['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize']

function summarise(events: readonly TraceEvent[]): MainThreadTrace {
  // The page's renderer has one main thread by that name; other renderers (none here) would too.
  const main = events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
  const isMain = (e: TraceEvent) => main.some((m) => m.pid === e.pid && m.tid === e.tid)
  const byName = new Map<string, number>()
  for (const e of events)
    if (e.ph === 'X' && isMain(e))
      byName.set(e.name, (byName.get(e.name) ?? 0) + (e.dur ?? 0) / 1000)
  const renderingMs = RENDERING.reduce((total, name) => total + (byName.get(name) ?? 0), 0)
  return { tasksMs: byName.get('RunTask') ?? 0, renderingMs, byName }
}
