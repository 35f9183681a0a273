import '../zod-setup'
import { z } from 'zod'
import { quantitySpecSchema } from '../instrument/base-schema'
import { formatQuantity, type UnitLabel } from '../report/format'
import type { AnswerKindModule, Lang } from './answer-kind'
import { checkQuantity } from './checks'
import { textReport } from './answer-report'
import { rangeIssues } from './spec-checks'

const specSchema = quantitySpecSchema.extend({ kind: z.literal('quantity') })
const valueSchema = z.strictObject({
  kind: z.literal('quantity'),
  value: z.number(),
})
type Spec = z.infer<typeof specSchema>
type Value = z.infer<typeof valueSchema>

const text = (answer: Value, spec: Spec | undefined, lang: Lang, unitLabel: UnitLabel) =>
  formatQuantity(answer.value, spec?.unit ?? '', lang, unitLabel)

/** A number in a unit, within a range and on a step. */
export const quantity = {
  specSchema,
  valueSchema,
  answerSchema: (spec) =>
    z
      .strictObject({ kind: z.literal('quantity'), value: z.number() })
      .superRefine((v, ctx) => checkQuantity(v.value, spec, ctx, ['value'])),
  checkSpec: (spec, path) => rangeIssues([spec], path),
  optionList: () => undefined,
  quantities: () => [],
  text,
  report: (answer, spec, lang, unitLabel) => textReport(text(answer, spec, lang, unitLabel)),
  freeTexts: () => [],
  isAnswered: (answer) => Number.isFinite(answer.value),
  chosenCodes: () => [],
  choose: () => undefined,
  mapCodes: (answer) => answer,
} satisfies AnswerKindModule<Spec, Value>
