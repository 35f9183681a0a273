import type { Page } from 'playwright-core'

/** The buttons of the assessments screen that open the shipped examples. */
export const EXAMPLE_BAR = 'Open voorbeeld: BAR van de bedrijfsarts'
export const EXAMPLE_FML = 'Open voorbeeld: FML van de verzekeringsarts'

/**
 * Opens an example from the assessments screen (as test/e2e/fixtures.ts `openExamples`), which
 * saves it in IndexedDB, and returns its id.
 */
export async function openExample(page: Page, url: string, name: string): Promise<string> {
  await page.goto(`${url}/#/assessments`)
  await page.getByRole('button', { name }).click()
  await page.locator('[data-item-id]').first().waitFor()
  const m = /#\/assessments\/([^/]+)$/.exec(page.url())
  if (!m?.[1]) throw new Error(`"${name}" landed on ${page.url()}, not #/assessments/<id>`)
  return decodeURIComponent(m[1])
}
