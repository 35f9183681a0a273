import '../zod-setup'
import { z } from 'zod'
import type { AnswerOf } from '../assessment/assessment-schema'
import { choiceOptions } from '../instrument/choice-options'
import { formatNumber } from '../report/format'
import type { AnswerKindModule } from './answer-kind'
import { checkQuantity, codes } from './checks'

/** A BAR capacity: a level, what is still possible (quantities, free text) and the conditions. */
export const capacity = {
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
      }) as z.ZodType<AnswerOf<'capacity'>>
  },
  text(answer, item, lang, unitLabel) {
    const spec = item.answer.kind === 'capacity' ? item.answer : undefined
    const quantities = Object.entries(answer.quantities ?? {}).map(([id, value]) => {
      const q = spec?.quantities.find((x) => x.id === id)
      return `${q ? q.label[lang] : id} ${formatNumber(value, lang)} ${unitLabel(q?.unit ?? '')}`.trim()
    })
    const level = answer.level
      ? (choiceOptions(item)?.find((o) => o.code === answer.level)?.label[lang] ?? answer.level)
      : ''
    return [level, ...quantities].filter(Boolean).join('; ')
  },
  isAnswered: (answer) => answer.level !== undefined,
  chosenCodes: (answer) => (answer.level === undefined ? [] : [answer.level]),
} satisfies AnswerKindModule<'capacity'>
