import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, expectNoAxeViolations, test } from './fixtures'

test('reads a synthetic cohort: per-item table and plot, sort, filter, confusion matrix, CSV, in Dutch and English', async ({
  page,
}) => {
  test.setTimeout(120_000)
  const dir = mkdtempSync(join(tmpdir(), 'bar-e2e-cohort-'))
  const file = join(dir, 'pairs.ndjson')
  execFileSync(
    'npx',
    ['tsx', 'src/cli/main.ts', 'synthetic-cohort', '--pairs', '40', '--seed', '7', '-o', file],
    { stdio: 'pipe' },
  )

  await page.goto('/')
  await page.getByRole('link', { name: 'Cohort' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Cohort' })).toBeVisible()
  await page.getByLabel('Kies paren (NDJSON of JSON)').setInputFiles(file)

  const summary = page.getByRole('region', { name: 'Ingelezen' })
  await expect(summary).toContainText('Paren gelezen40')
  await expect(summary).toContainText('Paren overgeslagen0')

  const table = page.getByRole('table', { name: 'Per item' })
  await expect(table).toBeVisible()
  await expect(page.getByRole('region', { name: /Overeenstemming per item/ })).toBeVisible()
  await expect(table.getByRole('row', { name: /I\.1 Vasthouden van de aandacht/ })).toContainText(
    '40',
  )
  const plot = page.getByRole('img', { name: /Lineair gewogen kappa per item/ })
  await expect(plot).toBeVisible()

  // Sorting: a column header's button, aria-sort on its th.
  const header = table.getByRole('columnheader', { name: 'Overeenstemming' })
  await header.getByRole('button').click()
  await expect(header).toHaveAttribute('aria-sort', 'ascending')
  await header.getByRole('button').click()
  await expect(header).toHaveAttribute('aria-sort', 'descending')
  await expect(table.getByRole('columnheader', { name: 'Item' })).not.toHaveAttribute('aria-sort')

  // Filter by rubriek: only rubriek I's items stay, in the table and the plot.
  await page.getByLabel('Rubriek').selectOption('I')
  const rubriekCells = table.locator('tbody tr td:first-of-type')
  await expect(table.getByRole('row', { name: /^II\.1 / })).toHaveCount(0)
  const count = await rubriekCells.count()
  expect(count).toBeGreaterThan(0)
  for (const text of await rubriekCells.allTextContents()) expect(text).toBe('I')
  await expect(plot.locator('g text', { hasText: /^II\./ })).toHaveCount(0)

  // The confusion matrix of one item, BA rows by VA columns over its scale.
  await page.getByRole('button', { name: 'Kruistabel van I.1' }).click()
  const matrix = page.getByRole('table', { name: /Kruistabel I\.1/ })
  await expect(matrix).toBeVisible()
  await expect(matrix.getByRole('columnheader', { name: '0 Norm' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Kruistabel van I.1' })).toHaveAttribute(
    'aria-expanded',
    'true',
  )

  await expect(page.getByRole('heading', { name: 'Gepoold over items' })).toBeVisible()
  await expect(page.getByText(/2000 trekkingen over werknemers, seed 1/)).toBeVisible()

  const csv = page.waitForEvent('download')
  await page.getByRole('button', { name: 'CSV exporteren' }).click()
  const download = await csv
  expect(download.suggestedFilename()).toBe('cohort.csv')
  const saved = join(dir, 'cohort.csv')
  await download.saveAs(saved)
  expect(readFileSync(saved, 'utf8').split('\n')[0]).toMatch(
    /^instrument,version,item,rubriek,scale,n,agreement,within_one,kappa,/,
  )

  const svg = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Grafiek als SVG' }).click()
  expect((await svg).suggestedFilename()).toBe('cohort-fml-1.0.0-kappa.svg')

  await expectNoAxeViolations(page)

  await page.getByRole('button', { name: 'English' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Cohort' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Export CSV' })).toBeVisible()
  await expect(page.getByRole('table', { name: 'Per item' })).toBeVisible()
  await expect(page.getByRole('img', { name: /Linear weighted kappa per item/ })).toBeVisible()
  await expectNoAxeViolations(page)
})

test('at 390 px the per-item table scrolls in its own region, by keyboard too', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 800 })
  const dir = mkdtempSync(join(tmpdir(), 'bar-e2e-cohort-'))
  const file = join(dir, 'pairs.ndjson')
  execFileSync(
    'npx',
    ['tsx', 'src/cli/main.ts', 'synthetic-cohort', '--pairs', '10', '--seed', '2', '-o', file],
    { stdio: 'pipe' },
  )
  await page.goto('/#/cohort')
  await page.getByLabel('Kies paren (NDJSON of JSON)').setInputFiles(file)
  const region = page.getByRole('region', { name: /Overeenstemming per item/ })
  await expect(region).toBeVisible()
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
  // The table is wider than the region once its rows are in.
  await expect.poll(() => region.evaluate((e) => e.scrollWidth - e.clientWidth)).toBeGreaterThan(0)
  await region.focus()
  await expect(region).toBeFocused()
  // A key press the browser takes before it has laid the region out scrolls nothing: press again until it moves.
  await expect(async () => {
    await page.keyboard.press('ArrowRight')
    expect(await region.evaluate((e) => e.scrollLeft)).toBeGreaterThan(0)
  }).toPass({ timeout: 5000 })
  await expectNoAxeViolations(page)
})
