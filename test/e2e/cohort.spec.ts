import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
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
  const opener = page.getByRole('button', { name: 'Kruistabel van I.1', exact: true })
  await expect(opener).toHaveAttribute('aria-expanded', 'true')
  // Focus goes to the opened matrix (below the table, out of view on a phone), and back on closing.
  await expect(page.getByRole('heading', { name: /Kruistabel I\.1/ })).toBeFocused()
  await page.getByRole('button', { name: 'Kruistabel van I.1 sluiten' }).click()
  await expect(matrix).toHaveCount(0)
  await expect(opener).toBeFocused()
  await expect(opener).toHaveAttribute('aria-expanded', 'false')
  await page.keyboard.press('Enter')
  await expect(matrix).toBeVisible()

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
  const svgFile = await svg
  expect(svgFile.suggestedFilename()).toBe('cohort-fml-1.0.0-kappa.svg')
  const svgText = readFileSync((await svgFile.path()) as string, 'utf8')
  expect(svgText).toMatch(/^<\?xml[^>]*>\n<svg [^>]*viewBox="0 0 420 \d+"/)
  expect(svgText).toContain('>I.1</text>')

  // The PNG: a real image of the plot, three pixels per unit of its viewBox, not blank.
  const png = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Grafiek als PNG' }).click()
  const pngFile = await png
  expect(pngFile.suggestedFilename()).toBe('cohort-fml-1.0.0-kappa.png')
  const bytes = readFileSync((await pngFile.path()) as string)
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG')
  const viewBox = (await plot.getAttribute('viewBox'))?.split(' ').map(Number) ?? []
  expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([
    (viewBox[2] as number) * 3,
    (viewBox[3] as number) * 3,
  ])
  const inked = await page.evaluate(async (data) => {
    const img = new Image()
    img.src = `data:image/png;base64,${data}`
    await img.decode()
    const c = document.createElement('canvas')
    c.width = img.width
    c.height = img.height
    const g = c.getContext('2d') as CanvasRenderingContext2D
    g.drawImage(img, 0, 0)
    const px = g.getImageData(0, 0, c.width, c.height).data
    let dark = 0
    for (let i = 0; i < px.length; i += 4) if ((px[i] as number) < 128) dark++
    return dark
  }, bytes.toString('base64'))
  expect(inked).toBeGreaterThan(1000)

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

test('a pairs file with bad lines: each skipped pair named with its reason, the others counted; a dropped file is read too', async ({
  page,
}) => {
  const dir = mkdtempSync(join(tmpdir(), 'bar-e2e-cohort-bad-'))
  const file = join(dir, 'pairs.ndjson')
  execFileSync(
    'npx',
    ['tsx', 'src/cli/main.ts', 'synthetic-cohort', '--pairs', '3', '--seed', '5', '-o', file],
    { stdio: 'pipe' },
  )
  const good = readFileSync(file, 'utf8').trimEnd().split('\n')
  const broken = JSON.parse(good[0] as string) as { va: { instrument: { version: string } } }
  broken.va.instrument.version = '9.9.9'
  const text = [good[0], '{ niet af', JSON.stringify(broken), good[1], good[2]].join('\n')
  writeFileSync(file, text)

  await page.goto('/#/cohort')
  await page.getByLabel('Kies paren (NDJSON of JSON)').setInputFiles(file)
  const summary = page.getByRole('region', { name: 'Ingelezen' })
  await expect(summary).toContainText('Paren gelezen5')
  await expect(summary).toContainText('Paren vergeleken3')
  await expect(summary).toContainText('Paren overgeslagen2')
  await expect(summary.getByRole('listitem').filter({ hasText: 'pairs.ndjson:2' })).toContainText(
    'Geen geldige JSON',
  )
  await expect(summary.getByRole('listitem').filter({ hasText: 'pairs.ndjson:3' })).toContainText(
    '9.9.9',
  )
  await expect(page.getByRole('table', { name: 'Per item' })).toBeVisible()
  await expectNoAxeViolations(page)

  // Dropping a file on the screen reads it as the picker does: here only the good pairs.
  await page.evaluate((lines) => {
    const data = new DataTransfer()
    data.items.add(new File([lines], 'dropped.ndjson', { type: 'application/x-ndjson' }))
    const target = document.querySelector('h1') as HTMLElement
    for (const type of ['dragover', 'drop'])
      target.dispatchEvent(
        new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }),
      )
  }, [good[1], good[2]].join('\n'))
  await expect(summary).toContainText('Paren gelezen2')
  await expect(summary).toContainText('Paren overgeslagen0')

  // A file that holds no pair at all says so, and shows no table.
  await page.evaluate(() => {
    const data = new DataTransfer()
    data.items.add(
      new File(['{"format":"iets anders"}'], 'notes.json', { type: 'application/json' }),
    )
    const target = document.querySelector('h1') as HTMLElement
    target.dispatchEvent(
      new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }),
    )
  })
  await expect(summary).toContainText('Paren gelezen1')
  await expect(summary).toContainText('Paren overgeslagen1')
  await expect(summary.getByRole('listitem').filter({ hasText: 'notes.json' })).toBeVisible()
  await expect(page.getByRole('table', { name: 'Per item' })).toHaveCount(0)
})
