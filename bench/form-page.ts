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

/**
 * One interaction and its sample: `act` runs while the probe waits for sample number `expected`
 * of `kind`. Returns the number the next one counts from: `expected`, or without a sample what
 * the probe holds, so that later interactions are still counted.
 */
export async function sampleOne(
  page: Page,
  kind: 'key' | 'choice',
  expected: number,
  act: () => Promise<unknown>,
): Promise<{ ok: boolean; expected: number }> {
  const [ok] = await Promise.all([
    page.evaluate(`window.__bench.until('${kind}', ${expected}, ${SAMPLE_MS})`),
    act(),
  ])
  if (ok) return { ok: true, expected }
  return { ok: false, expected: (await page.evaluate(`window.__bench.${kind}.length`)) as number }
}

/** Where to click a radio (the probe scrolls it into view), or null when the page has none there. */
export async function aimRadio(
  page: Page,
  args: readonly unknown[],
): Promise<{ x: number; y: number } | null> {
  const list = args.map((a) => JSON.stringify(a)).join(',')
  const point = (await page.evaluate(`window.__bench.aimRadio(${list})`)) as {
    x: number
    y: number
  } | null
  return point && 'x' in point ? point : null
}

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
      const r = await sampleOne(page, 'key', expected + 1, () => page.keyboard.type(ch))
      expected = r.expected
      if (!r.ok) missed += 1
    }
  }
  return missed
}

async function clickSteps(page: Page, plan: FormPlan, round: number): Promise<number> {
  let missed = 0
  let expected = 0
  for (const step of plan.choices(round)) {
    const point = await aimRadio(page, [step.itemId, step.code, step.index])
    if (!point) {
      missed += 1
      continue
    }
    const r = await sampleOne(page, 'choice', expected + 1, () =>
      page.mouse.click(point.x, point.y),
    )
    expected = r.expected
    if (!r.ok) missed += 1
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
