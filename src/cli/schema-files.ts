import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { SchemaFile } from '../core/instrument/catalogue-data'

export const schemasDir = join(dirname(fileURLToPath(import.meta.url)), '../../schemas')

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.json') ? [join(dir, e.name)] : [],
  )
}

/** Every JSON file below schemas/, parsed; a file that is not JSON throws with its name. */
export function readSchemaFiles(dir = schemasDir): SchemaFile[] {
  return walk(dir).map((file) => {
    const path = relative(dir, file).split('\\').join('/')
    try {
      return { path, json: JSON.parse(readFileSync(file, 'utf8')) as unknown }
    } catch (e) {
      throw new Error(`${path}: ${(e as Error).message}`, { cause: e })
    }
  })
}
