import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { CohortItem, RatingPair } from '../../../src/core/stats/cohort-item-stats'
import { cohortItemStats, itemTable } from '../../../src/core/stats/cohort-item-stats'
import { cohenKappa } from '../../../src/core/stats/kappa'
import { cohort, cohortAndPermutation, reorderEmployees, swapRaters } from './cohort-arbitraries'

/** The pairs of a k×k table, row by row (rows rater A). */
const pairsOf = (table: number[][], categories: number[]): RatingPair[] =>
  table.flatMap((row, i) =>
    row.flatMap((count, j) =>
      Array.from({ length: count }, () => ({ a: categories[i] ?? 0, b: categories[j] ?? 0 })),
    ),
  )

const item = (pairs: RatingPair[], categories = [0, 1, 2]): CohortItem => ({
  item: 'x',
  rubriek: 'r',
  categories,
  pairs,
})

const PUBLISHED = [
  [0, 4, 1],
  [0, 8, 0],
  [0, 1, 5],
]
const GWET = [
  [13, 0, 0],
  [0, 20, 7],
  [0, 4, 56],
]

describe('cohortItemStats', () => {
  it('reproduces the published kappas, SEs and CI from rating pairs', () => {
    const [r] = cohortItemStats([item(pairsOf(PUBLISHED, [0, 1, 2]))])
    expect(r?.n).toBe(19)
    expect(r?.kappa.unweighted.kappa).toBeCloseTo(0.4842, 4)
    expect(r?.kappa.unweighted.se).toBeCloseTo(0.138, 4)
    expect(r?.kappa.unweighted.ci95?.[0]).toBeCloseTo(0.2137, 4)
    expect(r?.kappa.unweighted.ci95?.[1]).toBeCloseTo(0.7547, 4)
    expect(r?.kappa.linear.kappa).toBeCloseTo(0.4701, 4)
    expect(r?.kappa.linear.se).toBeCloseTo(0.1457, 4)
  })

  it("reproduces Gwet's published kappas and AC1/AC2 from rating pairs on a 1–3 scale", () => {
    const [r] = cohortItemStats([item(pairsOf(GWET, [1, 2, 3]), [1, 2, 3])])
    expect(r?.kappa.unweighted.kappa).toBeCloseTo(0.796, 3)
    expect(r?.kappa.linear.kappa).toBeCloseTo(0.843, 3)
    expect(r?.kappa.quadratic.kappa).toBeCloseTo(0.892, 3)
    expect(r?.gwet.ac1).toBeCloseTo(0.849, 3)
    expect(r?.gwet.ac2Linear).toBeCloseTo(0.9, 3)
    expect(r?.gwet.ac2Quadratic).toBeCloseTo(0.94, 3)
  })

  it('leaves pairs with a missing value out of every statistic and counts them', () => {
    const complete = pairsOf(PUBLISHED, [0, 1, 2])
    const withGaps = [
      ...complete.slice(0, 7),
      { a: 2, b: null },
      { a: null, b: 0 },
      { a: null, b: 1 },
      { a: null, b: null },
      ...complete.slice(7),
    ]
    const [gappy] = cohortItemStats([item(withGaps)])
    const [full] = cohortItemStats([item(complete)])
    expect(gappy?.missing).toEqual({ onlyA: 1, onlyB: 2, neither: 1 })
    expect(full?.missing).toEqual({ onlyA: 0, onlyB: 0, neither: 0 })
    expect({ ...gappy, missing: full?.missing }).toEqual(full)
  })

  it('gives n 0 and null statistics when no pair is complete', () => {
    const [r] = cohortItemStats([
      item([
        { a: 1, b: null },
        { a: null, b: null },
      ]),
    ])
    expect(r?.n).toBe(0)
    expect(r?.exactAgreement).toBeNull()
    expect(r?.kappa.unweighted).toEqual({ kappa: null, se: null, ci95: null, n: 0 })
    expect(r?.gwet.ac1).toBeNull()
    expect(r?.alpha.ordinal).toBeNull()
  })

  it('lists every declared level in the prevalence, also one nobody used', () => {
    const [r] = cohortItemStats([
      item(
        [
          { a: 0, b: 0 },
          { a: 1, b: 2 },
          { a: 2, b: 2 },
          { a: 1, b: 1 },
        ],
        [0, 1, 2, 3],
      ),
    ])
    expect(r?.categories).toEqual([0, 1, 2, 3])
    expect(r?.prevalence.map((p) => p.category)).toEqual([0, 1, 2, 3])
    expect(r?.prevalence[3]).toEqual({ category: 3, countA: 0, countB: 0, shareA: 0, shareB: 0 })
    expect(r?.prevalence[1]).toEqual({
      category: 1,
      countA: 2,
      countB: 1,
      shareA: 0.5,
      shareB: 0.25,
    })
  })

  it('computes on the declared scale: an unused level changes weights and chance agreement', () => {
    const pairs = [
      { a: 0, b: 1 },
      { a: 1, b: 1 },
      { a: 1, b: 0 },
      { a: 0, b: 0 },
      { a: 1, b: 1 },
      { a: 3, b: 3 },
    ]
    const [declared, occurring] = cohortItemStats([
      item(pairs, [0, 1, 2, 3]),
      item(pairs, [0, 1, 3]),
    ])
    // Positions 0, 1, 3 on [0..3] against 0, 1, 2 on [0, 1, 3] (see kappa.test.ts): 2/3 and 7/13.
    expect(declared?.kappa.linear.kappa).toBeCloseTo(2 / 3, 12)
    expect(occurring?.kappa.linear.kappa).toBeCloseTo(7 / 13, 12)
    // Gwet's chance agreement divides by q − 1 with q the declared number of levels.
    expect(declared?.gwet.ac1).not.toBeCloseTo(occurring?.gwet.ac1 ?? Number.NaN, 4)
    // Unweighted kappa only sees which cells are equal, so the extra level does not change it.
    expect(declared?.kappa.unweighted.kappa).toBeCloseTo(occurring?.kappa.unweighted.kappa ?? 0, 12)
  })

  it('gives null kappa and alpha (never 0) when every rating is the same level, AC1 1', () => {
    const [r] = cohortItemStats([
      item([
        { a: 2, b: 2 },
        { a: 2, b: 2 },
        { a: 2, b: null },
      ]),
    ])
    expect(r?.exactAgreement).toBe(1)
    expect(r?.kappa.unweighted.kappa).toBeNull()
    expect(r?.kappa.quadratic.kappa).toBeNull()
    expect(r?.alpha).toEqual({ nominal: null, ordinal: null, interval: null })
    expect(r?.gwet.ac1).toBe(1)
  })

  it('throws RangeError naming the item for a value not on its scale', () => {
    expect(() => cohortItemStats([item([{ a: 0, b: 5 }])])).toThrow(/item x has value 5/)
    expect(() => cohortItemStats([item([{ a: 0.5, b: 1 }])])).toThrow(RangeError)
  })

  it('gives kappa, AC1 and alpha 1 for identical ratings with variation', () => {
    fc.assert(
      fc.property(
        fc
          .array(fc.constantFrom(0, 1, 2, 3), { minLength: 2, maxLength: 40 })
          .filter((v) => new Set(v).size > 1),
        (values) => {
          const [r] = cohortItemStats([
            item(
              values.map((v) => ({ a: v, b: v })),
              [0, 1, 2, 3],
            ),
          ])
          for (const k of [r?.kappa.unweighted, r?.kappa.linear, r?.kappa.quadratic])
            expect(k?.kappa).toBeCloseTo(1, 10)
          for (const v of [r?.gwet.ac1, r?.gwet.ac2Linear, r?.gwet.ac2Quadratic])
            expect(v).toBeCloseTo(1, 10)
          for (const v of [r?.alpha.nominal, r?.alpha.ordinal, r?.alpha.interval])
            expect(v).toBeCloseTo(1, 10)
          expect(r?.exactAgreement).toBe(1)
        },
      ),
    )
  })

  it('is symmetric in the raters: same statistics, prevalence and missing counts swapped', () => {
    fc.assert(
      fc.property(cohort, (items) => {
        const straight = cohortItemStats(items)
        const swapped = cohortItemStats(swapRaters(items))
        straight.forEach((r, i) => {
          const s = swapped[i]
          expect(s?.n).toBe(r.n)
          expect(s?.exactAgreement).toBe(r.exactAgreement)
          expect(s?.withinOneAgreement).toBe(r.withinOneAgreement)
          expect(s?.missing).toEqual({
            onlyA: r.missing.onlyB,
            onlyB: r.missing.onlyA,
            neither: r.missing.neither,
          })
          expect(s?.prevalence).toEqual(
            r.prevalence.map((p) => ({
              category: p.category,
              countA: p.countB,
              countB: p.countA,
              shareA: p.shareB,
              shareB: p.shareA,
            })),
          )
          const values = (x: typeof r) => [
            x.kappa.unweighted.kappa,
            x.kappa.unweighted.se,
            x.kappa.linear.kappa,
            x.kappa.linear.se,
            x.kappa.quadratic.kappa,
            x.kappa.quadratic.se,
            x.gwet.ac1,
            x.gwet.ac2Linear,
            x.gwet.ac2Quadratic,
            x.alpha.nominal,
            x.alpha.ordinal,
            x.alpha.interval,
          ]
          const expected = values(r)
          values(s as typeof r).forEach((v, j) => {
            const e = expected[j]
            if (e === null || e === undefined) expect(v).toBeNull()
            // Six decimals: a standard error near 0 is the square root of a round-off residue
            // (1e-15 in one order of summation, 0 in the other), so it differs in the 8th.
            else expect(v).toBeCloseTo(e, 6)
          })
        })
      }),
    )
  })

  it('does not change when the employees are permuted', () => {
    fc.assert(
      fc.property(cohortAndPermutation, ({ items, order }) => {
        expect(cohortItemStats(reorderEmployees(items, order))).toEqual(cohortItemStats(items))
      }),
    )
  })

  it('matches cohenKappa on the table the pairs make', () => {
    fc.assert(
      fc.property(cohort, (items) => {
        cohortItemStats(items).forEach((r, i) => {
          const table = itemTable(items[i] as CohortItem).table
          expect(r.kappa.linear).toEqual(cohenKappa(table, 'linear'))
        })
      }),
    )
  })
})

describe('itemTable', () => {
  it('counts complete pairs by scale position (rows A) and the missing ones apart', () => {
    expect(
      itemTable(
        item(
          [
            { a: 3, b: 5 },
            { a: 5, b: 5 },
            { a: null, b: 1 },
            { a: 3, b: null },
          ],
          [1, 3, 5],
        ),
      ),
    ).toEqual({
      table: [
        [0, 0, 0],
        [0, 0, 1],
        [0, 0, 1],
      ],
      missing: { onlyA: 1, onlyB: 1, neither: 0 },
    })
  })
})
