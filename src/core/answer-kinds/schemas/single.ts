import '../../zod-setup'
import { z } from 'zod'
import { idSchema, optionSchema } from '../../instrument/base-schema'
import type { AnswerKindSchemas } from '../answer-kind'
import { codes, fail, needsSpecify, SPECIFY_EN, SPECIFY_NL } from './checks'

const specSchema = z.strictObject({
  kind: z.literal('single'),
  options: z.array(optionSchema).min(2),
})
const valueSchema = z.strictObject({
  kind: z.literal('single'),
  choice: idSchema,
  specify: z.string().max(2000).optional(),
})

/** One option of a list, with a "namely" text where the option asks for one. */
export const single = {
  specSchema,
  valueSchema,
  answerSchema(spec) {
    const byCode = new Map(spec.options.map((o) => [o.code, o]))
    return z
      .strictObject({
        kind: z.literal('single'),
        choice: codes(spec.options),
        specify: z.string().max(2000).optional(),
      })
      .superRefine((v, ctx) => {
        if (needsSpecify(byCode.get(v.choice), v.specify))
          fail(ctx, ['specify'], SPECIFY_NL, SPECIFY_EN)
      })
  },
} satisfies AnswerKindSchemas<z.infer<typeof specSchema>, z.infer<typeof valueSchema>>
