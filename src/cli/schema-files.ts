import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseJsonBytes } from '../core/assessment/safe-json'
import type { SchemaFile } from '../core/instrument/catalogue-data'
import { formatIssues } from '../core/issues/validation-issue'

export const schemasDir = join(dirname(fileURLToPath(import.meta.url)), '../../schemas')

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.json') ? [join(dir, e.name)] : [],
  )
}

/**
 * Every JSON file below schemas/, read as strictly as an import (no duplicate keys, valid UTF-8);
 * a file that is not such JSON throws with its name and every problem.
 */
export function readSchemaFiles(dir = schemasDir): SchemaFile[] {
  return walk(dir).map((file) => {
    const path = relative(dir, file).split('\\').join('/')
    const r = parseJsonBytes(readFileSync(file))
    if (!r.ok) throw new Error(`${path}:\n${formatIssues(r.issues, 'en')}`)
    return { path, json: r.value }
  })
}
