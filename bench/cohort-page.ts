import type { Browser, Page } from 'playwright-core'
import { openThrottledPage } from './lib/browser'
import { cohortProbeScript, REGION_NAME } from './cohort-probe'

const FILE_LABEL = 'Kies paren (NDJSON of JSON)'

/** What the probe reports of one period (ms, on the page's performance.now() clock). */
interface Period {
  t0: number
  t1: number
  chosen: number | null
  shown: number | null
  tasks: { start: number; duration: number }[]
  late: number
  ticks: number
  gap: number
  frames: number
}

/** Main-thread figures of one period. */
export interface PeriodSample {
  ms: number
  long_tasks: number
  longest_task_ms: number
  /** Long tasks over the period, summed. */
  long_task_total_ms: number
  /** Each long task: when it began after the period's start, and how long it took. */
  tasks: { at_ms: number; ms: number }[]
  /** How much later than due the worst setTimeout heartbeat tick fired. */
  heartbeat_late_ms: number
  heartbeat_ticks: number
  /** The longest gap between two requestAnimationFrame callbacks. */
  frame_gap_ms: number
  frames: number
}

export interface CohortRound {
  /**
   * Just before setInputFiles → the paint that shows the per-item table's region (the page's
   * clock: Playwright's own wait polls up to 500 ms apart).
   */
  ms: number
  /** The input's `change` event → that paint. */
  page_ms: number | null
  /** setInputFiles called → Playwright's wait for the region returned (Node's clock). */
  playwright_ms: number
  /** What the summary says: pairs read, compared and skipped. */
  read: number
  compared: number
  skipped: number
  computing: PeriodSample
  /** The same page, before the file is chosen, for as long as `idleMs`. */
  idle: PeriodSample
  foreign: string[]
}

const round1 = (n: number) => Math.round(n * 10) / 10

function sample(p: Period): PeriodSample {
  return {
    ms: round1(p.t1 - p.t0),
    long_tasks: p.tasks.length,
    longest_task_ms: round1(Math.max(0, ...p.tasks.map((t) => t.duration))),
    long_task_total_ms: round1(p.tasks.reduce((sum, t) => sum + t.duration, 0)),
    tasks: p.tasks.map((t) => ({ at_ms: round1(t.start - p.t0), ms: round1(t.duration) })),
    heartbeat_late_ms: round1(p.late),
    heartbeat_ticks: p.ticks,
    frame_gap_ms: round1(p.gap),
    frames: p.frames,
  }
}

/** The figure after a term of the summary ("Paren vergeleken" → 10000). */
async function summaryFigure(page: Page, term: string): Promise<number> {
  const text = await page
    .getByRole('region', { name: 'Ingelezen' })
    .locator('dt', { hasText: term })
    .locator('xpath=following-sibling::dd[1]')
    .innerText()
  return Number(text.replace(/\D/g, ''))
}

/**
 * One fresh page (own context) on the cohort screen: an idle period of `idleMs` first, then the
 * file chosen through the file input until the per-item table is shown; long tasks and heartbeat
 * delays of both periods.
 */
export async function measureCohortPage(
  browser: Browser,
  url: string,
  file: string,
  idleMs: number,
  timeout: number,
): Promise<CohortRound> {
  const { context, page, foreign } = await openThrottledPage(browser, 1, cohortProbeScript())
  try {
    await page.goto(`${url}/#/cohort`, { waitUntil: 'load' })
    const input = page.getByLabel(FILE_LABEL)
    await input.waitFor({ state: 'attached', timeout })
    // What loading the screen scheduled is done before either period starts.
    await page.evaluate('window.__cohortBench.frames()')
    await page.waitForTimeout(500)

    await page.evaluate('window.__cohortBench.start(false)')
    await page.waitForTimeout(idleMs)
    const idle = (await page.evaluate('window.__cohortBench.stop()')) as Period

    await page.evaluate('window.__cohortBench.start(true)')
    const started = performance.now()
    await input.setInputFiles(file)
    await page.getByRole('region', { name: new RegExp(REGION_NAME) }).waitFor({ timeout })
    const ms = performance.now() - started
    // Not page.waitForFunction: its polling evaluates a string, which the app's policy forbids.
    if (!(await page.evaluate(`window.__cohortBench.whenShown(${timeout})`)))
      throw new Error('the region is visible but the probe saw no paint of it')
    const computing = (await page.evaluate('window.__cohortBench.stop()')) as Period
    return {
      ms: round1(computing.t1 - computing.t0),
      playwright_ms: round1(ms),
      page_ms:
        computing.chosen !== null && computing.shown !== null
          ? round1(computing.shown - computing.chosen)
          : null,
      read: await summaryFigure(page, 'Paren gelezen'),
      compared: await summaryFigure(page, 'Paren vergeleken'),
      skipped: await summaryFigure(page, 'Paren overgeslagen'),
      computing: sample(computing),
      idle: sample(idle),
      foreign,
    }
  } finally {
    await context.close()
  }
}
