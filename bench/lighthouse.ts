import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { cpus, loadavg, platform, release, tmpdir } from 'node:os'
import { join } from 'node:path'
import lighthouse, { type Flags, type Result } from 'lighthouse'
import { chromium, type BrowserContext } from 'playwright-core'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../test/e2e/chromium'
import { probeScreen, type ProbeResult } from './lighthouse-probe'
import { copyProject } from './lib/copy-project'
import { writeReadmeBlock } from './lib/readme-block'
import { percentile } from './lib/stats'
import { serveStatic, type StaticServer } from './lib/static-server'
import { viteBuild } from './lib/vite-build'
import { EXAMPLE_BAR, EXAMPLE_FML, openExample } from './lib/examples'

/** Lighthouse runs per screen (LIGHTHOUSE_RUNS overrides); the median is reported. */
const RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 3)
/** LIGHTHOUSE_REPORTS=dir keeps every run's full report there (opens in the Lighthouse viewer). */
const REPORTS = process.env.LIGHTHOUSE_REPORTS
/** The issue's targets (issue 16), on every screen. */
const TARGET = { performance: 95, accessibility: 100 }

function log(line: string) {
  console.log(`[bench:lighthouse] ${line}`)
}

interface Screen {
  key: string
  title: string
  hash: string
}

/** Every screen of the app; the assessment ids are known once the examples are saved. */
function screens(barId: string, fmlId: string): Screen[] {
  return [
    { key: 'instruments', title: 'Instruments', hash: '#/' },
    { key: 'assessments', title: 'Assessments', hash: '#/assessments' },
    { key: 'example-bar', title: 'Example BAR (filled in)', hash: `#/assessments/${barId}` },
    { key: 'example-fml', title: 'Example FML (filled in)', hash: `#/assessments/${fmlId}` },
    { key: 'compare', title: 'Compare (example pair)', hash: `#/compare/${barId}/${fmlId}` },
    { key: 'report', title: 'Report', hash: '#/report' },
    { key: 'cohort', title: 'Cohort', hash: '#/cohort' },
    { key: 'builder', title: 'Builder', hash: '#/builder' },
    { key: 'encryption', title: 'Encryption', hash: '#/encryption' },
    { key: 'preview', title: 'Preview BAR 1.2.0', hash: '#/preview/bar/1.2.0' },
  ]
}

/** Every header `dist/_headers` gives all paths (`/*`): what a static host sends with the app. */
function productionHeaders(dist: string): Record<string, string> {
  const headers: Record<string, string> = {}
  let all = false
  for (const line of readFileSync(join(dist, '_headers'), 'utf8').split('\n')) {
    if (/^\S/.test(line)) all = line.trim() === '/*'
    const m = /^\s+([\w-]+):\s*(.+)$/.exec(line)
    if (all && m?.[1] && m[2]) headers[m[1]] = m[2].trim()
  }
  if (!headers['Content-Security-Policy'])
    throw new Error(`${dist}/_headers has no Content-Security-Policy for /*`)
  return headers
}

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer()
    s.once('error', fail)
    s.listen(0, '127.0.0.1', () => {
      const address = s.address()
      const port = typeof address === 'object' && address ? address.port : 0
      s.close(() => ok(port))
    })
  })
}

type Json = Record<string, unknown>
const rec = (v: unknown): Json | undefined =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : undefined
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined)
const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined)
const round = (v: number | undefined, digits = 0) => (v === undefined ? null : +v.toFixed(digits))

/** The rows of an audit's table (or of the tables in its list). */
function items(audit: Result['audits'][string] | undefined): Json[] {
  const details = rec(audit?.details)
  if (!details) return []
  if (Array.isArray(details.items))
    return details.items.flatMap((i: unknown) => {
      const r = rec(i)
      if (!r) return []
      return r.type === 'table' || r.type === 'opportunity' ? items({ details: r } as never) : [r]
    })
  return []
}

interface NodeRef {
  selector: string | null
  snippet: string | null
  label: string | null
  explanation: string | null
}

function nodeOf(v: unknown): NodeRef | null {
  const n = rec(v)
  if (n?.type !== 'node') return null
  return {
    selector: str(n.selector) ?? null,
    snippet: str(n.snippet) ?? null,
    label: str(n.nodeLabel) ?? null,
    explanation: str(n.explanation) ?? null,
  }
}

/** Where a URL points below the server: `/assets/index-abc.js`. */
const shortUrl = (url: unknown, origin: string) => str(url)?.replace(origin, '') ?? String(url)

interface RunSummary {
  performance: number | null
  accessibility: number | null
  metrics: Record<MetricKey, number | null>
  warnings: string[]
  lhr: Result
}

const METRICS = {
  fcp_ms: 'first-contentful-paint',
  lcp_ms: 'largest-contentful-paint',
  tbt_ms: 'total-blocking-time',
  cls: 'cumulative-layout-shift',
  si_ms: 'speed-index',
} as const
type MetricKey = keyof typeof METRICS

function summarise(lhr: Result): RunSummary {
  const score = (c: string) => {
    const s = lhr.categories[c]?.score
    return typeof s === 'number' ? Math.round(s * 100) : null
  }
  const metrics = Object.fromEntries(
    Object.entries(METRICS).map(([k, id]) => [
      k,
      round(lhr.audits[id]?.numericValue, k === 'cls' ? 3 : 0),
    ]),
  ) as Record<MetricKey, number | null>
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    metrics,
    warnings: [
      ...lhr.runWarnings.map(String),
      ...(lhr.runtimeError ? [`${lhr.runtimeError.code}: ${lhr.runtimeError.message}`] : []),
    ],
    lhr,
  }
}

/** Accessibility audits that count towards the score and did not pass, with the nodes named. */
function accessibilityFailures(lhr: Result) {
  const refs = lhr.categories.accessibility?.auditRefs ?? []
  return refs
    .filter((r) => r.weight > 0)
    .map((r) => lhr.audits[r.id])
    .filter((a) => a && a.score !== null && a.score < 1)
    .map((a) => ({
      id: a!.id,
      title: a!.title,
      weight: refs.find((r) => r.id === a!.id)?.weight ?? 0,
      nodes: items(a).flatMap((i) => {
        const n = nodeOf(i.node)
        return n ? [n] : []
      }),
    }))
}

/** What the performance score loses on: the LCP element, what blocks the main thread, the largest scripts. */
function performanceFindings(lhr: Result, origin: string) {
  const a = lhr.audits
  const lcpNode = items(a['largest-contentful-paint-element'])
    .map((i) => nodeOf(i.node))
    .find((n) => n)
  const lcpPhases = items(a['largest-contentful-paint-element'])
    .filter((i) => str(i.phase))
    .map((i) => ({ phase: str(i.phase), ms: round(num(i.timing)) }))
  const refs = lhr.categories.performance?.auditRefs ?? []
  const savings = (x: Result['audits'][string]) =>
    Object.values(x.metricSavings ?? {}).reduce((s: number, v) => s + (v ?? 0), 0)
  const opportunities = refs
    .filter((r) => r.weight === 0 && !r.group?.startsWith('metrics'))
    .map((r) => a[r.id])
    .filter(
      (x): x is Result['audits'][string] =>
        !!x && x.score !== null && x.score < 0.9 && x.scoreDisplayMode !== 'informative',
    )
    .sort((x, y) => savings(y) - savings(x))
    .slice(0, 8)
    .map((x) => ({
      id: x.id,
      title: x.title,
      display: x.displayValue ?? null,
      metric_savings: x.metricSavings ?? null,
    }))
  return {
    lcp_element: lcpNode ?? null,
    lcp_phases: lcpPhases,
    long_tasks: items(a['long-tasks'])
      .slice(0, 6)
      .map((i) => ({
        url: shortUrl(i.url, origin),
        start_ms: round(num(i.startTime)),
        duration_ms: round(num(i.duration)),
      })),
    bootup_time: items(a['bootup-time'])
      .slice(0, 6)
      .map((i) => ({
        url: shortUrl(i.url, origin),
        total_ms: round(num(i.total)),
        scripting_ms: round(num(i.scripting)),
        parse_compile_ms: round(num(i.scriptParseCompile)),
      })),
    main_thread: items(a['mainthread-work-breakdown']).map((i) => ({
      group: str(i.groupLabel) ?? str(i.group),
      ms: round(num(i.duration)),
    })),
    largest_scripts: items(a['network-requests'])
      .filter((i) => i.resourceType === 'Script')
      .sort((x, y) => (num(y.transferSize) ?? 0) - (num(x.transferSize) ?? 0))
      .slice(0, 6)
      .map((i) => ({
        url: shortUrl(i.url, origin),
        transfer_kb: round((num(i.transferSize) ?? 0) / 1000, 1),
        resource_kb: round((num(i.resourceSize) ?? 0) / 1000, 1),
      })),
    unused_javascript: items(a['unused-javascript'])
      .slice(0, 6)
      .map((i) => ({
        url: shortUrl(i.url, origin),
        total_kb: round((num(i.totalBytes) ?? 0) / 1000, 1),
        unused_kb: round((num(i.wastedBytes) ?? 0) / 1000, 1),
      })),
    total_transfer_kb: round((a['total-byte-weight']?.numericValue ?? 0) / 1000, 1),
    requests: items(a['network-requests']).length,
    dom_size: round(a['dom-size']?.numericValue),
    opportunities,
  }
}

function foreignRequests(lhr: Result): string[] {
  return items(lhr.audits['network-requests'])
    .map((i) => str(i.url) ?? '')
    .filter((u) => !/^(http:\/\/127\.0\.0\.1[:/]|data:|blob:|about:)/.test(u))
}

/** The run with the median performance score (ties: the lower TBT): its details are reported. */
function medianRun(runs: RunSummary[]): RunSummary {
  const sorted = [...runs].sort(
    (x, y) =>
      (x.performance ?? -1) - (y.performance ?? -1) ||
      (y.metrics.tbt_ms ?? 0) - (x.metrics.tbt_ms ?? 0),
  )
  return sorted[Math.floor((sorted.length - 1) / 2)]!
}

const med = (xs: (number | null)[]) => {
  const v = xs.filter((x): x is number => x !== null)
  return percentile(v, 50)
}

/** Puts this benchmark's markers after the entry benchmark's block, where writeReadmeBlock fills them. */
function placeReadmeMarkers(file: string) {
  const text = readFileSync(file, 'utf8')
  if (text.includes('<!-- bench:lighthouse:start -->')) return
  const after = '<!-- bench:entry:end -->'
  const at = text.indexOf(after)
  if (at < 0) return
  const i = at + after.length
  writeFileSync(
    file,
    `${text.slice(0, i)}\n\n<!-- bench:lighthouse:start -->\n<!-- bench:lighthouse:end -->${text.slice(i)}`,
  )
}

/**
 * Lighthouse 12 (mobile preset: its default config, simulated throttling), performance and
 * accessibility, on every screen of the built app served with its production headers, in a
 * Chromium profile that holds the example BAR and FML in IndexedDB.
 */
export async function runLighthouseBench(root: string): Promise<boolean> {
  const started = Date.now()
  const tmp = mkdtempSync(join(tmpdir(), 'bar-lighthouse-bench-'))
  let server: StaticServer | null = null
  let context: BrowserContext | null = null
  try {
    // A snapshot of the project: work going on in the tree cannot change the build halfway.
    copyProject(root, root, join(tmp, 'app'))
    log('building the app')
    await viteBuild(join(tmp, 'app'))
    const dist = join(tmp, 'app', 'dist')
    const headers = productionHeaders(dist)
    // As `vite preview` serves a build: gzip, the production headers, no `no-store` (the
    // benchmark clears the browser's cache before each load instead).
    server = await serveStatic(dist, { headers, gzip: true, noStore: false })
    const port = await freePort()
    context = await chromium.launchPersistentContext(join(tmp, 'profile'), {
      executablePath: CHROMIUM_PATH,
      args: [...CHROMIUM_ARGS, `--remote-debugging-port=${port}`],
      // Lighthouse emulates the phone screen itself; a Playwright viewport would fight it.
      viewport: null,
      locale: 'nl-NL',
    })
    const page = context.pages()[0] ?? (await context.newPage())
    const barId = await openExample(page, server.url, EXAMPLE_BAR)
    const fmlId = await openExample(page, server.url, EXAMPLE_FML)
    const list = screens(barId, fmlId).filter(
      (s) => !process.env.LIGHTHOUSE_SCREENS || process.env.LIGHTHOUSE_SCREENS.includes(s.key),
    )
    // The compare route shows the pair (as chooseExamplePair in test/e2e/fixtures.ts picks it).
    await page.goto(`${server.url}/#/compare/${barId}/${fmlId}`)
    await page.getByLabel('Beoordeling van de bedrijfsarts (BA)').waitFor()
    const chosen = await page
      .getByLabel('Beoordeling van de bedrijfsarts (BA)')
      .evaluate((e) => (e as HTMLSelectElement).value)
    if (chosen !== barId) throw new Error(`#/compare/${barId}/${fmlId} did not choose the BAR`)
    await page.goto('about:blank')
    const cdp = await context.newCDPSession(page)
    const chromiumVersion = (await cdp.send('Browser.getVersion')).product.replace(/^\D+\//, '')

    const flags: Flags = {
      port,
      hostname: '127.0.0.1',
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility'],
      // Keeps IndexedDB (the examples); the service worker and caches are cleared below instead.
      disableStorageReset: true,
      disableFullPageScreenshot: true,
    }
    const origin = server.url
    // What Lighthouse's own storage reset clears (its clearStorageTypes) and the HTTP cache, not
    // IndexedDB: every load fetches the app's files anew, as a first visit would.
    const clearCaches = async () => {
      await cdp.send('Storage.clearDataForOrigin', {
        origin,
        storageTypes: 'service_workers,cache_storage,file_systems,shader_cache',
      })
      await cdp.send('Network.clearBrowserCache')
    }
    const loadBefore = loadavg()[0]!
    const runs: Record<string, RunSummary[]> = Object.fromEntries(list.map((s) => [s.key, []]))
    for (let r = 0; r < RUNS; r++)
      for (const s of list) {
        await clearCaches()
        const t0 = Date.now()
        const result = await lighthouse(`${server.url}/${s.hash}`, flags)
        if (!result) throw new Error(`lighthouse returned nothing for ${s.hash}`)
        const sum = summarise(result.lhr)
        if (REPORTS) {
          mkdirSync(REPORTS, { recursive: true })
          writeFileSync(join(REPORTS, `${s.key}-${r + 1}.json`), JSON.stringify(result.lhr))
        }
        runs[s.key]!.push(sum)
        log(
          `run ${r + 1}/${RUNS} ${s.key}: performance ${sum.performance}, accessibility ${sum.accessibility}, TBT ${sum.metrics.tbt_ms} ms, LCP ${sum.metrics.lcp_ms} ms (${((Date.now() - t0) / 1000).toFixed(1)} s)`,
        )
      }

    const loadAfter = loadavg()[0]!
    const probes: Record<string, ProbeResult> = {}
    for (const s of list) {
      await clearCaches()
      probes[s.key] = await probeScreen(context, `${origin}/${s.hash}`)
    }

    const out = list.map((s) => {
      const rs = runs[s.key]!
      const mid = medianRun(rs)
      const perf = med(rs.map((x) => x.performance))
      const a11y = med(rs.map((x) => x.accessibility))
      const failures = new Map<string, ReturnType<typeof accessibilityFailures>[number]>()
      for (const x of rs) for (const f of accessibilityFailures(x.lhr)) failures.set(f.id, f)
      return {
        key: s.key,
        title: s.title,
        route: s.hash.replace(barId, '<bar-id>').replace(fmlId, '<fml-id>'),
        performance: { runs: rs.map((x) => x.performance), median: perf },
        accessibility: { runs: rs.map((x) => x.accessibility), median: a11y },
        metrics: Object.fromEntries(
          Object.keys(METRICS).map((k) => {
            const v = rs.map((x) => x.metrics[k as MetricKey])
            return [k, { runs: v, median: med(v) }]
          }),
        ) as Record<MetricKey, { runs: (number | null)[]; median: number | null }>,
        met: {
          performance: perf !== null && perf >= TARGET.performance,
          accessibility: a11y !== null && a11y >= TARGET.accessibility,
        },
        accessibility_failures: [...failures.values()],
        performance_findings: performanceFindings(mid.lhr, origin),
        browser_entries: probes[s.key],
        audit_errors: Object.fromEntries(
          Object.values(mid.lhr.audits)
            .filter((x) => x.scoreDisplayMode === 'error')
            .map((x) => [x.id, (x.errorMessage ?? '').slice(0, 160)]),
        ),
        final_url: mid.lhr.finalDisplayedUrl.replace(origin, ''),
        foreign_requests: [...new Set(rs.flatMap((x) => foreignRequests(x.lhr)))],
        warnings: [...new Set(rs.flatMap((x) => x.warnings))],
      }
    })

    const lhVersion = (
      JSON.parse(readFileSync(join(root, 'node_modules/lighthouse/package.json'), 'utf8')) as {
        version: string
      }
    ).version
    const first = runs[list[0]!.key]![0]!.lhr
    const machine = {
      cpus: cpus().length,
      cpu_model: cpus()[0]?.model ?? null,
      platform: `${platform()} ${release()}`,
      node: process.version,
      chromium: chromiumVersion,
      lighthouse: lhVersion,
      benchmark_index: first.environment.benchmarkIndex,
      load_average_1min: { start: +loadBefore.toFixed(2), end: +loadAfter.toFixed(2) },
      date: new Date().toISOString(),
    }
    const result = {
      machine,
      settings: {
        preset: 'mobile (default config)',
        form_factor: first.configSettings.formFactor,
        throttling_method: first.configSettings.throttlingMethod,
        throttling: first.configSettings.throttling,
        runs: RUNS,
        headers,
        storage:
          'IndexedDB kept (the examples); service worker, Cache Storage and HTTP cache cleared before each run',
      },
      targets: TARGET,
      seconds: Math.round((Date.now() - started) / 1000),
      screens: out,
    }
    mkdirSync(join(root, 'bench/results'), { recursive: true })
    writeFileSync(
      join(root, 'bench/results/lighthouse.json'),
      `${JSON.stringify(result, null, 2)}\n`,
    )

    const mark = (ok: boolean) => (ok ? '✓' : '✗')
    const s1 = (ms: number | null) => (ms === null ? '–' : (ms / 1000).toFixed(1))
    const rows = out.map((s) => {
      const m = s.metrics
      return `| ${s.title} | \`${s.route}\` | ${s.performance.median} (${s.performance.runs.join(', ')}) ${mark(s.met.performance)} | ${s.accessibility.median} ${mark(s.met.accessibility)} | ${s1(m.fcp_ms.median)} | ${s1(m.lcp_ms.median)} | ${m.tbt_ms.median ?? '–'} | ${m.cls.median ?? '–'} | ${s1(m.si_ms.median)} |`
    })
    const failing = out.flatMap((s) =>
      s.accessibility_failures.length
        ? [`${s.title}: ${s.accessibility_failures.map((f) => `\`${f.id}\``).join(', ')}`]
        : [],
    )
    const allPerf = out.every((s) => s.met.performance)
    const allA11y = out.every((s) => s.met.accessibility)
    const body = [
      `Lighthouse benchmark (\`npm run bench -- lighthouse\`, ${machine.date.slice(0, 10)}, ${machine.cpus} CPUs (${machine.cpu_model}), Node ${machine.node}, Chromium ${machine.chromium}, Lighthouse ${lhVersion}): mobile preset (simulated throttling), the production build served with its \`_headers\`, the examples saved in IndexedDB; median of ${RUNS} runs per screen (performance: every run in brackets). Targets (issue 16): performance ≥ ${TARGET.performance} and accessibility ${TARGET.accessibility} on every screen. How it is measured: [bench/README.md](bench/README.md#lighthouse); failing audits, LCP elements, long tasks and scripts: \`bench/results/lighthouse.json\`.`,
      '',
      '| screen | route | performance | accessibility | FCP s | LCP s | TBT ms | CLS | SI s |',
      '| ------ | ----- | ----------- | ------------- | ----- | ----- | ------ | --- | ---- |',
      ...rows,
      '',
      `Performance ≥ ${TARGET.performance} on every screen: ${allPerf ? 'met ✓' : `not met ✗ (${out.filter((s) => !s.met.performance).length} of ${out.length} screens)`}. Accessibility ${TARGET.accessibility} on every screen: ${allA11y ? 'met ✓' : `not met ✗ (${out.filter((s) => !s.met.accessibility).length} of ${out.length} screens)`}.${failing.length ? ` Failing accessibility audits: ${failing.join('; ')}.` : ''}`,
    ].join('\n')
    const readme = join(root, 'README.md')
    if (existsSync(readme)) placeReadmeMarkers(readme)
    writeReadmeBlock(readme, 'lighthouse', body)
    console.log(body)
    log(`took ${result.seconds} s`)
    return out.every(
      (s) =>
        s.performance.runs.every((x) => x !== null) &&
        s.accessibility.runs.every((x) => x !== null) &&
        s.foreign_requests.length === 0,
    )
  } finally {
    await context?.close().catch(() => undefined)
    await server?.close()
    rmSync(tmp, { recursive: true, force: true })
  }
}
