import { launchChromium } from './lib/browser'
import { serveStaticWithHeaders, builtPolicyHeader } from './builder-server'
import { syntheticInstrument } from './builder-synthetic'
import { measureBuilderPage } from './builder-page'
import { spinMs } from './form-page'
import { readFileSync } from 'node:fs'
const dir = 'bench/.builder-dist'
const s = await serveStaticWithHeaders(dir, { 'Content-Security-Policy': builtPolicyHeader(dir) })
const b = await launchChromium()
console.log('spin', await spinMs(b, s.url + '/favicon.svg', 1))
const syn = syntheticInstrument()
const bar = JSON.parse(readFileSync('schemas/bar/1.1.0.json', 'utf8'))
const rate = Number(process.argv[2] ?? 1)
for (const plan of [
  { key: 'bar', id: 'bar', version: '1.1.0', items: 75, node: 's2.i13', itemId: bar.sections[2].items[13].id, labelNl: bar.sections[2].items[13].label.nl, importJson: null },
  { key: '512', id: 'synthetic', version: '1.0.0', items: 512, node: 's8.i0', itemId: 's9.item-1', labelNl: 'Synthetisch item 9.1', importJson: JSON.stringify(syn) },
]) {
  const t = Date.now()
  const r = await measureBuilderPage(b, s.url, plan, rate, 'abcdefghijklmnopqrst')
  console.log(plan.key, Date.now() - t, 'ms', r.missed, r.openMs, r.violations, r.samples.map((x) => `${x.input.toFixed(0)}/${x.key?.toFixed(0)}/${x.seen.toFixed(0)}`).join(' '))
}
await b.close(); await s.close()
