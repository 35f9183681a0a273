import type { AnswerKindModuleOf } from './answer-kind'
import { textReport } from './answer-report'

/** A free text, up to the item's length. */
export const text = {
  checkSpec: () => [],
  optionList: () => undefined,
  quantities: () => [],
  text: (answer) => answer.text,
  report: (answer) => ({ ...textReport(answer.text), free: true }),
  freeTexts: (answer) => (answer.text.trim() ? [{ field: 'text', text: answer.text }] : []),
  isAnswered: (answer) => answer.text.trim() !== '',
  chosenCodes: () => [],
  choose: () => undefined,
  mapCodes: (answer) => answer,
} satisfies AnswerKindModuleOf<'text'>
