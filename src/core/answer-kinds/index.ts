import type { AnswerKind } from '../instrument/meta-schema'
import type { AnswerKindModule } from './answer-kind'
import { capacity } from './capacity'
import { date } from './date'
import { multiple } from './multiple'
import { quantity } from './quantity'
import { single } from './single'
import { text } from './text'

export type { AnswerKindModule, AnswerSpecOf } from './answer-kind'

export type AnswerKindRegistry = { [K in AnswerKind]: AnswerKindModule<K> }

/**
 * Every answer kind's pure parts, by kind. A new kind is one module here plus one line: until
 * both exist, `satisfies` fails to compile (a kind missing, or one the instrument cannot ask for).
 */
export const ANSWER_KINDS = {
  single,
  multiple,
  quantity,
  text,
  date,
  capacity,
} satisfies AnswerKindRegistry

/**
 * The module of one kind, typed so a value of that kind can be passed to it.
 * @example answerKind(answer.kind).isAnswered(answer)
 */
export function answerKind<K extends AnswerKind>(kind: K): AnswerKindModule<K> {
  const registry: AnswerKindRegistry = ANSWER_KINDS
  return registry[kind]
}
