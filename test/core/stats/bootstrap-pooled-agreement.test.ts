import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  BOOTSTRAP_STATISTICS,
  bootstrapPooledAgreement,
  headlineStatistics,
} from '../../../src/core/stats/bootstrap-pooled-agreement'
import type { CohortItem } from '../../../src/core/stats/cohort-item-stats'
import { mulberry32 } from '../../../src/core/stats/mulberry32'
import { pooledAgreement } from '../../../src/core/stats/pooled-agreement'
import { cohort, cohortAndPermutation, reorderEmployees, typicalCohort } from './cohort-arbitraries'

/** R's type-7 quantile of sorted values. */
const quantile = (sorted: number[], p: number) => {
  const h = (sorted.length - 1) * p
  const lo = Math.floor(h)
  const a = sorted[lo] as number
  return a + (h - lo) * ((sorted[Math.min(lo + 1, sorted.length - 1)] as number) - a)
}

/** A slow, obviously correct bootstrap: resample employees, rebuild the items, pool again. */
function naiveBootstrap(items: CohortItem[], resamples: number, seed: number) {
  const employees = items[0]?.pairs.length ?? 0
  const random = mulberry32(seed)
  const draws = Array.from({ length: resamples }, () => {
    const picked = Array.from({ length: employees }, () => Math.floor(random() * employees))
    return pooledAgreement(
      items.map((item) => ({ ...item, pairs: picked.map((e) => item.pairs[e]!) })),
    )
  })
  return pooledAgreement(items).map((_, g) =>
    Object.fromEntries(
      BOOTSTRAP_STATISTICS.map((s) => {
        const values = draws
          .map((d) => headlineStatistics(d[g]!)[s])
          .filter((v): v is number => v !== null)
          .sort((x, y) => x - y)
        return [s, values.length ? [quantile(values, 0.025), quantile(values, 0.975)] : null]
      }),
    ),
  )
}

const SMALL: CohortItem[] = [
  {
    item: 'a',
    rubriek: 'r1',
    categories: [0, 1, 2],
    pairs: [
      { a: 0, b: 0 },
      { a: 1, b: 1 },
      { a: 2, b: 1 },
      { a: 2, b: 2 },
      { a: null, b: 0 },
    ],
  },
  {
    item: 'b',
    rubriek: 'r2',
    categories: [0, 1, 2],
    pairs: [
      { a: 1, b: 1 },
      { a: 0, b: 1 },
      { a: 2, b: 2 },
      { a: 0, b: 0 },
      { a: 1, b: 1 },
    ],
  },
]

describe('bootstrapPooledAgreement', () => {
  it('gives the pooled point estimates and groups of pooledAgreement', () => {
    const boot = bootstrapPooledAgreement(SMALL, { resamples: 10 })
    const pooled = pooledAgreement(SMALL)
    expect(boot.map((b) => [b.pooled, b.rubriek, b.categories, b.items])).toEqual(
      pooled.map((p) => [p.pooled, p.rubriek, p.categories, p.items]),
    )
    boot.forEach((b, g) => expect(b.estimate).toEqual(headlineStatistics(pooled[g]!)))
    expect(boot[0]).toMatchObject({ resamples: 10, seed: 1, employees: 5 })
  })

  it('gives the intervals of a naive bootstrap that resamples employees with the same generator', () => {
    fc.assert(
      fc.property(cohort, fc.integer(), (items, seed) => {
        const fast = bootstrapPooledAgreement(items, { resamples: 40, seed })
        const naive = naiveBootstrap(items, 40, seed)
        fast.forEach((b, g) =>
          BOOTSTRAP_STATISTICS.forEach((s) => {
            const expected = naive[g]?.[s] as [number, number] | null
            if (expected === null) expect(b.ci95[s]).toBeNull()
            else {
              expect(b.ci95[s]?.[0]).toBeCloseTo(expected[0], 10)
              expect(b.ci95[s]?.[1]).toBeCloseTo(expected[1], 10)
            }
          }),
        )
      }),
      { numRuns: 25 },
    )
  })

  it('is deterministic for a seed and differs between seeds', () => {
    const a = bootstrapPooledAgreement(SMALL, { resamples: 200, seed: 5 })
    expect(bootstrapPooledAgreement(SMALL, { resamples: 200, seed: 5 })).toEqual(a)
    const b = bootstrapPooledAgreement(SMALL, { resamples: 200, seed: 6 })
    expect(b.map((g) => g.ci95)).not.toEqual(a.map((g) => g.ci95))
  })

  it('is deterministic for a seed on any cohort', () => {
    fc.assert(
      fc.property(cohort, fc.integer(), (items, seed) => {
        expect(bootstrapPooledAgreement(items, { resamples: 30, seed })).toEqual(
          bootstrapPooledAgreement(items, { resamples: 30, seed }),
        )
      }),
      { numRuns: 30 },
    )
  })

  it('uses 2000 resamples by default', () => {
    expect(bootstrapPooledAgreement(SMALL)[0]?.resamples).toBe(2000)
  })

  it('gives an interval containing the pooled estimate for typical cohorts', () => {
    fc.assert(
      fc.property(typicalCohort, fc.integer(), (items, seed) => {
        for (const g of bootstrapPooledAgreement(items, { resamples: 300, seed }))
          for (const s of [
            'kappa',
            'kappaLinear',
            'kappaQuadratic',
            'ac1',
            'alphaOrdinal',
          ] as const) {
            const estimate = g.estimate[s]
            const ci = g.ci95[s]
            expect(estimate).not.toBeNull()
            expect(ci).not.toBeNull()
            expect(ci![0]).toBeLessThanOrEqual(estimate!)
            expect(estimate!).toBeLessThanOrEqual(ci![1])
            expect(g.undefinedResamples[s]).toBe(0)
          }
      }),
      { numRuns: 15 },
    )
  })

  it('does not change the point estimates when the employees are permuted', () => {
    fc.assert(
      fc.property(cohortAndPermutation, ({ items, order }) => {
        const a = bootstrapPooledAgreement(items, { resamples: 5 })
        const b = bootstrapPooledAgreement(reorderEmployees(items, order), { resamples: 5 })
        expect(b.map((g) => g.estimate)).toEqual(a.map((g) => g.estimate))
      }),
    )
  })

  it('gives a zero-width interval when there is one employee', () => {
    const single = SMALL.map((item) => ({ ...item, pairs: [item.pairs[2]!] }))
    for (const g of bootstrapPooledAgreement(single, { resamples: 20 }))
      expect(g.ci95.exactAgreement).toEqual([g.estimate.exactAgreement, g.estimate.exactAgreement])
  })

  it('counts resamples in which a statistic is undefined and leaves them out', () => {
    // Two employees, one per level: a resample that draws the same employee twice has no variation.
    const items: CohortItem[] = [
      {
        item: 'a',
        rubriek: 'r',
        categories: [0, 1],
        pairs: [
          { a: 0, b: 0 },
          { a: 1, b: 1 },
        ],
      },
    ]
    const [g] = bootstrapPooledAgreement(items, { resamples: 400, seed: 3 })
    expect(g?.estimate.kappa).toBe(1)
    expect(g?.undefinedResamples.kappa).toBeGreaterThan(100)
    expect(g?.undefinedResamples.kappa).toBeLessThan(300)
    expect(g?.ci95.kappa).toEqual([1, 1])
    expect(g?.undefinedResamples.exactAgreement).toBe(0)
  })

  it('gives null estimates and intervals without employees', () => {
    const empty = SMALL.map((item) => ({ ...item, pairs: [] }))
    for (const g of bootstrapPooledAgreement(empty, { resamples: 10 })) {
      expect(g.employees).toBe(0)
      expect(Object.values(g.estimate).every((v) => v === null)).toBe(true)
      expect(Object.values(g.ci95).every((v) => v === null)).toBe(true)
      expect(g.undefinedResamples.kappa).toBe(10)
    }
  })

  it('throws RangeError for items listing different employees or invalid resamples', () => {
    const uneven = [SMALL[0]!, { ...SMALL[1]!, pairs: SMALL[1]!.pairs.slice(1) }]
    expect(() => bootstrapPooledAgreement(uneven)).toThrow(RangeError)
    expect(() => bootstrapPooledAgreement(SMALL, { resamples: 0 })).toThrow(RangeError)
    expect(() => bootstrapPooledAgreement(SMALL, { resamples: 2.5 })).toThrow(RangeError)
    const offScale = [{ ...SMALL[0]!, pairs: [{ a: 0, b: 7 }] }]
    expect(() => bootstrapPooledAgreement(offScale, { resamples: 1 })).toThrow(RangeError)
  })
})
