import type { AnswerValue, Assessment } from '../assessment/assessment-schema'
import { isAnswered } from '../assessment/progress'
import { chosenCodes } from '../assessment/visibility'
import { choiceOptions } from '../instrument/choice-options'
import type { Instrument, Item, Localized } from '../instrument/meta-schema'

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
}

export interface StatusCounts {
  total: number
  counts: Record<Status, number>
}

export interface DiffSummary extends StatusCounts {
  bySection: ({ section: string } & StatusCounts)[]
  /** Share of rows where both sides answered and agree, among rows where both answered (0 to 1). */
  agreement: number | null
  /** Linearly weighted kappa over ordinal items both sides answered; null when undefined. */
  weightedKappa: number | null
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
  if (a.kind === 'single' && b.kind === 'single') return a.choice === b.choice
  const x = chosenCodes(a)
  const y = chosenCodes(b)
  return x.length === y.length && x.every((c) => y.includes(c))
}

/** Compares two answers to one item; direction where the item is ordinal. */
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
    return sameChoices(ba, va) ? 'agree' : 'differs'
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

/**
 * Cohen's kappa with linear disagreement weights over pooled rank pairs.
 * Items with different scales share one rank axis (0 = norm); that is a simplification.
 */
export function weightedKappa(pairs: readonly [number, number][]): number | null {
  if (!pairs.length) return null
  const k = Math.max(...pairs.flat())
  if (k === 0) return null
  const n = pairs.length
  const rows = new Float64Array(k + 1)
  const cols = new Float64Array(k + 1)
  let observed = 0
  for (const [a, b] of pairs) {
    rows[a] = (rows[a] as number) + 1
    cols[b] = (cols[b] as number) + 1
    observed += Math.abs(a - b) / k
  }
  let expected = 0
  for (let i = 0; i <= k; i++)
    for (let j = 0; j <= k; j++)
      expected += (((rows[i] as number) * (cols[j] as number)) / n) * (Math.abs(i - j) / k)
  if (expected === 0) return null
  return 1 - observed / expected
}

/**
 * Counts, agreement and kappa over diff rows; the per-section counts keep the instrument's order.
 * `pairs` are the (BA, VA) ranks of the ordinal items both sides answered.
 */
export function summarize(
  rows: readonly DiffRow[],
  pairs: readonly [number, number][],
): DiffSummary {
  const overall = emptyCounts()
  const sections = new Map<string, StatusCounts>()
  let both = 0
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
    if (row.ba && row.va && row.status !== 'not-comparable') both++
  }
  return {
    ...overall,
    bySection: [...sections].map(([section, c]) => ({ section, ...c })),
    agreement: both ? overall.counts.agree / both : null,
    weightedKappa: weightedKappa(pairs),
  }
}

/**
 * Diffs two assessments of the same instrument and version, item by item in instrument order.
 * `only` limits the rows to some items (the crosswalk's targets); `notComparable` gives reasons for
 * items one side cannot answer (a derived side's not-derivable items).
 */
export function diffSameInstrument(args: {
  instrument: Instrument
  ba: Assessment
  va: Assessment
  only?: ReadonlySet<string>
  notComparable?: Readonly<Record<string, Localized>>
  derivedNotes?: Readonly<Record<string, { sources: string[]; note?: Localized }>>
}): Diff {
  const { instrument, ba, va } = args
  const rows: DiffRow[] = []
  const pairs: [number, number][] = []
  for (const section of instrument.sections)
    for (const item of section.items) {
      if (args.only && !args.only.has(item.id)) continue
      const a = ba.answers[item.id]
      const b = va.answers[item.id]
      const x = a && isAnswered(a) ? a : null
      const y = b && isAnswered(b) ? b : null
      const reason = args.notComparable?.[item.id]
      if (!reason && !x && !y) continue
      let status: Status
      if (reason) status = 'not-comparable'
      else if (x && y) {
        const rb = rankOf(item, x)
        const rv = rankOf(item, y)
        if (rb !== undefined && rv !== undefined) pairs.push([rb, rv])
        status = compareAnswers(item, x, y, rb, rv)
      } else status = x ? 'only-ba' : 'only-va'
      const row: DiffRow = { item: item.id, section: section.id, ba: x, va: y, status }
      const derived = x ? args.derivedNotes?.[item.id] : undefined
      if (derived) row.sources = derived.sources
      const note = reason ?? derived?.note
      if (note) row.note = note
      rows.push(row)
    }
  return { summary: summarize(rows, pairs), rows }
}
