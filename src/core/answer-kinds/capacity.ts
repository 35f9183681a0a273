import type { ReportDetail } from '../report/report-model'
import { formatQuantity } from '../report/format'
import type { AnswerKindModuleOf } from './answer-kind'
import { optionListIssues, quantityIdIssues, rangeIssues } from './spec-checks'

/** A BAR capacity: a level, what is still possible (quantities, free text) and the conditions. */
export const capacity = {
  checkSpec: (spec, path) => [
    ...optionListIssues(spec.levels, [...path, 'levels']),
    ...quantityIdIssues(spec.quantities, [...path, 'quantities']),
    ...rangeIssues(spec.quantities, path),
  ],
  optionList: (spec) => spec.levels,
  quantities: (spec) => spec.quantities,
  text(answer, spec, lang, unitLabel) {
    const quantities = Object.entries(answer.quantities ?? {}).map(([id, value]) => {
      const q = spec?.quantities.find((x) => x.id === id)
      return `${q ? q.label[lang] : id} ${formatQuantity(value, q?.unit ?? '', lang, unitLabel)}`
    })
    const level = answer.level
      ? (spec?.levels.find((o) => o.code === answer.level)?.label[lang] ?? answer.level)
      : ''
    return [level, ...quantities].filter(Boolean).join('; ')
  },
  report(answer, spec, lang, unitLabel) {
    const level = spec?.levels.find((o) => o.code === answer.level)
    const details: ReportDetail[] = []
    for (const q of spec?.quantities ?? []) {
      const value = answer.quantities?.[q.id]
      if (value !== undefined)
        details.push({
          kind: 'quantity',
          label: q.label[lang],
          text: formatQuantity(value, q.unit, lang, unitLabel),
        })
    }
    if (answer.possible)
      details.push({ kind: 'possible', field: 'possible', text: answer.possible })
    if (answer.conditions)
      details.push({ kind: 'conditions', field: 'conditions', text: answer.conditions })
    return { answer: level ? level.label[lang] : '', details, limited: (level?.rank ?? 0) > 0 }
  },
  freeTexts: (answer) =>
    (['possible', 'conditions'] as const).flatMap((field) => {
      const text = answer[field]
      return text?.trim() ? [{ field, text }] : []
    }),
  isAnswered: (answer) => answer.level !== undefined,
  chosenCodes: (answer) => (answer.level === undefined ? [] : [answer.level]),
  choose: () => undefined,
  mapCodes(answer, to) {
    if (answer.level === undefined) return answer
    const level = to(answer.level)
    if (level !== undefined) return { ...answer, level }
    const rest = { ...answer }
    delete rest.level
    // A capacity with nothing left in it says nothing.
    return Object.keys(rest).length > 1 ? rest : undefined
  },
} satisfies AnswerKindModuleOf<'capacity'>
