import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { cpus } from 'node:os'
import { join } from 'node:path'
import { nodeFonts, appVersion } from '../src/cli/pdf-command'
import { readSchemaFiles } from '../src/cli/schema-files'
import type { Assessment } from '../src/core/assessment/assessment-schema'
import { buildCatalogue } from '../src/core/instrument/catalogue'
import { createFixedT } from '../src/i18n/fixed-t'
import { prepareReport } from '../src/pdf/prepare-report'
import { renderReport } from '../src/pdf/render-report'
import { launchChromium } from './lib/browser'
import { writeReadmeBlock } from './lib/readme-block'
import { serveStatic } from './lib/static-server'
import { viteBuild } from './lib/vite-build'

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number

/**
 * The full report (full BAR, derived FML, the verzekeringsarts's FML, comparison, glossary):
 * warm in Node, and in Chromium from the click to the download (worker start, fonts, render).
 * Baseline in the same run: a one-line report document through the same renderer and font.
 */
export async function runPdfBench(root: string): Promise<boolean> {
  const catalogue = buildCatalogue(readSchemaFiles())
  const read = (f: string) =>
    JSON.parse(readFileSync(join(root, 'public/examples', f), 'utf8')) as Assessment
  const bar = catalogue.instruments.find((i) => i.id === 'bar')!
  const fml = catalogue.instruments.find((i) => i.id === 'fml')!
  const t = createFixedT('nl')
  const prepared = await prepareReport({
    main: { assessment: read('bar-example.json'), instrument: bar },
    other: { assessment: read('fml-example.json'), instrument: fml },
    catalogue,
    lang: 'nl',
    t: (key, options) => t(key as 'units.kg', options),
    appVersion: appVersion(),
  })
  if (!prepared.ok) throw new Error('the example report cannot be prepared')
  const full = prepared.value
  const tiny = { ...full, parts: [], glossary: [], comparison: undefined } as typeof full
  const render = async (model: typeof full) => {
    const start = performance.now()
    const blob = await renderReport(model, t, nodeFonts)
    return { ms: performance.now() - start, bytes: blob.size, pdf: blob }
  }
  for (let i = 0; i < 3; i++) await render(full) // warm up: fonts, JIT
  await render(tiny)
  const fullRuns: number[] = []
  const tinyRuns: number[] = []
  let bytes = 0
  let pages = 0
  for (let i = 0; i < 5; i++) {
    const f = await render(full)
    fullRuns.push(f.ms)
    bytes = f.bytes
    pages = (
      new TextDecoder('latin1')
        .decode(await f.pdf.arrayBuffer())
        .match(/\/Type\s*\/Page(?![s\w])/g) ?? []
    ).length
    tinyRuns.push((await render(tiny)).ms)
  }
  const node = {
    warm_ms: +median(fullRuns).toFixed(0),
    baseline_ms: +median(tinyRuns).toFixed(0),
    pages,
    bytes,
  }

  // Chromium: the app's report screen, the worker making the same report.
  await viteBuild(root)
  const server = await serveStatic(join(root, 'dist'))
  const browser = await launchChromium()
  const chromiumRuns: number[] = []
  let chromiumFirst = 0
  try {
    const context = await browser.newContext({ acceptDownloads: true, locale: 'nl-NL' })
    const page = await context.newPage()
    await page.goto(`${server.url}/#/assessments`)
    for (const name of [
      'Open voorbeeld: BAR van de bedrijfsarts',
      'Open voorbeeld: FML van de verzekeringsarts',
    ]) {
      await page.getByRole('button', { name }).click()
      await page.locator('[data-item-id]').first().waitFor()
      await page.goto(`${server.url}/#/assessments`)
    }
    await page.goto(`${server.url}/#/report`)
    await page.getByLabel('Vergelijken met (optioneel)').selectOption({ index: 1 })
    for (let i = 0; i < 6; i++) {
      await page.getByRole('button', { name: 'PDF maken' }).waitFor()
      const start = Date.now()
      const download = page.waitForEvent('download')
      await page.getByRole('button', { name: 'PDF maken' }).click()
      await download
      if (i > 0) chromiumRuns.push(Date.now() - start)
      else chromiumFirst = Date.now() - start
    }
    await context.close()
  } finally {
    await browser.close()
    await server.close()
  }
  const chromium = {
    median_ms: median(chromiumRuns),
    runs_ms: chromiumRuns,
    first_pdf_of_visit_ms: chromiumFirst,
  }
  const out = {
    machine: {
      cpus: cpus().length,
      node: process.version,
      date: new Date().toISOString().slice(0, 10),
    },
    report: 'full BAR, derived FML, the verzekeringsarts FML, comparison, glossary (the examples)',
    node: {
      ...node,
      ratio_to_baseline: +(node.warm_ms / node.baseline_ms).toFixed(2),
      runs_ms: fullRuns.map((x) => +x.toFixed(0)),
    },
    chromium: { ...chromium, ratio_to_node: +(chromium.median_ms / node.warm_ms).toFixed(2) },
    targets: {
      node_warm_under_1000_ms: node.warm_ms < 1000,
      chromium_under_1500_ms: chromium.median_ms < 1500,
    },
  }
  mkdirSync(join(root, 'bench/results'), { recursive: true })
  writeFileSync(join(root, 'bench/results/pdf.json'), `${JSON.stringify(out, null, 2)}\n`)
  const table = [
    `PDF benchmark (\`npm run bench\`, ${out.machine.date}, Node ${out.machine.node}): ${out.report}; ${pages} pages, ${Math.round(bytes / 1024)} kB. Baseline: a one-page report through the same renderer and font.`,
    '',
    '| where | median ms | baseline ms | ratio | target |',
    '| ----- | --------- | ----------- | ----- | ------ |',
    `| Node, warm | ${node.warm_ms} | ${node.baseline_ms} | ×${out.node.ratio_to_baseline} | < 1000 ms ${out.targets.node_warm_under_1000_ms ? '✓' : '✗'} |`,
    `| Chromium, click to download (worker) | ${chromium.median_ms} | ${node.warm_ms} (Node) | ×${out.chromium.ratio_to_node} | < 1500 ms ${out.targets.chromium_under_1500_ms ? '✓' : '✗'} |`,
    '',
    `The first PDF of a visit also starts the worker, loads its code and the font: ${chromiumFirst} ms in this run; later ones reuse the warm worker.`,
  ].join('\n')
  writeReadmeBlock(join(root, 'README.md'), 'pdf', table)
  console.log(table)
  return true
}
