import type { Browser, Page } from 'playwright-core'
import { openThrottledPage } from './lib/browser'
import type { FormPlan } from './form-plan'
import { probeScript } from './form-probe'

export type MountStatus = 'ok' | 'missing' | 'incomplete'

export interface PageSample {
  status: MountStatus
  /** Count of `[data-item-id]` found (when not ok: how far it got). */
  found: number
  mountMs: number | null
  keyMs: number[]
  choiceMs: number[]
  /** Keystrokes or clicks that produced no sample (no `input` event, or no clickable radio). */
  missed: { key: number; choice: number }
  foreign: string[]
}

export interface PageOptions {
  cpuRate: number
  round: number
  interact: boolean
}

const FIRST_ITEM_MS = 15_000
const SAMPLE_MS = 5_000

interface Mounted {
  status: MountStatus
  ms?: number
  found?: number
}

async function typeSteps(page: Page, plan: FormPlan, round: number): Promise<number> {
  let missed = 0
  let expected = 0
  for (const step of plan.typing(round)) {
    const focused = await page.evaluate(`window.__bench.focusText(${JSON.stringify(step.itemId)})`)
    if (!focused) {
      missed += step.text.length
      continue
    }
    for (const ch of step.text) {
      expected += 1
      const [ok] = await Promise.all([
        page.evaluate(`window.__bench.until('key', ${expected}, ${SAMPLE_MS})`),
        page.keyboard.type(ch),
      ])
      // Without a sample the count stays behind; realign so later keys are still counted.
      if (!ok) {
        missed += 1
        expected = (await page.evaluate('window.__bench.key.length')) as number
      }
    }
  }
  return missed
}

async function clickSteps(page: Page, plan: FormPlan, round: number): Promise<number> {
  let missed = 0
  let expected = 0
  for (const step of plan.choices(round)) {
    const args = [step.itemId, step.code, step.index].map((a) => JSON.stringify(a)).join(',')
    const point = (await page.evaluate(`window.__bench.aimRadio(${args})`)) as {
      x: number
      y: number
    } | null
    if (!point || !('x' in point)) {
      missed += 1
      continue
    }
    expected += 1
    const [ok] = await Promise.all([
      page.evaluate(`window.__bench.until('choice', ${expected}, ${SAMPLE_MS})`),
      page.mouse.click(point.x, point.y),
    ])
    if (!ok) {
      missed += 1
      expected = (await page.evaluate('window.__bench.choice.length')) as number
    }
  }
  return missed
}

/** Loads one page fresh (own context, throttled), waits for the mount mark, then types and clicks. */
export async function measurePage(
  browser: Browser,
  url: string,
  plan: FormPlan,
  opts: PageOptions,
): Promise<PageSample> {
  const { context, page, foreign } = await openThrottledPage(
    browser,
    opts.cpuRate,
    probeScript(plan.expectedItems),
  )
  try {
    await page.goto(url, { waitUntil: 'commit' })
    const allMs = 30_000 * opts.cpuRate
    const m = (await page.evaluate(`window.__bench.mounted(${FIRST_ITEM_MS}, ${allMs})`)) as Mounted
    const sample: PageSample = {
      status: m.status,
      found: m.found ?? 0,
      mountMs: m.ms ?? null,
      keyMs: [],
      choiceMs: [],
      missed: { key: 0, choice: 0 },
      foreign,
    }
    if (m.status !== 'ok' || !opts.interact) return sample
    sample.missed.key = await typeSteps(page, plan, opts.round)
    sample.missed.choice = await clickSteps(page, plan, opts.round)
    sample.keyMs = (await page.evaluate('window.__bench.key')) as number[]
    sample.choiceMs = (await page.evaluate('window.__bench.choice')) as number[]
    return sample
  } finally {
    await context.close()
  }
}

/** Time of a fixed busy loop on a blank page at this CPU rate: the throttle's effect, measured. */
export async function spinMs(browser: Browser, url: string, cpuRate: number): Promise<number> {
  const { context, page } = await openThrottledPage(browser, cpuRate, probeScript(1))
  try {
    await page.goto(url, { waitUntil: 'load' })
    await page.evaluate('window.__bench.spin()')
    const [ms] = (await page.evaluate('window.__bench.spin()')) as [number, number]
    return ms
  } finally {
    await context.close()
  }
}
