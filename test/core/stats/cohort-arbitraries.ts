import fc from 'fast-check'
import type { CohortItem, RatingPair } from '../../../src/core/stats/cohort-item-stats'

export const SCALES: readonly (readonly number[])[] = [
  [0, 1, 2, 3],
  [0, 1, 2],
  [1, 2, 3, 4, 5],
]

/** A rating on the scale, or missing about one time in eight. */
const rating = (scale: readonly number[]) =>
  fc.option(fc.constantFrom(...scale), { freq: 7, nil: null })

/**
 * A cohort of 1–30 employees and 1–6 items over two rubrieken and the scales above; every item
 * lists every employee, in the same order.
 */
export const cohort: fc.Arbitrary<CohortItem[]> = fc
  .record({
    employees: fc.integer({ min: 1, max: 30 }),
    shapes: fc.array(
      fc.record({ rubriek: fc.constantFrom('r1', 'r2'), scale: fc.constantFrom(...SCALES) }),
      { minLength: 1, maxLength: 6 },
    ),
  })
  .chain(({ employees, shapes }) =>
    fc.tuple(
      ...shapes.map(({ rubriek, scale }, i) =>
        fc
          .array(fc.record({ a: rating(scale), b: rating(scale) }), {
            minLength: employees,
            maxLength: employees,
          })
          .map((pairs): CohortItem => ({ item: `i${i}`, rubriek, categories: scale, pairs })),
      ),
    ),
  )

/** The same cohort with rater A and rater B swapped. */
export const swapRaters = (items: readonly CohortItem[]): CohortItem[] =>
  items.map((item) => ({
    ...item,
    pairs: item.pairs.map(({ a, b }): RatingPair => ({ a: b, b: a })),
  }))

/** The same cohort with employees reordered: employee order[e] becomes employee e in every item. */
export const reorderEmployees = (
  items: readonly CohortItem[],
  order: readonly number[],
): CohortItem[] =>
  items.map((item) => ({ ...item, pairs: order.map((e) => item.pairs[e] as RatingPair) }))

/** A cohort and a permutation of its employees. */
export const cohortAndPermutation = cohort.chain((items) => {
  const employees = items[0]?.pairs.length ?? 0
  const indices = Array.from({ length: employees }, (_, e) => e)
  return fc
    .shuffledSubarray(indices, { minLength: employees, maxLength: employees })
    .map((order) => ({ items, order }))
})

/**
 * A typical cohort: 40–80 employees, 3–6 items on one scale in two rubrieken, rater B agreeing
 * with rater A about two times in three and otherwise rating at random.
 */
export const typicalCohort: fc.Arbitrary<CohortItem[]> = fc
  .record({
    employees: fc.integer({ min: 40, max: 80 }),
    items: fc.integer({ min: 3, max: 6 }),
    seed: fc.integer(),
  })
  .map(({ employees, items, seed }) => {
    let state = seed
    // A small LCG keeps the data a pure function of the generated seed.
    const next = () => {
      state = (Math.imul(state, 1664525) + 1013904223) | 0
      return (state >>> 0) / 4294967296
    }
    const scale = [0, 1, 2, 3]
    return Array.from({ length: items }, (_, i): CohortItem => ({
      item: `i${i}`,
      rubriek: i % 2 ? 'r2' : 'r1',
      categories: scale,
      pairs: Array.from({ length: employees }, () => {
        const a = Math.floor(next() * 4)
        return { a, b: next() < 2 / 3 ? a : Math.floor(next() * 4) }
      }),
    }))
  })
