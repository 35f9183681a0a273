import '../zod-setup'
import { z } from 'zod'
import { idSchema, optionSchema } from '../instrument/base-schema'
import type { AnswerKindModule } from './answer-kind'
import { codes, fail, needsSpecify, SPECIFY_EN, SPECIFY_NL } from './checks'
import { choiceReport } from './answer-report'
import { optionText } from './option-text'
import { optionListIssues } from './spec-checks'

const specSchema = z.strictObject({
  kind: z.literal('single'),
  options: z.array(optionSchema).min(2),
})
const valueSchema = z.strictObject({
  kind: z.literal('single'),
  choice: idSchema,
  specify: z.string().max(2000).optional(),
})
type Spec = z.infer<typeof specSchema>
type Value = z.infer<typeof valueSchema>

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
  checkSpec: (spec, path) => optionListIssues(spec.options, [...path, 'options']),
  optionList: (spec) => spec.options,
  quantities: () => [],
  text: (answer, spec, lang) =>
    [optionText(spec?.options, answer.choice, lang), answer.specify].filter(Boolean).join(': '),
  report: (answer, spec, lang) =>
    choiceReport(
      [answer.choice],
      spec?.options,
      lang,
      answer.specify ? [{ kind: 'specify', field: 'specify', text: answer.specify }] : [],
    ),
  freeTexts: (answer) =>
    answer.specify?.trim() ? [{ field: 'specify', text: answer.specify }] : [],
  isAnswered: () => true,
  chosenCodes: (answer) => [answer.choice],
  choose: (code, specify) => ({ kind: 'single', choice: code, ...(specify ? { specify } : {}) }),
  mapCodes(answer, to) {
    const choice = to(answer.choice)
    return choice === undefined ? undefined : { ...answer, choice }
  },
} satisfies AnswerKindModule<Spec, Value>
