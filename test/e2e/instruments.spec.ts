import { readFileSync } from 'node:fs'
import { expect, expectNoAxeViolations, test } from './fixtures'

test('lists BAR 1.0.0, BAR 1.1.0, BAR 1.2.0 and FML 1.0.0 with provenance, in Dutch and then in English, by keyboard', async ({
  page,
}) => {
  await page.goto('/')
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl')
  await expect(page.getByRole('heading', { level: 1, name: 'Instrumenten' })).toBeVisible()
  const bar = page.getByRole('article', {
    name: /Beschrijving Arbeidsbelastbaarheid .* Versie 1\.0\.0/,
  })
  const fml = page.getByRole('article', {
    name: /Functionele Mogelijkhedenlijst \(FML\) Versie 1\.0\.0/,
  })
  const bar110 = page.getByRole('article', {
    name: /Beschrijving Arbeidsbelastbaarheid .* Versie 1\.1\.0/,
  })
  const bar120 = page.getByRole('article', {
    name: /Beschrijving Arbeidsbelastbaarheid .* Versie 1\.2\.0/,
  })
  await expect(bar).toBeVisible()
  await expect(bar110).toBeVisible()
  await expect(bar120).toBeVisible()
  await expect(bar110).toContainText('Illustratieve versie, door dit project gemaakt')
  await expect(bar120).toContainText('Illustratieve versie, door dit project gemaakt')
  await expect(bar120).toContainText('Versie 1.2.0 verschilt van 1.1.0 alleen in de toelichtingen')
  await expect(bar).toContainText('Eerdere versie: nieuwe beoordelingen beginnen op versie 1.2.0.')
  await expect(bar110).toContainText(
    'Eerdere versie: nieuwe beoordelingen beginnen op versie 1.2.0.',
  )
  await expect(bar120).not.toContainText('Eerdere versie')
  await expect(fml).toBeVisible()
  await expect(bar.getByText('Herkomst', { exact: true })).toBeVisible()
  await expect(bar).toContainText('gereconstrueerd')
  await bar.getByText('Gereconstrueerd of afgeleid').click()
  await expect(bar.getByRole('listitem').first()).toBeVisible()
  await expectNoAxeViolations(page)

  // Keyboard only: tab to the English button and press it.
  const english = page.getByRole('button', { name: 'English' })
  for (let i = 0; i < 30 && !(await english.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press('Tab')
  await expect(english).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(english).toHaveAttribute('aria-pressed', 'true')
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  await expect(page.getByRole('heading', { level: 1, name: 'Instruments' })).toBeVisible()
  await expect(
    page.getByRole('article', { name: /Description of Work Capacity .* Version 1\.0\.0/ }),
  ).toBeVisible()
  await expect(
    page.getByRole('article', { name: /Functional Abilities List \(FML\) Version 1\.0\.0/ }),
  ).toBeVisible()
  await expectNoAxeViolations(page)

  // The choice survives a reload.
  await page.reload()
  await expect(page.getByRole('heading', { level: 1, name: 'Instruments' })).toBeVisible()
})

test('moving to another screen keeps the current one until the next is ready, without a loading line', async ({
  page,
}) => {
  await page.goto('/')
  await expect(page.getByRole('heading', { level: 1, name: 'Instrumenten' })).toBeVisible()
  // Records whether a loading line ever appears in the page while the next screen loads.
  await page.evaluate(() => {
    const w = window as unknown as { sawLoading: boolean }
    w.sawLoading = false
    new MutationObserver(() => {
      if (document.querySelector('main')?.textContent?.includes('Laden…')) w.sawLoading = true
    }).observe(document.body, { childList: true, subtree: true, characterData: true })
  })
  for (const [link, heading] of [
    ['Beoordelingen', 'Beoordelingen'],
    ['Vergelijken', 'Vergelijken'],
    ['Rapport', 'Rapport'],
  ]) {
    await page.getByRole('link', { name: link }).click()
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible()
  }
  expect(await page.evaluate(() => (window as unknown as { sawLoading: boolean }).sawLoading)).toBe(
    false,
  )
})

test('an instrument file made elsewhere joins the library once; the same version again is refused and changes nothing', async ({
  page,
}) => {
  const bar = JSON.parse(readFileSync('schemas/bar/1.2.0.json', 'utf8')) as {
    version: string
    migration: unknown
    sections: { items: { label: { nl: string } }[] }[]
  }
  bar.version = '1.2.1'
  bar.migration = { from: '1.2.0', steps: [] }
  bar.sections[0]!.items[0]!.label.nl = 'Aandacht vasthouden'
  const file = {
    name: 'bar-1.2.1.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(bar)),
  }
  await page.goto('/')
  const input = page.locator('#import-instrument-file')
  await input.setInputFiles(file)
  await expect(page.getByText(/BAR\) 1\.2\.1 staat nu in de bibliotheek/)).toBeVisible()
  const card = page.getByRole('article', { name: /Versie 1\.2\.1 Bibliotheek$/ })
  await card.getByText('Wijzigingen sinds versie 1.2.0').click()
  await expect(card.getByText('Patchversie: alleen tekst en uitleg')).toBeVisible()
  await input.setInputFiles(file)
  await expect(page.getByRole('alert')).toContainText('bar 1.2.1 bestaat al')
  await expect(page.getByRole('article', { name: /Versie 1\.2\.1/ })).toHaveCount(1)
  await expectNoAxeViolations(page)
})
