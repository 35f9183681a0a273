import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { cpus } from 'node:os'
import { join } from 'node:path'
import { readSchemaFiles } from '../src/cli/schema-files'
import type { Assessment } from '../src/core/assessment/assessment-schema'
import { compareAssessments } from '../src/core/compare/compare'
import { buildCatalogue } from '../src/core/instrument/catalogue'
import { choiceOptions } from '../src/core/instrument/choice-options'
import type { Instrument } from '../src/core/instrument/meta-schema'
import { writeReadmeBlock } from './lib/readme-block'
import { timeIt } from './lib/stats'

/** A small seeded generator (mulberry32), so every run compares the same pairs. */
function random(seed: number) {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** A variant of an example: every answer with a level or choice moved at random, quantities scaled. */
function variant(base: Assessment, instrument: Instrument, rnd: () => number): Assessment {
  const items = new Map(instrument.sections.flatMap((s) => s.items.map((i) => [i.id, i] as const)))
  const answers: Assessment['answers'] = {}
  for (const [id, a] of Object.entries(base.answers)) {
    const options = choiceOptions(items.get(id)!) ?? []
    const other = options[Math.floor(rnd() * options.length)]?.code
    if (a.kind === 'capacity' && other)
      answers[id] = {
        ...a,
        level: other,
        ...(a.quantities
          ? {
              quantities: Object.fromEntries(
                Object.entries(a.quantities).map(([q, v]) => [q, Math.round(v * (0.5 + rnd()))]),
              ),
            }
          : {}),
      }
    else if (a.kind === 'single' && other && !options.find((o) => o.code === other)?.specify)
      answers[id] = { kind: 'single', choice: other }
    else answers[id] = a
  }
  return { ...base, answers }
}

/** Derive + diff + kappa for N BAR/FML pairs in Node, against a baseline of copying each pair. */
export async function runCompareBench(root: string): Promise<boolean> {
  const catalogue = buildCatalogue(readSchemaFiles())
  const bar = catalogue.instruments.find((i) => i.id === 'bar')!
  const fml = catalogue.instruments.find((i) => i.id === 'fml')!
  const read = (f: string) =>
    JSON.parse(readFileSync(join(root, 'public/examples', f), 'utf8')) as Assessment
  const rnd = random(20261123)
  const pool = Array.from(
    { length: 200 },
    () =>
      [
        variant(read('bar-example.json'), bar, rnd),
        variant(read('fml-example.json'), fml, rnd),
      ] as const,
  )
  const identity = {
    id: '00000000-0000-4000-8000-000000000000',
    now: new Date('2026-11-23T00:00:00Z'),
  }
  let sink = 0
  const compareN = (n: number) => {
    for (let i = 0; i < n; i++) {
      const [b, f] = pool[i % pool.length]!
      const r = compareAssessments(
        { assessment: b, instrument: bar },
        { assessment: f, instrument: fml },
        catalogue,
        identity,
      )
      if (r.ok && r.value.summary.kappa.length > 0) sink += r.value.summary.total
    }
  }
  const baselineN = (n: number) => {
    for (let i = 0; i < n; i++)
      sink += JSON.stringify(structuredClone(pool[i % pool.length]!)).length
  }
  compareN(2000) // warm up the JIT
  baselineN(2000)
  const sizes = [1_000, 10_000, 100_000]
  const results = sizes.map((n) => {
    const ms = Math.min(
      timeIt(() => compareN(n)),
      n <= 10_000 ? timeIt(() => compareN(n)) : Infinity,
    )
    const base = timeIt(() => baselineN(n))
    return {
      pairs: n,
      ms: +ms.toFixed(1),
      us_per_pair: +((ms * 1000) / n).toFixed(2),
      baseline_ms: +base.toFixed(1),
      ratio_to_baseline: +(ms / base).toFixed(2),
    }
  })
  const tenK = results[1]!
  const out = {
    machine: {
      cpus: cpus().length,
      node: process.version,
      date: new Date().toISOString().slice(0, 10),
    },
    baseline:
      'structuredClone + JSON.stringify of the same pair (the cost of touching the data once)',
    results,
    target_10k_under_1s: tenK.ms < 1000,
    growth_100k_over_10k: +(results[2]!.ms / tenK.ms).toFixed(2),
    checksum: sink % 1000,
  }
  mkdirSync(join(root, 'bench/results'), { recursive: true })
  writeFileSync(join(root, 'bench/results/compare.json'), `${JSON.stringify(out, null, 2)}\n`)
  const table = [
    `Compare benchmark (\`npm run bench\`, ${out.machine.date}, Node ${out.machine.node}): derive FML from BAR, diff and weighted kappa per pair. Baseline: ${out.baseline}.`,
    '',
    '| pairs | ms | µs per pair | baseline ms | ratio to baseline |',
    '| ----- | -- | ----------- | ----------- | ----------------- |',
    ...results.map(
      (r) =>
        `| ${r.pairs.toLocaleString('en')} | ${r.ms} | ${r.us_per_pair} | ${r.baseline_ms} | ×${r.ratio_to_baseline} |`,
    ),
    '',
    `10,000 pairs under 1 s: ${out.target_10k_under_1s ? 'yes ✓' : 'no ✗'}; 100k / 10k time: ×${out.growth_100k_over_10k} (linear is ×10).`,
  ].join('\n')
  writeReadmeBlock(join(root, 'README.md'), 'compare', table)
  console.log(table)
  return true
}
