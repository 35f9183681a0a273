import AxeBuilder from '@axe-core/playwright'
import { test as base, expect, type BrowserContext, type Page } from '@playwright/test'

/**
 * Collects, into `problems`, every console error or warning, page error, Content-Security-Policy
 * violation and request that leaves the machine, from every page of `context` (a second tab too).
 */
export async function watchContext(context: BrowserContext, problems: string[]) {
  await context.exposeBinding('reportPolicyViolation', (_source, text: string) => {
    problems.push(`Content-Security-Policy violation: ${text}`)
  })
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = (window as unknown as { reportPolicyViolation: (text: string) => void })
        .reportPolicyViolation
      report(`${e.violatedDirective} ${e.blockedURI}`)
    })
  })
  context.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning')
      problems.push(`console.${m.type()}: ${m.text()}`)
  })
  context.on('weberror', (e) => problems.push(`pageerror: ${e.error().message}`))
  context.on('request', (r) => {
    const url = new URL(r.url())
    if (
      !['127.0.0.1', 'localhost'].includes(url.hostname) &&
      !['data:', 'blob:'].includes(url.protocol)
    )
      problems.push(`network request outside the machine: ${r.url()}`)
  })
}

/**
 * Every e2e test fails on a console error, a page error, a Content-Security-Policy violation or a
 * request that leaves the machine, in any tab of its browser context. A test that opens a context
 * of its own watches it with watchContext.
 */
export const test = base.extend<{ problems: string[] }>({
  problems: [
    async ({ context }, use) => {
      const problems: string[] = []
      await watchContext(context, problems)
      await use(problems)
      expect(problems, 'console errors, page errors or outside requests').toEqual([])
    },
    { auto: true },
  ],
})

export { expect }

/** Runs axe for WCAG 2.1 A and AA and fails with the violations listed. */
export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze()
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([])
}

/** Opens the example BAR and FML from the assessments screen, so both are saved in this browser. */
export async function openExamples(page: Page) {
  await page.goto('/#/assessments')
  for (const name of [
    'Open voorbeeld: BAR van de bedrijfsarts',
    'Open voorbeeld: FML van de verzekeringsarts',
  ]) {
    await page.getByRole('button', { name }).click()
    await expect(page.locator('[data-item-id]').first()).toBeVisible()
    await page.goto('/#/assessments')
  }
}

export const EXAMPLE_BAR_LABEL =
  'W.V., Beschrijving Arbeidsbelastbaarheid en Re-integratiemogelijkheden (BAR) 1.0.0, 02-11-2026'
export const EXAMPLE_FML_LABEL = 'W.V., Functionele Mogelijkhedenlijst (FML) 1.0.0, 16-11-2026'

/** On the compare screen, chooses the example BAR for the bedrijfsarts and the example FML for the verzekeringsarts. */
export async function chooseExamplePair(page: Page) {
  await page
    .getByLabel('Beoordeling van de bedrijfsarts (BA)')
    .selectOption({ label: EXAMPLE_BAR_LABEL })
  await page
    .getByLabel('Beoordeling van de verzekeringsarts (VA)')
    .selectOption({ label: EXAMPLE_FML_LABEL })
}
