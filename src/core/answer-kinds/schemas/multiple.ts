import '../../zod-setup'
import { z } from 'zod'
import { idSchema, optionSchema } from '../../instrument/base-schema'
import type { AnswerKindSchemas } from '../answer-kind'
import { codes, fail, needsSpecify, SPECIFY_EN, SPECIFY_NL } from './checks'

const specSchema = z.strictObject({
  kind: z.literal('multiple'),
  options: z.array(optionSchema).min(2),
})
const valueSchema = z.strictObject({
  kind: z.literal('multiple'),
  choices: z.array(idSchema).min(1),
  /** "namelijk ..." texts, by option code. */
  specify: z.record(idSchema, z.string().max(2000)).optional(),
})
type Value = z.infer<typeof valueSchema>

/** Any number of options of a list (at least one), an exclusive option alone. */
export const multiple = {
  specSchema,
  valueSchema,
  answerSchema(spec) {
    const byCode = new Map(spec.options.map((o) => [o.code, o]))
    return z
      .strictObject({
        kind: z.literal('multiple'),
        choices: z.array(codes(spec.options)).min(1),
        specify: z.partialRecord(codes(spec.options), z.string().max(2000)).optional(),
      })
      .superRefine((v, ctx) => {
        if (new Set(v.choices).size !== v.choices.length)
          fail(ctx, ['choices'], 'Een keuze staat er dubbel in', 'A choice is listed twice')
        const exclusive = v.choices.filter((c) => byCode.get(c)?.exclusive)
        if (exclusive.length && v.choices.length > 1)
          fail(
            ctx,
            ['choices'],
            `Keuze "${exclusive[0]}" kan niet samen met andere keuzes`,
            `Choice "${exclusive[0]}" cannot be combined with other choices`,
          )
        for (const c of v.choices)
          if (needsSpecify(byCode.get(c), v.specify?.[c]))
            fail(ctx, ['specify', c], SPECIFY_NL, SPECIFY_EN)
      }) as z.ZodType<Value>
  },
} satisfies AnswerKindSchemas<z.infer<typeof specSchema>, Value>
