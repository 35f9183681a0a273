import type { SchemaFile } from './catalogue-data'
import { schemaFileKind } from './catalogue-data'
import type { Localized } from './meta-schema'

/**
 * What the app knows of a schemas/ file before it loads it: enough to list versions, offer an
 * upgrade and know which vocabulary an instrument needs. Built at build time (vite.config.ts) from
 * files the build has validated, so the start-up download does not grow with every version.
 */
export interface SchemaIndexEntry {
  path: string
  kind: 'instrument' | 'vocabulary' | 'crosswalk'
  id: string
  version: string
  title?: Localized
  /** The vocabulary version an instrument names. */
  vocabulary?: string
}

/**
 * The index of a set of files, in path order; files outside the versioned folders are left out.
 * @example
 * schemaIndexOf([{ path: 'bar/1.0.0.json', json: bar }])
 * // [{ path: 'bar/1.0.0.json', kind: 'instrument', id: 'bar', version: '1.0.0', title: {...}, vocabulary: '1.0.0' }]
 */
export function schemaIndexOf(files: readonly SchemaFile[]): SchemaIndexEntry[] {
  return [...files]
    .sort((a, b) => a.path.localeCompare(b.path))
    .flatMap((file): SchemaIndexEntry[] => {
      const kind = schemaFileKind(file.path)
      if (kind === 'other') return []
      const [folder = '', name = ''] = file.path.split('/')
      const json = file.json as {
        title?: Localized
        vocabulary?: { version?: string }
      } | null
      const entry: SchemaIndexEntry = {
        path: file.path,
        kind,
        id: folder,
        version: name.slice(0, -'.json'.length),
      }
      if (kind === 'instrument') {
        if (json?.title) entry.title = json.title
        if (typeof json?.vocabulary?.version === 'string')
          entry.vocabulary = json.vocabulary.version
      }
      return [entry]
    })
}
