import { formatDate } from '../report/format'
import type { AnswerKindModuleOf } from './answer-kind'
import { textReport } from './answer-report'

/** A calendar date, saved as `YYYY-MM-DD`. */
export const date = {
  checkSpec: () => [],
  optionList: () => undefined,
  quantities: () => [],
  text: (answer, _spec, lang) => formatDate(answer.date, lang),
  report: (answer, _spec, lang) => textReport(formatDate(answer.date, lang)),
  freeTexts: () => [],
  isAnswered: (answer) => answer.date !== '',
  chosenCodes: () => [],
  choose: () => undefined,
  mapCodes: (answer) => answer,
} satisfies AnswerKindModuleOf<'date'>
