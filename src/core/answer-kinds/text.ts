import '../zod-setup'
import { z } from 'zod'
import type { AnswerKindModule } from './answer-kind'

/** A free text, up to the item's length. */
export const text = {
  answerSchema: (spec) =>
    z.strictObject({ kind: z.literal('text'), text: z.string().max(spec.maxLength) }),
  text: (answer) => answer.text,
  isAnswered: (answer) => answer.text.trim() !== '',
  chosenCodes: () => [],
} satisfies AnswerKindModule<'text'>
