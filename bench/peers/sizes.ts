import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { compareSemver } from '../../src/core/instrument/catalogue-data'
import type { Instrument, Vocabulary } from '../../src/core/instrument/meta-schema'
import { frameOf } from './content'
import { rjsfForm, surveyJson } from './generate'
import { peerContent } from './make-content'
import { peersSyntheticInstrument } from './synthetic'

/** One instrument the peers benchmark measures, under its key in the results. */
export interface PeerSize {
  /** `64` (the FML), `bar`, `128`, `256`, `512`. */
  key: string
  instrument: Instrument
  /** Generated for the benchmark: added to schemas/ of the copy our app is built from. */
  synthetic: boolean
}

const readJson = <T>(file: string) => JSON.parse(readFileSync(file, 'utf8')) as T

function latest(root: string, id: string): Instrument {
  const dir = join(root, 'schemas', id)
  const version = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -'.json'.length))
    .sort(compareSemver)
    .at(-1)
  if (!version) throw new Error(`${dir} has no instrument file`)
  return readJson<Instrument>(join(dir, `${version}.json`))
}

/** The FML 1.0.0 (its 64 rubriek items and the cover), the latest BAR, synthetic 128, 256, 512. */
export function peerSizes(root: string): PeerSize[] {
  return [
    { key: '64', instrument: readJson(join(root, 'schemas/fml/1.0.0.json')), synthetic: false },
    { key: 'bar', instrument: latest(root, 'bar'), synthetic: false },
    ...[128, 256, 512].map((n) => ({
      key: String(n),
      instrument: peersSyntheticInstrument(n),
      synthetic: true,
    })),
  ]
}

export interface SizeFacts {
  id: string
  version: string
  /** Items in the instrument, and those our form shows at mount (without `visibleWhen`). */
  items: number
  items_at_mount: number
  /** Inputs of the items at mount and of the assessment details, on every page but the bare floor. */
  inputs: number
}

/**
 * Writes `<dir>/<key>/<page>.json` for every size and page (bench/peers/vite.config.ts) and
 * returns what each size holds.
 */
export function writePeerData(
  root: string,
  sizes: PeerSize[],
  dir: string,
): Record<string, SizeFacts> {
  const facts: Record<string, SizeFacts> = {}
  for (const s of sizes) {
    const vocabulary = readJson<Vocabulary>(
      join(root, 'schemas/vocabulary', `${s.instrument.vocabulary.version}.json`),
    )
    const content = peerContent(root, s.key, s.instrument, vocabulary)
    const frame = frameOf(content)
    const out = join(dir, s.key)
    mkdirSync(out, { recursive: true })
    const write = (page: string, data: unknown) =>
      writeFileSync(join(out, `${page}.json`), JSON.stringify(data))
    write('floor', content)
    write('floor-bare', s.instrument)
    write('rjsf', { frame, form: rjsfForm(content) })
    write('surveyjs', { frame, survey: surveyJson(content) })
    facts[s.key] = {
      id: s.instrument.id,
      version: s.instrument.version,
      items: s.instrument.sections.reduce((n, x) => n + x.items.length, 0),
      items_at_mount: content.items,
      inputs: content.inputs,
    }
  }
  return facts
}
