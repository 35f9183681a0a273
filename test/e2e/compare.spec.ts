import { expect, expectNoAxeViolations, openExamples, test } from './fixtures'

test('compares the example BAR with the example FML, filters, keeps a motivation over a reload', async ({
  page,
}) => {
  test.setTimeout(90_000)
  await openExamples(page)

  await page.getByRole('link', { name: 'Vergelijken' }).click()
  await page.getByLabel('Beoordeling van de bedrijfsarts (BA)').selectOption({
    label:
      'W.V., Beschrijving Arbeidsbelastbaarheid en Re-integratiemogelijkheden (BAR) 1.0.0, 2026-11-02',
  })
  await page.getByLabel('Beoordeling van de verzekeringsarts (VA)').selectOption({
    label: 'W.V., Functionele Mogelijkhedenlijst (FML) 1.0.0, 2026-11-16',
  })

  const table = page.getByRole('table', { name: 'Vergelijking per item' })
  await expect(table).toBeVisible()
  const lifting = table.getByRole('row', { name: /IV\.13 Tillen/ })
  await expect(lifting).toContainText('2 Beperkt')
  await expect(lifting).toContainText('1 Licht beperkt')
  await expect(lifting).toContainText('BA beperkender')
  await expect(lifting).toContainText('Afgeleid uit: Tillen')
  await expect(page.getByRole('heading', { name: 'Samenvatting' })).toBeVisible()
  await expect(table.getByText('Eens', { exact: false }).first()).toBeVisible()
  await expectNoAxeViolations(page)

  const rowsBefore = await table.getByRole('row').count()
  await page.getByLabel('Alleen verschillen tonen').check()
  await expect(table.getByRole('row', { name: /I\.1 Vasthouden/ })).toHaveCount(0)
  expect(await table.getByRole('row').count()).toBeLessThan(rowsBefore)
  await expect(lifting).toBeVisible()

  const note = page.getByLabel('Motivering bij IV.13 Tillen')
  await note.fill('BA baseert 7,5 kg op de tiltest van oktober; VA gaat uit van 10 kg.')
  await expect(page.getByText(/Motiveringen opgeslagen om/)).toBeVisible()
  await page.reload()
  await expect(page.getByLabel('Motivering bij IV.13 Tillen')).toHaveValue(
    'BA baseert 7,5 kg op de tiltest van oktober; VA gaat uit van 10 kg.',
  )

  await page.getByRole('button', { name: 'English' }).click()
  await expect(page.getByRole('table', { name: 'Comparison per item' })).toBeVisible()
  await expect(page.getByRole('row', { name: /IV\.13 Lifting/ })).toContainText(
    'BA more restrictive',
  )
  await expectNoAxeViolations(page)
})
