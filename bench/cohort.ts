import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { getHeapStatistics } from 'node:v8'
import type { Browser } from 'playwright-core'
import { readSchemaFiles } from '../src/cli/schema-files'
import { syntheticCohortNdjson } from '../src/cli/synthetic-cohort'
import { buildCatalogue } from '../src/core/instrument/catalogue'
import { bootstrapPooledAgreement } from '../src/core/stats/bootstrap-pooled-agreement'
import { cohortItemsByGroup } from '../src/core/stats/cohort'
import { comparePairs } from '../src/core/stats/cohort-from-texts'
import { measureCohortPage, type CohortRound } from './cohort-page'
import { HEARTBEAT_MS } from './cohort-probe'
import { LINES_PER_TEXT, pairTexts, type SizeRun } from './cohort-node'
import { launchChromium } from './lib/browser'
import { browserMachine } from './lib/machine'
import { pretty } from './lib/pretty'
import { writeReadmeBlock } from './lib/readme-block'
import { percentile, round1, timeIt } from './lib/stats'
import { serveStatic, type StaticServer } from './lib/static-server'
import { viteBuild } from './lib/vite-build'

/** The synthetic pairs every size repeats (src/cli/synthetic-cohort.ts, a fixed seed). */
const POOL_PAIRS = 1_000
const POOL_SEED = 20261202
/**
 * Every size runs in Node's default heap, as the CLI does. (Before the cohort kept only each
 * pair's ranks, 100,000 pairs held about 8 GB and ran out of memory there.) `heapMb` gives a size
 * a larger heap where one is needed.
 */
const SIZES: { pairs: number; runs: number; heapMb?: number }[] = [
  { pairs: 1_000, runs: 3 },
  { pairs: 10_000, runs: 3 },
  { pairs: 100_000, runs: 1 },
]
const BROWSER_PAIRS = 10_000
// BENCH_ROUNDS is for quick checks while developing.
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 3))
const BOOTSTRAP = { resamples: 2000, seed: 1, runs: 3 }
const TARGETS = {
  node_10k_ms: 1000,
  /** Per size step of ×10, time may grow at most this much (linear is ×10). */
  growth_max: 12,
  bootstrap_1k_ms: 2000,
  long_task_ms: 50,
}
const WAIT_MS = 300_000

const script = fileURLToPath(new URL('./cohort-node.ts', import.meta.url))

function log(line: string) {
  console.log(`[bench:cohort] ${line}`)
}

const median = (xs: readonly number[]) => round1(percentile(xs, 50)) as number
const max = (xs: readonly number[]) => round1(Math.max(...xs)) as number

async function writeJsonAtomic(file: string, data: unknown) {
  writeFileSync(`${file}.tmp`, await pretty(JSON.stringify(data), file))
  renameSync(`${file}.tmp`, file)
}

/** One cohort size in a Node process of its own (bench/cohort-node.ts); rejects when it fails. */
function measureInChild(
  root: string,
  pool: string,
  { pairs, runs, heapMb }: (typeof SIZES)[number],
) {
  return new Promise<SizeRun>((ok, fail) => {
    const heap = heapMb ? [`--max-old-space-size=${heapMb}`] : []
    const child = spawn(
      process.execPath,
      [...heap, '--import', 'tsx', script, pool, `${pairs}`, `${runs}`],
      { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
    )
    let out = ''
    let err = ''
    child.stdout.on('data', (d: Buffer) => (out += d.toString()))
    child.stderr.on('data', (d: Buffer) => (err += d.toString()))
    child.on('error', fail)
    child.on('close', (code, signal) => {
      const last = out.trim().split('\n').at(-1) ?? ''
      if (code === 0 && last.startsWith('{')) ok(JSON.parse(last) as SizeRun)
      else {
        const oom = /heap out of memory/.test(err) ? ' (out of memory)' : ''
        const tail = err.trim().split('\n').slice(-6).join('\n')
        fail(new Error(`${pairs} pairs: exit ${code ?? signal}${oom}\n${tail}`))
      }
    })
  })
}

interface NodeSize {
  pairs: number
  texts: number
  mb: number
  runs: number
  runs_ms: number[]
  ms: number
  ms_per_pair: number
  baseline_runs_ms: number[]
  baseline_ms: number
  ratio_to_baseline: number
  max_rss_mb: number
  heap_limit_mb: number
}

function nodeSize(r: SizeRun): NodeSize {
  const ms = median(r.runs_ms)
  const base = median(r.baseline_runs_ms)
  return {
    pairs: r.pairs,
    texts: r.texts,
    mb: round1(r.bytes / 1e6) as number,
    runs: r.runs_ms.length,
    runs_ms: r.runs_ms,
    ms,
    ms_per_pair: +(ms / r.pairs).toFixed(3),
    baseline_runs_ms: r.baseline_runs_ms,
    baseline_ms: base,
    ratio_to_baseline: +(ms / base).toFixed(1),
    max_rss_mb: r.max_rss_mb,
    heap_limit_mb: r.heap_limit_mb,
  }
}

/** Median and max over the rounds of each figure. */
function spread(values: readonly number[]) {
  return { median: median(values), max: max(values) }
}

function browserSummary(rounds: readonly CohortRound[]) {
  const of = (f: (r: CohortRound) => number) => spread(rounds.map(f))
  const painted = rounds.flatMap((r) => (r.page_ms === null ? [] : [r.page_ms]))
  return {
    ms: of((r) => r.ms),
    playwright_ms: of((r) => r.playwright_ms),
    page_ms: painted.length === rounds.length ? spread(painted) : null,
    long_tasks: of((r) => r.computing.long_tasks),
    longest_task_ms: of((r) => r.computing.longest_task_ms),
    heartbeat_late_ms: of((r) => r.computing.heartbeat_late_ms),
    frame_gap_ms: of((r) => r.computing.frame_gap_ms),
    idle: {
      long_tasks: of((r) => r.idle.long_tasks),
      longest_task_ms: of((r) => r.idle.longest_task_ms),
      heartbeat_late_ms: of((r) => r.idle.heartbeat_late_ms),
      frame_gap_ms: of((r) => r.idle.frame_gap_ms),
    },
  }
}

const mark = (pass: boolean | null) => (pass === null ? 'not measured' : pass ? 'yes ✓' : 'no ✗')
const n = (x: number) => x.toLocaleString('en')

/**
 * The cohort benchmark: BA/VA pairs through the whole cohort computation in Node (1,000 to
 * 100,000 pairs), the bootstrap of the pooled agreement, and the cohort screen of the built app
 * in Chromium reading 10,000 pairs (time to the per-item table, main-thread long tasks).
 */
export async function runCohortBench(root: string): Promise<boolean> {
  const loadBefore = loadavg()[0] as number
  const catalogue = buildCatalogue(readSchemaFiles())
  const tmp = mkdtempSync(join(tmpdir(), 'bar-cohort-bench-'))
  let server: StaticServer | null = null
  let browser: Browser | null = null
  try {
    const poolText = syntheticCohortNdjson({ pairs: POOL_PAIRS, seed: POOL_SEED, catalogue })
    const poolLines = poolText.split('\n').filter((l) => l.trim() !== '')
    if (poolLines.length !== POOL_PAIRS)
      throw new Error(`synthetic-cohort made ${poolLines.length} of ${POOL_PAIRS} pairs`)
    const poolFile = join(tmp, 'pool.ndjson')
    writeFileSync(poolFile, poolText)

    // Node: each size in a process of its own, one after another.
    const sizes: (NodeSize | { pairs: number; error: string })[] = []
    for (const size of SIZES) {
      const { pairs } = size
      const t0 = Date.now()
      try {
        const s = nodeSize(await measureInChild(root, poolFile, size))
        sizes.push(s)
        log(
          `node ${n(pairs)} pairs: ${s.runs_ms.join(', ')} ms (baseline ${s.baseline_runs_ms.join(', ')} ms), peak RSS ${s.max_rss_mb} MB, heap limit ${s.heap_limit_mb} MB (${((Date.now() - t0) / 1000).toFixed(0)} s)`,
        )
      } catch (e) {
        const error = (e as Error).message
        sizes.push({ pairs, error })
        log(`node ${n(pairs)} pairs NOT MEASURED: ${error}`)
      }
    }
    const ms = (pairs: number) => {
      const s = sizes.find((x) => x.pairs === pairs)
      return s && 'ms' in s ? s.ms : null
    }
    const growth = (a: number, b: number) => {
      const x = ms(a)
      const y = ms(b)
      return x !== null && y !== null ? +(y / x).toFixed(2) : null
    }
    const growths = {
      '10k_over_1k': growth(1_000, 10_000),
      '100k_over_10k': growth(10_000, 100_000),
    }

    // The bootstrap of every group of a 1,000-pair cohort, as the cohort screen's worker runs it.
    const { pairs: compared, skipped } = comparePairs(
      [{ source: 'pairs.ndjson', text: poolText, ndjson: true }],
      catalogue,
    )
    if (compared.length !== POOL_PAIRS || skipped.length)
      throw new Error(`bootstrap cohort: ${compared.length} of ${POOL_PAIRS} pairs compared`)
    const groups = cohortItemsByGroup(compared)
    const boot = () =>
      groups.forEach((g) =>
        bootstrapPooledAgreement(g.items, { resamples: BOOTSTRAP.resamples, seed: BOOTSTRAP.seed }),
      )
    boot() // warm up the JIT
    const bootRuns = Array.from({ length: BOOTSTRAP.runs }, () => round1(timeIt(boot)) as number)
    const bootstrap = {
      pairs: POOL_PAIRS,
      groups: groups.map((g) => `${g.instrument.id} ${g.instrument.version}`),
      items: groups.reduce((sum, g) => sum + g.items.length, 0),
      resamples: BOOTSTRAP.resamples,
      seed: BOOTSTRAP.seed,
      runs_ms: bootRuns,
      ms: median(bootRuns),
    }
    log(`bootstrap ${n(POOL_PAIRS)} pairs: ${bootRuns.join(', ')} ms`)

    // Chromium: the built app's cohort screen reading one NDJSON file of 10,000 pairs.
    const file = join(tmp, `pairs-${BROWSER_PAIRS}.ndjson`)
    const [text] = pairTexts(poolLines, BROWSER_PAIRS)
    writeFileSync(file, text!.text)
    const outDir = join(tmp, 'dist')
    log(`building the app into ${outDir}`)
    await viteBuild(root, ['--outDir', outDir, '--emptyOutDir'])
    server = await serveStatic(outDir)
    browser = await launchChromium()
    const rounds: CohortRound[] = []
    let idleMs = 1000
    for (let r = 0; r <= ROUNDS; r++) {
      const round = await measureCohortPage(browser, server.url, file, idleMs, WAIT_MS)
      if (round.read !== BROWSER_PAIRS || round.compared !== BROWSER_PAIRS || round.skipped)
        throw new Error(
          `Chromium: ${round.read} pairs read, ${round.compared} compared, ${round.skipped} skipped of ${BROWSER_PAIRS}`,
        )
      if (round.foreign.length)
        log(`WARNING: requests outside 127.0.0.1: ${round.foreign.join(', ')}`)
      const c = round.computing
      log(
        `chromium ${r === 0 ? 'warm-up' : `round ${r}/${ROUNDS}`}: ${round.ms} ms to the table, ${c.long_tasks} long tasks (longest ${c.longest_task_ms} ms), heartbeat late ${c.heartbeat_late_ms} ms, frame gap ${c.frame_gap_ms} ms; idle ${round.idle.ms} ms: longest task ${round.idle.longest_task_ms} ms`,
      )
      if (r > 0) rounds.push(round)
      // The next idle period lasts as long as this computation did.
      idleMs = Math.round(round.ms)
    }
    const chromium = browserSummary(rounds)

    const tenK = ms(10_000)
    const linear =
      growths['10k_over_1k'] === null || growths['100k_over_10k'] === null
        ? null
        : growths['10k_over_1k'] <= TARGETS.growth_max &&
          growths['100k_over_10k'] <= TARGETS.growth_max
    const targets = {
      node_10k_under_1s: {
        target_ms: TARGETS.node_10k_ms,
        ms: tenK,
        pass: tenK === null ? null : tenK < TARGETS.node_10k_ms,
      },
      node_linear: {
        rule: `time per ×10 pairs at most ×${TARGETS.growth_max} (linear is ×10), for 1k → 10k and 10k → 100k`,
        growth: growths,
        pass: linear,
      },
      bootstrap_1k_under_2s: {
        target_ms: TARGETS.bootstrap_1k_ms,
        ms: bootstrap.ms,
        pass: bootstrap.ms < TARGETS.bootstrap_1k_ms,
      },
      chromium_no_task_over_50ms: {
        target_ms: TARGETS.long_task_ms,
        longest_task_ms: chromium.longest_task_ms.max,
        pass: chromium.longest_task_ms.max <= TARGETS.long_task_ms,
      },
    }
    const m = {
      ...browserMachine(browser),
      load_avg_1m: { start: loadBefore, end: loadavg()[0] as number },
      default_heap_limit_mb: Math.round(getHeapStatistics().heap_size_limit / 2 ** 20),
    }
    const report = {
      benchmark: 'cohort',
      machine: m,
      pool: {
        pairs: POOL_PAIRS,
        seed: POOL_SEED,
        bytes_per_pair: Math.round(Buffer.byteLength(poolText) / POOL_PAIRS),
      },
      targets,
      node: {
        measure:
          "cohortFromTexts(texts, buildCatalogue(readSchemaFiles())) under tsx: parse, load and check both sides, compare, per-item statistics, pooled; the pool's lines repeated in turn; every pair must be compared",
        baseline: 'JSON.parse of every line of the same texts (the cost of touching the data once)',
        process:
          "one Node process per size (bench/cohort-node.ts), a warm-up on the pool first; runs alternate with the baseline; heap_limit_mb per size (Node's default unless the size needs more)",
        lines_per_text: LINES_PER_TEXT,
        sizes,
        growth: growths,
      },
      bootstrap: {
        measure:
          'bootstrapPooledAgreement(items, { resamples: 2000, seed: 1 }) of each group of cohortItemsByGroup(comparePairs(pool).pairs), after a warm-up run',
        ...bootstrap,
      },
      chromium: {
        measure: `the built app's #/cohort (fresh context each round, not throttled): setInputFiles on "Kies paren (NDJSON of JSON)" until the paint that shows the region /Overeenstemming per item/ (ms, the page's clock from just before setInputFiles; page_ms from the input's change event; playwright_ms until Playwright's wait for the region returned, which polls up to 500 ms apart); long tasks from a buffered PerformanceObserver registered before load; heartbeat: setTimeout every ${HEARTBEAT_MS} ms (worst lateness) and requestAnimationFrame (longest gap). Idle baseline: the same page before the file is chosen, for as long as the previous round's computation (the warm-up's for round 1)`,
        pairs: BROWSER_PAIRS,
        file_mb: round1(Buffer.byteLength(text!.text) / 1e6),
        rounds: ROUNDS,
        summary: chromium,
        runs: rounds,
      },
    }
    mkdirSync(join(root, 'bench/results'), { recursive: true })
    await writeJsonAtomic(join(root, 'bench/results/cohort.json'), report)

    const readme = join(root, 'README.md')
    const nodeRows = sizes.map((s) =>
      'error' in s
        ? `| ${n(s.pairs)} | not measured: ${s.error.split('\n')[0]} | | | | | |`
        : `| ${n(s.pairs)} | ${s.ms} | ${s.ms_per_pair} | ${s.baseline_ms} | ×${s.ratio_to_baseline} | ${n(s.max_rss_mb)} | ${n(s.heap_limit_mb)} |`,
    )
    const larger = sizes.flatMap((s) =>
      'error' in s || s.heap_limit_mb <= m.default_heap_limit_mb
        ? []
        : [
            `${n(s.pairs)} pairs ran with a larger heap: their peak RSS of ${n(s.max_rss_mb)} MB is ${s.max_rss_mb > m.default_heap_limit_mb ? 'above' : 'within'} Node's default heap limit here (${n(m.default_heap_limit_mb)} MB).`,
          ],
    )
    const largest = SIZES.at(-1)!.pairs
    const g = (x: number | null) => (x === null ? '–' : `×${x}`)
    const c = chromium
    const cell = (x: { median: number; max: number }) => `${x.median} / ${x.max}`
    const body = [
      `Cohort benchmark (\`npm run bench -- cohort\`, ${m.date.slice(0, 10)}, ${m.cpus} CPUs (${m.cpu_model ?? 'unknown'}), Node ${m.node}, Chromium ${m.chromium}). In Node under \`tsx\`: the whole cohort computation (\`cohortFromTexts\`: parse, load and check both sides, compare, per-item statistics, pooled) over BA/VA pairs of \`synthetic-cohort\` (a pool of ${n(POOL_PAIRS)}, seed ${POOL_SEED}, repeated), each size in a Node process of its own, median of ${SIZES[0]!.runs} runs (${n(largest)} once; the ${n(Math.round((report.pool.bytes_per_pair * largest) / 1e6))} MB of the largest read in pieces of ${n(LINES_PER_TEXT)} lines, each made as it is read, as the CLI reads a large file). Baseline: \`JSON.parse\` of every line of the same texts. Details: [bench/results/cohort.json](bench/results/cohort.json).`,
      '',
      '| pairs | ms | ms per pair | baseline ms | ratio to baseline | peak RSS MB | heap limit MB |',
      '| ----- | -- | ----------- | ----------- | ----------------- | ----------- | ------------- |',
      ...nodeRows,
      ...(larger.length ? ['', ...larger] : []),
      '',
      `10,000 pairs under 1 s: ${mark(targets.node_10k_under_1s.pass)}. Growth 10k / 1k ${g(growths['10k_over_1k'])}, 100k / 10k ${g(growths['100k_over_10k'])} (linear is ×10; target at most ×${TARGETS.growth_max} each): ${mark(linear)}. Bootstrap (${n(BOOTSTRAP.resamples)} resamples, seed ${BOOTSTRAP.seed}) over a ${n(POOL_PAIRS)}-pair cohort: ${bootstrap.ms} ms (median of ${BOOTSTRAP.runs}), under 2 s: ${mark(targets.bootstrap_1k_under_2s.pass)}.`,
      '',
      `In Chromium, the built app's cohort screen reading ${n(BROWSER_PAIRS)} pairs (${report.chromium.file_mb} MB, one file through the file input; ${ROUNDS} rounds after a warm-up, median / max). Idle baseline: the same page before the file is chosen, for as long as a computation.`,
      '',
      '| main thread | computing | idle baseline |',
      '| ----------- | --------- | ------------- |',
      `| setInputFiles → paint of the per-item table, ms | ${cell(c.ms)} | – |`,
      `| long tasks | ${cell(c.long_tasks)} | ${cell(c.idle.long_tasks)} |`,
      `| longest task, ms | ${cell(c.longest_task_ms)} | ${cell(c.idle.longest_task_ms)} |`,
      `| worst lateness of a ${HEARTBEAT_MS} ms setTimeout heartbeat, ms | ${cell(c.heartbeat_late_ms)} | ${cell(c.idle.heartbeat_late_ms)} |`,
      `| longest gap between animation frames, ms | ${cell(c.frame_gap_ms)} | ${cell(c.idle.frame_gap_ms)} |`,
      '',
      `No main-thread task over ${TARGETS.long_task_ms} ms while computing: ${mark(targets.chromium_no_task_over_50ms.pass)}.`,
    ].join('\n')
    const block = (await pretty(body, readme)).trim()
    writeReadmeBlock(readme, 'cohort', block)
    console.log(`\n${block}\n`)
    log('wrote bench/results/cohort.json and the README block')
    return sizes.every((s) => !('error' in s)) && rounds.length === ROUNDS
  } finally {
    await browser?.close()
    await server?.close()
    rmSync(tmp, { recursive: true, force: true })
  }
}
