import '../../zod-setup'
import { z } from 'zod'
import type { AnswerKindSchemas } from '../answer-kind'

const specSchema = z.strictObject({
  kind: z.literal('text'),
  multiline: z.boolean(),
  maxLength: z.int().positive().max(20000),
})
const valueSchema = z.strictObject({
  kind: z.literal('text'),
  text: z.string().max(20000),
})

/** A free text, up to the item's length. */
export const text = {
  specSchema,
  valueSchema,
  answerSchema: (spec) =>
    z.strictObject({ kind: z.literal('text'), text: z.string().max(spec.maxLength) }),
} satisfies AnswerKindSchemas<z.infer<typeof specSchema>, z.infer<typeof valueSchema>>
