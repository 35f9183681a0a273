import { randomUUID } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { expect, test } from './fixtures'

// Typed text is shown as text everywhere: markup, a script, a javascript: link and a right-to-left
// override in the pseudonym and a free text never run, never become links, never reorder a file name.
const HOSTILE = '<img src=x onerror="window.__ran=1">J.\u202Egpj.exe'
const SCRIPT = '<script>window.__ran=1</script> javascript:window.__ran=1'

test('hostile text in a pseudonym and a free text is shown literally on every screen', async ({
  page,
}, testInfo) => {
  test.setTimeout(60_000)
  const bar = JSON.parse(readFileSync('public/examples/bar-example.json', 'utf8')) as {
    id: string
    meta: { employee: string }
    answers: Record<string, { kind: string; conditions?: string }>
  }
  bar.id = randomUUID()
  bar.meta.employee = HOSTILE
  bar.answers['fysiek.tillen'] = { ...bar.answers['fysiek.tillen']!, conditions: SCRIPT }
  const file = testInfo.outputPath('hostile.json')
  writeFileSync(file, JSON.stringify(bar))

  await page.goto('/#/assessments')
  await page.getByLabel('Kies een JSON-bestand').setInputFiles(file)
  const row = page.getByRole('row', { name: /gpj\.exe/ })
  await expect(row).toContainText(HOSTILE)
  await expect(page.locator('img[src="x"]')).toHaveCount(0)

  await row.getByRole('link').first().click()
  const conditions = page
    .locator('[data-item-id="fysiek.tillen"]')
    .getByLabel('Voorwaarden voor werk')
  await expect(conditions).toHaveValue(SCRIPT)

  await page.goto('/#/compare')
  const picker = page.getByLabel('Beoordeling van de bedrijfsarts (BA)')
  await expect(picker.locator('option')).toHaveCount(2)
  const options = await page
    .getByLabel('Beoordeling van de bedrijfsarts (BA)')
    .locator('option')
    .allTextContents()
  expect(
    options.some((o) => o.startsWith(HOSTILE)),
    JSON.stringify(options),
  ).toBe(true)

  await page.goto('/#/report')
  await expect(page.getByRole('heading', { name: 'Voorbeeld van de inhoud' })).toBeVisible()
  expect(await page.locator('main').innerText()).toContain(HOSTILE)
  expect(await page.evaluate(() => (window as { __ran?: number }).__ran)).toBeUndefined()
  expect(await page.locator('a[href^="javascript:"]').count()).toBe(0)
})
