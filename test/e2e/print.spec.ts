import { execFileSync } from 'node:child_process'
import { expect, test } from './fixtures'

const TYPED = 'Afgedrukt: werkt het liefst in de ochtend'

test('printing a filled-in form gives the form alone: items, chosen options and typed text, no navigation or buttons', async ({
  page,
}, testInfo) => {
  test.setTimeout(90_000)
  await page.goto('/#/assessments')
  await page.getByRole('button', { name: 'Open voorbeeld: BAR van de bedrijfsarts' }).click()
  const lifting = page.locator('[data-item-id="fysiek.tillen"]')
  const possible = lifting.getByLabel('Wat kan nog wel')
  await possible.fill(TYPED)
  await expect(page.getByText(/^Opgeslagen om/)).toBeVisible()

  await page.emulateMedia({ media: 'print' })
  for (const hidden of [
    page.getByRole('navigation', { name: 'Hoofdmenu' }),
    page.getByRole('banner'),
    page.getByRole('group', { name: 'Taal' }),
    page.getByRole('contentinfo'),
    page.locator('.form-sidebar'),
    page.locator('.toolbar'),
    page.getByRole('link', { name: 'Naar de inhoud' }),
  ])
    await expect(hidden).toBeHidden()
  // No button at all: the toolbar's, the items' "clear", the terms.
  expect(
    await page
      .locator('button')
      .evaluateAll((all) => all.filter((b) => b.checkVisibility()).length),
  ).toBe(0)

  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  await expect(lifting.locator('.item-title')).toBeVisible()
  await expect(lifting.locator('.item-title')).toContainText('Tillen')
  await expect(possible).toBeVisible()
  await expect(possible).toHaveValue(TYPED)
  const chosen = lifting.locator('input[type="radio"]:checked')
  await expect(chosen).toHaveCount(1)
  await expect(chosen).toBeVisible()
  expect(
    await page.evaluate(() => {
      const style = getComputedStyle(document.querySelector('.item-title') as Element)
      return [style.color, getComputedStyle(document.documentElement).backgroundColor]
    }),
  ).toEqual(['rgb(0, 0, 0)', 'rgb(255, 255, 255)'])
  expect(
    await page
      .locator('.item')
      .first()
      .evaluate((el) => getComputedStyle(el).breakInside),
  ).toBe('avoid')

  const file = testInfo.outputPath('form.pdf')
  await page.pdf({ path: file, format: 'A4' })
  const pages = Number(
    /Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1],
  )
  expect(pages).toBeGreaterThan(1)
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(
    /\s+/g,
    ' ',
  )
  expect(text).toContain('Tillen')
  expect(text).toContain('Fysiek functioneren')
  expect(text).toContain(TYPED)
  for (const chrome of ['Hoofdmenu', 'Vergelijken', 'BAR-instrumentstudio', 'Exporteren als JSON'])
    expect(text).not.toContain(chrome)
})
