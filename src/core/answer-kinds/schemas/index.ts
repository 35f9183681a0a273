import type { AnswerKind } from '../../instrument/meta-schema'
import type { AnswerKindSchemasOf } from '../answer-kind'
import { capacity } from './capacity'
import { date } from './date'
import { multiple } from './multiple'
import { quantity } from './quantity'
import { single } from './single'
import { text } from './text'

export type AnswerKindSchemasRegistry = { [K in AnswerKind]: AnswerKindSchemasOf<K> }

/**
 * Every answer kind's schemas (zod), by kind: the meta-schema's and the assessment schema's answer
 * unions are made from them, in this order (which is the order of their generated JSON Schemas).
 * Apart from the kinds' behaviour (`../index.ts`), so that what only reads or shows answers (the
 * form, the progress) loads without zod; what checks a file or an answer imports this.
 */
export const ANSWER_KIND_SCHEMAS = {
  single,
  multiple,
  quantity,
  text,
  date,
  capacity,
}

/**
 * The schemas of one kind, typed so a spec of that kind can be passed to them.
 * @example answerKindSchemas(item.answer.kind).answerSchema(item.answer).safeParse(answer)
 */
export function answerKindSchemas<K extends AnswerKind>(kind: K): AnswerKindSchemasOf<K> {
  // Also the check that every kind's schemas are registered under that kind.
  const registry: AnswerKindSchemasRegistry = ANSWER_KIND_SCHEMAS
  return registry[kind]
}
