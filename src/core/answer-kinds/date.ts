import '../zod-setup'
import { z } from 'zod'
import { isoDateSchema } from '../assessment/iso-date'
import { formatDate } from '../report/format'
import type { AnswerKindModule } from './answer-kind'
import { textReport } from './answer-report'

const specSchema = z.strictObject({ kind: z.literal('date') })
const valueSchema = z.strictObject({
  kind: z.literal('date'),
  date: isoDateSchema,
})
type Spec = z.infer<typeof specSchema>
type Value = z.infer<typeof valueSchema>

/** A calendar date, saved as `YYYY-MM-DD`. */
export const date = {
  specSchema,
  valueSchema,
  answerSchema: () => z.strictObject({ kind: z.literal('date'), date: isoDateSchema }),
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
} satisfies AnswerKindModule<Spec, Value>
