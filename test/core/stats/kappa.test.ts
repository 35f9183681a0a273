import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  agreementWeight,
  cohenKappa,
  contingencyTable,
  type KappaWeights,
} from '../../../src/core/stats/kappa'

// Published example, n = 19: unweighted 0.4842 (SE 0.1380), linear 0.4701 (SE 0.1457). These SEs
// are the asymptotic SEs under the alternative (kappa ≠ 0; Fleiss, Cohen & Everitt 1969), the ones
// used for confidence intervals, not the SE under the null used to test kappa = 0.
const PUBLISHED = [
  [0, 4, 1],
  [0, 8, 0],
  [0, 1, 5],
]

const WEIGHTS: readonly KappaWeights[] = ['unweighted', 'linear', 'quadratic']

/** A random k×k table, k in 2..5, counts 0..20. */
const table = fc.integer({ min: 2, max: 5 }).chain((k) =>
  fc.array(fc.array(fc.integer({ min: 0, max: 20 }), { minLength: k, maxLength: k }), {
    minLength: k,
    maxLength: k,
  }),
)
const weights = fc.constantFrom(...WEIGHTS)

const transpose = (t: number[][]): number[][] => t.map((_, j) => t.map((row) => row[j] ?? 0))

describe('cohenKappa', () => {
  it('reproduces the published unweighted kappa and standard error', () => {
    const r = cohenKappa(PUBLISHED, 'unweighted')
    expect(r.n).toBe(19)
    expect(r.kappa).toBeCloseTo(0.4842, 4)
    expect(r.se).toBeCloseTo(0.138, 4)
    // 0.4842 ± 1.96 · 0.1380
    expect(r.ci95?.[0]).toBeCloseTo(0.2137, 4)
    expect(r.ci95?.[1]).toBeCloseTo(0.7547, 4)
  })

  it('reproduces the published linearly weighted kappa and standard error', () => {
    const r = cohenKappa(PUBLISHED, 'linear')
    expect(r.kappa).toBeCloseTo(0.4701, 4)
    expect(r.se).toBeCloseTo(0.1457, 4)
  })

  it('gives the hand-computed quadratically weighted kappa', () => {
    // k = 3, weights 1 / 0.75 / 0 at distance 0 / 1 / 2. Rows 5, 8, 6; columns 0, 13, 6.
    // Observed: diagonal 0 + 8 + 5 = 13, distance 1: 4 + 1 = 5 → po = (13 + 0.75·5)/19 = 16.75/19.
    // Expected counts r_i·c_j: diagonal 0 + 104 + 36 = 140, distance 1: 65 + 48 + 78 = 191
    // → pe = (140 + 0.75·191)/361 = 283.25/361.
    // kappa = (16.75·19 − 283.25)/(361 − 283.25) = 35/77.75 = 140/311 ≈ 0.450161.
    expect(cohenKappa(PUBLISHED, 'quadratic').kappa).toBeCloseTo(140 / 311, 10)
  })

  it("reproduces Gwet's published kappa, linear and quadratic, on his 3×3 table", () => {
    // Gwet (2014), Handbook of Inter-Rater Reliability: 0.796, 0.843 and 0.892 (n = 100).
    const gwet = [
      [13, 0, 0],
      [0, 20, 7],
      [0, 4, 56],
    ]
    expect(cohenKappa(gwet, 'unweighted').kappa).toBeCloseTo(0.796, 3)
    expect(cohenKappa(gwet, 'linear').kappa).toBeCloseTo(0.843, 3)
    expect(cohenKappa(gwet, 'quadratic').kappa).toBeCloseTo(0.892, 3)
  })

  it('gives kappa 1 with zero standard error for perfect agreement over several categories', () => {
    for (const w of WEIGHTS) {
      const r = cohenKappa(
        [
          [3, 0, 0],
          [0, 2, 0],
          [0, 0, 4],
        ],
        w,
      )
      expect(r.kappa).toBeCloseTo(1, 12)
      expect(r.se).toBeCloseTo(0, 12)
      expect(r.ci95?.[0]).toBeCloseTo(1, 12)
      expect(r.ci95?.[1]).toBe(1)
    }
  })

  it('gives null, not 0, when every rating falls in one category', () => {
    for (const w of WEIGHTS)
      expect(
        cohenKappa(
          [
            [0, 0],
            [0, 7],
          ],
          w,
        ),
      ).toEqual({ kappa: null, se: null, ci95: null, n: 7 })
  })

  it('gives null, not 0, when one rater used a single category and the other several', () => {
    // Rater A rated everything 0; without a spread on one side po = pe and kappa would read 0.
    const oneSided = [
      [2, 3, 1],
      [0, 0, 0],
      [0, 0, 0],
    ]
    for (const w of WEIGHTS) {
      expect(cohenKappa(oneSided, w), w).toEqual({ kappa: null, se: null, ci95: null, n: 6 })
      expect(cohenKappa(transpose(oneSided), w), w).toEqual({
        kappa: null,
        se: null,
        ci95: null,
        n: 6,
      })
    }
  })

  it('gives null with n 0 for an empty table', () => {
    expect(cohenKappa([], 'unweighted')).toEqual({ kappa: null, se: null, ci95: null, n: 0 })
    expect(
      cohenKappa(
        [
          [0, 0],
          [0, 0],
        ],
        'linear',
      ),
    ).toEqual({ kappa: null, se: null, ci95: null, n: 0 })
  })

  it('gives null for a scale of one category', () => {
    expect(cohenKappa([[5]], 'linear')).toEqual({ kappa: null, se: null, ci95: null, n: 5 })
  })

  it('throws RangeError for a table that is not square or has an invalid count', () => {
    expect(() => cohenKappa([[1, 2]], 'unweighted')).toThrow(RangeError)
    expect(() =>
      cohenKappa(
        [
          [1, -1],
          [0, 1],
        ],
        'unweighted',
      ),
    ).toThrow(RangeError)
    expect(() =>
      cohenKappa(
        [
          [1, Number.NaN],
          [0, 1],
        ],
        'unweighted',
      ),
    ).toThrow(RangeError)
  })

  it('stays within [-1, 1], with a 95% interval inside [-1, 1] that contains kappa', () => {
    fc.assert(
      fc.property(table, weights, (t, w) => {
        const { kappa, se, ci95 } = cohenKappa(t, w)
        if (kappa === null) return se === null && ci95 === null
        if (se === null || ci95 === null) return false
        return (
          kappa <= 1 + 1e-9 &&
          kappa >= -1 - 1e-9 &&
          se >= 0 &&
          ci95[0] >= -1 &&
          ci95[1] <= 1 &&
          ci95[0] <= kappa + 1e-9 &&
          kappa <= ci95[1] + 1e-9
        )
      }),
    )
  })

  it('gives the same kappa and standard error when the raters are swapped', () => {
    fc.assert(
      fc.property(table, weights, (t, w) => {
        const a = cohenKappa(t, w)
        const b = cohenKappa(transpose(t), w)
        expect(b.n).toBe(a.n)
        if (a.kappa === null || a.se === null) {
          expect(b.kappa).toBeNull()
          expect(b.se).toBeNull()
        } else {
          expect(b.kappa).toBeCloseTo(a.kappa, 10)
          expect(b.se).toBeCloseTo(a.se, 10)
        }
      }),
    )
  })

  it('gives kappa 1 when all mass is on the diagonal over at least two used categories', () => {
    const diagonal = fc
      .array(fc.integer({ min: 0, max: 20 }), { minLength: 2, maxLength: 5 })
      .filter((d) => d.filter((x) => x > 0).length >= 2)
    fc.assert(
      fc.property(diagonal, weights, (d, w) => {
        const t = d.map((x, i) => d.map((_, j) => (i === j ? x : 0)))
        expect(cohenKappa(t, w).kappa).toBeCloseTo(1, 10)
      }),
    )
  })
})

describe('agreementWeight', () => {
  it('gives 1 on the diagonal and falls linearly or quadratically to 0 at the far corners', () => {
    expect(agreementWeight(1, 1, 4, 'unweighted')).toBe(1)
    expect(agreementWeight(0, 1, 4, 'unweighted')).toBe(0)
    expect(agreementWeight(0, 1, 3, 'linear')).toBe(0.5)
    expect(agreementWeight(0, 1, 3, 'quadratic')).toBe(0.75)
    expect(agreementWeight(0, 3, 4, 'linear')).toBe(0)
    expect(agreementWeight(3, 0, 4, 'quadratic')).toBe(0)
  })
})

describe('contingencyTable', () => {
  it('keeps a row and column for every declared category, used or not', () => {
    expect(
      contingencyTable(
        [
          [0, 1],
          [1, 1],
          [0, 0],
        ],
        [0, 1, 2, 3],
      ),
    ).toEqual([
      [1, 1, 0, 0],
      [0, 1, 0, 0],
      [0, 0, 0, 0],
      [0, 0, 0, 0],
    ])
  })

  it('puts rater A in rows and rater B in columns, by position on the scale', () => {
    expect(contingencyTable([[3, 1]], [1, 3])).toEqual([
      [0, 0],
      [1, 0],
    ])
  })

  it('throws RangeError for a value outside the scale', () => {
    expect(() => contingencyTable([[0, 4]], [0, 1, 2, 3])).toThrow(RangeError)
    expect(() => contingencyTable([[-1, 0]], [0, 1, 2, 3])).toThrow(RangeError)
  })

  it('throws RangeError for a scale that lists a category twice', () => {
    expect(() => contingencyTable([[0, 0]], [0, 1, 1])).toThrow(RangeError)
  })

  it('gives the same weighted kappa when the unused categories only extend the scale', () => {
    // Only categories 0 and 1 occur, so only one disagreement distance occurs: widening the scale
    // rescales all disagreement weights by the same factor, which cancels. Table [[1,1],[1,2]],
    // rows = columns = (2, 3), n = 5: po = 3/5, pe = (2·2 + 3·3)/25 = 13/25,
    // kappa = (15 − 13)/(25 − 13) = 1/6 on both scales.
    const pairs: [number, number][] = [
      [0, 1],
      [1, 1],
      [1, 0],
      [0, 0],
      [1, 1],
    ]
    const short = cohenKappa(contingencyTable(pairs, [0, 1]), 'linear').kappa
    const long = cohenKappa(contingencyTable(pairs, [0, 1, 2, 3]), 'linear').kappa
    expect(short).toBeCloseTo(1 / 6, 12)
    expect(long).toBeCloseTo(1 / 6, 12)
  })

  it('changes the weighted kappa when an unused category lies between used ones', () => {
    // Linear kappa = 1 − n·Σ|i−j|·n_ij / Σ|i−j|·r_i·c_j (positions i, j on the scale), n = 6.
    // Rows = columns: 2 × value 0, 3 × value 1, 1 × value 3. Observed Σ|i−j|·n_ij = 2 (two 0↔1).
    // Scale [0,1,2,3] (positions 0,1,3): expected 2·(2·3·1 + 2·1·3 + 3·1·2) = 36 → 1 − 12/36 = 2/3.
    // Scale [0,1,3] (positions 0,1,2): expected 2·(2·3·1 + 2·1·2 + 3·1·1) = 26 → 1 − 12/26 = 7/13.
    const pairs: [number, number][] = [
      [0, 1],
      [1, 1],
      [1, 0],
      [0, 0],
      [1, 1],
      [3, 3],
    ]
    const declared = cohenKappa(contingencyTable(pairs, [0, 1, 2, 3]), 'linear').kappa
    const occurring = cohenKappa(contingencyTable(pairs, [0, 1, 3]), 'linear').kappa
    expect(declared).toBeCloseTo(2 / 3, 12)
    expect(occurring).toBeCloseTo(7 / 13, 12)
    expect(declared).not.toBeCloseTo(occurring ?? Number.NaN, 4)
  })
})
