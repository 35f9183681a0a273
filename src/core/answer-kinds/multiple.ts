import '../zod-setup'
import { z } from 'zod'
import { idSchema, optionSchema } from '../instrument/base-schema'
import type { AnswerKindModule } from './answer-kind'
import { codes, fail, needsSpecify, SPECIFY_EN, SPECIFY_NL } from './checks'
import { choiceReport } from './answer-report'
import { optionText } from './option-text'
import { optionListIssues } from './spec-checks'

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
type Spec = z.infer<typeof specSchema>
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
  checkSpec: (spec, path) => optionListIssues(spec.options, [...path, 'options']),
  optionList: (spec) => spec.options,
  quantities: () => [],
  text: (answer, spec, lang) =>
    answer.choices
      .map((c) =>
        [optionText(spec?.options, c, lang), answer.specify?.[c]].filter(Boolean).join(': '),
      )
      .join('; '),
  report: (answer, spec, lang) =>
    choiceReport(
      answer.choices,
      spec?.options,
      lang,
      Object.entries(answer.specify ?? {}).map(([code, text]) => ({
        kind: 'specify',
        field: `specify.${code}`,
        label: code,
        text,
      })),
    ),
  freeTexts: (answer) =>
    Object.entries(answer.specify ?? {}).flatMap(([code, text]) =>
      text.trim() ? [{ field: `specify.${code}`, text }] : [],
    ),
  isAnswered: (answer) => answer.choices.length > 0,
  chosenCodes: (answer) => answer.choices,
  choose: (code, specify) => ({
    kind: 'multiple',
    choices: [code],
    ...(specify ? { specify: { [code]: specify } } : {}),
  }),
  mapCodes(answer, to) {
    const choices: string[] = []
    const specify: Record<string, string> = {}
    for (const c of answer.choices) {
      const t = to(c)
      if (t === undefined) continue
      if (!choices.includes(t)) choices.push(t)
      // Two codes mapped into one keep the first "namely" text given.
      const text = answer.specify?.[c]
      if (text !== undefined && specify[t] === undefined) specify[t] = text
    }
    if (!choices.length) return undefined
    return { kind: 'multiple', choices, ...(Object.keys(specify).length ? { specify } : {}) }
  },
} satisfies AnswerKindModule<Spec, Value>
