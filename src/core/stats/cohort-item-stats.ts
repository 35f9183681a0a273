import { scalePositions } from './rating-scale'
import type { TableAgreement } from './table-agreement'
import { tableAgreement } from './table-agreement'

/**
 * One employee's ratings of one item: a by the bedrijfsarts (BA), b by the verzekeringsarts (VA);
 * null when that rater gave none.
 *
 * @example
 * const onlyBa: RatingPair = { a: 2, b: null }
 */
export interface RatingPair {
  a: number | null
  b: number | null
}

/**
 * The ratings of one item in a cohort. `pairs[e]` belongs to employee e: the bootstrap resamples
 * employees by that index, so every item of one cohort lists the employees in the same order.
 *
 * @example
 * const item: CohortItem = {
 *   item: 'r1.1',
 *   rubriek: 'r1',
 *   categories: [0, 1, 2, 3],
 *   pairs: [{ a: 0, b: 0 }, { a: 2, b: null }],
 * }
 */
export interface CohortItem {
  item: string
  rubriek: string
  /** The item's declared ordinal scale, lowest first, e.g. [0, 1, 2, 3]; unused levels count. */
  categories: readonly number[]
  pairs: readonly RatingPair[]
}

/**
 * Pairs with a missing value, which no statistic uses.
 *
 * @example
 * const none: MissingPairs = { onlyA: 0, onlyB: 0, neither: 0 }
 */
export interface MissingPairs {
  /** Rated by A (BA) only. */
  onlyA: number
  /** Rated by B (VA) only. */
  onlyB: number
  neither: number
}

/**
 * The agreement statistics of one item on its declared scale.
 *
 * @example
 * const kappa = cohortItemStats([item])[0]?.kappa.linear.kappa
 */
export interface ItemAgreement extends TableAgreement {
  item: string
  rubriek: string
  categories: number[]
  missing: MissingPairs
}

/**
 * The k×k table of an item's complete pairs (rows A, columns B, by scale position) and its missing
 * pairs. One pass, no allocation per pair. Throws RangeError for a value not on the item's scale.
 *
 * @example
 * itemTable({ item: 'x', rubriek: 'r', categories: [0, 1], pairs: [{ a: 0, b: 1 }, { a: null, b: 1 }] })
 * // { table: [[0, 1], [0, 0]], missing: { onlyA: 0, onlyB: 1, neither: 0 } }
 */
export function itemTable(item: CohortItem): { table: number[][]; missing: MissingPairs } {
  const positionOf = scalePositions(item.categories)
  const k = item.categories.length
  const counts = new Float64Array(k * k)
  const missing: MissingPairs = { onlyA: 0, onlyB: 0, neither: 0 }
  const position = (value: number) => {
    const i = positionOf(value)
    if (i < 0)
      throw new RangeError(
        `agreement: item ${item.item} has value ${value}, not on its scale [${item.categories.join(', ')}]`,
      )
    return i
  }
  for (const { a, b } of item.pairs) {
    if (a === null || b === null) {
      if (a !== null) missing.onlyA++
      else if (b !== null) missing.onlyB++
      else missing.neither++
      continue
    }
    const cell = position(a) * k + position(b)
    counts[cell] = (counts[cell] as number) + 1
  }
  const table = item.categories.map((_, i) => Array.from(counts.subarray(i * k, (i + 1) * k)))
  return { table, missing }
}

/**
 * Agreement between rater A (BA) and rater B (VA) per item, each on its declared scale: n,
 * prevalence per level and rater, exact and within-one agreement, Cohen's kappa (unweighted, linear,
 * quadratic; with SE and 95% CI), Gwet's AC1/AC2 and Krippendorff's alpha. Linear in the number of
 * pairs. Throws RangeError for a value not on its item's scale.
 *
 * @example
 * cohortItemStats([
 *   { item: 'r1.1', rubriek: 'r1', categories: [0, 1, 2], pairs: [{ a: 0, b: 0 }, { a: 1, b: 2 }] },
 * ])[0]?.exactAgreement // 0.5
 */
export function cohortItemStats(items: readonly CohortItem[]): ItemAgreement[] {
  return items.map((item) => {
    const { table, missing } = itemTable(item)
    return {
      item: item.item,
      rubriek: item.rubriek,
      categories: [...item.categories],
      missing,
      ...tableAgreement(table, item.categories),
    }
  })
}
