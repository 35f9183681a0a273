import { hasKind } from '../../../core/answer-kinds'
import { formatDateInput, parseDateInput } from '../../../core/report/format'
import { specifyInputAt } from '../item-values'
import type { FormAnswerKind } from './form-answer-kind'

export const date = {
  mainInput: 'date',
  dateInputs: ['date'],
  toAnswer(_spec, v) {
    // A date that does not read as one goes on as typed: its validator rejects it, so the
    // saved date is held back, as for a quantity typed "1O".
    const r = parseDateInput(v.date ?? '')
    if (r.ok) return { kind: 'date', date: r.iso }
    return r.problem === 'empty' ? undefined : { kind: 'date', date: v.date as string }
  },
  toItemValues: (_spec, answer, lang) => ({
    date: hasKind(answer, 'date') ? formatDateInput(answer.date, lang) : '',
  }),
  issueInput: specifyInputAt,
} satisfies FormAnswerKind<'date'>
