/**
 * Ours against the content-equal floor on paired loads, for telling a real difference from a
 * machine's noise at one size and rate: `npx tsx bench/peers-paired.ts [size] [cpuRate] [loads]`,
 * size one of the peers benchmark's (64 = the FML, bar, 128, 256, 512; default bar), default CPU 4x
 * and 12 loads of each page. Not part of `npm run bench`.
 *
 * Builds both pages as the peers benchmark does (in a temp directory), then loads them in pairs
 * (which goes first alternates), each page of a pair with the same round of the peers plan, after
 * one pair not counted. Prints each load's keystroke and option-change p95 and mount, and per
 * figure the median of the pairs' ratios ours/floor with a sign-test interval (90 %): a ratio whose
 * interval holds the target's bound (×1.1, ×1.2) does not show that the target is met or missed.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { launchChromium } from './lib/browser'
import { serveStatic } from './lib/static-server'
import { pairedDifference, percentile } from './lib/stats'
import { measurePeerPage, type PeerSample } from './peers-page'
import { peersPlan } from './peers-plan'
import { PEER_PAGES } from './peers'
import { buildOurApp, buildPeerPages } from './peers/build'
import { peerSizes } from './peers/sizes'

const FIGURES = {
  'keystroke p95': (s: PeerSample) => percentile(s.keyMs, 95),
  'option change p95': (s: PeerSample) => percentile(s.choiceMs, 95),
  mount: (s: PeerSample) => s.mountMs,
  // The floor draws every item at once, so its first item with an input is its mount.
  'first item with an input': (s: PeerSample) => s.firstInputMs,
}

async function main() {
  const root = fileURLToPath(new URL('..', import.meta.url))
  const [key = 'bar', rateArg = '4', loadsArg = '12'] = process.argv.slice(2)
  const cpuRate = Number(rateArg)
  const size = peerSizes(root).find((s) => s.key === key)
  if (!size) throw new Error(`size ${key}: not one of ${peerSizes(root).map((s) => s.key)}`)
  const plan = peersPlan(size.key, size.instrument)
  const dir = mkdtempSync(join(tmpdir(), 'bar-peers-paired-'))
  const [appDir, { peersDir }] = await Promise.all([
    buildOurApp(root, root, [size], join(dir, 'app')),
    buildPeerPages(root, [size], dir),
  ])
  const app = await serveStatic(appDir)
  const peers = await serveStatic(peersDir)
  const urls = {
    ours: `${app.url}/#/preview/${size.instrument.id}/${size.instrument.version}`,
    floor: `${peers.url}/floor/index.html?size=${size.key}`,
  }
  const browser = await launchChromium()
  const values = { ours: [] as PeerSample[], floor: [] as PeerSample[] }
  try {
    for (let load = 0; load <= Number(loadsArg); load++) {
      const order = load % 2 ? (['floor', 'ours'] as const) : (['ours', 'floor'] as const)
      const pair = {} as Record<'ours' | 'floor', PeerSample>
      for (const page of order)
        pair[page] = await measurePeerPage(browser, urls[page], PEER_PAGES[page], plan, {
          cpuRate,
          round: load,
          interact: true,
        })
      if (!pair.ours.ok || !pair.floor.ok)
        throw new Error(`load ${load}: ${pair.ours.note ?? ''} ${pair.floor.note ?? ''}`)
      if (load === 0) continue
      values.ours.push(pair.ours)
      values.floor.push(pair.floor)
    }
  } finally {
    await browser.close()
    await Promise.all([app.close(), peers.close()])
  }
  const fmt = (x: number) => (x < 100 ? x.toFixed(1) : x.toFixed(0))
  console.log(`${size.key} at ${cpuRate}x, ${values.ours.length} paired loads (ms: ours | floor)`)
  for (const [name, figure] of Object.entries(FIGURES)) {
    const ours = values.ours.map((s) => figure(s) ?? NaN)
    const floor = values.floor.map((s) => figure(s) ?? NaN)
    // The median ratio is the median difference of logarithms, and so is its interval.
    const d = pairedDifference(floor.map(Math.log), ours.map(Math.log))
    const ratio = (x: number | null | undefined) => (x == null ? '–' : `×${Math.exp(x).toFixed(2)}`)
    console.log(
      `  ${name}: ours/floor ${ratio(d?.median)} [${ratio(d?.low)}, ${ratio(d?.high)}]\n` +
        `    ours  ${ours.map(fmt).join(' ')}\n    floor ${floor.map(fmt).join(' ')}`,
    )
  }
}

await main()
