import type { CohortItem } from './cohort-item-stats'
import { itemTable } from './cohort-item-stats'
import { scaleKey } from './rating-scale'
import type { TableAgreement } from './table-agreement'
import { tableAgreement } from './table-agreement'

/**
 * A set of items pooled into one table: the items of one rubriek (or of all rubrieken, rubriek
 * null) that share one declared scale. Items on different scales are never pooled together.
 *
 * @example
 * const group: PoolingGroup = { rubriek: null, categories: [0, 1, 2, 3], items: ['r1.1', 'r2.4'] }
 */
export interface PoolingGroup {
  /** The rubriek pooled over; null for the overall pool across rubrieken. */
  rubriek: string | null
  /** The declared scale every pooled item has. */
  categories: number[]
  /** The pooled items, in input order. */
  items: string[]
}

/**
 * Agreement over the summed contingency tables of a {@link PoolingGroup}: every complete pair of
 * every pooled item counts once. `pooled: true` labels it as such, beside per-item figures.
 *
 * @example
 * const p = pooledAgreement(items).find((g) => g.rubriek === null)?.kappa.linear
 */
export interface PooledAgreement extends PoolingGroup, TableAgreement {
  pooled: true
}

/** A pooling group and the indices of its items in the cohort. */
export interface PoolingMembers {
  group: PoolingGroup
  members: number[]
}

/**
 * The pooling groups of a cohort with the indices of their items: first per rubriek (rubrieken and,
 * within one, scales in order of first appearance), then overall per scale.
 *
 * @example
 * poolingGroups(items)[0] // { group: { rubriek: 'r1', categories: [0, 1], items: ['a', 'b'] }, members: [0, 1] }
 */
export function poolingGroups(items: readonly CohortItem[]): PoolingMembers[] {
  const byRubriek = new Map<string, Map<string, PoolingMembers>>()
  const overall = new Map<string, PoolingMembers>()
  const add = (groups: Map<string, PoolingMembers>, rubriek: string | null, index: number) => {
    const item = items[index] as CohortItem
    const key = scaleKey(item.categories)
    let g = groups.get(key)
    if (!g) {
      g = { group: { rubriek, categories: [...item.categories], items: [] }, members: [] }
      groups.set(key, g)
    }
    g.group.items.push(item.item)
    g.members.push(index)
  }
  items.forEach((item, index) => {
    let scales = byRubriek.get(item.rubriek)
    if (!scales) byRubriek.set(item.rubriek, (scales = new Map()))
    add(scales, item.rubriek, index)
    add(overall, null, index)
  })
  return [...[...byRubriek.values()].flatMap((scales) => [...scales.values()]), ...overall.values()]
}

/**
 * Agreement pooled per rubriek and overall, only across items of the same declared scale. Each
 * result names its rubriek (null = overall), scale and items.
 *
 * @example
 * pooledAgreement([
 *   { item: 'a', rubriek: 'r1', categories: [0, 1], pairs: [{ a: 0, b: 0 }] },
 *   { item: 'b', rubriek: 'r2', categories: [0, 1], pairs: [{ a: 1, b: 0 }] },
 * ]).map((g) => [g.rubriek, g.items, g.n]) // [['r1', ['a'], 1], ['r2', ['b'], 1], [null, ['a', 'b'], 2]]
 */
export function pooledAgreement(items: readonly CohortItem[]): PooledAgreement[] {
  const tables = items.map((item) => itemTable(item).table)
  return poolingGroups(items).map(({ group, members }) => {
    const k = group.categories.length
    const sum = group.categories.map(() => new Array<number>(k).fill(0))
    for (const m of members)
      (tables[m] as number[][]).forEach((row, i) =>
        row.forEach(
          (count, j) => ((sum[i] as number[])[j] = ((sum[i] as number[])[j] as number) + count),
        ),
      )
    return { pooled: true, ...group, ...tableAgreement(sum, group.categories) }
  })
}
