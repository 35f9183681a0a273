import type { AnswerKind } from '../../../core/instrument/meta-schema'
import { capacity } from './capacity'
import { date } from './date'
import type { FormAnswerKind } from './form-answer-kind'
import { multiple } from './multiple'
import { quantity } from './quantity'
import { single } from './single'
import { text } from './text'

export type { FormAnswerKind } from './form-answer-kind'

export type FormAnswerKindRegistry = { [K in AnswerKind]: FormAnswerKind<K> }

/** Every answer kind's form values, by kind: `satisfies` fails to compile while a kind is missing. */
export const FORM_ANSWER_KINDS = {
  single,
  multiple,
  quantity,
  text,
  date,
  capacity,
} satisfies FormAnswerKindRegistry

/** The form values of one kind, typed so that kind's spec can be passed to it. */
export function formAnswerKind<K extends AnswerKind>(kind: K): FormAnswerKind<K> {
  const registry: FormAnswerKindRegistry = FORM_ANSWER_KINDS
  return registry[kind]
}
