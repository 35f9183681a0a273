import type { KappaResult } from './kappa'
import { cohenKappa } from './kappa'
import { gwetAc } from './gwet-ac'
import { alphaFromCoincidences, coincidencesOfPairs } from './krippendorff-alpha'

/**
 * How often one level of the declared scale was given, per rater, among the complete pairs.
 *
 * @example
 * const unused: LevelPrevalence = { category: 3, countA: 0, countB: 0, shareA: 0, shareB: 0 }
 */
export interface LevelPrevalence {
  category: number
  countA: number
  countB: number
  /** countA / n; null when n = 0. */
  shareA: number | null
  shareB: number | null
}

/**
 * Every agreement statistic of two raters on one declared scale, from their contingency table.
 * Proportions are 0 to 1. A statistic that is undefined for the data is null, never 0 or NaN.
 *
 * @example
 * const k = tableAgreement([[3, 1], [0, 4]], [0, 1]).kappa.unweighted.kappa // 0.75
 */
export interface TableAgreement {
  /** Pairs in which both raters gave a value. */
  n: number
  /** One entry per declared category, in scale order, including categories nobody used. */
  prevalence: LevelPrevalence[]
  /** Share of pairs with the same value. */
  exactAgreement: number | null
  /** Share of pairs at most one step apart on the declared scale. */
  withinOneAgreement: number | null
  /** Cohen's kappa with its non-null asymptotic SE and 95% CI (Fleiss, Cohen & Everitt 1969). */
  kappa: { unweighted: KappaResult; linear: KappaResult; quadratic: KappaResult }
  /** Gwet's AC1 (unweighted) and AC2 (linear, quadratic weights). */
  gwet: { ac1: number | null; ac2Linear: number | null; ac2Quadratic: number | null }
  /** Krippendorff's alpha for two raters (complete pairs only). */
  alpha: { nominal: number | null; ordinal: number | null; interval: number | null }
}

/**
 * All agreement statistics from a k×k table of counts (rows rater A, columns rater B, by position
 * on `categories`). Throws RangeError when the table does not match the scale.
 *
 * @example
 * tableAgreement(
 *   [
 *     [0, 4, 1],
 *     [0, 8, 0],
 *     [0, 1, 5],
 *   ],
 *   [0, 1, 2],
 * ).kappa.unweighted // { kappa: 0.4842, se: 0.1380, ci95: [0.2137, 0.7547], n: 19 } (rounded)
 */
export function tableAgreement(
  table: readonly (readonly number[])[],
  categories: readonly number[],
): TableAgreement {
  const k = categories.length
  if (table.length !== k || table.some((row) => row.length !== k))
    throw new RangeError(
      `agreement: table is not ${k}×${k} like the scale [${categories.join(', ')}]`,
    )
  const kappa = {
    unweighted: cohenKappa(table, 'unweighted'),
    linear: cohenKappa(table, 'linear'),
    quadratic: cohenKappa(table, 'quadratic'),
  }
  const n = kappa.unweighted.n

  let exact = 0
  let withinOne = 0
  const countA = new Array<number>(k).fill(0)
  const countB = new Array<number>(k).fill(0)
  for (let i = 0; i < k; i++) {
    const row = table[i] as readonly number[]
    for (let j = 0; j < k; j++) {
      const count = row[j] as number
      countA[i] = (countA[i] as number) + count
      countB[j] = (countB[j] as number) + count
      if (i === j) exact += count
      if (Math.abs(i - j) <= 1) withinOne += count
    }
  }
  const share = (count: number) => (n === 0 ? null : count / n)

  const coincidences = coincidencesOfPairs(table)
  return {
    n,
    prevalence: categories.map((category, i) => ({
      category,
      countA: countA[i] as number,
      countB: countB[i] as number,
      shareA: share(countA[i] as number),
      shareB: share(countB[i] as number),
    })),
    exactAgreement: share(exact),
    withinOneAgreement: share(withinOne),
    kappa,
    gwet: {
      ac1: gwetAc(table, 'unweighted'),
      ac2Linear: gwetAc(table, 'linear'),
      ac2Quadratic: gwetAc(table, 'quadratic'),
    },
    alpha: {
      nominal: alphaFromCoincidences(coincidences, 'nominal').alpha,
      ordinal: alphaFromCoincidences(coincidences, 'ordinal').alpha,
      interval: alphaFromCoincidences(coincidences, 'interval').alpha,
    },
  }
}
