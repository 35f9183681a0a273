import { describe, expect, it } from 'vitest'
import { schemaIndexOf } from '../../../src/core/instrument/schema-index'
import { readSchemaFiles } from '../../../src/cli/schema-files'

describe('schemaIndexOf', () => {
  it('names every versioned file with its id, version, and for an instrument its title and vocabulary', () => {
    const index = schemaIndexOf(readSchemaFiles())
    expect(index.find((e) => e.path === 'bar/1.1.0.json')).toEqual({
      path: 'bar/1.1.0.json',
      kind: 'instrument',
      id: 'bar',
      version: '1.1.0',
      title: expect.objectContaining({ nl: expect.stringContaining('Beschrijving') }),
      vocabulary: '1.0.0',
    })
    expect(index.find((e) => e.path === 'vocabulary/1.0.0.json')).toEqual({
      path: 'vocabulary/1.0.0.json',
      kind: 'vocabulary',
      id: 'vocabulary',
      version: '1.0.0',
    })
  })

  it('leaves out the meta-schemas and other files outside the versioned folders', () => {
    const index = schemaIndexOf([
      { path: 'instrument.schema.json', json: {} },
      { path: 'bar/1.0.0.json', json: { title: { nl: 'a', en: 'b' } } },
    ])
    expect(index.map((e) => e.path)).toEqual(['bar/1.0.0.json'])
  })

  it('stays small: far less than the files it indexes', () => {
    const files = readSchemaFiles()
    const size = (x: unknown) => JSON.stringify(x).length
    expect(size(schemaIndexOf(files))).toBeLessThan(size(files.map((f) => f.json)) / 50)
  })
})
