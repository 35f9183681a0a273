/**
 * What happens between navigation and the form's mount mark on one screen, in time order:
 * `npx tsx bench/mount-timeline.ts [hash] [items] [cpuRate] [runs] [distDir,distDir]`, default
 * `#/preview/fml/1.0.0`, 69 item boxes, CPU 1x, 3 runs, a fresh build of the project.
 * Not part of `npm run bench`: a tool for finding what the peers benchmark's mount waits for.
 * Several builds (`dist` directories, comma-separated) load in turn in one browser, after one
 * discarded load each, and end with the median mount, first input and first contentful paint of
 * each: a change against a baseline build in the same run, with the run-by-run difference from the
 * first build and a sign-test interval for it (one load varies by ±15 % on a shared machine: a
 * difference whose interval holds 0 is not one).
 *
 * Serves the build as the peers benchmark does (no compression, no caching) and prints per run:
 * each script's request start, response end and size, the first paint and first contentful
 * paint, the first item box, the mount mark (the same probe as the benchmarks) and the main
 * thread's busy time between those points by function (V8 sampling profiler), so a gap shows
 * whether the page was waiting for the network or running code. `PROFILE=0` leaves the profiler
 * out (it slows the page down about three times), for the timings themselves; `TRACE=1` traces
 * the main thread instead (Chromium's timeline events, which barely slow the page down) from
 * navigation to the mount mark and prints, per build, the median self time per event name (an
 * event's time less that of the events inside it): script against style, layout and paint;
 * `TRACE_CATEGORIES=v8,blink,loading` adds finer events.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { launchChromium } from './lib/browser'
import { copyProject } from './lib/copy-project'
import {
  samplesOf,
  startProfiling,
  summariseProfile,
  topLines,
  CLOCK_MARK,
  type CpuProfile,
} from './lib/cpu-profile'
import { startMainThreadTrace } from './lib/main-thread-trace'
import { serveStatic } from './lib/static-server'
import { pairedDifference } from './lib/stats'
import { viteBuild } from './lib/vite-build'
import { probeScript } from './form-probe'

interface Entry {
  name: string
  start: number
  end: number
  kb: number
}

async function main() {
  const [hash = '#/preview/fml/1.0.0', itemsArg = '69', rateArg = '1', runsArg = '3', distArg] =
    process.argv.slice(2)
  const items = Number(itemsArg)
  const cpuRate = Number(rateArg)
  let dists = distArg?.split(',') ?? []
  if (!dists.length) {
    const root = fileURLToPath(new URL('..', import.meta.url))
    const dir = mkdtempSync(join(tmpdir(), 'mount-timeline-'))
    copyProject(root, root, dir)
    await viteBuild(dir, ['--minify', 'false'])
    dists = [join(dir, 'dist')]
  }
  const servers = await Promise.all(dists.map((d) => serveStatic(d)))
  const browser = await launchChromium()
  const results = dists.map(() => ({
    mount: [] as number[],
    firstInput: [] as number[],
    fcp: [] as number[],
    trace: new Map<string, number[]>(),
    tasks: [] as number[],
  }))
  const tracing = process.env.TRACE === '1'
  try {
    for (let n = 0; n <= Number(runsArg) * dists.length + dists.length - 1; n++) {
      const which = n % dists.length
      const server = servers[which] as (typeof servers)[number]
      const run = Math.floor(n / dists.length)
      const discarded = run === 0
      const context = await browser.newContext({
        viewport: { width: 1280, height: 900 },
        locale: 'nl-NL',
        serviceWorkers: 'block',
      })
      const page = await context.newPage()
      const cdp = await context.newCDPSession(page)
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuRate })
      await page.addInitScript({ content: probeScript(items) })
      const profiling = process.env.PROFILE !== '0' && !tracing
      const stop = profiling ? await startProfiling(cdp) : null
      const stopTrace = tracing
        ? await startMainThreadTrace(cdp, process.env.TRACE_CATEGORIES?.split(',') ?? [])
        : null
      await page.goto(`${server.url}/${hash}`)
      await page.evaluate('window.__bench.mounted(30000, 60000)')
      const trace = stopTrace && (await stopTrace())
      if (trace && !discarded) {
        const r = results[which] as (typeof results)[number]
        for (const [name, ms] of trace.selfByName)
          r.trace.set(name, [...(r.trace.get(name) ?? []), ms])
        r.tasks.push(trace.countByName.get('RunTask') ?? 0)
      }
      await page.waitForTimeout(300)
      const [t0, t1] = (await page.evaluate(CLOCK_MARK)) as [number, number]
      const span = stop ? await stop() : null
      const data = (await page.evaluate(`(() => ({
        mount: window.__bench.mount,
        firstInput: window.__bench.firstInput,
        paints: performance.getEntriesByType('paint').map((p) => [p.name, p.startTime]),
        resources: performance.getEntriesByType('resource').map((r) => ({
          name: r.name.split('/').pop(), start: r.startTime, end: r.responseEnd, kb: r.encodedBodySize / 1024,
        })),
      }))()`)) as {
        mount: number
        firstInput: number
        paints: [string, number][]
        resources: Entry[]
      }
      const mark = span && samplesOf(span.profile, 'profileClockMark')
      const shift = mark ? (mark.first - t0 + (mark.last - t1)) / 2 : 0
      if (!discarded) {
        const r = results[which] as (typeof results)[number]
        r.mount.push(data.mount)
        r.firstInput.push(data.firstInput)
        r.fcp.push(data.paints.find((p) => p[0] === 'first-contentful-paint')?.[1] ?? NaN)
      }
      console.log(
        `\n${dists[which]} ${discarded ? 'warm-up' : `run ${run}`} at ${cpuRate}x: mount ${data.mount.toFixed(0)} ms, first input ${data.firstInput.toFixed(0)} ms`,
      )
      for (const [name, at] of data.paints) console.log(`  ${at.toFixed(0).padStart(5)}  ${name}`)
      for (const r of data.resources.sort((a, b) => a.start - b.start))
        console.log(
          `  ${r.start.toFixed(0).padStart(5)}–${r.end.toFixed(0).padStart(5)}  ${r.kb.toFixed(1).padStart(6)} kB  ${r.name}`,
        )
      // When the first script is in, and the first request the page's code made (not index.html).
      const entryEnd = Math.min(...data.resources.map((r) => r.end))
      const asked = data.resources.filter((r) => r.start > entryEnd).map((r) => r.start)
      const points = [
        0,
        entryEnd,
        ...(asked.length ? [Math.min(...asked)] : []),
        ...data.paints.map((p) => p[1]),
        data.firstInput,
        data.mount,
      ].sort((a, b) => a - b)
      const busy = (k: string) => k !== '(idle)' && k !== '(root)' && k !== '(program)'
      const spans = points.slice(1).map((to, i) => [points[i] as number, to] as const)
      for (const [start, end] of span ? spans : []) {
        const from = start + shift
        const to = end + shift
        const s = summariseProfile((span as { profile: CpuProfile }).profile, {
          keep: (at) => at >= from && at < to,
          byName: false,
        })
        const kinds = [...s.kinds].map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ')
        console.log(`  -- ${start.toFixed(0)} to ${end.toFixed(0)} ms: ${kinds}`)
        console.log(topLines(s.self, 8, 1, busy))
      }
      await context.close()
    }
    console.log('\nmedians (ms): mount, first input, first contentful paint')
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN
    results.forEach((r, i) =>
      console.log(
        `  ${dists[i]}: ${[r.mount, r.firstInput, r.fcp].map((xs) => median(xs).toFixed(0)).join(', ')}`,
      ),
    )
    const base = results[0] as (typeof results)[number]
    if (results.length > 1)
      console.log(
        '\nagainst the first build, run by run (median difference [90 % interval], ms): mount, first input, first contentful paint',
      )
    // Whole milliseconds, without a "-0".
    const ms = (x: number) => String(Math.round(x) || 0)
    results.slice(1).forEach((r, i) => {
      const cells = (['mount', 'firstInput', 'fcp'] as const).map((k) => {
        const d = pairedDifference(base[k], r[k])
        if (!d) return '–'
        const range = d.low === null ? '' : ` [${ms(d.low)}, ${ms(d.high as number)}]`
        return `${Math.round(d.median) > 0 ? '+' : ''}${ms(d.median)}${range}`
      })
      console.log(`  ${dists[i + 1]}: ${cells.join(', ')}`)
    })
    if (tracing) {
      console.log('\nmain thread from navigation to mount, median self time per event name (ms)')
      results.forEach((r, i) => {
        console.log(`  ${dists[i]}: ${median(r.tasks)} tasks`)
        const rows = [...r.trace].map(([name, xs]) => [name, median(xs)] as const)
        for (const [name, self] of rows.sort((a, b) => b[1] - a[1]).slice(0, 24))
          console.log(`    ${self.toFixed(1).padStart(7)}  ${name}`)
      })
    }
  } finally {
    await browser.close()
    await Promise.all(servers.map((s) => s.close()))
  }
}

await main()
