import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { pairedDifference } from '../../bench/lib/stats'

describe('pairedDifference', () => {
  it('gives the median of the paired differences and the sign-test interval around it', () => {
    const base = Array.from({ length: 20 }, (_, i) => 100 + i)
    // Differences 1, 2, …, 20 in a shuffled order of pairs.
    const other = base.map((b, i) => b + ((i * 7) % 20) + 1)
    // Binomial(20, ½): P(X ≤ 5) ≈ 0.021 and P(X ≤ 6) ≈ 0.058, so the 90 % interval runs from
    // the 6th to the 15th smallest difference.
    expect(pairedDifference(base, other)).toEqual({ median: 10.5, low: 6, high: 15, pairs: 20 })
  })

  it('has no interval with too few pairs for the level, and nothing without pairs', () => {
    expect(pairedDifference([1, 2, 3, 4], [2, 3, 4, 5])).toEqual({
      median: 1,
      low: null,
      high: null,
      pairs: 4,
    })
    expect(pairedDifference([1, 2, 3, 4, 5], [2, 3, 4, 5, 6])?.low).toBe(1)
    expect(pairedDifference([], [])).toBeNull()
  })

  it('keeps the median inside its interval and moves with a constant shift, for any runs', () => {
    const runs = fc.array(fc.integer({ min: 1, max: 2000 }), { minLength: 5, maxLength: 40 })
    fc.assert(
      fc.property(runs, runs, fc.integer({ min: -300, max: 300 }), (base, other, shift) => {
        const d = pairedDifference(base, other)
        const shifted = pairedDifference(
          base,
          other.map((x) => x + shift),
        )
        if (!d || !shifted || d.low === null || d.high === null) return false
        expect(d.low).toBeLessThanOrEqual(d.median)
        expect(d.median).toBeLessThanOrEqual(d.high)
        expect(shifted.median).toBeCloseTo(d.median + shift)
        expect(shifted.low).toBe(d.low + shift)
        expect(shifted.high).toBe(d.high + shift)
        return true
      }),
    )
  })
})
