import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readSchemaFiles } from '../../src/cli/schema-files'

describe('readSchemaFiles', () => {
  it('reads every JSON file below the folder, with its path', () => {
    const dir = mkdtempSync(join(tmpdir(), 'schemas-'))
    mkdirSync(join(dir, 'bar'))
    writeFileSync(join(dir, 'bar', '1.0.0.json'), '{"id":"bar"}')
    expect(readSchemaFiles(dir)).toEqual([{ path: 'bar/1.0.0.json', json: { id: 'bar' } }])
  })

  it('refuses a schema file with a duplicate key, which JSON.parse would read as the last value', () => {
    const dir = mkdtempSync(join(tmpdir(), 'schemas-'))
    writeFileSync(join(dir, 'x.json'), '{"id":"bar","id":"fml"}')
    expect(() => readSchemaFiles(dir)).toThrow(/x\.json:[\s\S]*Key "id" occurs twice/)
  })
})
