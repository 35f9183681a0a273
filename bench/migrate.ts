import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { cpus } from 'node:os'
import { join } from 'node:path'
import { readSchemaFiles } from '../src/cli/schema-files'
import type { Assessment } from '../src/core/assessment/assessment-schema'
import { buildCatalogue } from '../src/core/instrument/catalogue'
import { migrate } from '../src/core/migration/migrate'
import { writeReadmeBlock } from './lib/readme-block'
import { percentile, timeIt } from './lib/stats'

const RUNS = 5

/**
 * Migrating N BAR 1.0.0 assessments to 1.1.0 in Node, against a baseline of copying each one
 * (structuredClone: what any migration must at least do, since it never changes its input).
 * Each size is measured RUNS times, migration and baseline alternating; medians are reported.
 */
export async function runMigrateBench(root: string): Promise<boolean> {
  const { instruments } = buildCatalogue(readSchemaFiles())
  const example = JSON.parse(
    readFileSync(join(root, 'public/examples/bar-example.json'), 'utf8'),
  ) as Assessment
  // Two hundred assessments with different ids, so nothing is cached by identity.
  const pool = Array.from({ length: 200 }, (_, i) => ({
    ...structuredClone(example),
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  }))
  const now = new Date('2026-12-01T00:00:00Z')
  let sink = 0
  const migrateN = (n: number) => {
    for (let i = 0; i < n; i++) {
      const r = migrate(pool[i % pool.length]!, '1.1.0', instruments, { now })
      if (r.ok) sink += r.value.report.entries.length
      else throw new Error('migration refused')
    }
  }
  const baselineN = (n: number) => {
    for (let i = 0; i < n; i++) sink += Object.keys(structuredClone(pool[i % pool.length]!)).length
  }
  migrateN(2000) // warm up the JIT
  baselineN(2000)
  const results = [1_000, 10_000, 100_000].map((n) => {
    const runs = n >= 100_000 ? 1 : RUNS
    const ms: number[] = []
    const base: number[] = []
    for (let r = 0; r < runs; r++) {
      ms.push(timeIt(() => migrateN(n)))
      base.push(timeIt(() => baselineN(n)))
    }
    const m = percentile(ms, 50) as number
    const b = percentile(base, 50) as number
    return {
      assessments: n,
      runs,
      ms: +m.toFixed(1),
      us_per_assessment: +((m * 1000) / n).toFixed(2),
      baseline_ms: +b.toFixed(1),
      ratio_to_baseline: +(m / b).toFixed(2),
    }
  })
  const tenK = results[1]!
  const out = {
    machine: {
      cpus: cpus().length,
      node: process.version,
      date: new Date().toISOString().slice(0, 10),
    },
    baseline: 'structuredClone of the same assessment',
    results,
    target_10k_under_1s: tenK.ms < 1000,
    growth_100k_over_10k: +(results[2]!.ms / tenK.ms).toFixed(2),
    checksum: sink % 1000,
  }
  mkdirSync(join(root, 'bench/results'), { recursive: true })
  writeFileSync(join(root, 'bench/results/migrate.json'), `${JSON.stringify(out, null, 2)}\n`)
  const table = [
    `Migration benchmark (\`npm run bench -- migrate\`, ${out.machine.date}, Node ${out.machine.node}, median of ${RUNS} runs, 100k once): BAR 1.0.0 → 1.1.0 with the report per answer. Baseline: ${out.baseline}.`,
    '',
    '| assessments | ms | µs per assessment | baseline ms | ratio to baseline |',
    '| ----------- | -- | ----------------- | ----------- | ----------------- |',
    ...results.map(
      (r) =>
        `| ${r.assessments.toLocaleString('en')} | ${r.ms} | ${r.us_per_assessment} | ${r.baseline_ms} | ×${r.ratio_to_baseline} |`,
    ),
    '',
    `10,000 under 1 s: ${out.target_10k_under_1s ? 'yes ✓' : 'no ✗'}; 100k / 10k time: ×${out.growth_100k_over_10k} (linear is ×10).`,
  ].join('\n')
  writeReadmeBlock(join(root, 'README.md'), 'migrate', table)
  console.log(table)
  return true
}
