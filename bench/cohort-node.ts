import { readFileSync } from 'node:fs'
import { getHeapStatistics } from 'node:v8'
import { fileURLToPath } from 'node:url'
import { readSchemaFiles } from '../src/cli/schema-files'
import { buildCatalogue } from '../src/core/instrument/catalogue'
import type { Catalogue } from '../src/core/instrument/catalogue-data'
import { cohortFromTexts, type PairText } from '../src/core/stats/cohort-from-texts'
import { timeIt } from './lib/stats'

/**
 * Lines per NDJSON text: a large cohort is given as pieces of its file (one V8 string holds at
 * most 2^29 − 24 characters, and 100,000 pairs of the examples are about 780 MB), as the CLI
 * reads a large file (src/cli/cohort-command.ts).
 */
export const LINES_PER_TEXT = 10_000

/** What one child process measured for one cohort size. */
export interface SizeRun {
  pairs: number
  texts: number
  bytes: number
  /** Whole cohort computation, each run. */
  runs_ms: number[]
  /** JSON.parse of every line of the same texts, each run (alternating with the above). */
  baseline_runs_ms: number[]
  /** Peak resident set size of the process, warm-up and every run included. */
  max_rss_mb: number
  heap_limit_mb: number
}

/**
 * `pairs` lines taken from the pool in turn, as texts of at most LINES_PER_TEXT lines, each made
 * when it is read (as the CLI reads a large NDJSON file a piece at a time): the cohort's whole
 * text is never in memory at once. Each iteration makes the texts again.
 */
export function pairTexts(pool: readonly string[], pairs: number): Iterable<PairText> {
  return {
    *[Symbol.iterator]() {
      for (let at = 0; at < pairs; at += LINES_PER_TEXT) {
        const lines: string[] = []
        for (let i = at; i < Math.min(at + LINES_PER_TEXT, pairs); i++)
          lines.push(pool[i % pool.length] as string)
        yield {
          source: 'pairs.ndjson',
          text: `${lines.join('\n')}\n`,
          ndjson: true,
          firstLine: at + 1,
        }
      }
    },
  }
}

/** The whole cohort computation; throws unless every one of the `pairs` pairs was compared. */
function cohortOf(texts: Iterable<PairText>, pairs: number, catalogue: Catalogue): number {
  const r = cohortFromTexts(texts, catalogue)
  const compared = r.groups.reduce((sum, g) => sum + g.pairs, 0)
  if (compared !== pairs || r.skipped.length)
    throw new Error(
      `cohort of ${pairs} pairs: ${compared} compared, ${r.skipped.length} skipped (first: ${r.skipped[0]?.source ?? '–'})`,
    )
  return r.groups.length
}

/** JSON.parse of every line: the cost of touching the data once. */
function parseLines(texts: Iterable<PairText>): number {
  let n = 0
  for (const { text } of texts)
    for (const line of text.split('\n')) if (line !== '' && JSON.parse(line) !== null) n++
  return n
}

/**
 * Times the whole cohort computation over `pairs` pairs drawn from `pool` (NDJSON lines) `runs`
 * times, alternating with the baseline, after a warm-up on the pool itself.
 */
export function measureSize(
  pool: readonly string[],
  pairs: number,
  runs: number,
  catalogue: Catalogue,
): SizeRun {
  const warm = pairTexts(pool, pool.length)
  cohortOf(warm, pool.length, catalogue) // warm up the JIT
  parseLines(warm)
  const texts = pairTexts(pool, pairs)
  const runsMs: number[] = []
  const baseMs: number[] = []
  for (let r = 0; r < runs; r++) {
    runsMs.push(timeIt(() => cohortOf(texts, pairs, catalogue)))
    baseMs.push(
      timeIt(() => {
        if (parseLines(texts) !== pairs) throw new Error('baseline parsed a different count')
      }),
    )
  }
  return {
    pairs,
    texts: Math.ceil(pairs / LINES_PER_TEXT),
    bytes: [...Array(pairs).keys()].reduce(
      (sum, i) => sum + Buffer.byteLength(pool[i % pool.length] as string) + 1,
      0,
    ),
    runs_ms: runsMs.map((x) => +x.toFixed(1)),
    baseline_runs_ms: baseMs.map((x) => +x.toFixed(1)),
    max_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
    heap_limit_mb: Math.round(getHeapStatistics().heap_size_limit / 2 ** 20),
  }
}

// Run by bench/cohort.ts as `node --import tsx bench/cohort-node.ts POOL PAIRS RUNS`, one process
// per size, so a large cohort neither inherits the heap of a smaller one nor takes the bench down
// when it runs out of memory. The last line of stdout is the SizeRun as JSON.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [pool, pairs, runs] = process.argv.slice(2)
  const lines = readFileSync(pool as string, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
  const result = measureSize(lines, Number(pairs), Number(runs), buildCatalogue(readSchemaFiles()))
  console.log(JSON.stringify(result))
}
