import { describe, expect, it } from 'vitest'
import { scaleKey, scalePositions } from '../../../src/core/stats/rating-scale'

describe('scalePositions', () => {
  it('gives each declared category its position and -1 for anything else', () => {
    const positionOf = scalePositions([0, 1, 2, 3])
    expect([0, 1, 2, 3].map(positionOf)).toEqual([0, 1, 2, 3])
    expect([-1, 4, 1.5, Number.NaN].map(positionOf)).toEqual([-1, -1, -1, -1])
  })

  it('follows the declared order, also for gaps, offsets and non-integer scales', () => {
    expect([5, 1, 3].map(scalePositions([1, 3, 5]))).toEqual([2, 0, 1])
    expect([2, 3].map(scalePositions([1, 3, 5]))).toEqual([-1, 1])
    expect([0.5, 1].map(scalePositions([0, 0.5, 1]))).toEqual([1, 2])
    expect([1e6, 0].map(scalePositions([0, 1e6]))).toEqual([1, 0])
  })

  it('throws RangeError for a category listed twice or not a finite number', () => {
    expect(() => scalePositions([0, 1, 1])).toThrow(RangeError)
    expect(() => scalePositions([0, Number.NaN])).toThrow(RangeError)
  })
})

describe('scaleKey', () => {
  it('is equal exactly for the same categories in the same order', () => {
    expect(scaleKey([0, 1, 2])).toBe(scaleKey([0, 1, 2]))
    expect(scaleKey([0, 1, 2])).not.toBe(scaleKey([0, 1, 2, 3]))
    expect(scaleKey([0, 12])).not.toBe(scaleKey([0, 1, 2]))
  })
})
