import '../zod-setup'
import { z } from 'zod'
import { formatNumber } from '../report/format'
import type { AnswerKindModule } from './answer-kind'
import { checkQuantity } from './checks'

/** A number in a unit, within a range and on a step. */
export const quantity = {
  answerSchema: (spec) =>
    z
      .strictObject({ kind: z.literal('quantity'), value: z.number() })
      .superRefine((v, ctx) => checkQuantity(v.value, spec, ctx, ['value'])),
  text: (answer, item, lang, unitLabel) =>
    `${formatNumber(answer.value, lang)} ${unitLabel(item.answer.kind === 'quantity' ? item.answer.unit : '')}`.trim(),
  isAnswered: (answer) => Number.isFinite(answer.value),
  chosenCodes: () => [],
} satisfies AnswerKindModule<'quantity'>
