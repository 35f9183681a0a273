import type { Comparison } from '../compare/compare'
import { rankOf, scaleOf, type DiffRow } from '../compare/diff'
import { compareSemver } from '../instrument/catalogue-data'
import { itemIndex } from '../instrument/item-index'
import type { Instrument, Item } from '../instrument/meta-schema'
import {
  cohortItemStats,
  type CohortItem,
  type ItemAgreement,
  type RatingPair,
} from './cohort-item-stats'
import { pooledAgreement, type PooledAgreement } from './pooled-agreement'

/**
 * One compared BA/VA pair of a cohort, as the cohort counts it: the instrument version it was
 * compared on and each rated item's ranks (what a whole comparison holds besides is let go, so
 * that a large cohort fits in memory).
 */
export interface CohortPair {
  instrument: Instrument
  /**
   * The BA's and the VA's rank of each item of the instrument that has a scale, in the
   * instrument's order: two numbers per item, NaN where a side has none (read with
   * {@link pairRanks}). One typed array per pair rather than an object per item: a cohort of
   * 100,000 pairs holds millions of ranks, and the garbage collector visits every object.
   */
  ranks: Float64Array
  /**
   * The version of the compared instrument the pair was on before one side or both were migrated
   * to the comparison's version (by the compare step within the pair, or to join the cohort's
   * latest version).
   */
  migratedFrom?: string
}

const positions = new WeakMap<Instrument, ReadonlyMap<string, number>>()

/** Where each item with a scale is in a pair's ranks: its place among those items. */
function rankPositions(instrument: Instrument): ReadonlyMap<string, number> {
  let map = positions.get(instrument)
  if (!map) {
    const ids = instrument.sections.flatMap((s) =>
      s.items.filter((i) => scaleOf(i)).map((i) => i.id),
    )
    map = new Map(ids.map((id, k) => [id, k]))
    positions.set(instrument, map)
  }
  return map
}

/** The pair's ranks of one item; undefined for an item without a scale in the pair's instrument. */
export function pairRanks(pair: CohortPair, item: string): RatingPair | undefined {
  const k = rankPositions(pair.instrument).get(item)
  if (k === undefined) return undefined
  const a = pair.ranks[2 * k] as number
  const b = pair.ranks[2 * k + 1] as number
  return { a: Number.isNaN(a) ? null : a, b: Number.isNaN(b) ? null : b }
}

/** What the cohort keeps of a comparison. */
export function cohortPair(c: Comparison, migratedFrom?: string): CohortPair {
  const at = rankPositions(c.instrument)
  const ranks = new Float64Array(2 * at.size).fill(NaN)
  const { items } = itemIndex(c.instrument)
  for (const row of c.rows) {
    const k = at.get(row.item)
    const item = items.get(row.item)
    const scale = item && scaleOf(item)
    if (k === undefined || !item || !scale) continue
    ranks[2 * k] = sideRank(row, item, 'ba', scale) ?? NaN
    ranks[2 * k + 1] = sideRank(row, item, 'va', scale) ?? NaN
  }
  return {
    instrument: c.instrument,
    ranks,
    ...(migratedFrom === undefined ? {} : { migratedFrom }),
  }
}

/**
 * Pairs on an earlier version of the group's instrument that no migration leads from: they count
 * only on the items both versions hold unchanged, and are missing on the others.
 */
export interface UnchangedOnly {
  pairs: number
  /** The earlier versions they were compared on. */
  versions: string[]
  /** The group's items they count on: the same label and answer in each of those versions. */
  items: string[]
}

/** The pairs of a cohort compared on one instrument version, with the figures per item and pooled. */
export interface CohortGroup {
  instrument: { id: string; version: string }
  /** How many BA/VA pairs the group holds. */
  pairs: number
  /** How many of them were migrated to this version first, and from which versions. */
  migrated: number
  migratedFrom: string[]
  unchangedOnly?: UnchangedOnly
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
 * does (a BAR through its crosswalk, an earlier version migrated to the later one). One group per
 * instrument, on its latest version in the cohort: pairs left on an earlier version (no migration
 * leads from it) count only on the items that version holds unchanged, and the group says so.
 */
export function cohortAgreement(pairs: readonly CohortPair[]): CohortGroup[] {
  return cohortItemsByGroup(pairs).map(groupAgreement)
}

/** The figures of one group of {@link cohortItemsByGroup}: per item, and pooled per scale. */
export function groupAgreement(g: CohortItemsGroup): CohortGroup {
  return {
    instrument: g.instrument,
    pairs: g.pairs.length,
    migrated: g.pairs.filter((p) => p.migratedFrom !== undefined).length,
    migratedFrom: [...new Set(g.pairs.flatMap((p) => p.migratedFrom ?? []))].sort(compareSemver),
    ...(g.unchangedOnly ? { unchangedOnly: g.unchangedOnly } : {}),
    items: cohortItemStats(g.items),
    pooled: pooledAgreement(g.items),
  }
}

/** The pairs of one instrument and the ratings per item they hold. */
export interface CohortItemsGroup {
  instrument: { id: string; version: string }
  pairs: CohortPair[]
  unchangedOnly?: UnchangedOnly
  items: CohortItem[]
}

/** What an item asks and how it is answered: equal in two versions means the item is unchanged. */
function itemShape(item: Item): string {
  return JSON.stringify({ label: item.label, answer: item.answer })
}

/** The items of `later` that `earlier` holds with the same label and answer. */
function unchangedItems(earlier: Instrument, later: Instrument): Set<string> {
  const before = new Map(earlier.sections.flatMap((s) => s.items.map((i) => [i.id, i] as const)))
  return new Set(
    later.sections.flatMap((s) =>
      s.items.flatMap((i) => {
        const was = before.get(i.id)
        return was && itemShape(was) === itemShape(i) ? [i.id] : []
      }),
    ),
  )
}

/**
 * The ratings per item of each instrument's pairs (what {@link cohortAgreement} counts), for what
 * needs the pairs themselves: a bootstrap, an item's confusion matrix. Pair k of every item is the
 * same employee's, so a bootstrap can resample employees.
 */
export function cohortItemsByGroup(pairs: readonly CohortPair[]): CohortItemsGroup[] {
  const byInstrument = new Map<string, CohortPair[]>()
  for (const p of pairs) {
    const list = byInstrument.get(p.instrument.id)
    if (list) list.push(p)
    else byInstrument.set(p.instrument.id, [p])
  }
  return [...byInstrument.values()].map((list) => {
    const instrument = list
      .map((p) => p.instrument)
      .reduce((a, b) => (compareSemver(b.version, a.version) > 0 ? b : a))
    const earlier = list.filter((p) => p.instrument.version !== instrument.version)
    const unchanged = new Map<Instrument, Set<string>>()
    for (const p of earlier)
      if (!unchanged.has(p.instrument))
        unchanged.set(p.instrument, unchangedItems(p.instrument, instrument))
    const items: CohortItem[] = instrument.sections.flatMap((section) =>
      section.items.flatMap((item) => {
        const scale = scaleOf(item)
        if (!scale) return []
        return [
          {
            item: item.id,
            rubriek: section.id,
            categories: scale,
            pairs: list.map((p) => {
              const same = unchanged.get(p.instrument)
              const counts = !same || same.has(item.id)
              return (counts && pairRanks(p, item.id)) || { a: null, b: null }
            }),
          },
        ]
      }),
    )
    const versions = [...new Set(earlier.map((p) => p.instrument.version))]
    const counted = items
      .map((i) => i.item)
      .filter((id) => [...unchanged.values()].every((s) => s.has(id)))
    return {
      instrument: { id: instrument.id, version: instrument.version },
      pairs: list,
      ...(earlier.length
        ? {
            unchangedOnly: {
              pairs: earlier.length,
              versions: versions.sort(compareSemver),
              items: counted,
            },
          }
        : {}),
      items,
    }
  })
}
