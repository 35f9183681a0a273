import { execFileSync } from 'node:child_process'
import { expect, expectNoAxeViolations, test } from './fixtures'
import type { Page } from '@playwright/test'

const SHOTS = '/tmp/sign-off-shots'

const RELEASE = 'Vrijgeven voor de werkgever en de werknemer'
const RELEASED_TEXT = 'Werk in een rustige omgeving zonder veel onderbrekingen.'
const PRIVATE_TEXT =
  'Kan zich ongeveer drie kwartier achtereen concentreren, daarna korte pauze nodig.'

async function openExampleBar(page: Page) {
  await page.goto('/#/assessments')
  await page.getByRole('button', { name: 'Open voorbeeld: BAR van de bedrijfsarts' }).click()
  await expect(page.locator('[data-item-id]').first()).toBeVisible()
}

function pdfText(file: string) {
  return execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ')
}

test('makes a BAR definitief, shows it read-only, amends it and shows the history and what changed', async ({
  page,
}) => {
  test.setTimeout(90_000)
  await openExampleBar(page)
  await expect(page.getByText('Concept', { exact: true })).toBeVisible()

  // A required answer left open: the form lists it before anything is signed.
  const reevaluation = page.locator('[data-item-id="prognose.herevaluatie"]').getByRole('textbox')
  await reevaluation.fill('')
  await reevaluation.blur()
  await page.getByRole('button', { name: 'Definitief maken…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Beoordeling definitief maken' })
  await expect(dialog).toBeVisible()
  await expectNoAxeViolations(page)
  await page.screenshot({ path: `${SHOTS}/sign-off-dialog.png` })
  // The example leaves required questions open: they are listed, and signing asks to confirm.
  await expect(dialog.getByRole('heading', { name: /punt(en)? open of ongeldig/ })).toBeVisible()
  await expect(dialog.getByText('Datum herevaluatie: verplicht, nog niet beantwoord')).toBeVisible()
  await dialog.getByLabel('Naam van wie definitief maakt').fill('')
  await dialog.getByRole('button', { name: 'Definitief maken' }).click()
  await expect(
    dialog.getByText('Vul de naam in van wie de beoordeling definitief maakt.'),
  ).toBeVisible()
  await expect(dialog.getByText(/Bevestig dat u de open punten hebt gezien/)).toBeVisible()
  await dialog.getByLabel('Naam van wie definitief maakt').fill('Dr. A. de Vries')
  await dialog.getByLabel(/open punt(en)? gezien en maak de beoordeling toch definitief/).check()
  await dialog.getByRole('button', { name: 'Definitief maken' }).click()
  await expect(dialog).toBeHidden()

  // Read-only: no inputs, the answers as text, who signed it.
  await expect(page.getByText('De beoordeling is definitief gemaakt.')).toBeVisible()
  await expect(page.getByText('Definitief · versie 1')).toBeVisible()
  await expect(
    page.getByText(/definitief gemaakt door Dr\. A\. de Vries \(bedrijfsarts\)/),
  ).toBeVisible()
  await expect(page.locator('textarea, input[type="radio"]')).toHaveCount(0)
  await expect(page.getByText(PRIVATE_TEXT)).toBeVisible()
  await expectNoAxeViolations(page)
  await page.screenshot({ path: `${SHOTS}/signed-nl.png` })
  await page.setViewportSize({ width: 390, height: 844 })
  await page.screenshot({ path: `${SHOTS}/signed-390.png` })
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
  await page.setViewportSize({ width: 1280, height: 900 })
  await page.getByRole('button', { name: 'English' }).click()
  await expect(page.getByText('Final · edition 1')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Change (new edition)' })).toBeVisible()
  await expectNoAxeViolations(page)
  await page.getByRole('button', { name: 'Nederlands' }).click()

  // It stays read-only after a reload.
  await page.reload()
  await expect(page.getByRole('button', { name: 'Wijzigen (nieuwe versie)' })).toBeVisible()
  await expect(page.locator('textarea')).toHaveCount(0)

  // Amending makes edition 2, a concept, and keeps edition 1.
  await page.getByRole('button', { name: 'Wijzigen (nieuwe versie)' }).click()
  await expect(page.getByText('Concept · versie 2')).toBeVisible()
  const tillen = page.locator('[data-item-id="fysiek.tillen"]')
  await tillen.getByRole('radio', { name: 'Ernstige beperking' }).check()
  await expect(page.getByText(/Opgeslagen om/)).toBeVisible()
  await page.getByText(/Wat is er gewijzigd sinds versie 1/).click()
  const changes = page.getByRole('table').filter({ hasText: 'Tillen' })
  await expect(changes.getByRole('row', { name: /Tillen/ })).toContainText('Matige beperking')
  await expect(changes.getByRole('row', { name: /Tillen/ })).toContainText('Ernstige beperking')
  await expectNoAxeViolations(page)
  await page.screenshot({ path: `${SHOTS}/amending.png` })

  // The dialog in English, too.
  await page.getByRole('button', { name: 'English' }).click()
  await page.getByRole('button', { name: 'Sign off…' }).click()
  await expect(page.getByRole('dialog', { name: 'Sign off the assessment' })).toBeVisible()
  await expectNoAxeViolations(page)
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click()
  await page.getByRole('button', { name: 'Nederlands' }).click()
  await page.getByRole('button', { name: 'Definitief maken…' }).click()
  await page.getByLabel(/open punt(en)? gezien en maak de beoordeling toch definitief/).check()
  await page.getByRole('dialog').getByRole('button', { name: 'Definitief maken' }).click()
  await expect(page.getByText('Gewijzigd · versie 2')).toBeVisible()

  // The list shows the history of the assessment.
  await page.goto('/#/assessments')
  const row = page.getByRole('row', { name: /W\.V\./ }).filter({ hasText: 'Gewijzigd' })
  await row.getByText('Geschiedenis (2 versies)').click()
  await expect(
    row.getByText(/Versie 1, Definitief: definitief gemaakt door Dr\. A\. de Vries/),
  ).toBeVisible()
  await expect(row.getByText(/Versie 2, Gewijzigd \(deze versie\)/)).toBeVisible()
  await expectNoAxeViolations(page)
  await page.getByRole('button', { name: 'English' }).click()
  const rowEn = page.getByRole('row', { name: /W\.V\./ }).filter({ hasText: 'Amended' })
  await expect(rowEn.getByText(/Edition 1, Final: signed off by Dr\. A\. de Vries/)).toBeVisible()
  await expectNoAxeViolations(page)
})

test('makes the employer PDF of the example BAR with one released and one private text', async ({
  page,
}, testInfo) => {
  test.setTimeout(90_000)
  await openExampleBar(page)
  const item = page.locator('[data-item-id="mentaal.aandacht-vasthouden"]')
  // One control beside each text: the second is the conditions'.
  const released = item.getByRole('checkbox', { name: RELEASE }).nth(1)
  await expect(released).toHaveAccessibleDescription(/Voorwaarden voor werk/)
  await expect(released).not.toBeChecked()
  await released.check()
  await expect(released).toHaveAccessibleDescription(/Vrijgegeven: staat in hun rapport\./)
  await expect(item.getByRole('checkbox', { name: RELEASE }).first()).not.toBeChecked()
  // Personal factors have no such control: they never go to the employer.
  await expect(
    page.locator('[data-item-id="persoonlijke-factoren.toelichting"]').getByRole('checkbox'),
  ).toHaveCount(0)
  await expect(page.getByText(/Opgeslagen om/)).toBeVisible()
  await expectNoAxeViolations(page)
  await item.screenshot({ path: `${SHOTS}/release.png` })

  await page.getByRole('link', { name: 'Rapport' }).click()
  await page.getByRole('radio', { name: /^Werkgever/ }).check()
  // The preview shows exactly what goes out.
  const preview = page.getByRole('region', {
    name: /Dit gaat naar de lezer: Rapport voor de werkgever/,
  })
  await expect(preview.getByText(RELEASED_TEXT)).toBeVisible()
  await expect(preview.getByText(PRIVATE_TEXT)).toHaveCount(0)
  await expect(preview.getByText('Persoonlijke factoren')).toHaveCount(0)
  await expectNoAxeViolations(page)
  await page.screenshot({ path: `${SHOTS}/report-employer.png`, fullPage: true })

  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'PDF maken' }).click()
  const file = testInfo.outputPath('werkgever.pdf')
  await (await download).saveAs(file)
  expect((await download).suggestedFilename()).toBe('BAR-W.V.-2026-11-02-werkgever.pdf')
  const text = pdfText(file)
  expect(text).toContain(RELEASED_TEXT)
  expect(text).not.toContain(PRIVATE_TEXT)
  expect(text).toContain('Dit rapport bevat geen medische gegevens')
  expect(text).toContain('Rapport voor de werkgever')
  expect(text).not.toContain('Wil graag terug naar het eigen team.')
  expect(text).not.toContain('Ik merk dat ik meer kan')

  await page.getByRole('button', { name: 'English' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Report' })).toBeVisible()
  await expectNoAxeViolations(page)
})
