import { existsSync } from 'node:fs'
import { defineConfig } from '@playwright/test'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './test/e2e/chromium'

const chromium = CHROMIUM_PATH
const haveChromium = existsSync(chromium)
if (!haveChromium) {
  const message = `${chromium} not found: end-to-end tests cannot run. Install it with: apt-get install chromium`
  if (process.env.CI) throw new Error(message)
  console.warn(`\n${'!'.repeat(78)}\n!! SKIPPING E2E: ${message}\n${'!'.repeat(78)}\n`)
}

const reportDir = process.env.REPORT_DIR
/*
 * E2E_PORT and E2E_OUT_DIR let two people (or agents) run the end-to-end tests side by side on one
 * machine, each against its own build.
 */
const port = Number(process.env.E2E_PORT ?? 4173)
const outDir = process.env.E2E_OUT_DIR ?? 'dist'

export default defineConfig({
  testDir: 'test/e2e',
  testMatch: haveChromium ? '**/*.spec.ts' : 'no-chromium-no-e2e',
  /*
   * Our machines are shared: a test that takes 15 s on a quiet one has taken more than 30 s (the
   * default) under load. Tests on the whole BAR set their own, longer limit.
   */
  timeout: 60_000,
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: reportDir
    ? [['list'], ['json', { outputFile: `${reportDir}/playwright.json` }]]
    : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: 'nl-NL',
    launchOptions: {
      executablePath: chromium,
      args: CHROMIUM_ARGS,
    },
  },
  webServer: {
    command: `npm run build -- --outDir ${outDir} --emptyOutDir && npm run preview -- --outDir ${outDir} --port ${port}`,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
  },
})
