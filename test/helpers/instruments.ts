import { join } from 'node:path'
import { buildCatalogue } from '../../src/core/instrument/catalogue'
import { loadInstrument, loadVocabulary } from '../../src/core/instrument/load-instrument'
import type { Catalogue } from '../../src/core/instrument/catalogue-data'
import type { Instrument, Vocabulary } from '../../src/core/instrument/meta-schema'
import { readSchemaFiles } from '../../src/cli/schema-files'
import { fixtures, readJson } from './files'

/** The vocabulary of the small test instrument. */
export function fixtureVocabulary(): Vocabulary {
  const v = loadVocabulary(readJson(join(fixtures, 'instruments/vocabulary.json')))
  if (!v.ok) throw new Error('fixture vocabulary invalid')
  return v.value
}

/** The small test instrument with one item of every answer kind. */
export function minimalInstrument(): Instrument {
  const v = loadVocabulary(readJson(join(fixtures, 'instruments/vocabulary.json')))
  if (!v.ok) throw new Error('fixture vocabulary invalid')
  const r = loadInstrument(readJson(join(fixtures, 'instruments/minimal.json')), v.value)
  if (!r.ok) throw new Error('fixture instrument invalid')
  return r.value
}

/** The catalogue of everything shipped in schemas/. */
export function shippedCatalogue() {
  return buildCatalogue(readSchemaFiles())
}

/**
 * A catalogue as a screen asks for it (`load`), already loaded: the same promise on every call,
 * as from the app's source, marked settled the way React marks a promise it has read, so `use`
 * returns it at once, as it does in the app once the files are in.
 */
export function loadedCatalogue(
  catalogue: Catalogue = shippedCatalogue(),
): () => Promise<Catalogue> {
  const settled = Object.assign(Promise.resolve(catalogue), {
    status: 'fulfilled',
    value: catalogue,
  })
  return () => settled
}

export function shipped(id: string, version = '1.0.0'): Instrument {
  const found = shippedCatalogue().instruments.find((i) => i.id === id && i.version === version)
  if (!found) throw new Error(`${id} ${version} not shipped`)
  return found
}
