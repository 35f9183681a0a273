/**
 * Where a screen's first load spends its long tasks (the ones Lighthouse's total blocking time
 * counts): `npx tsx bench/screen-profile.ts [screen,screen] [cpuRate] [runs]`, screens among
 * assessments, example-bar, example-fml, compare, report, preview (default compare), default CPU
 * 4x (Lighthouse's mobile preset) and 3 runs. Not part of `npm run bench`.
 *
 * Builds a copy of the project without minification (names kept), serves it gzipped, opens the two
 * examples from the assessments screen (so they are in IndexedDB), then loads each screen afresh
 * (HTTP cache off) under the V8 sampling profiler with a `longtask` observer. Prints, per run, each
 * task over 50 ms (start, length, its blocking part) with the functions that took most of it, self
 * and inclusive. Leaves the build in the temp directory.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { launchChromium } from './lib/browser'
import { copyProject } from './lib/copy-project'
import {
  CLOCK_MARK,
  samplesOf,
  startProfiling,
  summariseProfile,
  topLines,
} from './lib/cpu-profile'
import { serveStatic } from './lib/static-server'
import { viteBuild } from './lib/vite-build'
import { EXAMPLE_BAR, EXAMPLE_FML, openExample } from './lib/examples'

const LONG_TASK_MS = 50
const SETTLE_MS = 3000

const OBSERVER_SCRIPT = `(() => {
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
})();`

function routes(bar: string, fml: string): Record<string, string> {
  return {
    assessments: '#/assessments',
    'example-bar': `#/assessments/${bar}`,
    'example-fml': `#/assessments/${fml}`,
    compare: `#/compare/${bar}/${fml}`,
    report: '#/report',
    preview: '#/preview/bar/1.2.0',
  }
}

async function main() {
  const [screensArg = 'compare', rateArg = '4', runsArg = '3'] = process.argv.slice(2)
  const cpuRate = Number(rateArg)
  const runs = Number(runsArg)
  const root = fileURLToPath(new URL('..', import.meta.url))
  const dir = mkdtempSync(join(tmpdir(), 'screen-profile-'))
  copyProject(root, root, dir)
  await viteBuild(dir, ['--minify', 'false'])
  const server = await serveStatic(join(dir, 'dist'), { gzip: true })
  const browser = await launchChromium()
  try {
    const context = await browser.newContext({
      viewport: { width: 412, height: 823 },
      locale: 'nl-NL',
      serviceWorkers: 'block',
    })
    const seed = await context.newPage()
    const bar = await openExample(seed, server.url, EXAMPLE_BAR)
    const fml = await openExample(seed, server.url, EXAMPLE_FML)
    await seed.close()
    const table = routes(bar, fml)
    for (const screen of screensArg.split(',')) {
      const hash = table[screen]
      if (!hash)
        throw new Error(`unknown screen ${screen}: one of ${Object.keys(table).join(', ')}`)
      for (let run = 1; run <= runs; run++) {
        const page = await context.newPage()
        const cdp = await context.newCDPSession(page)
        await cdp.send('Network.enable')
        await cdp.send('Network.setCacheDisabled', { cacheDisabled: true })
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuRate })
        await page.addInitScript({ content: OBSERVER_SCRIPT })
        const stop = await startProfiling(cdp)
        await page.goto(`${server.url}/${hash}`)
        await page.waitForLoadState('networkidle')
        await page.waitForTimeout(SETTLE_MS)
        const [t0, t1] = (await page.evaluate(CLOCK_MARK)) as [number, number]
        await page.waitForTimeout(100)
        const span = await stop()
        const tasks = (await page.evaluate('window.__longTasks')) as {
          start: number
          duration: number
        }[]
        const mark = samplesOf(span.profile, 'profileClockMark')
        const shift = mark ? (mark.first - t0 + (mark.last - t1)) / 2 : null
        const blocking = tasks.reduce((s, t) => s + Math.max(0, t.duration - LONG_TASK_MS), 0)
        console.log(
          `\n${screen} run ${run} at ${cpuRate}x: ${tasks.length} long tasks, blocking ${blocking.toFixed(0)} ms (not simulated: Lighthouse's TBT is its own estimate)`,
        )
        for (const t of tasks) {
          console.log(
            `- at ${t.start.toFixed(0)} ms, ${t.duration.toFixed(0)} ms (blocking ${Math.max(0, t.duration - LONG_TASK_MS).toFixed(0)})`,
          )
          if (shift === null) continue
          const from = t.start + shift
          const to = from + t.duration
          const s = summariseProfile(span.profile, {
            keep: (at) => at >= from && at < to,
            byName: false,
          })
          const busy = (k: string) => k !== '(idle)' && k !== '(root)' && k !== '(program)'
          console.log('  self:')
          console.log(topLines(s.self, 8, 1, busy))
          console.log('  inclusive:')
          console.log(topLines(s.total, 14, 1, busy))
        }
        await page.close()
      }
    }
  } finally {
    await browser.close()
    await server.close()
  }
  console.log(`\nbuild in ${dir}`)
}

await main()
