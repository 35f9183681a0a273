import '../../zod-setup'
import { z } from 'zod'
import { idSchema, namedQuantitySchema, optionSchema } from '../../instrument/base-schema'
import type { AnswerKindSchemas } from '../answer-kind'
import { checkQuantity, codes } from './checks'

/**
 * A BAR capacity: a limitation level, what is still possible (quantities where the FML
 * has a threshold for the same capacity, and free text) and the conditions for work.
 */
const specSchema = z.strictObject({
  kind: z.literal('capacity'),
  levels: z.array(optionSchema).min(2),
  quantities: z.array(namedQuantitySchema),
})
const valueSchema = z.strictObject({
  kind: z.literal('capacity'),
  level: idSchema.optional(),
  /** What is still possible, by quantity id, in the unit the instrument gives it. */
  quantities: z.record(idSchema, z.number()).optional(),
  possible: z.string().max(5000).optional(),
  conditions: z.string().max(5000).optional(),
})
type Value = z.infer<typeof valueSchema>

/** A BAR capacity: a level, what is still possible (quantities, free text) and the conditions. */
export const capacity = {
  specSchema,
  valueSchema,
  answerSchema(spec) {
    const specs = new Map(spec.quantities.map((q) => [q.id, q]))
    const quantityIds = spec.quantities.map((q) => q.id)
    return z
      .strictObject({
        kind: z.literal('capacity'),
        level: codes(spec.levels).optional(),
        quantities: z
          .partialRecord(
            quantityIds.length ? z.enum(quantityIds as [string, ...string[]]) : z.never(),
            z.number(),
          )
          .optional(),
        possible: z.string().max(5000).optional(),
        conditions: z.string().max(5000).optional(),
      })
      .superRefine((v, ctx) => {
        for (const [id, value] of Object.entries(v.quantities ?? {})) {
          const q = specs.get(id)
          if (q) checkQuantity(value as number, q, ctx, ['quantities', id])
        }
      }) as z.ZodType<Value>
  },
} satisfies AnswerKindSchemas<z.infer<typeof specSchema>, Value>
