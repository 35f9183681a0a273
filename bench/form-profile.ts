/**
 * Where the time of a keystroke and of an option change goes on the fill-in form, against the
 * content-equal floor of the peers benchmark: `npx tsx bench/form-profile.ts [size] [cpuRate]
 * [runs] [baseline]`, size one of the peers benchmark's (64 = the FML, bar, 128, 256, 512;
 * default 512), default CPU 4x and 3 runs; `baseline`, a directory with another version of the
 * project (a `git worktree` of an earlier commit), adds our form built from there as page `base`,
 * measured in the same runs (on a noisy machine, a before/after in one go). Not part of
 * `npm run bench`.
 *
 * Builds our app and the floor without minification (names kept) outside the tree. Each run loads
 * each page fresh twice, and each time types the run's keys of the peers plan, then changes its
 * options: once plain, for the keystroke-to-paint times (the profiler slows a throttled page
 * down) under a Chromium trace of the main thread (all its tasks, input events and frames: work
 * outside script too), and once with each phase under the V8 sampling profiler. The
 * windows keydown/pointerdown → the paint after its input event split the samples into work
 * during an interaction and work between them; the delay before an event's first handler shows
 * work still running when it came. A first load of each page (not timed) counts the components
 * rendered per commit. Prints medians over runs (function times: means over runs); leaves the
 * builds and the profiles in the temp directory.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Browser, CDPSession, Page } from 'playwright-core'
import { aimRadio, sampleOne } from './form-page'
import { probeScript } from './form-probe'
import { launchChromium, openThrottledPage } from './lib/browser'
import { startMainThreadTrace, type MainThreadTrace } from './lib/main-thread-trace'
import {
  isBusy,
  samplesOf,
  startProfiling,
  summariseProfile,
  type ProfiledSpan,
} from './lib/cpu-profile'
import {
  RENDER_COUNT_SCRIPT,
  readRenderCounts,
  resetRenderCounts,
  type RenderCounts,
} from './lib/render-count'
import { serveStatic } from './lib/static-server'
import { percentile } from './lib/stats'
import { peersPlan, type PeersPlan } from './peers-plan'
import { buildOurApp, buildPeerPages } from './peers/build'
import { peerSizes } from './peers/sizes'

/** After a phase's last interaction: what it scheduled (timers, idle work) runs. */
const SETTLE_MS = 1500
/**
 * After mount, the same by default; `MOUNT_SETTLE_MS=0` starts typing at the mount mark, as the
 * peers benchmark does, so what the page still does after its mount falls into the first keys.
 */
const MOUNT_SETTLE_MS = Number(process.env.MOUNT_SETTLE_MS ?? SETTLE_MS)
const FIRST_ITEM_MS = 20_000

/** Each keydown and pointerdown: when the browser took it and when its first handler ran. */
const INPUT_LOG_SCRIPT = `(() => {
  const log = { entries: [] };
  const note = (e) => log.entries.push({ at: e.timeStamp, handled: performance.now() });
  addEventListener('keydown', note, true);
  addEventListener('pointerdown', note, true);
  log.reset = () => { log.entries = []; };
  window.__inputLog = log;
})();`

/**
 * Spins 30 ms in a named function, which ties the profile's clock to performance.now(). A new
 * script each time (`n`): code V8 compiled before this profile began can lose its name in it.
 */
const clockMark = (n: number) => `(function profileClockMark() {
  const t0 = performance.now();
  let t1 = t0;
  while (t1 - t0 < 30) t1 = performance.now();
  return [t0, t1, ${n}];
})()`
let marks = 0

/** Our form, the content-equal floor and, when asked for, our form built from a baseline tree. */
type PageName = 'ours' | 'base' | 'floor'
const PHASES = { key: 'keystroke', choice: 'option change' } as const
type Phase = keyof typeof PHASES
const PHASE_LIST = Object.keys(PHASES) as Phase[]

interface EventWindow {
  at: number
  handled: number
  end: number
}

/** One phase of one load. */
interface PhaseRun {
  /** Event → the paint after its input event. */
  ms: number[]
  /** Event → its first handler. */
  waits: number[]
  /** Without the profiler: the main thread's tasks from a Chromium trace. */
  trace?: MainThreadTrace
  /** With the profiler only. */
  span?: ProfiledSpan
  /** Each event on the profile's clock (ms); null when events and samples could not be paired. */
  windows?: EventWindow[] | null
}

/** Types the run's keys (phase 'key') or clicks its options, each after the last one's paint. */
async function interact(page: Page, phase: Phase, plan: PeersPlan, round: number) {
  let n = 0
  const steps =
    phase === 'key'
      ? plan
          .typing(round)
          .flatMap((s) => [...s.text].map((ch, i) => ({ ...s, ch, first: i === 0 })))
      : plan.choices(round)
  for (const step of steps) {
    let act: () => Promise<unknown>
    if ('ch' in step) {
      const id = JSON.stringify(step.itemId)
      if (step.first && !(await page.evaluate(`window.__bench.focusText(${id})`)))
        throw new Error(`no text field in ${step.itemId}`)
      act = () => page.keyboard.type(step.ch)
    } else {
      const point = await aimRadio(page, [step.itemId, step.code, step.index])
      if (!point) continue
      act = () => page.mouse.click(point.x, point.y)
    }
    n = (await sampleOne(page, phase, n + 1, act)).expected
  }
}

/** A fresh throttled page of `url`, mounted and settled, given to `body`. */
async function withPage<T>(
  browser: Browser,
  url: string,
  plan: PeersPlan,
  rate: number,
  script: string,
  body: (page: Page) => Promise<T>,
): Promise<T> {
  const { context, page } = await openThrottledPage(
    browser,
    rate,
    probeScript(plan.expectedItems) + INPUT_LOG_SCRIPT + script,
  )
  try {
    await page.goto(url, { waitUntil: 'commit' })
    const m = (await page.evaluate(
      `window.__bench.mounted(${FIRST_ITEM_MS}, ${30_000 * rate})`,
    )) as { status: string }
    if (m.status !== 'ok') throw new Error(`${url}: mount ${m.status}`)
    await page.waitForTimeout(MOUNT_SETTLE_MS)
    return await body(page)
  } finally {
    await context.close()
  }
}

/** One phase, under the profiler (`profiled`) or else traced, through the CDP session. */
async function runPhase(
  page: Page,
  phase: Phase,
  plan: PeersPlan,
  round: number,
  cdp: CDPSession,
  profiled: boolean,
): Promise<PhaseRun> {
  await page.evaluate('window.__inputLog.reset()')
  const stop = profiled ? await startProfiling(cdp) : null
  const endTrace = profiled ? null : await startMainThreadTrace(cdp)
  await interact(page, phase, plan, round)
  await page.waitForTimeout(SETTLE_MS)
  const entries = (await page.evaluate('window.__inputLog.entries')) as Omit<EventWindow, 'end'>[]
  const ms = (await page.evaluate(`window.__bench.${phase}`)) as number[]
  const waits = entries.map((e) => e.handled - e.at)
  if (endTrace) return { ms, waits, trace: await endTrace() }
  if (!stop) throw new Error('neither profiled nor traced')
  // At the end: the first milliseconds after Profiler.start may go unsampled.
  const [t0, t1] = (await page.evaluate(clockMark(++marks))) as [number, number]
  await page.waitForTimeout(100)
  const span = await stop()
  const mark = samplesOf(span.profile, 'profileClockMark')
  if (entries.length !== ms.length || !mark)
    console.warn(`${phase}: ${entries.length} events, ${ms.length} samples, clock mark: ${!!mark}`)
  const shift = mark && (mark.first - t0 + (mark.last - t1)) / 2
  const windows =
    shift !== null && entries.length === ms.length
      ? entries.map((e, i) => ({
          at: e.at + shift,
          handled: e.handled + shift,
          end: e.at + shift + (ms[i] as number),
        }))
      : null
  return { ms, waits, span, windows }
}

/** Both phases on one fresh page. */
function loadAndRun(
  browser: Browser,
  url: string,
  plan: PeersPlan,
  rate: number,
  round: number,
  profiled: boolean,
) {
  return withPage(browser, url, plan, rate, '', async (page) => {
    const cdp = await page.context().newCDPSession(page)
    const out: Partial<Record<Phase, PhaseRun>> = {}
    for (const phase of PHASE_LIST)
      out[phase] = await runPhase(page, phase, plan, round, cdp, profiled)
    return out as Record<Phase, PhaseRun>
  })
}

async function countRenders(browser: Browser, url: string, plan: PeersPlan, rate: number) {
  return withPage(browser, url, plan, rate, RENDER_COUNT_SCRIPT, async (page) => {
    const counts: Partial<Record<Phase, RenderCounts>> = {}
    for (const phase of PHASE_LIST) {
      await resetRenderCounts(page)
      await interact(page, phase, plan, 0)
      await page.waitForTimeout(SETTLE_MS)
      counts[phase] = await readRenderCounts(page)
    }
    return counts as Record<Phase, RenderCounts>
  })
}

const within =
  (list: EventWindow[], to: (w: EventWindow) => number) =>
  (t: number): boolean =>
    list.some((w) => t >= w.at && t <= to(w))

/** Script, not the idle thread nor native work (with CPU throttling, its pauses show as (program)). */
const isScript = (key: string) => isBusy(key) && key !== '(program)'
const sum = (self: Map<string, number>, keep: (k: string) => boolean) =>
  [...self].reduce((total, [k, v]) => (keep(k) ? total + v : total), 0)

/** What one phase comes to per interaction: times from the plain load, the rest profiled. */
function digest(plain: PhaseRun, profiled: PhaseRun) {
  const n = profiled.ms.length
  const { profile } = profiled.span as ProfiledSpan
  const trace = plain.trace as MainThreadTrace
  const traced = (name: string) => (trace.byName.get(name) ?? 0) / plain.ms.length
  const w = profiled.windows ?? []
  const during = within(w, (x) => x.end)
  const inside = summariseProfile(profile, { keep: during, byName: true })
  const outside = summariseProfile(profile, { keep: (t) => !during(t), byName: true })
  const waiting = summariseProfile(profile, { keep: within(w, (x) => x.handled), byName: true })
  const figures: Record<string, number | null> = {
    'input→paint p50': percentile(plain.ms, 50),
    'input→paint p95': percentile(plain.ms, 95),
    'event waits for its handler, p95': percentile(plain.waits, 95),
    'script during event→paint': sum(inside.self, isScript) / n,
    'script between events': sum(outside.self, isScript) / n,
    'busy during (with (program))': sum(inside.self, isBusy) / n,
    'main thread, all tasks (trace)': trace.tasksMs / plain.ms.length,
    '  input events (trace)': traced('EventDispatch'),
    '  style, layout, paint (trace)': trace.renderingMs / plain.ms.length,
  }
  const maps = { inside, outside, waiting, trace: trace.byName }
  return { n, paired: !!profiled.windows, figures, maps }
}
type Digest = ReturnType<typeof digest>

const median = (xs: (number | null | undefined)[]) =>
  percentile(
    xs.filter((x): x is number => typeof x === 'number'),
    50,
  )
const f1 = (x: number | null | undefined) => (typeof x === 'number' ? x.toFixed(1) : '–')

/** Per-interaction mean over runs of one map of the digests. */
function meanMap(list: Digest[], pick: (d: Digest) => Map<string, number>) {
  const out = new Map<string, number>()
  const n = list.reduce((total, d) => total + d.n, 0)
  for (const d of list) for (const [k, v] of pick(d)) out.set(k, (out.get(k) ?? 0) + v / n)
  return out
}

const ms2 = (v: number | undefined) => (v ?? 0).toFixed(2)

function diffLines(a: Map<string, number>, b: Map<string, number>, count: number): string[] {
  return [...new Set([...a.keys(), ...b.keys()])]
    .map((k) => [k, (a.get(k) ?? 0) - (b.get(k) ?? 0)] as const)
    .filter(([k, d]) => d >= 0.05 && isScript(k))
    .sort((x, y) => y[1] - x[1])
    .slice(0, count)
    .map(
      ([k, d]) => `  +${d.toFixed(2).padStart(6)} ms  ${k} (${ms2(a.get(k))} vs ${ms2(b.get(k))})`,
    )
}

function topList(m: Map<string, number>, count: number): string[] {
  return [...m]
    .filter(([k, v]) => isScript(k) && v >= 0.05)
    .sort((x, y) => y[1] - x[1])
    .slice(0, count)
    .map(([k, v]) => `  ${v.toFixed(2).padStart(7)} ms  ${k}`)
}

function renderLine(r: RenderCounts, n: number) {
  const parts = r.counts.slice(0, 8).map(([name, c]) => `${name} ${(c / n).toFixed(1)}`)
  return `${(r.commits / n).toFixed(1)} commits; ${parts.join(', ') || 'nothing'}`
}

function report(
  phase: Phase,
  pages: PageName[],
  runs: Record<PageName, Digest[]>,
  renders: Record<PageName, Record<Phase, RenderCounts>>,
): string {
  const name = PHASES[phase]
  const { ours, base, floor } = runs
  const n = ours[0]?.n ?? 0
  const against = pages.filter((p) => p !== 'floor').map((p) => `${p}−floor`)
  const pad = (cells: string[]) => cells.map((c) => c.padStart(11)).join('')
  const out = [
    `-- per ${name} (${n} a run; ms, median over runs; input→paint and waits without the profiler)`,
    `  ${''.padEnd(34)}${pad([...pages, ...against])}`,
  ]
  for (const row of Object.keys(ours[0]?.figures ?? {})) {
    const m = (p: PageName) => median(runs[p].map((d) => d.figures[row]))
    const b = m('floor')
    const diffs = pages
      .filter((p) => p !== 'floor')
      .map((p) => {
        const a = m(p)
        return a !== null && b !== null ? a - b : null
      })
    out.push(`  ${row.padEnd(34)}${pad([...pages.map(m), ...diffs].map(f1))}`)
  }
  if (pages.some((p) => runs[p].some((d) => !d.paired)))
    out.push('  (a run could not pair events with samples: all its samples count as between)')
  const mean = (list: Digest[], key: 'inside' | 'outside' | 'waiting', m: 'self' | 'total') =>
    meanMap(list, (d) => d.maps[key][m])
  out.push(
    `more self time in ours than in the floor, during a ${name} (mean ms, ours vs floor):`,
    ...diffLines(mean(ours, 'inside', 'self'), mean(floor, 'inside', 'self'), 12),
    `more inclusive time in ours, during a ${name}:`,
    ...diffLines(mean(ours, 'inside', 'total'), mean(floor, 'inside', 'total'), 14),
    `more main-thread time in ours than in the floor, by trace event (inclusive, mean ms per ${name}, the whole phase):`,
    ...diffLines(
      meanMap(ours, (d) => d.maps.trace),
      meanMap(floor, (d) => d.maps.trace),
      10,
    ),
  )
  if (base.length)
    out.push(
      `more inclusive time in the baseline than in ours, during a ${name} (base vs ours):`,
      ...diffLines(mean(base, 'inside', 'total'), mean(ours, 'inside', 'total'), 10),
    )
  out.push(
    `between ${name}s, ours (inclusive, mean ms per ${name}; the harness's evaluate too):`,
    ...topList(mean(ours, 'outside', 'total'), 10),
    `running when a ${name} came, so that it waited (inclusive, mean ms per ${name}): ours`,
    ...topList(mean(ours, 'waiting', 'total'), 6),
    '  floor',
    ...topList(mean(floor, 'waiting', 'total'), 6),
    `components rendered per ${name}:`,
    ...pages.map((p) => `  ${p.padEnd(6)} ${renderLine(renders[p][phase], n)}`),
  )
  return out.join('\n')
}

/** Function names kept in the profiles. */
const UNMINIFIED = ['--minify', 'false']

async function main() {
  const root = fileURLToPath(new URL('..', import.meta.url))
  const [key = '512', rateArg = '4', runsArg = '3', baseline] = process.argv.slice(2)
  const rate = Number(rateArg)
  const runCount = Number(runsArg)
  const size = peerSizes(root).find((s) => s.key === key)
  if (!size) throw new Error(`size ${key}: not one of ${peerSizes(root).map((s) => s.key)}`)
  const plan = peersPlan(size.key, size.instrument)
  const outDir = mkdtempSync(join(tmpdir(), 'bar-form-profile-'))
  const [appDir, baseDir, peersDir] = await Promise.all([
    buildOurApp(root, root, [size], join(outDir, 'app'), UNMINIFIED),
    baseline ? buildOurApp(root, baseline, [size], join(outDir, 'base'), UNMINIFIED) : null,
    buildPeerPages(root, [size], outDir, UNMINIFIED).then((b) => b.peersDir),
  ])
  const app = await serveStatic(appDir)
  const peers = await serveStatic(peersDir)
  const base = baseDir ? await serveStatic(baseDir) : null
  const { id, version } = size.instrument
  const preview = `/#/preview/${id}/${version}`
  const urls: Record<PageName, string> = {
    ours: `${app.url}${preview}`,
    base: `${base?.url}${preview}`,
    floor: `${peers.url}/floor/index.html?size=${size.key}`,
  }
  const pages: PageName[] = base ? ['ours', 'base', 'floor'] : ['ours', 'floor']
  const browser = await launchChromium()
  try {
    // First, and not timed: the render counts (a load of each page also warms the server and disk).
    const renders = {} as Record<PageName, Record<Phase, RenderCounts>>
    for (const p of pages) renders[p] = await countRenders(browser, urls[p], plan, rate)
    const runs = Object.fromEntries(
      PHASE_LIST.map((phase) => [phase, { ours: [], base: [], floor: [] }]),
    ) as unknown as Record<Phase, Record<PageName, Digest[]>>
    for (let r = 0; r < runCount; r++) {
      const line: string[] = []
      // Each page goes first in turn.
      for (const p of [...pages.slice(r % pages.length), ...pages.slice(0, r % pages.length)]) {
        const plain = await loadAndRun(browser, urls[p], plan, rate, r, false)
        const profiled = await loadAndRun(browser, urls[p], plan, rate, r, true)
        for (const phase of PHASE_LIST) {
          const span = profiled[phase].span as ProfiledSpan
          writeFileSync(
            join(outDir, `${p}-${phase}-${r + 1}.cpuprofile`),
            JSON.stringify(span.profile),
          )
          const d = digest(plain[phase], profiled[phase])
          runs[phase][p].push(d)
          const f = d.figures
          line.push(
            `${p} ${phase} p50 ${f1(f['input→paint p50'])} p95 ${f1(f['input→paint p95'])} script ${f1(f['script during event→paint'])}`,
          )
        }
      }
      console.log(`run ${r + 1}/${runCount}: ${line.join(' | ')}`)
    }
    const items = plan.expectedItems
    console.log(
      `\n== size ${size.key} (${id} ${version}, ${items} items at mount), CPU ${rate}x, ${runCount} runs`,
    )
    for (const phase of PHASE_LIST) console.log(report(phase, pages, runs[phase], renders) + '\n')
  } finally {
    await browser.close()
    for (const server of [app, peers, base]) await server?.close()
  }
  // Kept with the profiles: their line numbers point into these builds.
  console.log(`builds and profiles: ${outDir}`)
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main()
