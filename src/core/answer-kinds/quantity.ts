import type { AnswerOf } from '../assessment/assessment-schema'
import { formatQuantity, type UnitLabel } from '../report/format'
import type { AnswerKindModuleOf, AnswerSpecOf, Lang } from './answer-kind'
import { textReport } from './answer-report'
import { rangeIssues } from './spec-checks'

const text = (
  answer: AnswerOf<'quantity'>,
  spec: AnswerSpecOf<'quantity'> | undefined,
  lang: Lang,
  unitLabel: UnitLabel,
) => formatQuantity(answer.value, spec?.unit ?? '', lang, unitLabel)

/** A number in a unit, within a range and on a step. */
export const quantity = {
  checkSpec: (spec, path) => rangeIssues([spec], path),
  optionList: () => undefined,
  quantities: () => [],
  text,
  report: (answer, spec, lang, unitLabel) => textReport(text(answer, spec, lang, unitLabel)),
  freeTexts: () => [],
  isAnswered: (answer) => Number.isFinite(answer.value),
  chosenCodes: () => [],
  choose: () => undefined,
  mapCodes: (answer) => answer,
} satisfies AnswerKindModuleOf<'quantity'>
