import { readFileSync } from 'node:fs'
import { expect, expectNoAxeViolations, test } from './fixtures'

// An American browser: a native date input would show mm/dd/yyyy in the Dutch form.
test.use({ locale: 'en-US' })

test("dates show and take the app language's format, not the browser's; a typo keeps the saved date", async ({
  page,
}, testInfo) => {
  test.setTimeout(60_000)
  await page.goto('/#/assessments')
  await page.getByRole('button', { name: 'Open voorbeeld: BAR van de bedrijfsarts' }).click()
  await expect(page.locator('[data-item-id]').first()).toBeVisible()
  const date = page.getByLabel('Datum van de beoordeling', { exact: true })
  await expect(date).toHaveValue('02-11-2026')
  await expect(date).toHaveAccessibleDescription('dd-mm-jjjj')
  await expect(page.getByLabel('Datum herevaluatie', { exact: true })).toHaveValue('21-12-2026')

  const until = page.getByLabel('Geldig tot', { exact: true })
  await expect(until).toHaveValue('02-05-2027')
  await until.fill('31-02-2026')
  await until.press('Tab')
  await expect(page.getByText('31-02-2026 bestaat niet: kijk de dag en de maand na')).toBeVisible()
  await expect(until).toHaveAttribute('aria-invalid', 'true')
  await expect(
    page.getByRole('status').filter({ hasText: /1 veld met een fout is niet opgeslagen/ }),
  ).toBeVisible()
  await expectNoAxeViolations(page)
  // Leaving while the field holds its value back asks first.
  const asked = new Promise<string>((resolve) =>
    page.once('dialog', (d) => {
      resolve(d.type())
      void d.accept()
    }),
  )
  await page.reload()
  expect(await asked).toBe('beforeunload')
  await expect(until).toHaveValue('02-05-2027')

  await until.fill('5-3-2027')
  await until.press('Tab')
  await expect(until).toHaveValue('05-03-2027')
  await expect(page.getByRole('status').filter({ hasText: /^Opgeslagen om [^.]*$/ })).toBeVisible()
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Exporteren als JSON' }).click()
  const file = testInfo.outputPath('export.json')
  await (await download).saveAs(file)
  const exported = JSON.parse(readFileSync(file, 'utf8')) as { meta: Record<string, string> }
  expect(exported.meta).toMatchObject({ assessmentDate: '2026-11-02', validUntil: '2027-03-05' })
  await page.reload()
  await expect(until).toHaveValue('05-03-2027')

  await page.getByRole('button', { name: 'English' }).click()
  const validUntil = page.getByLabel('Valid until', { exact: true })
  await expect(validUntil).toHaveValue('05/03/2027')
  await expect(validUntil).toHaveAccessibleDescription('dd/mm/yyyy')
  await expect(page.getByLabel('Assessment date', { exact: true })).toHaveValue('02/11/2026')
  await page.reload()
  await expect(validUntil).toHaveValue('05/03/2027')
  await expectNoAxeViolations(page)
})
