import { answerKind, hasKind } from '../answer-kinds'
import type { Lang } from '../answer-kinds/answer-kind'
import type { AnswerValue } from '../assessment/assessment-schema'
import type { Item } from '../instrument/meta-schema'
import type { UnitLabel } from './format'

/**
 * A short, plain-text reading of an answer in one language, e.g. `2 Beperkt` or
 * `Matige beperking; max-load 7,5 kg`. Units come as ids, with their value: the caller's i18n
 * labels them (`unitLabelFrom`).
 */
export function answerText(
  item: Item,
  answer: AnswerValue | null | undefined,
  lang: Lang,
  unitLabel: UnitLabel = (u) => u,
): string {
  if (!answer) return ''
  const spec = hasKind(item.answer, answer.kind) ? item.answer : undefined
  return answerKind(answer.kind).text(answer, spec, lang, unitLabel)
}
