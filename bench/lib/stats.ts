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
