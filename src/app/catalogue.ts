import type { Catalogue, SchemaFile } from '../core/instrument/catalogue-data'
import {
  compareSemver,
  latestVersions,
  schemaFileKind,
  trustedCatalogue,
  versionedPath,
} from '../core/instrument/catalogue-data'

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

/** Every version of one instrument, read from the file names only: nothing is parsed. */
function versionsOf(id: string): { id: string; version: string }[] {
  return schemaPaths.flatMap((p) => {
    const [folder, file] = p.split('/')
    return folder === id && schemaFileKind(p) === 'instrument' && file
      ? [{ id, version: file.slice(0, -'.json'.length) }]
      : []
  })
}

/** The latest version of the instrument `ref` names when it is newer than `ref`, from file names alone. */
export function newerVersionOf(ref: { id: string; version: string }): string | undefined {
  // As newerVersion in core/migration, which is not loaded at start for these few lines.
  const latest = latestVersions(versionsOf(ref.id))[0]
  return latest && compareSemver(latest.version, ref.version) > 0 ? latest.version : undefined
}

/** Every version of one instrument and the vocabularies they name: what a migration reads. */
export function versionsCatalogue(id: string): Catalogue {
  const paths = versionsOf(id).map((v) => versionedPath(v.id, v.version))
  const vocabularies = paths.map((p) => {
    const wanted = (schemaFile(p).json as { vocabulary?: { version?: unknown } }).vocabulary
      ?.version
    return versionedPath('vocabulary', String(wanted))
  })
  return catalogueOf(
    [...new Set([...paths, ...vocabularies])].filter((p) => schemaPaths.includes(p)),
  )
}
