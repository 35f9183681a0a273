import type { Comparison } from '../compare/compare'
import { rankOf, scaleOf, type DiffRow } from '../compare/diff'
import type { Item } from '../instrument/meta-schema'
import { cohortItemStats, type CohortItem, type ItemAgreement } from './cohort-item-stats'
import { pooledAgreement, type PooledAgreement } from './pooled-agreement'

/** The pairs of a cohort compared on one instrument version, with the figures per item and pooled. */
export interface CohortGroup {
  instrument: { id: string; version: string }
  /** How many BA/VA pairs were compared on this version. */
  pairs: number
  /** How many of them had one side brought to the other's later version first. */
  migrated: number
  items: ItemAgreement[]
  pooled: PooledAgreement[]
}

/**
 * One side's rank of an item on its declared scale: an unticked FML item that means Norm is the
 * lowest rank; "no usable capacity" (beyond every option) and an item not assessed are missing.
 */
function sideRank(
  row: DiffRow,
  item: Item,
  side: 'ba' | 'va',
  scale: readonly number[],
): number | null {
  const implied = side === 'ba' ? row.baImplied : row.vaImplied
  if (implied === 'norm') return scale[0] ?? null
  if (implied === 'no-capacity') return null
  return rankOf(item, row[side]) ?? null
}

/**
 * Cohort agreement from the comparisons of many BA/VA pairs, each compared as the compare screen
 * does (a BAR through its crosswalk, an earlier version migrated to the later one). Pairs compared
 * on different instrument versions are never mixed: each version is a group of its own, and the
 * group says how many pairs it holds and how many were migrated to reach it.
 */
export function cohortAgreement(comparisons: readonly Comparison[]): CohortGroup[] {
  return cohortItemsByGroup(comparisons).map(({ instrument, comparisons: list, items }) => ({
    instrument,
    pairs: list.length,
    migrated: list.filter((c) => c.migrated).length,
    items: cohortItemStats(items),
    pooled: pooledAgreement(items),
  }))
}

/** The comparisons of one instrument version and the ratings per item they hold. */
export interface CohortItemsGroup {
  instrument: { id: string; version: string }
  comparisons: Comparison[]
  items: CohortItem[]
}

/**
 * The ratings per item of each instrument version's pairs (what {@link cohortAgreement} counts),
 * for what needs the pairs themselves: a bootstrap, an item's confusion matrix.
 */
export function cohortItemsByGroup(comparisons: readonly Comparison[]): CohortItemsGroup[] {
  const groups = new Map<string, Comparison[]>()
  for (const c of comparisons) {
    const key = `${c.instrument.id}@${c.instrument.version}`
    const list = groups.get(key)
    if (list) list.push(c)
    else groups.set(key, [c])
  }
  return [...groups.values()].map((list) => {
    const instrument = (list[0] as Comparison).instrument
    const rows = list.map((c) => new Map(c.rows.map((r) => [r.item, r])))
    const items: CohortItem[] = instrument.sections.flatMap((section) =>
      section.items.flatMap((item) => {
        const scale = scaleOf(item)
        if (!scale) return []
        return [
          {
            item: item.id,
            rubriek: section.id,
            categories: scale,
            pairs: rows.map((byItem) => {
              const row = byItem.get(item.id)
              return row
                ? { a: sideRank(row, item, 'ba', scale), b: sideRank(row, item, 'va', scale) }
                : { a: null, b: null }
            }),
          },
        ]
      }),
    )
    return {
      instrument: { id: instrument.id, version: instrument.version },
      comparisons: list,
      items,
    }
  })
}
