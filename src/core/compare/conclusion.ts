import { answerKind, hasKind } from '../answer-kinds'
import type { AnswerValue, Assessment } from '../assessment/assessment-schema'
import { isAnswered } from '../assessment/progress'
import { chosenCodes } from '../assessment/visibility'
import { choiceOptions } from '../instrument/choice-options'
import type { Answers } from '../assessment/assessment-schema'
import { checkConsistency } from '../assessment/consistency'
import { isVisible } from '../assessment/visibility'
import type { Instrument, Item, Option } from '../instrument/meta-schema'

/** How much of a form was assessed. FML: in a complete or critical FML an unticked item is Norm. */
export type Completeness = 'incomplete' | 'complete' | 'critical'

/**
 * The completeness of an assessment of an instrument with a cover conclusion, or undefined for an
 * instrument without one (a BAR). A derived form is incomplete: the BAR leaves items open, it
 * never states Norm by omission.
 */
export function completenessOf(
  instrument: Instrument,
  assessment: Assessment,
): Completeness | undefined {
  const c = instrument.conclusion
  if (c?.kind !== 'cover') return undefined
  if (assessment.derivation) return 'incomplete'
  const chosen = c.completeness && chosenCodes(assessment.answers[c.completeness.item])[0]
  if (c.completeness && chosen === c.completeness.incomplete) return 'incomplete'
  if (c.completeness && chosen === c.completeness.complete) return 'complete'
  if (c.completeness && chosen === c.completeness.critical) return 'critical'
  return chosenCodes(assessment.answers[c.item]).length ? 'complete' : 'incomplete'
}

export type ConclusionState = 'no-capacity' | 'capacity' | 'open'

export interface SideConclusion {
  state: ConclusionState
  /** Where it was read: the FML cover, or the BAR's work-time item. */
  kind: 'cover' | 'work-capacity'
  /** The item and answer that state it (for the BAR: the work-time item). */
  item: string
  answer: AnswerValue | null
  /** The answered detail items (grounds, duration; for the BAR the prognosis: from when). */
  details: { item: string; answer: AnswerValue }[]
}

/**
 * The overall conclusion of one side: whether it states no usable capacity at all (FML "geen
 * duurzaam benutbare mogelijkheden"; BAR: no work capacity at present), states capacity, or says
 * nothing yet. Undefined for an instrument that declares no conclusion.
 */
export function conclusionOf(
  instrument: Instrument,
  assessment: Assessment,
): SideConclusion | undefined {
  const c = instrument.conclusion
  if (!c) return undefined
  const raw = assessment.answers[c.item]
  const answer = raw && isAnswered(raw) ? raw : null
  let state: ConclusionState = 'open'
  if (c.kind === 'cover') {
    const code = chosenCodes(answer ?? undefined)[0]
    if (code !== undefined) state = c.noCapacity.includes(code) ? 'no-capacity' : 'capacity'
  } else if (hasKind(raw, 'capacity')) {
    // Quantities count without a level: "0 hours a day" states no work capacity on its own.
    const zero = (c.zeroMeansNone ?? []).some((q) => raw.quantities?.[q] === 0)
    if ((raw.level && c.noCapacity.includes(raw.level)) || zero) state = 'no-capacity'
    else if (raw.level || Object.keys(raw.quantities ?? {}).length) state = 'capacity'
  }
  const details = (c.details ?? []).flatMap((item) => {
    const a = assessment.answers[item]
    return a && isAnswered(a) ? [{ item, answer: a }] : []
  })
  return {
    state,
    kind: c.kind,
    item: c.item,
    answer: answer ?? (hasKind(raw, 'capacity') && raw.quantities ? raw : null),
    details,
  }
}

export type ConclusionStatus =
  'agree' | 'ba-more-restrictive' | 'va-more-restrictive' | 'only-ba' | 'only-va' | 'open'

/**
 * Compares two conclusions: no capacity is more restrictive than any stated capacity; an open
 * conclusion on one side leaves the other side's standing alone.
 */
export function compareConclusions(
  ba: SideConclusion | undefined,
  va: SideConclusion | undefined,
): ConclusionStatus {
  const a = ba?.state ?? 'open'
  const b = va?.state ?? 'open'
  if (a === 'open' && b === 'open') return 'open'
  if (a === 'open') return 'only-va'
  if (b === 'open') return 'only-ba'
  if (a === b) return 'agree'
  return a === 'no-capacity' ? 'ba-more-restrictive' : 'va-more-restrictive'
}

/** The rank-0 option of a ranked choice item: what an unticked item means in a complete FML. */
export function normOption(item: Item): Option | undefined {
  const norm = choiceOptions(item)?.find((o) => o.rank === 0)
  // Only a kind that answers with one option has a Norm: not a BAR capacity's lowest level.
  return norm && answerKind(item.answer.kind).choose(norm.code) ? norm : undefined
}

/** The answer "Norm" for an item that has one. */
export function normAnswer(item: Item): AnswerValue | undefined {
  const norm = normOption(item)
  return norm && answerKind(item.answer.kind).choose(norm.code)
}

/**
 * "All other items: Norm": the Norm answer for every shown, unanswered, ranked item outside the
 * section holding the cover conclusion. Answers already given are never touched.
 */
export function normForOpenItems(instrument: Instrument, answers: Answers): Answers {
  const c = instrument.conclusion
  if (c?.kind !== 'cover') return {}
  const out: Answers = {}
  for (const section of instrument.sections) {
    if (section.items.some((i) => i.id === c.item)) continue
    for (const item of section.items) {
      if (isAnswered(answers[item.id]) || !isVisible(item, answers, instrument)) continue
      const norm = normAnswer(item)
      if (norm) out[item.id] = norm
    }
  }
  // A Norm that an answer already given excludes (I.8 "Nee" beside a slowed pace) stays open.
  for (const c of checkConsistency(instrument, { ...answers, ...out })) delete out[c.item]
  return out
}
