import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { gwetAc } from '../../../src/core/stats/gwet-ac'
import type { KappaWeights } from '../../../src/core/stats/kappa'

// Gwet (2014), Handbook of Inter-Rater Reliability: AC1 0.849, AC2 linear 0.900, quadratic 0.940.
const GWET = [
  [13, 0, 0],
  [0, 20, 7],
  [0, 4, 56],
]

const WEIGHTS: readonly KappaWeights[] = ['unweighted', 'linear', 'quadratic']
const transpose = (t: number[][]): number[][] => t.map((_, j) => t.map((row) => row[j] ?? 0))
const table = fc.integer({ min: 2, max: 5 }).chain((k) =>
  fc.array(fc.array(fc.integer({ min: 0, max: 20 }), { minLength: k, maxLength: k }), {
    minLength: k,
    maxLength: k,
  }),
)

describe('gwetAc', () => {
  it("reproduces Gwet's published AC1 and AC2 (linear, quadratic)", () => {
    expect(gwetAc(GWET, 'unweighted')).toBeCloseTo(0.849, 3)
    expect(gwetAc(GWET, 'linear')).toBeCloseTo(0.9, 3)
    expect(gwetAc(GWET, 'quadratic')).toBeCloseTo(0.94, 3)
  })

  it('gives the hand-computed AC1: pa 0.89, pe = Σπ(1 − π)/(q − 1) = 0.269925', () => {
    expect(gwetAc(GWET, 'unweighted')).toBeCloseTo((0.89 - 0.269925) / (1 - 0.269925), 12)
  })

  it('counts declared categories nobody used (q in the chance agreement)', () => {
    // pa = 0.75, π = (0.5, 0.5): pe = 0.5 on two categories, 0.25 when a third is declared.
    const two = [
      [3, 1],
      [1, 3],
    ]
    const three = [
      [3, 1, 0],
      [1, 3, 0],
      [0, 0, 0],
    ]
    expect(gwetAc(two, 'unweighted')).toBeCloseTo(0.5, 12)
    expect(gwetAc(three, 'unweighted')).toBeCloseTo(2 / 3, 12)
  })

  it('gives 1, not null, when every rating falls in one category (AC1 has no kappa paradox)', () => {
    for (const w of WEIGHTS)
      expect(
        gwetAc(
          [
            [0, 0],
            [0, 9],
          ],
          w,
        ),
      ).toBe(1)
  })

  it('gives null for an empty table or a one-category scale', () => {
    expect(gwetAc([], 'unweighted')).toBeNull()
    expect(
      gwetAc(
        [
          [0, 0],
          [0, 0],
        ],
        'linear',
      ),
    ).toBeNull()
    expect(gwetAc([[4]], 'quadratic')).toBeNull()
  })

  it('throws RangeError for a table that is not square or has an invalid count', () => {
    expect(() => gwetAc([[1, 2]], 'unweighted')).toThrow(RangeError)
    expect(() =>
      gwetAc(
        [
          [1, -1],
          [0, 1],
        ],
        'linear',
      ),
    ).toThrow(RangeError)
  })

  it('is the same with the raters swapped, and at most 1', () => {
    fc.assert(
      fc.property(table, fc.constantFrom(...WEIGHTS), (t, w) => {
        const ac = gwetAc(t, w)
        const swapped = gwetAc(transpose(t), w)
        if (ac === null) return swapped === null
        expect(swapped).toBeCloseTo(ac, 10)
        expect(ac).toBeLessThanOrEqual(1 + 1e-12)
        return true
      }),
    )
  })
})
