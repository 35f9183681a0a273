import { hasKind } from '../../../core/answer-kinds'
import { specifyKey, trimmedOrUndefined, type ItemValues } from '../item-values'
import type { FormAnswerKind } from './form-answer-kind'

export const single = {
  mainInput: 'choice',
  dateInputs: [],
  toAnswer(spec, v) {
    if (!v.choice) return undefined
    const option = spec.options.find((o) => o.code === v.choice)
    const specify = trimmedOrUndefined(v[specifyKey(v.choice)])
    return {
      kind: 'single',
      choice: v.choice,
      ...(specify !== undefined && option?.specify ? { specify } : {}),
    }
  },
  toItemValues(spec, answer) {
    const v: ItemValues = { choice: hasKind(answer, 'single') ? answer.choice : null }
    spec.options.forEach((o) => {
      if (o.specify)
        v[specifyKey(o.code)] =
          hasKind(answer, 'single') && answer.choice === o.code ? (answer.specify ?? '') : ''
    })
    return v
  },
  issueInput(path, answer) {
    const [first, second] = path
    if (first !== 'specify') return undefined
    // A single answer has one "namely" text: the chosen option's.
    const code = hasKind(answer, 'single') ? answer.choice : second
    return typeof code === 'string' ? specifyKey(code) : undefined
  },
} satisfies FormAnswerKind<'single'>
