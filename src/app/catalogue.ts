import type { Catalogue, SchemaFile } from '../core/instrument/catalogue-data'
import { trustedCatalogue, versionedPath } from '../core/instrument/catalogue-data'

/*
 * The files in schemas/, read as text (much quicker to start than the same data as a JS object
 * literal) and parsed with JSON.parse only when a screen needs them: the form of one instrument
 * does not parse every other instrument and the crosswalks first. They ship in the app's own
 * chunk, since a request per file cost more than it saved. vite.config.ts validated every file
 * at build time.
 */
const texts = import.meta.glob<string>('../../schemas/*/*.json', {
  eager: true,
  query: '?raw',
  import: 'default',
})

const PREFIX = '../../schemas/'

/** Paths below schemas/ (`bar/1.0.0.json`) of every file the app was built with. */
export const schemaPaths: readonly string[] = Object.keys(texts).map((p) => p.slice(PREFIX.length))

const files = new Map<string, SchemaFile>()

function schemaFile(path: string): SchemaFile {
  let file = files.get(path)
  if (!file) {
    file = { path, json: JSON.parse(texts[PREFIX + path] as string) as unknown }
    files.set(path, file)
  }
  return file
}

const catalogues = new Map<string, Catalogue>()

/** One catalogue object per set of files, the same on every call. */
function catalogueOf(paths: readonly string[]): Catalogue {
  const key = [...paths].sort().join('|')
  let catalogue = catalogues.get(key)
  if (!catalogue) {
    catalogue = trustedCatalogue(paths.map(schemaFile))
    catalogues.set(key, catalogue)
  }
  return catalogue
}

/** Every instrument, vocabulary and crosswalk shipped in schemas/. */
export function wholeCatalogue(): Catalogue {
  return catalogueOf(schemaPaths)
}

/**
 * One instrument version and the vocabulary it names, or an empty catalogue when the app has no
 * such file (the screen then says what is missing, as for any unknown instrument).
 */
export function instrumentCatalogue(ref: { id: string; version: string }): Catalogue {
  const path = versionedPath(ref.id, ref.version)
  if (!schemaPaths.includes(path)) return catalogueOf([])
  const wanted = (schemaFile(path).json as { vocabulary?: { version?: unknown } }).vocabulary
    ?.version
  const vocabulary = versionedPath('vocabulary', String(wanted))
  return catalogueOf(schemaPaths.includes(vocabulary) ? [path, vocabulary] : [path])
}
