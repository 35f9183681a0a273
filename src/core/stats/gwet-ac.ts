import type { KappaWeights } from './kappa'
import { agreementWeight } from './kappa'

/**
 * Gwet's agreement coefficient for two raters from a k×k table of counts (rows rater A, columns
 * rater B, positions on the declared scale): AC1 unweighted, AC2 with linear or quadratic weights
 * (Gwet 2014, Handbook of Inter-Rater Reliability, ch. 2–3). Chance agreement is
 * pe = T_w / (q(q − 1)) · Σ π_k(1 − π_k), with π_k the mean of the two raters' shares and T_w the
 * sum of all weights, so the declared number of categories q matters even where some never occur.
 *
 * Unlike kappa, AC1 stays defined when every rating falls in one category (it is 1 then). It is
 * null for an empty table or a scale of fewer than two categories. Throws RangeError when the table
 * is not square or holds a negative or non-finite count.
 *
 * @example
 * gwetAc(
 *   [
 *     [13, 0, 0],
 *     [0, 20, 7],
 *     [0, 4, 56],
 *   ],
 *   'unweighted',
 * ) // 0.849 (rounded)
 */
export function gwetAc(
  table: readonly (readonly number[])[],
  weights: KappaWeights,
): number | null {
  const k = table.length
  let n = 0
  for (const row of table) {
    if (row.length !== k)
      throw new RangeError(
        `gwet: table must be square, got a row of ${row.length} in a ${k}-row table`,
      )
    for (const count of row) {
      if (!Number.isFinite(count) || count < 0) throw new RangeError(`gwet: invalid count ${count}`)
      n += count
    }
  }
  if (k < 2 || n === 0) return null

  const pi = new Float64Array(k)
  let pa = 0
  let totalWeight = 0
  for (let i = 0; i < k; i++) {
    const row = table[i] as readonly number[]
    for (let j = 0; j < k; j++) {
      const count = row[j] as number
      const w = agreementWeight(i, j, k, weights)
      totalWeight += w
      pa += (w * count) / n
      pi[i] = (pi[i] as number) + count / (2 * n)
      pi[j] = (pi[j] as number) + count / (2 * n)
    }
  }
  let spread = 0
  for (const p of pi) spread += p * (1 - p)
  const pe = (totalWeight / (k * (k - 1))) * spread
  // T_w < k² (corner weights are 0) and Σπ(1 − π) ≤ 1 − 1/k, so pe < 1: this only catches rounding.
  if (1 - pe <= 1e-12) return null
  return (pa - pe) / (1 - pe)
}
