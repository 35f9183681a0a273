import type { SchemaFile } from '../core/instrument/catalogue-data'
import { trustedCatalogue } from '../core/instrument/catalogue-data'

// Read as text and parsed with JSON.parse: much quicker to start than the same data as a JS object literal.
const modules = import.meta.glob<string>('../../schemas/*/*.json', {
  eager: true,
  query: '?raw',
  import: 'default',
})

export const schemaFiles: SchemaFile[] = Object.entries(modules).map(([path, text]) => ({
  path: path.replace('../../schemas/', ''),
  json: JSON.parse(text) as unknown,
}))

/** Every instrument, vocabulary and crosswalk shipped in schemas/; vite.config.ts validated them at build. */
export const catalogue = trustedCatalogue(schemaFiles)
