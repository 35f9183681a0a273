import { scalePositions } from './rating-scale'

/**
 * The difference function of Krippendorff's alpha: nominal (any two categories differ equally),
 * ordinal (by the number of values between them, from the coincidence marginals) or interval
 * (squared distance between positions on the declared, equally spaced scale).
 *
 * @example
 * const metric: AlphaMetric = 'ordinal'
 */
export type AlphaMetric = 'nominal' | 'ordinal' | 'interval'

/**
 * Outcome of {@link krippendorffAlpha}.
 *
 * @example
 * const none: AlphaResult = { alpha: null, pairable: 0 }
 */
export interface AlphaResult {
  /** Krippendorff's alpha; null when undefined (fewer than two pairable values, or no variation in them). */
  alpha: number | null
  /** Number of pairable values: values in units with at least two values (n.. in Krippendorff 2011). */
  pairable: number
}

/**
 * The k×k coincidence matrix of Krippendorff (2011) from units × coders (null = missing): each
 * unit with m_u ≥ 2 values adds 1/(m_u − 1) for every ordered pair of its values from different
 * coders. Units with fewer than two values contribute nothing. Throws RangeError for a value not on
 * the declared scale.
 *
 * @example
 * coincidenceMatrix([[0, 1], [1, 1, null]], [0, 1]) // [[0, 1], [1, 2]]
 */
export function coincidenceMatrix(
  units: readonly (readonly (number | null)[])[],
  categories: readonly number[],
): number[][] {
  const positionOf = scalePositions(categories)
  const k = categories.length
  const o = categories.map(() => new Array<number>(k).fill(0))
  const counts = new Float64Array(k)
  for (const unit of units) {
    counts.fill(0)
    let m = 0
    for (const value of unit) {
      if (value === null) continue
      const i = positionOf(value)
      if (i < 0)
        throw new RangeError(`alpha: value ${value} is not on the scale [${categories.join(', ')}]`)
      counts[i] = (counts[i] as number) + 1
      m++
    }
    if (m < 2) continue
    // Pairs of values within the unit: c·(c − 1) for equal values, c·d for different ones.
    for (let i = 0; i < k; i++) {
      const ci = counts[i] as number
      if (ci === 0) continue
      const row = o[i] as number[]
      for (let j = 0; j < k; j++) {
        const cj = counts[j] as number
        row[j] = (row[j] as number) + (ci * (i === j ? cj - 1 : cj)) / (m - 1)
      }
    }
  }
  return o
}

/**
 * The coincidence matrix of two raters from their k×k contingency table (rows rater A, columns
 * rater B): every complete pair is a unit of two values, so o = table + tableᵀ.
 *
 * @example
 * coincidencesOfPairs([[1, 2], [0, 3]]) // [[2, 2], [2, 6]]
 */
export function coincidencesOfPairs(table: readonly (readonly number[])[]): number[][] {
  return table.map((row, i) => row.map((count, j) => count + (table[j]?.[i] ?? 0)))
}

/**
 * Krippendorff's alpha from a coincidence matrix (positions on the declared scale):
 * alpha = 1 − (n − 1) · Σ o_ck δ²_ck / Σ n_c n_k δ²_ck (Krippendorff 2011, "Computing
 * Krippendorff's Alpha-Reliability"). Null when n < 2 or the expected disagreement is 0.
 *
 * @example
 * alphaFromCoincidences([[2, 2], [2, 6]], 'nominal') // { alpha: 0.3125, pairable: 12 }
 */
export function alphaFromCoincidences(
  o: readonly (readonly number[])[],
  metric: AlphaMetric,
): AlphaResult {
  const k = o.length
  const marginal = o.map((row) => row.reduce((a, b) => a + b, 0))
  const n = marginal.reduce((a, b) => a + b, 0)
  // Rounding of the 1/(m_u − 1) shares must not turn a whole number of values into 11.999….
  const pairable = Math.round(n * 1e9) / 1e9
  if (n < 2) return { alpha: null, pairable }

  // Cumulative marginals make each ordinal δ an O(1) lookup.
  const cumulative = new Float64Array(k + 1)
  for (let c = 0; c < k; c++)
    cumulative[c + 1] = (cumulative[c] as number) + (marginal[c] as number)
  const delta2 = (c: number, d: number): number => {
    if (c === d) return 0
    switch (metric) {
      case 'nominal':
        return 1
      case 'interval':
        return (c - d) ** 2
      case 'ordinal': {
        const lo = Math.min(c, d)
        const hi = Math.max(c, d)
        const between = (cumulative[hi + 1] as number) - (cumulative[lo] as number)
        return (between - ((marginal[c] as number) + (marginal[d] as number)) / 2) ** 2
      }
    }
  }

  let observed = 0
  let expected = 0
  for (let c = 0; c < k; c++) {
    const row = o[c] as readonly number[]
    for (let d = 0; d < k; d++) {
      if (c === d) continue
      const dd = delta2(c, d)
      observed += (row[d] as number) * dd
      expected += (marginal[c] as number) * (marginal[d] as number) * dd
    }
  }
  if (expected <= 1e-12 * n * n) return { alpha: null, pairable }
  return { alpha: 1 - ((n - 1) * observed) / expected, pairable }
}

/**
 * Krippendorff's alpha for any number of coders with missing values: `units[u][c]` is coder c's
 * value for unit u, or null. Two raters are the case m = 2; a unit rated by one of them contributes
 * nothing. Throws RangeError for a value not on the declared scale.
 *
 * @example
 * krippendorffAlpha(
 *   [
 *     [1, 1],
 *     [2, 3],
 *     [3, 3],
 *     [2, null],
 *   ],
 *   [1, 2, 3],
 *   'ordinal',
 * ) // { alpha: 0.778, pairable: 6 } (7/9, rounded)
 */
export function krippendorffAlpha(
  units: readonly (readonly (number | null)[])[],
  categories: readonly number[],
  metric: AlphaMetric,
): AlphaResult {
  return alphaFromCoincidences(coincidenceMatrix(units, categories), metric)
}
