import { cpus, platform, release } from 'node:os'
import type { Browser } from 'playwright-core'

/** What every browser benchmark records of the machine it ran on. */
export function browserMachine(browser: Browser) {
  return {
    cpus: cpus().length,
    cpu_model: cpus()[0]?.model ?? null,
    platform: `${platform()} ${release()}`,
    node: process.version,
    chromium: browser.version(),
    date: new Date().toISOString(),
  }
}
