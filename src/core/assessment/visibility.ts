import { answerKind } from '../answer-kinds'
import { itemIndex } from '../instrument/item-index'
import type { Instrument, Item } from '../instrument/meta-schema'
import type { AnswerValue, Answers } from './assessment-schema'

/** The option codes an answer has chosen: a single choice, multiple choices, or a capacity level. */
export function chosenCodes(answer: AnswerValue | undefined): string[] {
  return answer ? answerKind(answer.kind).chosenCodes(answer) : []
}

/**
 * An item is shown unless its condition names options the controlling item has not chosen, or the
 * controlling item is itself hidden: hiding follows the whole chain of conditions (the loader
 * refuses a chain that comes back to where it started).
 */
export function isVisible(item: Item, answers: Answers, instrument: Instrument): boolean {
  const items = itemIndex(instrument).items
  let current: Item | undefined = item
  // The bound keeps an instrument that skipped the loader from looping.
  for (let depth = 0; current?.visibleWhen && depth <= items.size; depth++) {
    const c: NonNullable<Item['visibleWhen']> = current.visibleWhen
    const chosen = chosenCodes(answers[c.item])
    if (!c.anyOf.some((code) => chosen.includes(code))) return false
    current = items.get(c.item)
  }
  return true
}

/** Drops answers of items that their condition hides, so a saved assessment says only what is shown. */
export function withoutHidden(instrument: Instrument, answers: Answers): Answers {
  const out: Answers = {}
  for (const section of instrument.sections)
    for (const item of section.items) {
      const a = answers[item.id]
      if (a !== undefined && isVisible(item, answers, instrument)) out[item.id] = a
    }
  return out
}
