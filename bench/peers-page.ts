import type { Browser, Page } from 'playwright-core'
import { openThrottledPage } from './lib/browser'
import { aimRadio, sampleOne } from './form-page'
import { probeScript, type ItemBoxes } from './form-probe'
import type { PeersPlan } from './peers-plan'

/** One page of the peers benchmark: how it marks its items and how it names them. */
export interface PeerPage {
  name: string
  boxes: ItemBoxes
  /** Items are found by id (`[data-item-id]`) or by their place `n` among the items. */
  keyBy: 'id' | 'n'
  /** Whether a radio's value is the option's code (rjsf's is its index). */
  radioCodes: boolean
}

export interface PeerSample {
  ok: boolean
  /** Why not, when not ok. */
  note?: string
  /** Navigation start → the paint after every item box is there. */
  mountMs: number | null
  /** Navigation start → the paint after the first item box with an input. */
  firstInputMs: number | null
  keyMs: number[]
  choiceMs: number[]
  missed: { key: number; choice: number }
  /** Keystrokes and clicks of the plan left out once the page's time budget was spent. */
  skipped: { key: number; choice: number }
  /** After mount and a full garbage collection (CDP `HeapProfiler.collectGarbage`). */
  heapBytes: number | null
  domNodes: number | null
  inputs: number | null
  /** Paths of the scripts the page requested before its mount mark. */
  scripts: string[]
  foreign: string[]
}

const FIRST_ITEM_MS = 20_000
/**
 * Typing, and then clicking, stop once they have taken this long × the CPU rate and given
 * `MIN_SAMPLES`: a page that takes seconds per keystroke (rjsf at 512 items) would otherwise
 * take minutes per load. Pages within a frame or two of the floor never reach it.
 */
const BUDGET_MS = 2_000
const MIN_SAMPLES = 5

interface Mounted {
  status: 'ok' | 'missing' | 'incomplete'
  ms?: number
  found?: number
}

const keyOf = (page: PeerPage, step: { itemId: string; n: number }) =>
  page.keyBy === 'id' ? step.itemId : String(step.n)

interface Phase {
  missed: number
  skipped: number
}

async function typeSteps(
  page: Page,
  peer: PeerPage,
  plan: PeersPlan,
  round: number,
  budget: number,
): Promise<Phase> {
  let missed = 0
  let skipped = 0
  let expected = 0
  const t0 = Date.now()
  for (const step of plan.typing(round)) {
    if (expected >= MIN_SAMPLES && Date.now() - t0 > budget) {
      skipped += step.text.length
      continue
    }
    const key = JSON.stringify(keyOf(peer, step))
    if (!(await page.evaluate(`window.__bench.focusText(${key})`))) {
      missed += step.text.length
      continue
    }
    for (const ch of step.text) {
      if (expected >= MIN_SAMPLES && Date.now() - t0 > budget) {
        skipped += 1
        continue
      }
      const r = await sampleOne(page, 'key', expected + 1, () => page.keyboard.type(ch))
      expected = r.expected
      if (!r.ok) missed += 1
    }
  }
  return { missed, skipped }
}

async function clickSteps(
  page: Page,
  peer: PeerPage,
  plan: PeersPlan,
  round: number,
  budget: number,
): Promise<Phase> {
  let missed = 0
  let skipped = 0
  let expected = 0
  const t0 = Date.now()
  for (const step of plan.choices(round)) {
    if (expected >= MIN_SAMPLES && Date.now() - t0 > budget) {
      skipped += 1
      continue
    }
    const point = await aimRadio(page, [
      keyOf(peer, step),
      peer.radioCodes ? step.code : null,
      step.index,
    ])
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
  return { missed, skipped }
}

/**
 * Loads one page fresh (own context, CPU-throttled), waits for its mount mark, reads the DOM
 * size and the heap after a garbage collection, then types and clicks as the plan says.
 */
export async function measurePeerPage(
  browser: Browser,
  url: string,
  peer: PeerPage,
  plan: PeersPlan,
  opts: { cpuRate: number; round: number; interact: boolean },
): Promise<PeerSample> {
  const { context, page, foreign } = await openThrottledPage(
    browser,
    opts.cpuRate,
    probeScript(plan.expectedItems, peer.boxes),
  )
  const scripts: string[] = []
  let mounted = false
  page.on('request', (r) => {
    if (!mounted && r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname)
  })
  const sample: PeerSample = {
    ok: false,
    mountMs: null,
    firstInputMs: null,
    keyMs: [],
    choiceMs: [],
    missed: { key: 0, choice: 0 },
    skipped: { key: 0, choice: 0 },
    heapBytes: null,
    domNodes: null,
    inputs: null,
    scripts,
    foreign,
  }
  try {
    await page.goto(url, { waitUntil: 'commit' })
    const allMs = 30_000 * opts.cpuRate
    const m = (await page.evaluate(`window.__bench.mounted(${FIRST_ITEM_MS}, ${allMs})`)) as Mounted
    mounted = true
    if (m.status !== 'ok') {
      sample.note = `${m.status}: ${m.found ?? 0} of ${plan.expectedItems} items`
      return sample
    }
    sample.ok = true
    sample.mountMs = m.ms ?? null
    const dom = (await page.evaluate(`({
      first: window.__bench.firstInput,
      nodes: document.getElementsByTagName('*').length,
      inputs: document.querySelectorAll('input, textarea, select').length,
    })`)) as { first: number | null; nodes: number; inputs: number }
    sample.firstInputMs = dom.first !== null && dom.first >= 0 ? dom.first : null
    sample.domNodes = dom.nodes
    sample.inputs = dom.inputs
    const cdp = await context.newCDPSession(page)
    await cdp.send('HeapProfiler.collectGarbage')
    sample.heapBytes = (await cdp.send('Runtime.getHeapUsage')).usedSize
    await cdp.detach()
    if (!opts.interact) return sample
    const budget = BUDGET_MS * opts.cpuRate
    const typed = await typeSteps(page, peer, plan, opts.round, budget)
    const clicked = await clickSteps(page, peer, plan, opts.round, budget)
    sample.missed = { key: typed.missed, choice: clicked.missed }
    sample.skipped = { key: typed.skipped, choice: clicked.skipped }
    sample.keyMs = (await page.evaluate('window.__bench.key')) as number[]
    sample.choiceMs = (await page.evaluate('window.__bench.choice')) as number[]
    return sample
  } finally {
    await context.close()
  }
}
