import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import canonicalize from 'canonicalize'
import { EXAMPLE_FML_LABEL, expect, expectNoAxeViolations, openExamples, test } from './fixtures'

test('makes the report PDF in a worker, named after the employee, with the comparison and an English text on request', async ({
  page,
}, testInfo) => {
  test.setTimeout(90_000)
  await openExamples(page)
  await page.getByRole('link', { name: 'Rapport' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Rapport' })).toBeVisible()
  await page.getByLabel('Vergelijken met (optioneel)').selectOption({
    label: EXAMPLE_FML_LABEL,
  })
  await page.getByLabel('Taal van het rapport').selectOption('en')
  await expect(page.getByRole('heading', { name: 'Voorbeeld van de inhoud' })).toBeVisible()
  await expectNoAxeViolations(page)

  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'PDF maken' }).click()
  const file = testInfo.outputPath('report.pdf')
  await (await download).saveAs(file)
  expect((await download).suggestedFilename()).toBe('BAR-W.V.-2026-11-02-professional.pdf')
  await expect(
    page.getByText(/BAR-W\.V\.-2026-11-02-professional\.pdf is gemaakt \(\d+ pagina's\)/),
  ).toBeVisible()

  const text = execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }).replace(
    /\s+/g,
    ' ',
  )
  expect(text).toContain('Report on work capacity and re-integration possibilities')
  expect(text).toContain('Comparison of occupational and insurance physician')
  expect(text).toContain('BA more restrictive')
  const example = JSON.parse(readFileSync('public/examples/bar-example.json', 'utf8')) as unknown
  const hash = createHash('sha256')
    .update(canonicalize(example) ?? '')
    .digest('hex')
    .slice(0, 16)
  expect(text).toContain(`fingerprint ${hash}`)

  await page.getByRole('button', { name: 'English' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Report' })).toBeVisible()
  await expectNoAxeViolations(page)
})
