import type { Instrument, Item } from '../instrument/meta-schema'
import type { AnswerValue, Answers } from './assessment-schema'

/** The option codes an answer has chosen: a single choice, multiple choices, or a capacity level. */
export function chosenCodes(answer: AnswerValue | undefined): string[] {
  if (!answer) return []
  switch (answer.kind) {
    case 'single':
      return [answer.choice]
    case 'multiple':
      return answer.choices
    case 'capacity':
      return answer.level === undefined ? [] : [answer.level]
    default:
      return []
  }
}

/** An item is shown unless its condition names options the controlling item has not chosen. */
export function isVisible(item: Item, answers: Answers): boolean {
  const c = item.visibleWhen
  if (!c) return true
  const chosen = chosenCodes(answers[c.item])
  return c.anyOf.some((code) => chosen.includes(code))
}

/** Drops answers of items that their condition hides, so a saved assessment says only what is shown. */
export function withoutHidden(instrument: Instrument, answers: Answers): Answers {
  const out: Answers = {}
  for (const section of instrument.sections)
    for (const item of section.items) {
      const a = answers[item.id]
      if (a !== undefined && isVisible(item, answers)) out[item.id] = a
    }
  return out
}
