import { hasKind } from '../../../core/answer-kinds'
import { specifyInputAt, specifyKey, trimmedOrUndefined, type ItemValues } from '../item-values'
import type { FormAnswerKind } from './form-answer-kind'

export const multiple = {
  mainInput: 'choices',
  dateInputs: [],
  toAnswer(spec, v) {
    const choices = Array.isArray(v.choices)
      ? spec.options.map((o) => o.code).filter((c) => (v.choices as string[]).includes(c))
      : []
    if (!choices.length) return undefined
    const specify: Record<string, string> = {}
    spec.options.forEach((o) => {
      const text = trimmedOrUndefined(v[specifyKey(o.code)])
      if (o.specify && choices.includes(o.code) && text !== undefined) specify[o.code] = text
    })
    return { kind: 'multiple', choices, ...(Object.keys(specify).length ? { specify } : {}) }
  },
  toItemValues(spec, answer) {
    const v: ItemValues = { choices: hasKind(answer, 'multiple') ? [...answer.choices] : [] }
    spec.options.forEach((o) => {
      if (o.specify)
        v[specifyKey(o.code)] = hasKind(answer, 'multiple') ? (answer.specify?.[o.code] ?? '') : ''
    })
    return v
  },
  issueInput: specifyInputAt,
} satisfies FormAnswerKind<'multiple'>
