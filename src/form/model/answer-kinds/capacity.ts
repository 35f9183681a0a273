import { hasKind } from '../../../core/answer-kinds'
import {
  formatNumber,
  parseNumber,
  quantityKey,
  specifyInputAt,
  trimmedOrUndefined,
  type ItemValues,
} from '../item-values'
import type { FormAnswerKind } from './form-answer-kind'

export const capacity = {
  mainInput: 'level',
  dateInputs: [],
  toAnswer(spec, v) {
    const quantities: Record<string, number> = {}
    spec.quantities.forEach((q) => {
      const n = parseNumber(v[quantityKey(q.id)])
      if (n !== undefined) quantities[q.id] = n
    })
    const possible = trimmedOrUndefined(v.possible)
    const conditions = trimmedOrUndefined(v.conditions)
    if (!v.level && !Object.keys(quantities).length && !possible && !conditions) return undefined
    return {
      kind: 'capacity',
      ...(v.level ? { level: v.level } : {}),
      ...(Object.keys(quantities).length ? { quantities } : {}),
      ...(possible !== undefined ? { possible } : {}),
      ...(conditions !== undefined ? { conditions } : {}),
    }
  },
  toItemValues(spec, answer, lang) {
    const c = hasKind(answer, 'capacity') ? answer : undefined
    const v: ItemValues = {
      level: c?.level ?? null,
      possible: c?.possible ?? '',
      conditions: c?.conditions ?? '',
    }
    spec.quantities.forEach((q) => {
      const n = c?.quantities?.[q.id]
      v[quantityKey(q.id)] = n === undefined ? '' : formatNumber(n, lang)
    })
    return v
  },
  issueInput(path) {
    const [first, second] = path
    if (first === 'quantities' && typeof second === 'string') return quantityKey(second)
    return specifyInputAt(path)
  },
} satisfies FormAnswerKind<'capacity'>
