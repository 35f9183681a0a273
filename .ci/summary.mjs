// Sums the JSON reports of vitest and Playwright into one closing line: "N passed, N failed".
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

const [dir, statusArg] = process.argv.slice(2)
const status = Number(statusArg)
let passed = 0
let failed = 0
let skipped = 0

const vitest = join(dir, 'vitest.json')
if (existsSync(vitest)) {
  const r = JSON.parse(readFileSync(vitest, 'utf8'))
  passed += r.numPassedTests
  failed += r.numFailedTests
  skipped += r.numPendingTests + r.numTodoTests
}
const playwright = join(dir, 'playwright.json')
if (existsSync(playwright)) {
  const s = JSON.parse(readFileSync(playwright, 'utf8')).stats
  passed += s.expected
  failed += s.unexpected + s.flaky
  skipped += s.skipped
}
// A step without a test report (typecheck, lint, a crashed runner) that failed still counts as a failure.
if (status !== 0 && failed === 0) failed = 1
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`)
