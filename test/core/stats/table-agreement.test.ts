import { describe, expect, it } from 'vitest'
import { tableAgreement } from '../../../src/core/stats/table-agreement'

const PUBLISHED = [
  [0, 4, 1],
  [0, 8, 0],
  [0, 1, 5],
]

describe('tableAgreement', () => {
  it('gives kappa with its published non-null SE and CI, and Gwet, alpha beside it', () => {
    const r = tableAgreement(PUBLISHED, [0, 1, 2])
    expect(r.n).toBe(19)
    expect(r.kappa.unweighted.kappa).toBeCloseTo(0.4842, 4)
    expect(r.kappa.unweighted.se).toBeCloseTo(0.138, 4)
    expect(r.kappa.unweighted.ci95?.[0]).toBeCloseTo(0.2137, 4)
    expect(r.kappa.unweighted.ci95?.[1]).toBeCloseTo(0.7547, 4)
    expect(r.kappa.linear.kappa).toBeCloseTo(0.4701, 4)
    expect(r.kappa.linear.se).toBeCloseTo(0.1457, 4)
    expect(r.gwet.ac1).not.toBeNull()
    expect(r.alpha.ordinal).not.toBeNull()
  })

  it('gives exact and within-one agreement and the prevalence per rater', () => {
    const r = tableAgreement(PUBLISHED, [0, 1, 2])
    // Diagonal 0 + 8 + 5 = 13; off by one 4 + 1 = 5; off by two 1 (row 0, column 2).
    expect(r.exactAgreement).toBeCloseTo(13 / 19, 12)
    expect(r.withinOneAgreement).toBeCloseTo(18 / 19, 12)
    expect(r.prevalence).toEqual([
      { category: 0, countA: 5, countB: 0, shareA: 5 / 19, shareB: 0 },
      { category: 1, countA: 8, countB: 13, shareA: 8 / 19, shareB: 13 / 19 },
      { category: 2, countA: 6, countB: 6, shareA: 6 / 19, shareB: 6 / 19 },
    ])
  })

  it("gives two raters' Krippendorff alpha of the pairs as units", () => {
    // Nominal alpha for 2 raters: o = T + Tᵀ, n = 38, marginals (5, 21, 12):
    // 1 − 37·(2·(4 + 1 + 1)) / (2·(5·21 + 5·12 + 21·12)) = 1 − 444/834.
    expect(tableAgreement(PUBLISHED, [0, 1, 2]).alpha.nominal).toBeCloseTo(1 - 444 / 834, 12)
  })

  it('gives null, never 0 or NaN, for an empty table', () => {
    const r = tableAgreement(
      [
        [0, 0],
        [0, 0],
      ],
      [0, 1],
    )
    expect(r.n).toBe(0)
    expect(r.exactAgreement).toBeNull()
    expect(r.withinOneAgreement).toBeNull()
    expect(r.kappa.linear.kappa).toBeNull()
    expect(r.gwet).toEqual({ ac1: null, ac2Linear: null, ac2Quadratic: null })
    expect(r.alpha).toEqual({ nominal: null, ordinal: null, interval: null })
    expect(r.prevalence.map((p) => [p.shareA, p.shareB])).toEqual([
      [null, null],
      [null, null],
    ])
  })

  it('throws RangeError for a table that does not match the scale', () => {
    expect(() => tableAgreement(PUBLISHED, [0, 1])).toThrow(RangeError)
  })
})
