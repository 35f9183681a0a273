import '../../zod-setup'
import { z } from 'zod'
import { isoDateSchema } from '../../assessment/iso-date'
import type { AnswerKindSchemas } from '../answer-kind'

const specSchema = z.strictObject({ kind: z.literal('date') })
const valueSchema = z.strictObject({
  kind: z.literal('date'),
  date: isoDateSchema,
})

/** A calendar date, saved as `YYYY-MM-DD`. */
export const date = {
  specSchema,
  valueSchema,
  answerSchema: () => z.strictObject({ kind: z.literal('date'), date: isoDateSchema }),
} satisfies AnswerKindSchemas<z.infer<typeof specSchema>, z.infer<typeof valueSchema>>
