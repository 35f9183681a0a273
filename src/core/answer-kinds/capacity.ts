import '../zod-setup'
import { z } from 'zod'
import { idSchema, namedQuantitySchema, optionSchema } from '../instrument/base-schema'
import type { ReportDetail } from '../report/report-model'
import { formatQuantity } from '../report/format'
import type { AnswerKindModule } from './answer-kind'
import { checkQuantity, codes } from './checks'
import { optionListIssues, quantityIdIssues, rangeIssues } from './spec-checks'

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
type Spec = z.infer<typeof specSchema>
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
  checkSpec: (spec, path) => [
    ...optionListIssues(spec.levels, [...path, 'levels']),
    ...quantityIdIssues(spec.quantities, [...path, 'quantities']),
    ...rangeIssues(spec.quantities, path),
  ],
  optionList: (spec) => spec.levels,
  quantities: (spec) => spec.quantities,
  text(answer, spec, lang, unitLabel) {
    const quantities = Object.entries(answer.quantities ?? {}).map(([id, value]) => {
      const q = spec?.quantities.find((x) => x.id === id)
      return `${q ? q.label[lang] : id} ${formatQuantity(value, q?.unit ?? '', lang, unitLabel)}`
    })
    const level = answer.level
      ? (spec?.levels.find((o) => o.code === answer.level)?.label[lang] ?? answer.level)
      : ''
    return [level, ...quantities].filter(Boolean).join('; ')
  },
  report(answer, spec, lang, unitLabel) {
    const level = spec?.levels.find((o) => o.code === answer.level)
    const details: ReportDetail[] = []
    for (const q of spec?.quantities ?? []) {
      const value = answer.quantities?.[q.id]
      if (value !== undefined)
        details.push({
          kind: 'quantity',
          label: q.label[lang],
          text: formatQuantity(value, q.unit, lang, unitLabel),
        })
    }
    if (answer.possible)
      details.push({ kind: 'possible', field: 'possible', text: answer.possible })
    if (answer.conditions)
      details.push({ kind: 'conditions', field: 'conditions', text: answer.conditions })
    return { answer: level ? level.label[lang] : '', details, limited: (level?.rank ?? 0) > 0 }
  },
  freeTexts: (answer) =>
    (['possible', 'conditions'] as const).flatMap((field) => {
      const text = answer[field]
      return text?.trim() ? [{ field, text }] : []
    }),
  isAnswered: (answer) => answer.level !== undefined,
  chosenCodes: (answer) => (answer.level === undefined ? [] : [answer.level]),
  choose: () => undefined,
  mapCodes(answer, to) {
    if (answer.level === undefined) return answer
    const level = to(answer.level)
    if (level !== undefined) return { ...answer, level }
    const rest = { ...answer }
    delete rest.level
    // A capacity with nothing left in it says nothing.
    return Object.keys(rest).length > 1 ? rest : undefined
  },
} satisfies AnswerKindModule<Spec, Value>
