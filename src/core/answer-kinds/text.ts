import '../zod-setup'
import { z } from 'zod'
import type { AnswerKindModule } from './answer-kind'
import { textReport } from './answer-report'

const specSchema = z.strictObject({
  kind: z.literal('text'),
  multiline: z.boolean(),
  maxLength: z.int().positive().max(20000),
})
const valueSchema = z.strictObject({
  kind: z.literal('text'),
  text: z.string().max(20000),
})
type Spec = z.infer<typeof specSchema>
type Value = z.infer<typeof valueSchema>

/** A free text, up to the item's length. */
export const text = {
  specSchema,
  valueSchema,
  answerSchema: (spec) =>
    z.strictObject({ kind: z.literal('text'), text: z.string().max(spec.maxLength) }),
  checkSpec: () => [],
  optionList: () => undefined,
  quantities: () => [],
  text: (answer) => answer.text,
  report: (answer) => ({ ...textReport(answer.text), free: true }),
  freeTexts: (answer) => (answer.text.trim() ? [{ field: 'text', text: answer.text }] : []),
  isAnswered: (answer) => answer.text.trim() !== '',
  chosenCodes: () => [],
  choose: () => undefined,
  mapCodes: (answer) => answer,
} satisfies AnswerKindModule<Spec, Value>
