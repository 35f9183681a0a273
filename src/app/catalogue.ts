import type { SchemaFile } from '../core/instrument/catalogue'
import { buildCatalogue } from '../core/instrument/catalogue'

const modules = import.meta.glob<unknown>('../../schemas/*/*.json', {
  eager: true,
  import: 'default',
})

export const schemaFiles: SchemaFile[] = Object.entries(modules).map(([path, json]) => ({
  path: path.replace('../../schemas/', ''),
  json,
}))

/** Every instrument and vocabulary shipped in schemas/, validated once at start-up. */
export const catalogue = buildCatalogue(schemaFiles)
