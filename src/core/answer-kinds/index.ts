import type { AnswerKind } from '../instrument/meta-schema'
import type { AnswerKindModuleOf } from './answer-kind'
import { capacity } from './capacity'
import { date } from './date'
import { multiple } from './multiple'
import { quantity } from './quantity'
import { single } from './single'
import { text } from './text'

export type {
  AnswerKindModule,
  AnswerKindModuleOf,
  AnswerReport,
  AnswerSpecOf,
  FreeText,
} from './answer-kind'
export { hasKind } from './has-kind'

export type AnswerKindRegistry = { [K in AnswerKind]: AnswerKindModuleOf<K> }

/**
 * What the core does with every answer kind, by kind; how each is checked is in
 * `schemas/` (zod), apart, so that reading and showing answers loads no zod. A new kind is one
 * module here and one in `schemas/`, each with a line in its registry; the form's registries then
 * fail to compile until it has inputs.
 */
export const ANSWER_KINDS = {
  single,
  multiple,
  quantity,
  text,
  date,
  capacity,
}

/**
 * The module of one kind, typed so a value of that kind can be passed to it.
 * @example answerKind(answer.kind).isAnswered(answer)
 */
export function answerKind<K extends AnswerKind>(kind: K): AnswerKindModuleOf<K> {
  // Also the check that every module is registered under the kind its spec and value have.
  const registry: AnswerKindRegistry = ANSWER_KINDS
  return registry[kind]
}
