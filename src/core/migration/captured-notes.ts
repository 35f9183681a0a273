import type { AnswerValue, Assessment } from '../assessment/assessment-schema'
import { findInstrument } from '../instrument/find-instrument'
import { itemIndex } from '../instrument/item-index'
import type { Instrument, Item, Localized } from '../instrument/meta-schema'
import { migrate } from './migrate'

/** One answer as it was captured, that did not carry over as it was. */
export interface CapturedNote {
  /** The item of the captured version the answer was given for. */
  item: Item
  answer: AnswerValue
  outcome: 'moved' | 'transformed' | 'dropped'
  /** How it carried over, or why it was dropped. */
  text: Localized
}

export interface CapturedNotes {
  /** The version the answers were captured in. */
  from: { id: string; version: string }
  migratedAt: string
  /**
   * By item id of the assessment's own version: the captured answers that went to that item, or
   * that were dropped where the item still exists.
   */
  byItem: ReadonlyMap<string, readonly CapturedNote[]>
  /** Every captured answer that was dropped, in the order of the captured version. */
  dropped: readonly CapturedNote[]
}

/**
 * For a migrated assessment, the captured answers that were moved, transformed or dropped on the way
 * to its version, found by running the migration again from `captured`; undefined for an
 * assessment that was never migrated (or when a version on the way is missing).
 * @example
 * capturedNotes(upgraded, catalogue.instruments)?.byItem.get('fysiek.fijne-handvaardigheid')
 */
export function capturedNotes(
  assessment: Assessment,
  instruments: readonly Instrument[],
): CapturedNotes | undefined {
  const captured = assessment.captured
  if (!captured) return undefined
  const source = findInstrument(instruments, captured.instrument)
  const target = findInstrument(instruments, assessment.instrument)
  if (!source.ok || !target.ok) return undefined
  // The answers as captured, as an assessment of their own version (without what followed).
  const given: Assessment = {
    ...assessment,
    instrument: captured.instrument,
    answers: captured.answers,
  }
  delete given.captured
  delete given.derivation
  const r = migrate(given, assessment.instrument.version, instruments, {
    now: new Date(captured.migratedAt),
  })
  if (!r.ok) return undefined
  const before = itemIndex(source.value).items
  const after = itemIndex(target.value).items
  const byItem = new Map<string, CapturedNote[]>()
  const dropped: CapturedNote[] = []
  for (const e of r.value.report.entries) {
    const item = before.get(e.item)
    const answer = captured.answers[e.item]
    if (e.outcome === 'kept' || !item || !answer) continue
    const note: CapturedNote = {
      item,
      answer,
      outcome: e.outcome,
      text: e.outcome === 'dropped' ? e.reason : e.how,
    }
    const targets =
      e.outcome === 'moved'
        ? [e.to]
        : e.outcome === 'transformed'
          ? e.to
          : after.has(e.item)
            ? [e.item]
            : []
    for (const id of targets) byItem.set(id, [...(byItem.get(id) ?? []), note])
    if (e.outcome === 'dropped') dropped.push(note)
  }
  return { from: captured.instrument, migratedAt: captured.migratedAt, byItem, dropped }
}
