import { readFileSync } from 'node:fs'
import { expect, expectNoAxeViolations, test } from './fixtures'

test('exports the example BAR as a FHIR QuestionnaireResponse and imports it back', async ({
  page,
}, testInfo) => {
  await page.goto('/#/assessments')
  await page.getByRole('button', { name: 'Open voorbeeld: BAR van de bedrijfsarts' }).click()
  await expect(page.locator('[data-item-id]').first()).toBeVisible()

  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Exporteren als FHIR' }).click()
  expect((await download).suggestedFilename()).toBe('BAR-W.V.-2026-11-02.fhir.json')
  const file = testInfo.outputPath('response.json')
  await (await download).saveAs(file)
  const qr = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>
  expect(qr).toMatchObject({
    resourceType: 'QuestionnaireResponse',
    questionnaire: 'https://bar-studio.example/fhir/Questionnaire/bar|1.0.0',
    status: 'in-progress',
  })

  // The same assessment is stored already: the response comes in as a new one beside it.
  await page.goto('/#/assessments')
  await page.getByLabel('Kies een JSON-bestand').setInputFiles(file)
  await expect(
    page.getByText(/response\.json is geïmporteerd als nieuwe beoordeling/),
  ).toBeVisible()
  await expect(page.getByRole('row', { name: /W\.V\./ })).toHaveCount(2)
  await expectNoAxeViolations(page)

  // A response of another questionnaire is refused, and nothing changes.
  const foreign = testInfo.outputPath('foreign.json')
  const { writeFileSync } = await import('node:fs')
  writeFileSync(foreign, JSON.stringify({ ...qr, questionnaire: 'http://elders.example/Q|1' }))
  await page.getByLabel('Kies een JSON-bestand').setInputFiles(foreign)
  await expect(page.getByRole('alert')).toContainText('is geen vragenlijst van BAR studio')
  await expect(page.getByRole('row', { name: /W\.V\./ })).toHaveCount(2)
})
