import { execFileSync } from 'node:child_process'
import type { Page } from '@playwright/test'
import { EXAMPLE_FML_LABEL, expect, expectNoAxeViolations, test } from './fixtures'

const SHOTS = '/tmp/upgrade-shots'
const UPGRADED_BAR_LABEL =
  'W.V., Beschrijving Arbeidsbelastbaarheid en Re-integratiemogelijkheden (BAR) 1.2.0, 02-11-2026'

/** At 1280 and 390 px wide: no sideways scroll of the page, and a picture to look at. */
async function shoot(page: Page, name: string, fullPage = true) {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 })
    const { scrollWidth, innerWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
    }))
    expect(scrollWidth, `${name} at ${width} px`).toBeLessThanOrEqual(innerWidth)
    await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage })
  }
  await page.setViewportSize({ width: 1280, height: 900 })
}

test('upgrades the example BAR 1.0.0 to 1.2.0, through 1.1.0, after its report, by keyboard, then compares it and prints both versions in the PDF footer', async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000)
  await page.goto('/#/assessments')
  await page.getByRole('button', { name: 'Open voorbeeld: FML van de verzekeringsarts' }).click()
  await expect(page.locator('[data-item-id]').first()).toBeVisible()
  await page.goto('/#/assessments')
  await page.getByRole('button', { name: 'Open voorbeeld: BAR van de bedrijfsarts' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Beschrijving Arbeidsbelastbaarheid en Re-integratiemogelijkheden (BAR) 1.0.0',
  )

  await expect(
    page.getByText('Er is een nieuwere versie van dit instrument (BAR 1.2.0).'),
  ).toBeVisible()
  const upgrade = page.getByRole('button', { name: 'Bijwerken naar 1.2.0…' })
  await expectNoAxeViolations(page)
  await shoot(page, 'notice', false)

  // The report first, in English too; Escape changes nothing.
  await page.getByRole('button', { name: 'English' }).click()
  await page.getByRole('button', { name: 'Upgrade to 1.2.0…' }).focus()
  await page.keyboard.press('Enter')
  const english = page.getByRole('dialog', { name: 'Upgrade to BAR 1.2.0' })
  await expect(english).toBeVisible()
  await expect(english.getByRole('button', { name: 'Cancel' })).toBeFocused()
  await expect(english.getByText(/The answers as captured in 1\.0\.0 stay/)).toBeVisible()
  await expectNoAxeViolations(page)
  await page.keyboard.press('Escape')
  await expect(english).toBeHidden()
  await page.getByRole('button', { name: 'Nederlands' }).click()

  await upgrade.focus()
  await page.keyboard.press('Enter')
  const dialog = page.getByRole('dialog', { name: 'Bijwerken naar BAR 1.2.0' })
  await expect(dialog).toBeVisible()
  await expect(
    dialog.getByText(/^BAR 1\.0\.0 naar 1\.2\.0: \d+ behouden, 1 verplaatst/),
  ).toBeVisible()
  await expect(dialog.getByRole('heading', { name: 'Omgezet (1)' })).toBeVisible()
  await expect(dialog.getByRole('heading', { name: 'Verplaatst (1)' })).toBeVisible()
  await expect(
    dialog.getByRole('listitem').filter({ hasText: 'Hand- en vingergebruik' }),
  ).toContainText('naar Fijne handvaardigheid, Knijp- en grijpkracht')
  await expect(
    dialog.getByText(/De antwoorden zoals ingevuld in 1\.0\.0 blijven bewaard/),
  ).toBeVisible()
  await expect(dialog.getByRole('button', { name: 'Annuleren' })).toBeFocused()
  await expectNoAxeViolations(page)
  await shoot(page, 'report', false)
  // Cancel by keyboard: nothing changes.
  await page.keyboard.press('Enter')
  await expect(dialog).toBeHidden()
  await expect(upgrade).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(dialog).toBeVisible()
  await page.keyboard.press('Tab')
  await expect(dialog.getByRole('button', { name: 'Bijwerken en opslaan' })).toBeFocused()
  await page.keyboard.press('Enter')

  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Beschrijving Arbeidsbelastbaarheid en Re-integratiemogelijkheden (BAR) 1.2.0',
  )
  const note = page.getByText(/^Bijgewerkt van BAR 1\.0\.0 op \d{2}-\d{2}-\d{4}/)
  await expect(note).toBeFocused()
  await expect(note).toContainText('Zojuist bijgewerkt en opgeslagen.')
  await expect(page.getByText(/nieuwere versie van dit instrument/)).toHaveCount(0)
  await shoot(page, 'upgraded', false)
  const fine = page.locator('[data-item-id="fysiek.fijne-handvaardigheid"]')
  await fine.getByText('Zoals ingevuld in 1.0.0').click()
  await expect(fine).toContainText('Hand- en vingergebruik:')
  await expectNoAxeViolations(page)
  await page.setViewportSize({ width: 390, height: 900 })
  await fine.scrollIntoViewIfNeeded()
  await page.screenshot({ path: `${SHOTS}/captured-item-390.png` })
  await page.setViewportSize({ width: 1280, height: 900 })
  await page.screenshot({ path: `${SHOTS}/captured-item-1280.png` })
  await page.getByRole('button', { name: 'English' }).click()
  await expect(page.getByText(/^Upgraded from BAR 1\.0\.0 on \d{2}\/\d{2}\/\d{4}/)).toBeVisible()
  await expect(fine.getByText('As captured in 1.0.0')).toBeVisible()
  await expectNoAxeViolations(page)
  await page.getByRole('button', { name: 'Nederlands' }).click()

  // Compared with the example FML through the crosswalk of 1.2.0.
  await page.getByRole('link', { name: 'Vergelijken' }).click()
  await page
    .getByLabel('Beoordeling van de bedrijfsarts (BA)')
    .selectOption({ label: UPGRADED_BAR_LABEL })
  await page
    .getByLabel('Beoordeling van de verzekeringsarts (VA)')
    .selectOption({ label: EXAMPLE_FML_LABEL })
  await expect(page.getByRole('region', { name: 'Conclusie' })).toContainText(
    'De conclusies komen overeen.',
  )
  await expect(page.getByText(/vertaaltabel bar-1\.2\.0__fml-1\.0\.0/)).toBeVisible()
  await expect(page.getByRole('table', { name: 'Vergelijking per item' })).toBeVisible()

  // The PDF names both versions in its footer.
  await page.getByRole('link', { name: 'Rapport' }).click()
  await page.getByLabel('Beoordeling', { exact: true }).selectOption({ label: UPGRADED_BAR_LABEL })
  await page.getByLabel('Vergelijken met (optioneel)').selectOption({ label: EXAMPLE_FML_LABEL })
  await expect(page.getByRole('heading', { name: 'Voorbeeld van de inhoud' })).toBeVisible()
  await expect(page.getByText('BAR 1.2.0, ingevuld in 1.0.0; FML 1.0.0')).toBeVisible()
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'PDF maken' }).click()
  const file = testInfo.outputPath('upgraded.pdf')
  await (await download).saveAs(file)
  const text = execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }).replace(
    /\s+/g,
    ' ',
  )
  expect(text).toContain('BAR 1.2.0, ingevuld in 1.0.0; FML 1.0.0')
  expect(text).toContain('vertaaltabel bar-1.2.0__fml-1.0.0')
})
