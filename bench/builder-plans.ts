import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { compareSemver } from '../src/core/instrument/catalogue-data'
import type { Instrument } from '../src/core/instrument/meta-schema'
import type { BuilderPlan } from './builder-page'
import { assertImportable, syntheticInstrument } from './builder-synthetic'

/**
 * The item nearest the middle of the outline that the preview shows without an answer (no
 * `visibleWhen`), so its text is there to be seen.
 */
function planFor(key: string, instrument: Instrument, importJson: string | null): BuilderPlan {
  const flat = instrument.sections.flatMap((s, si) =>
    s.items.map((item, ii) => ({ item, node: `s${si}.i${ii}` })),
  )
  const middle = Math.floor(flat.length / 2)
  const pick = flat
    .map((x, k) => ({ ...x, distance: Math.abs(k - middle) }))
    .filter((x) => !x.item.visibleWhen)
    .sort((a, b) => a.distance - b.distance)[0]
  if (!pick) throw new Error(`${instrument.id}: no item without a condition`)
  return {
    key,
    id: instrument.id,
    version: instrument.version,
    items: flat.length,
    node: pick.node,
    itemId: pick.item.id,
    labelNl: pick.item.label.nl,
    importJson,
  }
}

/** The latest version of a shipped instrument in schemas/ (the one the builder opens a draft of). */
function latestShipped(root: string, id: string): Instrument {
  const dir = join(root, 'schemas', id)
  const latest = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -'.json'.length))
    .sort(compareSemver)
    .at(-1)
  if (!latest) throw new Error(`${dir} has no instrument file`)
  return JSON.parse(readFileSync(join(dir, `${latest}.json`), 'utf8')) as Instrument
}

/** `bar`: the latest shipped BAR; `512`: the synthetic instrument of 16 × 32 items, imported. */
export function builderPlans(root: string): BuilderPlan[] {
  const synthetic = syntheticInstrument(16, 32)
  // The app's import would refuse it with an alert; this names the problem plainly.
  assertImportable(synthetic, join(root, 'schemas'))
  return [
    planFor('bar', latestShipped(root, 'bar'), null),
    planFor('512', synthetic, JSON.stringify(synthetic)),
  ]
}
