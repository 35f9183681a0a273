import '../../zod-setup'
import { z } from 'zod'
import { quantitySpecSchema } from '../../instrument/base-schema'
import type { AnswerKindSchemas } from '../answer-kind'
import { checkQuantity } from './checks'

const specSchema = quantitySpecSchema.extend({ kind: z.literal('quantity') })
const valueSchema = z.strictObject({
  kind: z.literal('quantity'),
  value: z.number(),
})

/** A number in a unit, within a range and on a step. */
export const quantity = {
  specSchema,
  valueSchema,
  answerSchema: (spec) =>
    z
      .strictObject({ kind: z.literal('quantity'), value: z.number() })
      .superRefine((v, ctx) => checkQuantity(v.value, spec, ctx, ['value'])),
} satisfies AnswerKindSchemas<z.infer<typeof specSchema>, z.infer<typeof valueSchema>>
