import { specifyInputAt, trimmedOrUndefined } from '../item-values'
import type { FormAnswerKind } from './form-answer-kind'

export const text = {
  mainInput: 'text',
  toAnswer: (_spec, v) =>
    trimmedOrUndefined(v.text) === undefined ? undefined : { kind: 'text', text: v.text as string },
  toItemValues: (_spec, answer) => ({ text: answer?.kind === 'text' ? answer.text : '' }),
  issueInput: specifyInputAt,
} satisfies FormAnswerKind<'text'>
