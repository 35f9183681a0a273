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
import { basename, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Browser, CDPSession } from 'playwright-core'
import { launchChromium } from './lib/browser'
import { percentile, round1 } from './lib/stats'
import { viteBuild } from './lib/vite-build'
import { measureBuilderPage, type BuilderPlan } from './builder-page'
import { builderPlans } from './builder-plans'
import { builtPolicyHeader, serveStaticWithHeaders } from './builder-server'

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
interface CpuProfile {
  nodes: ProfileNode[]
  startTime: number
  endTime: number
  samples: number[]
  timeDeltas: number[]
}

/**
 * Installed before React loads; React (production builds too) calls onCommitFiberRoot after every
 * commit. A fiber rendered in a commit when it carries PerformedWork (flag 1) and is not the
 * object the previous commit left in the tree (a subtree React skipped keeps its old fibers).
 */
const RENDER_COUNT_SCRIPT = `(() => {
  const counts = new Map();
  let commits = 0;
  let previous = new WeakSet();
  const COMPONENT = new Set([0, 1, 11, 14, 15]);
  const nameOf = (t) => {
    if (!t) return '?';
    if (typeof t === 'function') return t.displayName || t.name || '(anonymous)';
    if (t.displayName) return t.displayName;
    if (t.render) return nameOf(t.render);
    if (t.type) return nameOf(t.type);
    return '?';
  };
  window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true,
    renderers: new Map(),
    inject() { return 1; },
    checkDCE() {},
    onScheduleFiberRoot() {},
    onCommitFiberUnmount() {},
    onPostCommitFiberRoot() {},
    onCommitFiberRoot(_id, root) {
      commits += 1;
      const seen = new WeakSet();
      const stack = [root.current];
      while (stack.length) {
        const f = stack.pop();
        seen.add(f);
        if (COMPONENT.has(f.tag) && (f.flags & 1) && !previous.has(f)) {
          const n = nameOf(f.type);
          counts.set(n, (counts.get(n) || 0) + 1);
        }
        if (f.sibling) stack.push(f.sibling);
        if (f.child) stack.push(f.child);
      }
      previous = seen;
    },
  };
  window.__renderCounts = {
    reset() { counts.clear(); commits = 0; },
    read() { return { commits, counts: [...counts].sort((a, b) => b[1] - a[1]) }; },
  };
})();`

const METRICS = ['TaskDuration', 'ScriptDuration', 'RecalcStyleDuration', 'LayoutDuration']

async function metrics(cdp: CDPSession) {
  const { metrics: list } = (await cdp.send('Performance.getMetrics')) as {
    metrics: { name: string; value: number }[]
  }
  return Object.fromEntries(
    list.filter((m) => METRICS.includes(m.name)).map((m) => [m.name, m.value]),
  )
}

const where = (f: CallFrame) => (f.url ? ` ${basename(f.url)}:${f.lineNumber + 1}` : '')

/**
 * A function's name and place; an anonymous one is named after the nearest named function it was
 * called from (`(anonymous in useSortable)`), which reads better than a line number alone.
 */
function frameKeys(nodes: ProfileNode[], parent: Map<number, number>): Map<number, string> {
  const byId = new Map(nodes.map((n) => [n.id, n]))
  const keys = new Map<number, string>()
  for (const n of nodes) {
    const f = n.callFrame
    if (f.functionName || !f.url) {
      keys.set(n.id, `${f.functionName}${where(f)}`)
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
    keys.set(n.id, `(anonymous in ${caller})${where(f)}`)
  }
  return keys
}

/** Self and inclusive time (ms) per function, and the split into coarse kinds of work. */
function summariseProfile(p: CpuProfile) {
  const byId = new Map(p.nodes.map((n) => [n.id, n]))
  const parent = new Map<number, number>()
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
  const keyOf = frameKeys(p.nodes, parent)
  const self = new Map<string, number>()
  const total = new Map<string, number>()
  const kinds = new Map<string, number>()
  p.samples.forEach((id, i) => {
    const us = i + 1 < p.timeDeltas.length ? (p.timeDeltas[i + 1] as number) : 0
    const node = byId.get(id)
    if (!node || us <= 0) return
    const ms = us / 1000
    const key = keyOf.get(id) ?? '?'
    self.set(key, (self.get(key) ?? 0) + ms)
    const url = node.callFrame.url
    const kind = !url
      ? node.callFrame.functionName.startsWith('(')
        ? node.callFrame.functionName
        : 'native (JSON, DOM calls…)'
      : /\/react-dom-[^/]*\.js/.test(url)
        ? 'react-dom'
        : 'app and libraries'
    kinds.set(kind, (kinds.get(kind) ?? 0) + ms)
    const onStack = new Set<string>()
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      if (byId.has(at)) onStack.add(keyOf.get(at) ?? '?')
    }
    for (const k of onStack) total.set(k, (total.get(k) ?? 0) + ms)
  })
  return { self, total, kinds }
}

const top = (m: Map<string, number>, n: number, per: number, filter?: (k: string) => boolean) =>
  [...m]
    .filter(([k]) => !filter || filter(k))
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, v]) => `  ${(v / per).toFixed(2).padStart(8)} ms  ${k}`)
    .join('\n')

async function profilePlan(
  browser: Browser,
  url: string,
  plan: BuilderPlan,
  rate: number,
  keys: number,
  outDir: string,
) {
  const text = 'abcdefghijklmnopqrstuvwxyz'.repeat(4).slice(0, keys)
  let profile: CpuProfile | null = null
  let before: Record<string, number> = {}
  let after: Record<string, number> = {}
  let cdp: CDPSession | null = null
  const profiled = await measureBuilderPage(browser, url, plan, rate, text, {
    beforeTyping: async (page) => {
      cdp = await page.context().newCDPSession(page)
      await cdp.send('Performance.enable')
      await cdp.send('Profiler.enable')
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 })
      before = await metrics(cdp)
      await cdp.send('Profiler.start')
    },
    afterTyping: async () => {
      if (!cdp) return
      ;({ profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile })
      after = await metrics(cdp)
    },
  })
  let renders: { commits: number; counts: [string, number][] } | null = null
  await measureBuilderPage(browser, url, plan, rate, text, {
    initScript: RENDER_COUNT_SCRIPT,
    beforeTyping: (page) => page.evaluate('window.__renderCounts.reset()'),
    afterTyping: async (page) => {
      await page.waitForTimeout(500 * rate)
      renders = (await page.evaluate('window.__renderCounts.read()')) as typeof renders
    },
  })
  if (!profile) throw new Error('no profile')
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
    ...METRICS.map(
      (m) => `  ${m.padEnd(20)} ${((((after[m] ?? 0) - (before[m] ?? 0)) * 1000) / n).toFixed(2)}`,
    ),
    'sampled main-thread time per keystroke by kind (ms):',
    top(kinds, 10, n),
    'top self time per keystroke:',
    top(self, 25, n, (k) => k !== '(idle)' && k !== '(root)'),
    'top inclusive time per keystroke (app code, not react-dom):',
    top(total, 30, n, (k) => /\.js:\d+$/.test(k) && !/react-dom-/.test(k)),
  ]
  const r = renders as { commits: number; counts: [string, number][] } | null
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
  const server = await serveStaticWithHeaders(dist, {
    'Content-Security-Policy': builtPolicyHeader(dist),
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
