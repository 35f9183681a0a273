import { hasKind } from '../../../core/answer-kinds'
import { specifyInputAt, trimmedOrUndefined } from '../item-values'
import type { FormAnswerKind } from './form-answer-kind'

export const text = {
  mainInput: 'text',
  dateInputs: [],
  toAnswer: (_spec, v) =>
    trimmedOrUndefined(v.text) === undefined ? undefined : { kind: 'text', text: v.text as string },
  toItemValues: (_spec, answer) => ({ text: hasKind(answer, 'text') ? answer.text : '' }),
  issueInput: specifyInputAt,
} satisfies FormAnswerKind<'text'>
