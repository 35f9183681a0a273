/** Percentile with linear interpolation between closest ranks; null for no samples. */
export function percentile(samples: readonly number[], p: number): number | null {
  if (samples.length === 0) return null
  const sorted = [...samples].sort((a, b) => a - b)
  const pos = (sorted.length - 1) * (p / 100)
  const lo = Math.floor(pos)
  const hi = Math.ceil(pos)
  const a = sorted[lo] as number
  const b = sorted[hi] as number
  return a + (b - a) * (pos - lo)
}

export function round1(n: number | null): number | null {
  return n === null ? null : Math.round(n * 10) / 10
}

export function ratio(ours: number | null, floor: number | null): number | null {
  if (ours === null || floor === null || floor <= 0) return null
  return Math.round((ours / floor) * 100) / 100
}

/** How long `fn` takes, in milliseconds (one call, for Node benchmarks of whole batches). */
export function timeIt(fn: () => void): number {
  const t = performance.now()
  fn()
  return performance.now() - t
}

/**
 * The median of paired differences `other[i] - base[i]` (runs alternating in one session, so
 * pair i shares the machine's state of that moment) and a distribution-free interval for it: the
 * order statistics of the differences whose ranks a binomial(n, ½) puts around the median
 * (sign test), covering at least `level` of the time. Null without at least one pair; the interval
 * is null when there are too few pairs for the level (fewer than five at 90 %).
 */
export function pairedDifference(
  base: readonly number[],
  other: readonly number[],
  level = 0.9,
): { median: number; low: number | null; high: number | null; pairs: number } | null {
  const n = Math.min(base.length, other.length)
  if (n === 0) return null
  const d = Array.from({ length: n }, (_, i) => (other[i] as number) - (base[i] as number)).sort(
    (a, b) => a - b,
  )
  const median = percentile(d, 50) as number
  // P(X <= k) for X ~ Binomial(n, ½), by the recurrence C(n, k+1) = C(n, k) (n - k) / (k + 1).
  const tail = (1 - level) / 2
  let k = -1
  let term = 0.5 ** n
  let cdf = term
  while (cdf <= tail) {
    k += 1
    term = (term * (n - k)) / (k + 1)
    cdf += term
  }
  // The interval is [d(k+1), d(n-k)] (1-based): each end falls outside with probability ≤ tail.
  if (k < 0) return { median, low: null, high: null, pairs: n }
  return { median, low: d[k] as number, high: d[n - 1 - k] as number, pairs: n }
}
