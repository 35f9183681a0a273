import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { runBuilderBench } from './builder'
import { runCohortBench } from './cohort'
import { runCompareBench } from './compare'
import { runEntryBench } from './entry'
import { runFormBench } from './form'
import { runLighthouseBench } from './lighthouse'
import { runMigrateBench } from './migrate'
import { runPdfBench } from './pdf'
import { runPeersBench } from './peers'

const root = fileURLToPath(new URL('..', import.meta.url))

/** Every benchmark `npm run bench` runs, in order; each returns whether it measured everything. */
export const BENCHMARKS: { name: string; run: (root: string) => Promise<boolean> }[] = [
  { name: 'compare', run: runCompareBench },
  { name: 'cohort', run: runCohortBench },
  { name: 'migrate', run: runMigrateBench },
  { name: 'pdf', run: runPdfBench },
  { name: 'form', run: runFormBench },
  { name: 'peers', run: runPeersBench },
  { name: 'entry', run: runEntryBench },
  { name: 'builder', run: runBuilderBench },
  { name: 'lighthouse', run: runLighthouseBench },
]

const only = process.argv.slice(2)
let ok = true
for (const b of BENCHMARKS.filter((x) => !only.length || only.includes(x.name))) {
  const started = Date.now()
  try {
    ok = (await b.run(root)) && ok
  } catch (e) {
    ok = false
    console.error(`[bench] ${b.name} failed:`, e)
  }
  console.log(`[bench] ${b.name} took ${((Date.now() - started) / 1000).toFixed(0)} s`)
}
// The tables the benchmarks wrote into the README, in the house format (npm run lint checks it).
execFileSync('npx', ['prettier', '--write', 'README.md'], { cwd: root, stdio: 'ignore' })
process.exitCode = ok ? 0 : 1
