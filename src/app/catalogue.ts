import index from 'virtual:schema-index'
import type { Catalogue, SchemaFile } from '../core/instrument/catalogue-data'
import {
  compareSemver,
  compareVersionRefs,
  latestVersions,
  schemaFileKind,
  trustedCatalogue,
  versionedPath,
} from '../core/instrument/catalogue-data'
import type { Localized } from '../core/instrument/meta-schema'

/*
 * The files in schemas/, each a chunk of its own read as text and parsed when a screen first
 * needs it: the start-up download holds only the build-time index (id, version, title), so it
 * does not grow with every version shipped. vite.config.ts validated every file at build time.
 */
const loaders = import.meta.glob<string>('../../schemas/*/*.json', {
  query: '?raw',
  import: 'default',
})

const PREFIX = '../../schemas/'

const shipped = new Map<string, Promise<SchemaFile>>()

function shippedFile(path: string): Promise<SchemaFile> {
  let file = shipped.get(path)
  if (!file) {
    const load = loaders[PREFIX + path]
    if (!load) throw new Error(`not shipped: ${path}`)
    file = load().then((text) => ({ path, json: JSON.parse(text) as unknown }))
    file.catch(() => shipped.delete(path))
    shipped.set(path, file)
  }
  return file
}

/**
 * Starts loading every shipped file, without waiting: a screen that reads the whole catalogue
 * then finds the files loaded or on their way, instead of asking for them after its own code and
 * the library have loaded. A failure is left for the screen that needs the file to meet.
 */
export function preloadShippedFiles(): void {
  for (const path of shippedPaths) shippedFile(path).catch(() => undefined)
}

/**
 * Starts loading the shipped file of one instrument version and of the vocabulary it names,
 * without waiting: a screen that shows that version alone (the preview) then finds them on their
 * way when its code has loaded. Nothing for a version that is not shipped (a library file).
 */
export function preloadShippedVersion(ref: { id: string; version: string }): void {
  const entry = index.find((e) => e.path === versionedPath(ref.id, ref.version))
  if (!entry) return
  const vocabulary = entry.vocabulary && versionedPath('vocabulary', entry.vocabulary)
  for (const path of [entry.path, vocabulary])
    if (path && shippedPaths.includes(path)) shippedFile(path).catch(() => undefined)
}

/** One version the app knows, before its file is loaded. */
export interface KnownVersion {
  id: string
  version: string
  path: string
  title?: Localized
  origin: 'shipped' | 'library'
}

/** The paths below schemas/ of every file the app was built with. */
export const shippedPaths: readonly string[] = index.map((e) => e.path)

/**
 * Where screens get instruments, vocabularies and crosswalks: the shipped files and the browser's
 * instrument library together. One source per state of the library; each of its catalogues is
 * made once, so a screen may suspend on it (React `use`).
 */
export interface CatalogueSource {
  /** Every instrument version, shipped and in the library (without loading any file). */
  known: readonly KnownVersion[]
  /** Every file: what lists, compares and reports read. */
  whole(): Promise<Catalogue>
  /** One instrument version and the vocabulary it names (empty when there is no such version). */
  instrument(ref: { id: string; version: string }): Promise<Catalogue>
  /** Every version of one instrument and their vocabularies: what a migration reads. */
  versions(id: string): Promise<Catalogue>
  /** The latest version of the instrument `ref` names when it is newer than `ref`. */
  newerVersionOf(ref: { id: string; version: string }): string | undefined
}

/**
 * A source over the shipped files and the library's (already in memory: the library is small,
 * and its files are checked here against the shipped ones, with the messages of any import).
 */
export function catalogueSource(library: readonly SchemaFile[]): CatalogueSource {
  // A library file can never replace a shipped one (the library refuses such a path too).
  const own = library.filter((f) => !shippedPaths.includes(f.path))
  const ownPaths = new Set(own.map((f) => f.path))
  const known: KnownVersion[] = [
    ...index
      .filter((e) => e.kind === 'instrument')
      .map((e) => ({
        id: e.id,
        version: e.version,
        path: e.path,
        ...(e.title ? { title: e.title } : {}),
        origin: 'shipped' as const,
      })),
    ...own.flatMap((f): KnownVersion[] => {
      const [id = '', name = ''] = f.path.split('/')
      const title = (f.json as { title?: Localized } | null)?.title
      return schemaFileKind(f.path) === 'instrument'
        ? [
            {
              id,
              version: name.slice(0, -5),
              path: f.path,
              ...(title ? { title } : {}),
              origin: 'library',
            },
          ]
        : []
    }),
  ].sort(compareVersionRefs)

  const made = new Map<string, Promise<Catalogue>>()
  /** The catalogue of these files, made once per set of paths. */
  const catalogueOf = (paths: readonly string[]): Promise<Catalogue> => {
    const unique = [...new Set(paths)].sort()
    const key = unique.join('|')
    let catalogue = made.get(key)
    if (!catalogue) {
      catalogue = Promise.all(
        unique.map((p) =>
          ownPaths.has(p)
            ? Promise.resolve(own.find((f) => f.path === p) as SchemaFile)
            : shippedFile(p),
        ),
      ).then(async (files) => {
        if (!files.some((f) => ownPaths.has(f.path))) return trustedCatalogue(files)
        // The checks (and zod) load only when the library holds a file: not at start-up.
        const { buildCatalogue } = await import('../core/instrument/catalogue')
        return buildCatalogue(
          files,
          new Set(files.map((f) => f.path).filter((p) => !ownPaths.has(p))),
        )
      })
      catalogue.catch(() => made.delete(key))
      made.set(key, catalogue)
    }
    return catalogue
  }
  const vocabularyOf = (path: string): string | undefined => {
    const entry = index.find((e) => e.path === path)
    const wanted =
      entry?.vocabulary ??
      (own.find((f) => f.path === path)?.json as { vocabulary?: { version?: unknown } } | null)
        ?.vocabulary?.version
    const vocabulary = versionedPath('vocabulary', String(wanted))
    return shippedPaths.includes(vocabulary) || ownPaths.has(vocabulary) ? vocabulary : undefined
  }
  const withVocabularies = (paths: readonly string[]) =>
    paths.flatMap((p) => [p, ...(vocabularyOf(p) ? [vocabularyOf(p) as string] : [])])

  const versions = (id: string) =>
    catalogueOf(withVocabularies(known.filter((k) => k.id === id).map((k) => k.path)))

  return {
    known,
    whole: () => catalogueOf([...shippedPaths, ...ownPaths]),
    instrument(ref) {
      const found = known.find((k) => k.id === ref.id && k.version === ref.version)
      // A library version is checked with the versions before it (its migration); an unknown
      // version comes with that instrument's versions, so that the screen can say which there are.
      if (!found || found.origin === 'library') return versions(ref.id)
      return catalogueOf(withVocabularies([found.path]))
    },
    versions,
    newerVersionOf(ref) {
      const latest = latestVersions(known.filter((k) => k.id === ref.id))[0]
      return latest && compareSemver(latest.version, ref.version) > 0 ? latest.version : undefined
    },
  }
}

/**
 * The source to use while the library is still being read from IndexedDB: a shipped instrument
 * loads at once (the form of a shipped instrument does not wait for the library); anything that
 * may involve the library waits for it. The app replaces it with `catalogueSource(files)` once
 * the library is read.
 */
export function pendingCatalogueSource(library: Promise<readonly SchemaFile[]>): CatalogueSource {
  const shippedOnly = catalogueSource([])
  // The same source (and so the same catalogue promises) for every call.
  const full = library.then(
    (files) => catalogueSource(files),
    () => shippedOnly,
  )
  const made = new Map<string, Promise<Catalogue>>()
  const once = (key: string, make: () => Promise<Catalogue>) => {
    let catalogue = made.get(key)
    if (!catalogue) {
      catalogue = make()
      made.set(key, catalogue)
    }
    return catalogue
  }
  return {
    known: shippedOnly.known,
    whole: () => once('whole', () => full.then((s) => s.whole())),
    instrument: (ref) =>
      shippedOnly.known.some((k) => k.id === ref.id && k.version === ref.version)
        ? shippedOnly.instrument(ref)
        : once(`instrument:${ref.id}@${ref.version}`, () => full.then((s) => s.instrument(ref))),
    versions: (id) => once(`versions:${id}`, () => full.then((s) => s.versions(id))),
    newerVersionOf: shippedOnly.newerVersionOf,
  }
}
