/**
 * Where the time of a builder keystroke goes: `npx tsx bench/builder-profile.ts [keys] [cpuRate]`.
 * Not part of `npm run bench`. Builds the app without minification (component and function names
 * kept) outside the tree, then for each instrument of the builder benchmark types `keys` keys
 * (default 12) at `cpuRate` (default 4) twice on fresh pages:
 * - under the V8 sampling profiler (CDP Profiler, 100 µs), with Chromium's own counters of
 *   script, style and layout time (CDP Performance.getMetrics) around the typing;
 * - with a stand-in React DevTools hook that counts, per commit, the components that rendered
 *   (fibers with the PerformedWork flag that are new in that commit).
 * Prints the summary per keystroke; leaves the build and the raw profiles (open them in DevTools)
 * in a folder of the temp directory.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Browser } from 'playwright-core'
import { launchChromium } from './lib/browser'
import {
  METRICS,
  isBusy,
  startProfiling,
  summariseProfile,
  topLines,
  type ProfiledSpan,
} from './lib/cpu-profile'
import {
  RENDER_COUNT_SCRIPT,
  readRenderCounts,
  resetRenderCounts,
  type RenderCounts,
} from './lib/render-count'
import { percentile, round1 } from './lib/stats'
import { viteBuild } from './lib/vite-build'
import { measureBuilderPage, type BuilderPlan } from './builder-page'
import { builderPlans } from './builder-plans'
import { builtPolicyHeader } from './builder-server'
import { serveStatic } from './lib/static-server'

async function profilePlan(
  browser: Browser,
  url: string,
  plan: BuilderPlan,
  rate: number,
  keys: number,
  outDir: string,
) {
  const text = 'abcdefghijklmnopqrstuvwxyz'.repeat(4).slice(0, keys)
  let stop: (() => Promise<ProfiledSpan>) | null = null
  let span: ProfiledSpan | null = null
  const profiled = await measureBuilderPage(browser, url, plan, rate, text, {
    beforeTyping: async (page) => {
      stop = await startProfiling(await page.context().newCDPSession(page))
    },
    afterTyping: async () => {
      span = (await stop?.()) ?? null
    },
  })
  let renders: RenderCounts | null = null
  await measureBuilderPage(browser, url, plan, rate, text, {
    initScript: RENDER_COUNT_SCRIPT,
    beforeTyping: (page) => resetRenderCounts(page),
    afterTyping: async (page) => {
      await page.waitForTimeout(500 * rate)
      renders = await readRenderCounts(page)
    },
  })
  const measured = span as ProfiledSpan | null
  if (!measured) throw new Error('no profile')
  const { profile, counters } = measured
  const file = join(outDir, `builder-${plan.key}-${rate}x.cpuprofile`)
  writeFileSync(file, JSON.stringify(profile))
  const input = profiled.samples.map((s) => s.input)
  const dom = profiled.samples.map((s) => s.seen)
  const { self, total, kinds } = summariseProfile(profile)
  const n = text.length
  const out: string[] = [
    `== ${plan.id} ${plan.version} (${plan.items} items), ${plan.node}, CPU ${rate}x, ${n} keys (profiled run: input→paint p50 ${round1(percentile(input, 50))} ms, max ${round1(Math.max(...input))} ms; input→DOM p50 ${round1(percentile(dom, 50))} ms)`,
    `profile: ${file}`,
    'Chromium counters per keystroke (whole typing period, ms):',
    ...METRICS.map((m) => `  ${m.padEnd(20)} ${((counters[m] ?? 0) / n).toFixed(2)}`),
    'sampled main-thread time per keystroke by kind (ms):',
    topLines(kinds, 10, n),
    'top self time per keystroke:',
    topLines(self, 25, n, isBusy),
    'top inclusive time per keystroke (app code, not react-dom):',
    topLines(total, 30, n, (k) => /\.js:\d+$/.test(k) && !/react-dom-/.test(k)),
  ]
  const r = renders as RenderCounts | null
  if (r)
    out.push(
      `React commits: ${r.commits} for ${n} keys; components rendered per keystroke:`,
      ...r.counts.slice(0, 30).map(([name, c]) => `  ${(c / n).toFixed(1).padStart(8)}  ${name}`),
    )
  console.log(out.join('\n') + '\n')
}

async function main() {
  const root = fileURLToPath(new URL('..', import.meta.url))
  const keys = Number(process.argv[2] ?? 12)
  const rate = Number(process.argv[3] ?? 4)
  const plans = builderPlans(root)
  const outDir = mkdtempSync(join(tmpdir(), 'bar-builder-profile-'))
  const dist = join(outDir, 'dist')
  await viteBuild(root, ['--outDir', dist, '--emptyOutDir', '--minify', 'false'])
  const server = await serveStatic(dist, {
    headers: { 'Content-Security-Policy': builtPolicyHeader(dist) },
  })
  const browser = await launchChromium()
  try {
    for (const plan of plans) await profilePlan(browser, server.url, plan, rate, keys, outDir)
  } finally {
    await browser.close()
    await server.close()
  }
  // Kept with the profiles: their line numbers point into these files.
  console.log(`build and profiles: ${outDir}`)
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main()
