import { describe, expect, it } from 'vitest'
import { itemIndex } from '../../../src/core/instrument/item-index'
import { itemQuantities } from '../../../src/core/instrument/item-quantities'
import type { Item } from '../../../src/core/instrument/meta-schema'
import { minimalInstrument } from '../../helpers/instruments'

const items = itemIndex(minimalInstrument()).items
const item = (id: string) => items.get(id) as Item

describe('itemQuantities', () => {
  it('gives a capacity’s named quantities', () => {
    expect(itemQuantities(item('tillen')).map((q) => [q.id, q.unit])).toEqual([['max-load', 'kg']])
  })

  it('gives none for a choice', () => {
    expect(itemQuantities(item('keuze'))).toEqual([])
  })
})
