import type { SchemaFile } from '../core/instrument/catalogue-data'
import { trustedCatalogue } from '../core/instrument/catalogue-data'

const modules = import.meta.glob<unknown>('../../schemas/*/*.json', {
  eager: true,
  import: 'default',
})

export const schemaFiles: SchemaFile[] = Object.entries(modules).map(([path, json]) => ({
  path: path.replace('../../schemas/', ''),
  json,
}))

/** Every instrument, vocabulary and crosswalk shipped in schemas/; vite.config.ts validated them at build. */
export const catalogue = trustedCatalogue(schemaFiles)
