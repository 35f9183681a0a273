import { describe, expect, it } from 'vitest'
import { crosswalkTargets } from '../../../src/core/compare/load-crosswalk'
import { declareRolesFromIds } from '../../../src/core/instrument/legacy-roles'
import type { Instrument } from '../../../src/core/instrument/meta-schema'
import { join } from 'node:path'
import { readJson, root } from '../../helpers/files'
import { shippedCatalogue } from '../../helpers/instruments'

const file = (path: string) => readJson(join(root, 'schemas', path)) as Instrument
const shipped = (id: string, version: string) =>
  shippedCatalogue().instruments.find((i) => i.id === id && i.version === version)!

describe('declareRolesFromIds (instrument files from before family, role and code)', () => {
  it('gives the published files the family, the FML cover and the FML numbering their ids meant', () => {
    const fml = shipped('fml', '1.0.0')
    expect(fml.family).toBe('fml')
    expect(fml.sections.filter((s) => s.role === 'cover').map((s) => s.id)).toEqual(['voorblad'])
    expect(fml.sections.map((s) => s.code)).toEqual([undefined, 'I', 'II', 'III', 'IV', 'V', 'VI'])
    const items = fml.sections.flatMap((s) => s.items)
    expect(items.find((i) => i.id === 'IV.13')?.code).toBe('IV.13')
    const bar = shipped('bar', '1.1.0')
    expect(bar.family).toBe('bar')
    expect(bar.sections.flatMap((s) => s.items).filter((i) => i.code !== undefined)).toEqual([])
    // The published file itself says none of it: the step adds it when the file is read.
    expect(file('fml/1.0.0.json').family).toBeUndefined()
  })

  it('takes a file that states its family as it is: its ids are only ids', () => {
    const own = { ...file('fml/1.0.0.json'), id: 'mijn-lijst', family: 'other' as const }
    expect(declareRolesFromIds(own)).toBe(own)
    const renamed = { ...file('fml/1.0.0.json'), id: 'mijn-lijst' }
    expect(declareRolesFromIds(renamed).family).toBe('other')
  })
})

describe('the roles are read from the data, not from ids', () => {
  it('a crosswalk covers every item outside the section marked cover, whatever the ids', () => {
    const fml = shipped('fml', '1.0.0')
    const own: Instrument = {
      ...structuredClone(fml),
      id: 'eigen-lijst',
      sections: fml.sections.map((s) => ({ ...s, id: s.role === 'cover' ? 'omslag' : s.id })),
    }
    const all = own.sections.flatMap((s) => s.items).length
    const cover = own.sections.find((s) => s.id === 'omslag')!.items.length
    expect(crosswalkTargets(own)).toHaveLength(all - cover)
    // Without the role, the renamed cover's items are ordinary items to map.
    const plain = structuredClone(own)
    for (const section of plain.sections) delete section.role
    expect(crosswalkTargets(plain)).toHaveLength(all)
  })
})
