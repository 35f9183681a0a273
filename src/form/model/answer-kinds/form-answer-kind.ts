import type { AnswerSpecOf } from '../../../core/answer-kinds'
import type { AnswerOf, AnswerValue } from '../../../core/assessment/assessment-schema'
import type { AnswerKind } from '../../../core/instrument/meta-schema'
import type { ItemValues } from '../item-values'

/** How one answer kind's inputs map to its answer and back, without a framework. */
export interface FormAnswerKind<K extends AnswerKind> {
  /** The input that stands for the whole item: where errors without a finer place go, and focus lands. */
  mainInput: string
  /** Its inputs that hold a date as typed: checked as typed, and rewritten when the language changes. */
  dateInputs: readonly 'date'[]
  /** The answer the inputs hold, or undefined when nothing was filled in. */
  toAnswer(spec: AnswerSpecOf<K>, v: ItemValues): AnswerOf<K> | undefined
  /** The inputs' values from a saved answer (of any kind: another kind fills in nothing). */
  toItemValues(
    spec: AnswerSpecOf<K>,
    answer: AnswerValue | undefined,
    lang: 'nl' | 'en',
  ): ItemValues
  /** The input below the item an issue's path points at, or undefined for the main input. */
  issueInput(path: readonly PropertyKey[], answer: AnswerValue | undefined): string | undefined
}
