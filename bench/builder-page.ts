import type { Browser, Page } from 'playwright-core'
import { openThrottledPage } from './lib/browser'
import { builderProbeScript } from './builder-probe'

/** One instrument the builder benchmark edits. */
export interface BuilderPlan {
  /** The key in the results: `bar`, `512`. */
  key: string
  id: string
  version: string
  items: number
  /** The outline node of the item whose label is typed into (`s2.i13`). */
  node: string
  itemId: string
  /** The item's Dutch label before typing: the editor shows it once the node is selected. */
  labelNl: string
  /** The instrument file, imported through the instruments screen first (not shipped). */
  importJson: string | null
}

export interface KeySample {
  /** input event → the paint after the preview shows the text. */
  input: number
  /** keydown → that paint. */
  key: number | null
  /** input event → the preview's DOM holds the text. */
  seen: number
}

export interface BuilderPageResult {
  samples: KeySample[]
  /** Keystrokes without a sample (no `input` event, or the preview never showed the text). */
  missed: number
  /** Hash change to the builder until the outline node and the preview item are there. */
  openMs: number
  violations: string[]
  foreign: string[]
}

/** For bench/builder-profile.ts: around the typing, and extra page-side script. */
export interface PageHooks {
  initScript?: string
  beforeTyping?: (page: Page) => Promise<void>
  afterTyping?: (page: Page) => Promise<void>
}

const IMPORT_LABEL = 'Kies een instrumentbestand (.json)'
const IMPORTED = 'staat nu in de bibliotheek'
const SAMPLE_MS = 20_000

/** Imports the plan's file through the instruments screen's file input; throws when refused. */
async function importInstrument(page: Page, plan: BuilderPlan, timeout: number): Promise<void> {
  if (!plan.importJson) return
  await page.getByLabel(IMPORT_LABEL).setInputFiles({
    name: `${plan.id}-${plan.version}.json`,
    mimeType: 'application/json',
    buffer: Buffer.from(plan.importJson),
  })
  const done = page.getByRole('status').filter({ hasText: IMPORTED })
  const refused = page.getByRole('alert')
  await done.or(refused).first().waitFor({ timeout })
  if (await refused.count())
    throw new Error(`import of ${plan.id} ${plan.version} refused: ${await refused.innerText()}`)
}

/**
 * One fresh page (own context, CPU-throttled): the instruments screen (importing the plan's file
 * when it has one), then the builder on the plan's instrument; selects the node, puts the caret at
 * the end of its Dutch label and types `text` one key at a time, each after the last one's sample.
 */
export async function measureBuilderPage(
  browser: Browser,
  url: string,
  plan: BuilderPlan,
  cpuRate: number,
  text: string,
  hooks: PageHooks = {},
): Promise<BuilderPageResult> {
  const { context, page, foreign } = await openThrottledPage(
    browser,
    cpuRate,
    builderProbeScript() + (hooks.initScript ?? ''),
  )
  const timeout = 30_000 * cpuRate
  try {
    await page.goto(`${url}/#/`, { waitUntil: 'commit' })
    await page.getByLabel(IMPORT_LABEL).waitFor({ state: 'attached', timeout })
    await importInstrument(page, plan, timeout)

    const opened = Date.now()
    await page.goto(`${url}/#/builder/${plan.id}/${plan.version}`, { waitUntil: 'commit' })
    const node = page.locator(`[data-node="${plan.node}"]`)
    await node.waitFor({ timeout })
    await page
      .locator(`.builder-preview [data-item-id="${plan.itemId}"]`)
      .waitFor({ state: 'attached', timeout })
    const openMs = Date.now() - opened

    await node.click({ timeout })
    const field = page
      .locator('.builder-editor')
      .getByRole('group', { name: 'Label', exact: true })
      .getByRole('textbox', { name: 'Nederlands', exact: true })
    await field.waitFor({ timeout })
    const shown = await field.inputValue()
    if (shown !== plan.labelNl)
      throw new Error(`${plan.node}: the editor shows "${shown}", not "${plan.labelNl}"`)
    await field.focus()
    await page.keyboard.press('End')
    // What selecting scheduled (the deferred checks, the editor's effects) is done before typing.
    await page.evaluate('window.__builderBench.frames()')
    await page.waitForTimeout(300)
    if (!(await page.evaluate(`window.__builderBench.arm(${JSON.stringify(plan.itemId)})`)))
      throw new Error(`${plan.node}: no focused label field or no preview item ${plan.itemId}`)

    await hooks.beforeTyping?.(page)
    let missed = 0
    let expected = 0
    for (const ch of text) {
      expected += 1
      const [ok] = await Promise.all([
        page.evaluate(`window.__builderBench.until(${expected}, ${SAMPLE_MS})`),
        page.keyboard.type(ch),
      ])
      // Without a sample the count stays behind; realign so later keys are still counted.
      if (!ok) {
        missed += 1
        expected = (await page.evaluate('window.__builderBench.samples.length')) as number
      }
    }
    await hooks.afterTyping?.(page)
    const typed = await field.inputValue()
    if (typed !== plan.labelNl + text)
      throw new Error(`${plan.node}: after typing the field holds "${typed}"`)
    return {
      samples: (await page.evaluate('window.__builderBench.samples')) as KeySample[],
      missed,
      openMs,
      violations: (await page.evaluate('window.__builderBench.violations')) as string[],
      foreign,
    }
  } finally {
    await context.close()
  }
}
