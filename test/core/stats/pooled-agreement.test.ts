import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { CohortItem } from '../../../src/core/stats/cohort-item-stats'
import { itemTable } from '../../../src/core/stats/cohort-item-stats'
import { pooledAgreement, poolingGroups } from '../../../src/core/stats/pooled-agreement'
import { tableAgreement } from '../../../src/core/stats/table-agreement'
import { cohortAndPermutation, reorderEmployees } from './cohort-arbitraries'

const FOUR = [0, 1, 2, 3]
const THREE = [0, 1, 2]
const ITEMS: CohortItem[] = [
  {
    item: 'a',
    rubriek: 'r1',
    categories: FOUR,
    pairs: [
      { a: 0, b: 0 },
      { a: 1, b: 2 },
    ],
  },
  {
    item: 'b',
    rubriek: 'r1',
    categories: THREE,
    pairs: [
      { a: 2, b: 2 },
      { a: 0, b: 1 },
    ],
  },
  {
    item: 'c',
    rubriek: 'r2',
    categories: FOUR,
    pairs: [
      { a: 3, b: 3 },
      { a: null, b: 1 },
    ],
  },
  {
    item: 'd',
    rubriek: 'r1',
    categories: FOUR,
    pairs: [
      { a: 1, b: 1 },
      { a: 2, b: 3 },
    ],
  },
]

describe('poolingGroups', () => {
  it('groups per rubriek and scale, then overall per scale, in order of first appearance', () => {
    expect(poolingGroups(ITEMS)).toEqual([
      { group: { rubriek: 'r1', categories: FOUR, items: ['a', 'd'] }, members: [0, 3] },
      { group: { rubriek: 'r1', categories: THREE, items: ['b'] }, members: [1] },
      { group: { rubriek: 'r2', categories: FOUR, items: ['c'] }, members: [2] },
      { group: { rubriek: null, categories: FOUR, items: ['a', 'c', 'd'] }, members: [0, 2, 3] },
      { group: { rubriek: null, categories: THREE, items: ['b'] }, members: [1] },
    ])
  })

  it('never pools scales that differ only in length or order', () => {
    const groups = poolingGroups([
      { ...(ITEMS[0] as CohortItem), categories: [0, 1, 2, 3] },
      { ...(ITEMS[3] as CohortItem), categories: [3, 2, 1, 0] },
    ])
    expect(groups.map((g) => g.group.items)).toEqual([['a'], ['d'], ['a'], ['d']])
  })
})

describe('pooledAgreement', () => {
  it('labels each result as pooled, with its rubriek, scale and items', () => {
    expect(pooledAgreement(ITEMS).map((g) => [g.pooled, g.rubriek, g.categories, g.items])).toEqual(
      [
        [true, 'r1', FOUR, ['a', 'd']],
        [true, 'r1', THREE, ['b']],
        [true, 'r2', FOUR, ['c']],
        [true, null, FOUR, ['a', 'c', 'd']],
        [true, null, THREE, ['b']],
      ],
    )
  })

  it("computes on the sum of the pooled items' tables, complete pairs only", () => {
    const overall = pooledAgreement(ITEMS)[3]
    expect(overall?.n).toBe(5)
    expect(overall?.exactAgreement).toBeCloseTo(3 / 5, 12)
    const sum = FOUR.map((_, i) =>
      FOUR.map((_, j) =>
        [0, 2, 3].reduce((s, m) => s + (itemTable(ITEMS[m] as CohortItem).table[i]?.[j] ?? 0), 0),
      ),
    )
    expect(overall).toEqual({
      pooled: true,
      rubriek: null,
      categories: FOUR,
      items: ['a', 'c', 'd'],
      ...tableAgreement(sum, FOUR),
    })
  })

  it('gives an empty list for no items', () => {
    expect(pooledAgreement([])).toEqual([])
  })

  it('does not change when the employees are permuted', () => {
    fc.assert(
      fc.property(cohortAndPermutation, ({ items, order }) => {
        expect(pooledAgreement(reorderEmployees(items, order))).toEqual(pooledAgreement(items))
      }),
    )
  })
})
