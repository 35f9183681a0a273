import { describe, expect, it } from 'vitest'
import { itemIndex } from '../../src/core/instrument/item-index'
import type { Item } from '../../src/core/instrument/meta-schema'
import { isClearableKind, sectionScale } from '../../src/form/fields'
import { minimalInstrument } from '../helpers/instruments'

const items = itemIndex(minimalInstrument()).items
const item = (id: string) => items.get(id) as Item

describe('isClearableKind', () => {
  it('clears a single choice and a capacity, not a multiple choice', () => {
    expect(isClearableKind(item('tillen'))).toBe(true)
    expect(isClearableKind(item('keuze'))).toBe(true)
    expect(isClearableKind(item('meer'))).toBe(false)
  })
})

describe('sectionScale', () => {
  it('is the levels of the first capacity among the items', () => {
    const capacity = item('tillen')
    const levels = capacity.answer.kind === 'capacity' ? capacity.answer.levels : undefined
    expect(sectionScale([item('keuze'), capacity])).toBe(levels)
  })

  it('is undefined without a capacity', () => {
    expect(sectionScale([item('keuze'), item('meer')])).toBeUndefined()
  })
})
