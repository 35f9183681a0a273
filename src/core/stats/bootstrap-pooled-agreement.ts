import type { CohortItem } from './cohort-item-stats'
import { mulberry32 } from './mulberry32'
import type { PoolingGroup } from './pooled-agreement'
import { poolingGroups } from './pooled-agreement'
import { scalePositions } from './rating-scale'
import type { TableAgreement } from './table-agreement'
import { tableAgreement } from './table-agreement'

/** The statistics the bootstrap gives an interval for, in report order. */
export const BOOTSTRAP_STATISTICS = [
  'exactAgreement',
  'withinOneAgreement',
  'kappa',
  'kappaLinear',
  'kappaQuadratic',
  'ac1',
  'ac2Linear',
  'ac2Quadratic',
  'alphaNominal',
  'alphaOrdinal',
  'alphaInterval',
] as const

/**
 * One of {@link BOOTSTRAP_STATISTICS}.
 *
 * @example
 * const statistic: BootstrapStatistic = 'kappaLinear'
 */
export type BootstrapStatistic = (typeof BOOTSTRAP_STATISTICS)[number]

/**
 * A value per bootstrapped statistic; null where the statistic is undefined.
 *
 * @example
 * const values: Partial<StatisticValues> = { kappa: 0.48, alphaOrdinal: null }
 */
export type StatisticValues = Record<BootstrapStatistic, number | null>

/**
 * Options of {@link bootstrapPooledAgreement}.
 *
 * @example
 * const options: BootstrapOptions = { resamples: 2000, seed: 1 }
 */
export interface BootstrapOptions {
  /** Number of bootstrap resamples; a positive integer, 2000 by default. */
  resamples?: number
  /** Seed of the generator (a 32-bit integer); 1 by default. Same seed and data, same intervals. */
  seed?: number
}

/**
 * Pooled point estimates of one {@link PoolingGroup} with percentile bootstrap intervals.
 *
 * @example
 * const [lo, hi] = result.ci95.kappaLinear ?? [null, null]
 */
export interface BootstrapPooledAgreement extends PoolingGroup {
  pooled: true
  /** The statistics on the data as given (equal to {@link pooledAgreement}'s). */
  estimate: StatisticValues
  /** Percentile 95% interval (2.5th and 97.5th percentile) over the resamples where the statistic is defined; null when it is defined in none. */
  ci95: Record<BootstrapStatistic, [number, number] | null>
  /** Resamples in which the statistic was undefined (e.g. no variation); they are left out of ci95. */
  undefinedResamples: Record<BootstrapStatistic, number>
  resamples: number
  seed: number
  /** Number of employees, the resampled units. */
  employees: number
}

/**
 * The scalar statistics of a {@link TableAgreement} that the bootstrap resamples.
 *
 * @example
 * headlineStatistics(tableAgreement(table, [0, 1, 2])).kappaLinear
 */
export function headlineStatistics(agreement: TableAgreement): StatisticValues {
  return {
    exactAgreement: agreement.exactAgreement,
    withinOneAgreement: agreement.withinOneAgreement,
    kappa: agreement.kappa.unweighted.kappa,
    kappaLinear: agreement.kappa.linear.kappa,
    kappaQuadratic: agreement.kappa.quadratic.kappa,
    ac1: agreement.gwet.ac1,
    ac2Linear: agreement.gwet.ac2Linear,
    ac2Quadratic: agreement.gwet.ac2Quadratic,
    alphaNominal: agreement.alpha.nominal,
    alphaOrdinal: agreement.alpha.ordinal,
    alphaInterval: agreement.alpha.interval,
  }
}

/** The p-quantile of sorted values, linearly interpolated between order statistics (Hyndman & Fan type 7, R's default). */
function quantile(sorted: Float64Array, p: number): number {
  const h = (sorted.length - 1) * p
  const lo = Math.floor(h)
  const below = sorted[lo] as number
  const above = sorted[Math.min(lo + 1, sorted.length - 1)] as number
  return below + (h - lo) * (above - below)
}

/**
 * Each employee's complete pairs as (cell, count) runs over one flat array holding the tables of
 * all per-rubriek groups: employee e owns entries start[e] up to start[e + 1].
 */
function employeeCells(
  items: readonly CohortItem[],
  employees: number,
  itemGroup: Int32Array,
  offsets: readonly number[],
  totalCells: number,
) {
  const positions = items.map((item) => scalePositions(item.categories))
  let capacity = 0
  for (const item of items)
    for (const { a, b } of item.pairs) if (a !== null && b !== null) capacity++
  const cell = new Int32Array(capacity)
  const count = new Float64Array(capacity)
  const start = new Int32Array(employees + 1)
  const scratch = new Float64Array(totalCells)
  const touched: number[] = []
  let used = 0
  for (let e = 0; e < employees; e++) {
    for (let i = 0; i < items.length; i++) {
      const item = items[i] as CohortItem
      const { a, b } = item.pairs[e] as CohortItem['pairs'][number]
      if (a === null || b === null) continue
      const positionOf = positions[i] as (value: number) => number
      const pa = positionOf(a)
      const pb = positionOf(b)
      if (pa < 0 || pb < 0)
        throw new RangeError(
          `agreement: item ${item.item} has value ${pa < 0 ? a : b}, not on its scale [${item.categories.join(', ')}]`,
        )
      const k = item.categories.length
      const c = (offsets[itemGroup[i] as number] as number) + pa * k + pb
      if (scratch[c] === 0) touched.push(c)
      scratch[c] = (scratch[c] as number) + 1
    }
    for (const c of touched) {
      cell[used] = c
      count[used] = scratch[c] as number
      scratch[c] = 0
      used++
    }
    touched.length = 0
    start[e + 1] = used
  }
  return { cell, count, start }
}

/**
 * Pooled agreement (per rubriek and overall, per declared scale, as {@link pooledAgreement}) with a
 * percentile bootstrap 95% interval that resamples employees: a resample draws as many employees as
 * the cohort has, with replacement, and each drawn employee brings all of its item pairs, so the
 * dependence between one employee's items is kept. Pure and deterministic for a seed (mulberry32).
 * Every item must list the same employees in the same order; throws RangeError otherwise, for a
 * value not on its scale, or for an invalid number of resamples.
 *
 * @example
 * bootstrapPooledAgreement(items, { resamples: 2000, seed: 7 })
 *   .find((g) => g.rubriek === null)?.ci95.kappaLinear // e.g. [0.41, 0.58]
 */
export function bootstrapPooledAgreement(
  items: readonly CohortItem[],
  options: BootstrapOptions = {},
): BootstrapPooledAgreement[] {
  const resamples = options.resamples ?? 2000
  const seed = options.seed ?? 1
  if (!Number.isInteger(resamples) || resamples < 1)
    throw new RangeError(`bootstrap: resamples must be a positive integer, got ${resamples}`)
  const employees = items[0]?.pairs.length ?? 0
  for (const item of items)
    if (item.pairs.length !== employees)
      throw new RangeError(
        `bootstrap: item ${item.item} lists ${item.pairs.length} employees, the first item ${employees}`,
      )

  // The per-rubriek groups partition the items; an overall group is the sum of its scale's rubriek groups.
  const groups = poolingGroups(items)
  const rubriekGroups = groups.filter((g) => g.group.rubriek !== null)
  const offsets: number[] = []
  let totalCells = 0
  const itemGroup = new Int32Array(items.length)
  rubriekGroups.forEach(({ group, members }, g) => {
    offsets.push(totalCells)
    totalCells += group.categories.length ** 2
    for (const m of members) itemGroup[m] = g
  })
  const parts = groups.map(({ group, members }) =>
    group.rubriek !== null
      ? [rubriekGroups.findIndex((r) => r.group === group)]
      : rubriekGroups.flatMap((r, g) => (members.includes(r.members[0] as number) ? [g] : [])),
  )

  const { cell, count, start } = employeeCells(items, employees, itemGroup, offsets, totalCells)
  const flat = new Float64Array(totalCells)
  const statisticsOf = (): StatisticValues[] =>
    groups.map(({ group }, g) => {
      const k = group.categories.length
      const table = group.categories.map(() => new Array<number>(k).fill(0))
      for (const part of parts[g] as number[]) {
        const offset = offsets[part] as number
        for (let i = 0; i < k; i++) {
          const row = table[i] as number[]
          for (let j = 0; j < k; j++)
            row[j] = (row[j] as number) + (flat[offset + i * k + j] as number)
        }
      }
      return headlineStatistics(tableAgreement(table, group.categories))
    })
  const addEmployee = (e: number) => {
    const end = start[e + 1] as number
    for (let x = start[e] as number; x < end; x++) {
      const c = cell[x] as number
      flat[c] = (flat[c] as number) + (count[x] as number)
    }
  }

  for (let e = 0; e < employees; e++) addEmployee(e)
  const estimates = statisticsOf()

  // draws[g][s][r]: statistic s of group g in resample r; NaN marks undefined, only inside this function.
  const draws = groups.map(() => BOOTSTRAP_STATISTICS.map(() => new Float64Array(resamples)))
  const random = mulberry32(seed)
  for (let r = 0; r < resamples; r++) {
    flat.fill(0)
    for (let d = 0; d < employees; d++) addEmployee(Math.floor(random() * employees))
    statisticsOf().forEach((values, g) =>
      BOOTSTRAP_STATISTICS.forEach((s, si) => {
        ;(draws[g]?.[si] as Float64Array)[r] = values[s] ?? Number.NaN
      }),
    )
  }

  return groups.map(({ group }, g) => {
    const ci95 = {} as Record<BootstrapStatistic, [number, number] | null>
    const undefinedResamples = {} as Record<BootstrapStatistic, number>
    BOOTSTRAP_STATISTICS.forEach((s, si) => {
      const defined = (draws[g]?.[si] as Float64Array).filter((v) => !Number.isNaN(v)).sort()
      undefinedResamples[s] = resamples - defined.length
      ci95[s] = defined.length ? [quantile(defined, 0.025), quantile(defined, 0.975)] : null
    })
    return {
      pooled: true as const,
      ...group,
      estimate: estimates[g] as StatisticValues,
      ci95,
      undefinedResamples,
      resamples,
      seed,
      employees,
    }
  })
}
