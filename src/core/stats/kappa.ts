/**
 * Agreement weighting for Cohen's kappa: identity, or weights falling linearly or quadratically
 * with the distance between category positions on the declared scale.
 *
 * @example
 * const weights: KappaWeights = 'linear'
 */
export type KappaWeights = 'unweighted' | 'linear' | 'quadratic'

/**
 * Outcome of {@link cohenKappa}.
 *
 * @example
 * const none: KappaResult = { kappa: null, se: null, ci95: null, n: 0 }
 */
export interface KappaResult {
  /** Cohen's kappa (weighted as asked); null when undefined (n = 0, or no expected disagreement, e.g. every rating in one category). */
  kappa: number | null
  /** Large-sample standard error (Fleiss, Cohen & Everitt 1969, the non-null SE used for confidence intervals); null when kappa is null. */
  se: number | null
  /** 95% confidence interval kappa ± 1.96·se, clipped to [-1, 1]; null when kappa is null. */
  ci95: [number, number] | null
  /** Number of rated pairs. */
  n: number
}

/** Below this, 1 − pe counts as zero: no expected disagreement, so kappa is undefined. */
const NO_SPREAD = 1e-12
const Z95 = 1.96

/**
 * Agreement weight of cells i and j (positions on the declared scale) on a scale of k equally
 * spaced categories (k ≥ 2): 1 on the diagonal, falling to 0 at the far corners when weighted.
 *
 * @example
 * agreementWeight(0, 1, 3, 'linear') // 0.5
 */
export function agreementWeight(i: number, j: number, k: number, weights: KappaWeights): number {
  switch (weights) {
    case 'unweighted':
      return i === j ? 1 : 0
    case 'linear':
      return 1 - Math.abs(i - j) / (k - 1)
    case 'quadratic':
      return 1 - (i - j) ** 2 / (k - 1) ** 2
  }
}

/**
 * Cohen's kappa, unweighted or weighted, with its large-sample standard error and 95% confidence
 * interval. Throws RangeError when the table is not square or holds a negative or non-finite count.
 *
 * @example
 * cohenKappa(
 *   [
 *     [0, 4, 1],
 *     [0, 8, 0],
 *     [0, 1, 5],
 *   ],
 *   'unweighted',
 * ) // { kappa: 0.4842, se: 0.1380, ci95: [0.2137, 0.7547], n: 19 } (rounded)
 */
export function cohenKappa(
  table: readonly (readonly number[])[],
  weights: KappaWeights,
): KappaResult {
  const k = table.length
  let n = 0
  for (const row of table) {
    if (row.length !== k)
      throw new RangeError(
        `kappa: table must be square, got a row of ${row.length} in a ${k}-row table`,
      )
    for (const count of row) {
      if (!Number.isFinite(count) || count < 0)
        throw new RangeError(`kappa: invalid count ${count}`)
      n += count
    }
  }
  const undefinedKappa: KappaResult = { kappa: null, se: null, ci95: null, n }
  if (k < 2 || n === 0) return undefinedKappa

  // Plain loops over typed arrays: the bootstrap calls this tens of thousands of times.
  const w = new Float64Array(k * k)
  const rowShare = new Float64Array(k)
  const colShare = new Float64Array(k)
  for (let i = 0; i < k; i++) {
    const row = table[i] as readonly number[]
    for (let j = 0; j < k; j++) {
      w[i * k + j] = agreementWeight(i, j, k, weights)
      const pij = (row[j] as number) / n
      rowShare[i] = (rowShare[i] as number) + pij
      colShare[j] = (colShare[j] as number) + pij
    }
  }
  let po = 0
  let pe = 0
  for (let i = 0; i < k; i++) {
    const row = table[i] as readonly number[]
    for (let j = 0; j < k; j++) {
      const wij = w[i * k + j] as number
      po += (wij * (row[j] as number)) / n
      pe += wij * (rowShare[i] as number) * (colShare[j] as number)
    }
  }
  // A rater who used one category only has no spread: kappa says nothing then (never report 0).
  const used = (shares: Float64Array) => shares.filter((x) => x > 0).length
  if (Math.abs(1 - pe) <= NO_SPREAD || used(rowShare) < 2 || used(colShare) < 2)
    return undefinedKappa
  const kappa = (po - pe) / (1 - pe)

  // Fleiss, Cohen & Everitt (1969) non-null variance as stated: matches published SEs 0.1380/0.1457.
  // w̄_i. = Σ_j p_.j w_ij and w̄_.j = Σ_i p_i. w_ij.
  const wRow = new Float64Array(k)
  const wCol = new Float64Array(k)
  for (let i = 0; i < k; i++)
    for (let j = 0; j < k; j++) {
      const wij = w[i * k + j] as number
      wRow[i] = (wRow[i] as number) + (colShare[j] as number) * wij
      wCol[j] = (wCol[j] as number) + (rowShare[i] as number) * wij
    }
  let spread = 0
  for (let i = 0; i < k; i++) {
    const row = table[i] as readonly number[]
    for (let j = 0; j < k; j++) {
      const pij = (row[j] as number) / n
      const d = (w[i * k + j] as number) - ((wRow[i] as number) + (wCol[j] as number)) * (1 - kappa)
      spread += pij * d * d
    }
  }
  const variance = (spread - (kappa - pe * (1 - kappa)) ** 2) / (n * (1 - pe) ** 2)
  // Rounding can push a zero variance (perfect agreement) just below 0.
  const se = Math.sqrt(Math.max(0, variance))
  const ci95: [number, number] = [Math.max(-1, kappa - Z95 * se), Math.min(1, kappa + Z95 * se)]
  return { kappa, se, ci95, n }
}

/**
 * The k×k table of counts for {@link cohenKappa} from pairs of category values (rater A, rater B).
 * The declared, ordered scale decides k and each value's position, so categories that never occur
 * still get a row and a column. Throws RangeError for a value not on the scale or a scale that
 * lists a value twice.
 *
 * @example
 * contingencyTable(
 *   [
 *     [0, 1],
 *     [1, 1],
 *   ],
 *   [0, 1, 2],
 * ) // [[0, 1, 0], [0, 1, 0], [0, 0, 0]]
 */
export function contingencyTable(
  pairs: readonly (readonly [number, number])[],
  categories: readonly number[],
): number[][] {
  const position = new Map<number, number>()
  categories.forEach((category, i) => {
    if (position.has(category)) throw new RangeError(`kappa: category ${category} listed twice`)
    position.set(category, i)
  })
  const indexOf = (value: number): number => {
    const i = position.get(value)
    if (i === undefined)
      throw new RangeError(`kappa: value ${value} is not on the scale [${categories.join(', ')}]`)
    return i
  }
  const table = categories.map(() => categories.map(() => 0))
  for (const [a, b] of pairs) {
    const row = table[indexOf(a)]
    const j = indexOf(b)
    if (row) row[j] = (row[j] ?? 0) + 1
  }
  return table
}
