import '../zod-setup'
import { z } from 'zod'
import type { AnswerKindModule } from './answer-kind'
import { codes, fail, needsSpecify, SPECIFY_EN, SPECIFY_NL } from './checks'
import { optionText } from './option-text'

/** One option of a list, with a "namely" text where the option asks for one. */
export const single = {
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
  text: (answer, item, lang) =>
    [optionText(item, answer.choice, lang), answer.specify].filter(Boolean).join(': '),
  isAnswered: () => true,
  chosenCodes: (answer) => [answer.choice],
} satisfies AnswerKindModule<'single'>
