import '../zod-setup'
import { z } from 'zod'
import { isoDateSchema } from '../assessment/iso-date'
import { formatDate } from '../report/format'
import type { AnswerKindModule } from './answer-kind'

/** A calendar date, saved as `YYYY-MM-DD`. */
export const date = {
  answerSchema: () => z.strictObject({ kind: z.literal('date'), date: isoDateSchema }),
  text: (answer, _item, lang) => formatDate(answer.date, lang),
  isAnswered: (answer) => answer.date !== '',
  chosenCodes: () => [],
} satisfies AnswerKindModule<'date'>
