import { execFileSync } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import {
  expect,
  expectNoAxeViolations,
  openExamples,
  test,
  chooseExamplePair,
  EXAMPLE_BAR_LABEL,
  EXAMPLE_FML_LABEL,
} from './fixtures'

test('compares the example BAR with the example FML, filters, keeps a motivation over a reload', async ({
  page,
}) => {
  test.setTimeout(90_000)
  await openExamples(page)

  await page.getByRole('link', { name: 'Vergelijken' }).click()
  await chooseExamplePair(page)

  const table = page.getByRole('table', { name: 'Vergelijking per item' })
  await expect(table).toBeVisible()
  await expect(page.getByRole('region', { name: 'Conclusie' })).toContainText(
    'De conclusies komen overeen.',
  )
  // V.5 is not ticked in the verzekeringsarts's complete FML: Norm, compared by rank.
  await expect(table.getByRole('row', { name: /V\.5 Geknield/ })).toContainText(
    '0 Norm (niet aangekruist)',
  )
  const lifting = table.getByRole('row', { name: /IV\.13 Tillen/ })
  // 7.5 kg at 10 times an hour meets no option's weight and frequency together: the most
  // restrictive option, flagged for the reader to check.
  await expect(lifting).toContainText('3 Sterk beperkt')
  await expect(lifting).toContainText('controleer dit')
  await expect(lifting).toContainText('1 Licht beperkt')
  await expect(lifting).toContainText('BA beperkender')
  await expect(lifting).toContainText('Afgeleid uit: Tillen')
  await expect(page.getByRole('heading', { name: 'Samenvatting' })).toBeVisible()
  await expect(table.getByText('Eens', { exact: false }).first()).toBeVisible()
  await expectNoAxeViolations(page)

  const rowsBefore = await table.getByRole('row').count()
  await page.getByLabel('Alleen verschillen tonen').check()
  await expect(table.getByRole('row', { name: /I\.3 Herinneren/ })).toHaveCount(0)
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

/** The example pair made into the classic wage-sanction case: the BA states no work capacity. */
function noCapacityPair(dir: (name: string) => string) {
  const bar = JSON.parse(readFileSync('public/examples/bar-example.json', 'utf8')) as {
    id: string
    meta: { employee: string }
    answers: Record<string, unknown>
  }
  const fml = JSON.parse(readFileSync('public/examples/fml-example.json', 'utf8')) as typeof bar
  bar.id = randomUUID()
  fml.id = randomUUID()
  bar.meta.employee = fml.meta.employee = 'G.C.'
  bar.answers['werktijd.uren'] = { kind: 'capacity', level: 'volledig' }
  fml.answers['VI.2'] = { kind: 'single', choice: '3', specify: 'Ongeveer 4 uur per dag.' }
  fml.answers['VI.3'] = { kind: 'single', choice: '3', specify: 'Ongeveer 20 uur per week.' }
  const files = { ba: dir('no-capacity-bar.json'), va: dir('fml-20-hours.json') }
  writeFileSync(files.ba, JSON.stringify(bar))
  writeFileSync(files.va, JSON.stringify(fml))
  return files
}

test('a BAR stating no work capacity against an FML allowing 20 hours a week: the conclusion difference comes first, on the screen and in the PDF', async ({
  page,
}, testInfo) => {
  test.setTimeout(90_000)
  const files = noCapacityPair((name) => testInfo.outputPath(name))
  await page.goto('/#/compare')
  await page.getByLabel('Of importeer een bestand voor de bedrijfsarts').setInputFiles(files.ba)
  await page.getByLabel('Of importeer een bestand voor de verzekeringsarts').setInputFiles(files.va)

  const conclusion = page.getByRole('region', { name: 'Conclusie' })
  await expect(conclusion).toContainText(
    'De conclusies verschillen: de bedrijfsarts is beperkender.',
  )
  await expect(conclusion).toContainText('Geen arbeidsmogelijkheden op dit moment')
  await expect(conclusion).toContainText('Duurzaam benutbare mogelijkheden')
  // The conclusion stands above the summary and the table.
  const top = async (name: string) =>
    (await page.getByRole('region', { name }).boundingBox())?.y ?? Number.NaN
  expect(await top('Conclusie')).toBeLessThan(await top('Samenvatting'))
  const summary = page.getByRole('region', { name: 'Samenvatting' })
  await expect(summary).toContainText('geen cijfer: de conclusies verschillen')
  await expect(summary).not.toContainText('100%')
  const hours = page.getByRole('row', { name: /VI\.3 Uren per week/ })
  await expect(hours).toContainText('Geen benutbare mogelijkheden (conclusie)')
  await expect(hours).toContainText('3 Beperkt')
  await expect(hours).toContainText('BA beperkender')
  await expectNoAxeViolations(page)

  await page.getByRole('link', { name: 'Rapport' }).click()
  await page.getByLabel('Beoordeling', { exact: true }).selectOption({
    label:
      'G.C., Beschrijving Arbeidsbelastbaarheid en Re-integratiemogelijkheden (BAR) 1.0.0, 02-11-2026',
  })
  await page.getByLabel('Vergelijken met (optioneel)').selectOption({
    label: 'G.C., Functionele Mogelijkhedenlijst (FML) 1.0.0, 16-11-2026',
  })
  await expect(
    page.getByText(/De conclusies verschillen: de bedrijfsarts is beperkender/),
  ).toBeVisible()
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'PDF maken' }).click()
  const file = testInfo.outputPath('no-capacity.pdf')
  await (await download).saveAs(file)
  const text = execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }).replace(
    /\s+/g,
    ' ',
  )
  const headline = 'De conclusies verschillen: de bedrijfsarts is beperkender.'
  // On the cover, and on the comparison page before its first row.
  expect(text.indexOf(headline)).toBeGreaterThan(-1)
  expect(text.indexOf(headline)).toBeLessThan(text.indexOf('BAR van de bedrijfsarts:'))
  const comparison = text.slice(text.lastIndexOf('Vergelijking bedrijfsarts en verzekeringsarts'))
  expect(comparison.indexOf(headline)).toBeGreaterThan(-1)
  expect(comparison.indexOf(headline)).toBeLessThan(comparison.indexOf('I.1 '))
  expect(comparison).toContain('Overeenstemming: geen cijfer: de conclusies verschillen')
  expect(text).not.toContain('100%')
})

test('warns before any figure when the sides look swapped or one assessment stands on both', async ({
  page,
}) => {
  await openExamples(page)
  await page.getByRole('link', { name: 'Vergelijken' }).click()
  const fml = EXAMPLE_FML_LABEL
  await page.getByLabel('Beoordeling van de bedrijfsarts (BA)').selectOption({ label: fml })
  await page.getByLabel('Beoordeling van de verzekeringsarts (VA)').selectOption({ label: fml })
  const warning = page.getByRole('alert')
  await expect(warning).toContainText('Controleer de kanten')
  await expect(warning).toContainText('Aan beide kanten staat dezelfde beoordeling')
  await expect(warning).toContainText('opgesteld door een verzekeringsarts')
  const top = async (locator: ReturnType<typeof page.getByRole>) =>
    (await locator.boundingBox())?.y ?? Number.NaN
  expect(await top(warning)).toBeLessThan(
    await top(page.getByRole('region', { name: 'Samenvatting' })),
  )
  await expectNoAxeViolations(page)

  await page
    .getByLabel('Beoordeling van de bedrijfsarts (BA)')
    .selectOption({ label: EXAMPLE_BAR_LABEL })
  await expect(page.getByRole('region', { name: 'Conclusie' })).toBeVisible()
  await expect(page.getByRole('alert')).toHaveCount(0)
})

test('choosing a side with the arrow keys keeps focus in the picker and adds no history entry', async ({
  page,
}) => {
  await openExamples(page)
  await page.getByRole('link', { name: 'Vergelijken' }).click()
  const picker = page.getByLabel('Beoordeling van de bedrijfsarts (BA)')
  await picker.focus()
  const before = await page.evaluate(() => history.length)
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('ArrowDown')
  await expect(picker).toBeFocused()
  expect(await page.evaluate(() => history.length)).toBe(before)
  // The address follows the choice, so a reload keeps it.
  const chosen = await picker.inputValue()
  expect(chosen).not.toBe('')
  expect(page.url()).toContain(`#/compare/${chosen}/-`)
  await page.reload()
  await expect(page.getByLabel('Beoordeling van de bedrijfsarts (BA)')).toHaveValue(chosen)
})
