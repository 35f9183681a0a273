import { hasKind } from '../../../core/answer-kinds'
import { formatNumber, parseNumber, specifyInputAt } from '../item-values'
import type { FormAnswerKind } from './form-answer-kind'

export const quantity = {
  mainInput: 'value',
  dateInputs: [],
  toAnswer(_spec, v) {
    const value = parseNumber(v.value)
    return value === undefined ? undefined : { kind: 'quantity', value }
  },
  toItemValues: (_spec, answer, lang) => ({
    value: hasKind(answer, 'quantity') ? formatNumber(answer.value, lang) : '',
  }),
  issueInput: specifyInputAt,
} satisfies FormAnswerKind<'quantity'>
