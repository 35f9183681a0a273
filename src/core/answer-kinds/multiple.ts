import '../zod-setup'
import { z } from 'zod'
import type { AnswerOf } from '../assessment/assessment-schema'
import type { AnswerKindModule } from './answer-kind'
import { codes, fail, needsSpecify, SPECIFY_EN, SPECIFY_NL } from './checks'
import { optionText } from './option-text'

/** Any number of options of a list (at least one), an exclusive option alone. */
export const multiple = {
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
      }) as z.ZodType<AnswerOf<'multiple'>>
  },
  text: (answer, item, lang) =>
    answer.choices
      .map((c) => [optionText(item, c, lang), answer.specify?.[c]].filter(Boolean).join(': '))
      .join('; '),
  isAnswered: (answer) => answer.choices.length > 0,
  chosenCodes: (answer) => answer.choices,
} satisfies AnswerKindModule<'multiple'>
