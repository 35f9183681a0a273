import type { Page } from '@playwright/test'
import {
  expect,
  expectNoAxeViolations,
  openExamples,
  test,
  chooseExamplePair,
  EXAMPLE_BAR_LABEL,
  EXAMPLE_FML_LABEL,
  watchContext,
} from './fixtures'

const SHOTS = '/tmp/storage-shots'

/** Opens the example BAR from the assessments screen and returns its address. */
async function openExampleBar(page: Page) {
  await page.goto('/#/assessments')
  await page.getByRole('button', { name: 'Open voorbeeld: BAR van de bedrijfsarts' }).click()
  await expect(page.getByLabel('Naam van de opsteller')).toBeVisible()
  return page.url()
}

async function savedNow(page: Page) {
  await expect(page.getByRole('status').filter({ hasText: /Opgeslagen om/ })).toBeVisible()
}

test('two tabs on one assessment: the later edit is refused with a choice, and nothing of the other tab is lost', async ({
  page: a,
  context,
}) => {
  // Two tabs on the whole BAR: under a loaded machine this took more than 30 s.
  test.setTimeout(90_000)
  const url = await openExampleBar(a)
  const b = await context.newPage()
  await b.goto(url)
  await expect(b.getByLabel('Naam van de opsteller')).toHaveValue('Dr. A. de Vries (fictief)')

  await b.getByLabel('Naam van de opsteller').fill('Dr. B. Bakker')
  await savedNow(b)

  await a.getByLabel('Werknemer (pseudoniem of initialen)').fill('A.A.')
  const notice = a.getByRole('alert').filter({
    has: a.getByRole('heading', { name: 'Deze beoordeling is in een ander tabblad gewijzigd' }),
  })
  await expect(notice).toBeVisible()
  await expect(a.getByRole('status').filter({ hasText: /Niet opgeslagen/ })).toBeVisible()
  await expectNoAxeViolations(a)
  for (const width of [1280, 390]) {
    await a.setViewportSize({ width, height: 900 })
    await a.screenshot({ path: `${SHOTS}/conflict-${width}.png` })
  }
  await a.setViewportSize({ width: 1280, height: 900 })

  // Deep in the form, the toolbar says it too and leads back to the choice.
  await a.locator('[data-item-id]').nth(40).locator('textarea').first().focus()
  await expect(notice).not.toBeInViewport()
  await a.getByRole('button', { name: 'Niet opgeslagen: naar de keuze' }).click()
  await expect(notice).toBeFocused()
  await expect(notice).toBeInViewport()

  // B's author name is still stored: a fresh look in B shows it, with B's employee untouched.
  await b.reload()
  await expect(b.getByLabel('Naam van de opsteller')).toHaveValue('Dr. B. Bakker')
  await expect(b.getByLabel('Werknemer (pseudoniem of initialen)')).toHaveValue('W.V.')

  // A takes the newer version by keyboard and goes on from there.
  await notice.getByRole('button', { name: 'Nieuwere versie laden' }).focus()
  await a.keyboard.press('Enter')
  await expect(a.getByLabel('Naam van de opsteller')).toHaveValue('Dr. B. Bakker')
  await expect(notice).toBeHidden()
  await a.getByLabel('Werknemer (pseudoniem of initialen)').fill('A.A.')
  await savedNow(a)
  await b.reload()
  await expect(b.getByLabel('Naam van de opsteller')).toHaveValue('Dr. B. Bakker')
  await expect(b.getByLabel('Werknemer (pseudoniem of initialen)')).toHaveValue('A.A.')
})

test('an assessment deleted in one tab is not brought back by a save in another', async ({
  page: a,
  context,
}) => {
  // Two tabs on the whole BAR: under a loaded machine this took more than 30 s.
  test.setTimeout(90_000)
  const url = await openExampleBar(a)
  const b = await context.newPage()
  await b.goto(url)
  await expect(b.getByLabel('Naam van de opsteller')).toBeVisible()

  await a.goto('/#/assessments')
  await a.getByRole('button', { name: 'Verwijder beoordeling van W.V.' }).click()
  await a.getByRole('button', { name: 'Ja, verwijderen' }).click()
  await expect(a.getByText('Beoordeling verwijderd.')).toBeVisible()

  await b.getByLabel('Naam van de opsteller').fill('Dr. B. Bakker')
  await expect(
    b.getByRole('heading', { name: 'Deze beoordeling is in een ander tabblad verwijderd' }),
  ).toBeVisible()
  await expect(b.getByRole('status').filter({ hasText: /Niet opgeslagen/ })).toBeVisible()

  await a.reload()
  await expect(a.getByRole('heading', { name: 'Opgeslagen beoordelingen' })).toBeVisible()
  await expect(a.getByText('W.V.')).toHaveCount(0)
  await expect(a.getByText(/Nog geen beoordelingen/)).toBeVisible()
})

test('"Alles exporteren" and an import in a fresh browser bring back every assessment and motivation', async ({
  page,
  browser,
  problems,
}, testInfo) => {
  test.setTimeout(90_000)
  await openExamples(page)
  await page.getByRole('link', { name: 'Vergelijken' }).click()
  await chooseExamplePair(page)
  const motivation = 'BA baseert 7,5 kg op de tiltest van oktober.'
  await page.getByLabel('Motivering bij IV.13 Tillen').fill(motivation)
  await expect(page.getByText(/Motiveringen opgeslagen om/)).toBeVisible()

  await page.goto('/#/assessments')
  await expect(
    page.getByText(/bewaart uw beoordelingen blijvend|geen blijvende opslag|zegt niet of/),
  ).toBeVisible()
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 1000 })
    await page.screenshot({ path: `${SHOTS}/assessments-${width}.png`, fullPage: true })
  }
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Alles exporteren' }).click()
  const file = testInfo.outputPath('backup.json')
  await (await download).saveAs(file)
  expect((await download).suggestedFilename()).toMatch(
    /^bar-studio-backup-\d{4}-\d{2}-\d{2}\.json$/,
  )

  // A fresh profile: nothing stored until the back-up is imported.
  const fresh = await browser.newContext()
  await watchContext(fresh, problems)
  const other = await fresh.newPage()
  await other.goto('/#/assessments')
  await expect(other.getByText(/Nog geen beoordelingen/)).toBeVisible()
  await other.getByLabel('Kies een JSON-bestand').setInputFiles(file)
  await expect(
    other.getByText('backup.json: 2 beoordelingen en 1 vergelijking hersteld, 0 al aanwezig.'),
  ).toBeVisible()
  await expect(other.getByRole('link', { name: 'Open beoordeling van W.V.' })).toHaveCount(2)

  // The same file again restores nothing twice.
  await other.getByLabel('Kies een JSON-bestand').setInputFiles(file)
  await expect(
    other.getByText('backup.json: 0 beoordelingen en 0 vergelijkingen hersteld, 3 al aanwezig.'),
  ).toBeVisible()

  await other.getByRole('link', { name: 'Vergelijken' }).click()
  await other
    .getByLabel('Beoordeling van de bedrijfsarts (BA)')
    .selectOption({ label: EXAMPLE_BAR_LABEL })
  await other.getByLabel('Beoordeling van de verzekeringsarts (VA)').selectOption({
    label: EXAMPLE_FML_LABEL,
  })
  await expect(other.getByLabel('Motivering bij IV.13 Tillen')).toHaveValue(motivation)
  await fresh.close()
})

test('with IndexedDB blocked, the list and every action say so instead of claiming there is nothing', async ({
  page,
}) => {
  await page.addInitScript(() => {
    IDBFactory.prototype.open = () => {
      throw new DOMException('The user denied permission to access the database.', 'SecurityError')
    }
  })
  await page.goto('/#/assessments')
  await expect(
    page.getByText('De opgeslagen beoordelingen konden niet gelezen worden.', { exact: false }),
  ).toBeVisible()
  await expect(page.getByText(/Nog geen beoordelingen/)).toHaveCount(0)

  const blocked = page
    .getByRole('alert')
    .filter({ hasText: 'Deze browser laat de app niets bewaren' })
  await page.getByRole('button', { name: 'Beoordeling starten' }).click()
  await expect(blocked).toHaveCount(2)
  await page.reload()
  await page.getByRole('button', { name: 'Open voorbeeld: BAR van de bedrijfsarts' }).click()
  await expect(blocked).toHaveCount(2)
  await expect(page).toHaveURL(/#\/assessments$/)
  await page.reload()
  await page.getByLabel('Kies een JSON-bestand').setInputFiles('public/examples/fml-example.json')
  await expect(blocked).toHaveCount(2)

  await page.getByRole('button', { name: 'English' }).click()
  await expect(
    page.getByRole('alert').filter({ hasText: 'This browser does not let the app store anything' }),
  ).toHaveCount(2)
})
