import { hasKind } from '../answer-kinds'
import type { AnswerValue, Assessment } from '../assessment/assessment-schema'
import { isAnswered } from '../assessment/progress'
import { chosenCodes } from '../assessment/visibility'
import { choiceOptions } from '../instrument/choice-options'
import type { Instrument, Item, Localized } from '../instrument/meta-schema'
import type { KappaResult } from '../stats/kappa'
import { cohenKappa, contingencyTable } from '../stats/kappa'
import type { Completeness } from './conclusion'
import { normAnswer } from './conclusion'

export const STATUSES = [
  'agree',
  'ba-more-restrictive',
  'va-more-restrictive',
  'differs',
  'only-ba',
  'only-va',
  'not-comparable',
] as const
export type Status = (typeof STATUSES)[number]

/** A value standing for an item a side did not tick: Norm in a complete or critical FML, or the
 * side's conclusion that there is no usable capacity at all (more restrictive than any option). */
export type Implied = 'norm' | 'no-capacity'

export interface DiffRow {
  item: string
  /** The section (rubriek or domain) the item belongs to. */
  section: string
  ba: AnswerValue | null
  va: AnswerValue | null
  status: Status
  note?: Localized
  /** For a derived side: the source items the answer came from. */
  sources?: string[]
  baImplied?: Implied
  vaImplied?: Implied
}

/** What a side's unticked items mean. */
export interface SideContext {
  completeness?: Completeness
  /** The side concludes there is no usable capacity (FML cover "nee"; BAR no work at present). */
  noCapacity?: boolean
}

export interface StatusCounts {
  total: number
  counts: Record<Status, number>
}

/** Kappa over the items of one declared scale, pooled when there are several. */
export interface KappaGroup {
  /** The distinct ranks the items' options declare, e.g. [0, 1, 2, 3]. */
  scale: number[]
  items: number
  pooled: boolean
  linear: KappaResult
  quadratic: KappaResult
}

export interface DiffSummary extends StatusCounts {
  /** Items both sides assessed (an unticked item of a complete FML counts as Norm). */
  compared: number
  /** Items only one side assessed. */
  openOneSide: number
  /** Items one side cannot state (not derivable from a BAR). */
  notComparable: number
  bySection: ({ section: string } & StatusCounts)[]
  /** Share of the compared items on which both sides agree (0 to 1); null when none. */
  agreement: number | null
  kappa: KappaGroup[]
  /** Set when the overall conclusions differ: no agreement figure is given then. */
  withheld?: 'conclusions-differ'
}

export interface Diff {
  summary: DiffSummary
  rows: DiffRow[]
}

/** The severity of an answer on an ordinal item: its option's rank (the highest, for several). */
export function rankOf(item: Item, answer: AnswerValue | null | undefined): number | undefined {
  const options = choiceOptions(item)
  if (!options || !answer) return undefined
  let max: number | undefined
  for (const code of chosenCodes(answer)) {
    const rank = options.find((o) => o.code === code)?.rank
    if (rank === undefined) return undefined
    max = max === undefined ? rank : Math.max(max, rank)
  }
  return max
}

const scales = new WeakMap<Item, number[] | undefined>()

/** The declared scale of an ordinal item: the distinct ranks of its options. Cached per item. */
export function scaleOf(item: Item): number[] | undefined {
  if (scales.has(item)) return scales.get(item)
  const ranks = (choiceOptions(item) ?? []).flatMap((o) => (o.rank === undefined ? [] : [o.rank]))
  const scale = ranks.length ? [...new Set(ranks)].sort((a, b) => a - b) : undefined
  scales.set(item, scale)
  return scale
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`
  return JSON.stringify(value)
}

function sameChoices(a: AnswerValue, b: AnswerValue) {
  const x = chosenCodes(a)
  const y = chosenCodes(b)
  return x.length === y.length && x.every((c) => y.includes(c))
}

/**
 * Compares two answers to one item; direction where the item is ordinal. In a list of conditions
 * or limitations (FML I.8, VI.1) a superset of the other side's is more restrictive.
 */
export function compareAnswers(
  item: Item,
  ba: AnswerValue,
  va: AnswerValue,
  rb = rankOf(item, ba),
  rv = rankOf(item, va),
): Status {
  if (rb !== undefined && rv !== undefined) {
    if (rb > rv) return 'ba-more-restrictive'
    if (rb < rv) return 'va-more-restrictive'
    if (sameChoices(ba, va)) return 'agree'
    if (hasKind(ba, 'multiple') && hasKind(va, 'multiple') && rb > 0) {
      if (va.choices.every((c) => ba.choices.includes(c))) return 'ba-more-restrictive'
      if (ba.choices.every((c) => va.choices.includes(c))) return 'va-more-restrictive'
    }
    return 'differs'
  }
  if (choiceOptions(item) && chosenCodes(ba).length && chosenCodes(va).length)
    return sameChoices(ba, va) ? 'agree' : 'differs'
  return canonical(ba) === canonical(va) ? 'agree' : 'differs'
}

function emptyCounts(): StatusCounts {
  return {
    total: 0,
    counts: {
      agree: 0,
      'ba-more-restrictive': 0,
      'va-more-restrictive': 0,
      differs: 0,
      'only-ba': 0,
      'only-va': 0,
      'not-comparable': 0,
    },
  }
}

/** (BA, VA) ranks of one item on its declared scale. */
export interface RankPair {
  scale: readonly number[]
  ba: number
  va: number
}

/** Linearly and quadratically weighted kappa per declared scale; items of one scale are pooled. */
export function kappaByScale(pairs: readonly RankPair[]): KappaGroup[] {
  const groups = new Map<string, { scale: readonly number[]; pairs: [number, number][] }>()
  for (const p of pairs) {
    const key = p.scale.join(',')
    let g = groups.get(key)
    if (!g) groups.set(key, (g = { scale: p.scale, pairs: [] }))
    g.pairs.push([p.ba, p.va])
  }
  return [...groups.values()]
    .sort((a, b) => a.scale.length - b.scale.length || a.scale.join().localeCompare(b.scale.join()))
    .map((g) => {
      const table = contingencyTable(g.pairs, g.scale)
      return {
        scale: [...g.scale],
        items: g.pairs.length,
        pooled: g.pairs.length > 1,
        linear: cohenKappa(table, 'linear'),
        quadratic: cohenKappa(table, 'quadratic'),
      }
    })
}

/** Counts, agreement and kappa over diff rows; the per-section counts keep the instrument's order. */
export function summarize(rows: readonly DiffRow[], pairs: readonly RankPair[]): DiffSummary {
  const overall = emptyCounts()
  const sections = new Map<string, StatusCounts>()
  for (const row of rows) {
    overall.total++
    overall.counts[row.status]++
    let s = sections.get(row.section)
    if (!s) {
      s = emptyCounts()
      sections.set(row.section, s)
    }
    s.total++
    s.counts[row.status]++
  }
  const c = overall.counts
  const compared = c.agree + c['ba-more-restrictive'] + c['va-more-restrictive'] + c.differs
  return {
    ...overall,
    compared,
    openOneSide: c['only-ba'] + c['only-va'],
    notComparable: c['not-comparable'],
    bySection: [...sections].map(([section, counts]) => ({ section, ...counts })),
    agreement: compared ? c.agree / compared : null,
    kappa: kappaByScale(pairs),
  }
}

function sideValue(
  item: Item,
  raw: AnswerValue | undefined,
  ctx: SideContext | undefined,
): { value: AnswerValue | null; implied?: Implied } {
  if (raw && isAnswered(raw)) return { value: raw }
  if (ctx?.noCapacity && scaleOf(item)) return { value: null, implied: 'no-capacity' }
  if (ctx?.completeness === 'complete' || ctx?.completeness === 'critical') {
    const norm = normAnswer(item)
    if (norm) return { value: norm, implied: 'norm' }
  }
  return { value: null }
}

/**
 * Diffs two assessments of the same instrument and version, item by item in instrument order.
 * `only` limits the rows to some items (the crosswalk's targets); `notComparable` gives reasons for
 * items one side cannot answer (a derived side's not-derivable items); the side contexts say what
 * an unticked item means on each side.
 */
export function diffSameInstrument(args: {
  instrument: Instrument
  ba: Assessment
  va: Assessment
  only?: ReadonlySet<string>
  notComparable?: Readonly<Record<string, Localized>>
  derivedNotes?: Readonly<Record<string, { sources: string[]; note?: Localized }>>
  context?: { ba?: SideContext; va?: SideContext }
  /** The side `notComparable` speaks for. */
  derivedSide?: 'ba' | 'va'
}): Diff {
  const { instrument, ba, va } = args
  const rows: DiffRow[] = []
  const pairs: RankPair[] = []
  for (const section of instrument.sections)
    for (const item of section.items) {
      if (args.only && !args.only.has(item.id)) continue
      const reason = args.notComparable?.[item.id]
      // The side that cannot state the item (not derivable) implies nothing on it either.
      const silent = reason ? args.derivedSide : undefined
      const a = sideValue(item, ba.answers[item.id], silent === 'ba' ? undefined : args.context?.ba)
      const b = sideValue(item, va.answers[item.id], silent === 'va' ? undefined : args.context?.va)
      const x = a.value
      const y = b.value
      const hasA = x !== null || a.implied !== undefined
      const hasB = y !== null || b.implied !== undefined
      if (!reason && !hasA && !hasB) continue
      let status: Status
      if (reason) status = 'not-comparable'
      else if (hasA && hasB) {
        if (a.implied === 'no-capacity' || b.implied === 'no-capacity')
          status =
            a.implied === b.implied
              ? 'agree'
              : a.implied === 'no-capacity'
                ? 'ba-more-restrictive'
                : 'va-more-restrictive'
        else {
          const rb = rankOf(item, x)
          const rv = rankOf(item, y)
          const scale = scaleOf(item)
          if (rb !== undefined && rv !== undefined && scale) pairs.push({ scale, ba: rb, va: rv })
          status = compareAnswers(item, x as AnswerValue, y as AnswerValue, rb, rv)
        }
      } else status = hasA ? 'only-ba' : 'only-va'
      const row: DiffRow = { item: item.id, section: section.id, ba: x, va: y, status }
      if (a.implied) row.baImplied = a.implied
      if (b.implied) row.vaImplied = b.implied
      const derived = x && !a.implied ? args.derivedNotes?.[item.id] : undefined
      if (derived) row.sources = derived.sources
      const note = reason ?? derived?.note
      if (note) row.note = note
      rows.push(row)
    }
  return { summary: summarize(rows, pairs), rows }
}
