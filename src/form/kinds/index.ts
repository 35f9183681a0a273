import type { AnswerKind } from '../../core/instrument/meta-schema'
import { capacity } from './capacity'
import { date } from './date'
import type { KindInputs } from './kind-inputs'
import { multiple } from './multiple'
import { quantity } from './quantity'
import { single } from './single'
import { text } from './text'

export type { KindInputs } from './kind-inputs'

export type KindInputsRegistry = { [K in AnswerKind]: KindInputs<K> }

/** Every answer kind's inputs, by kind: `satisfies` fails to compile while a kind is missing. */
export const KIND_INPUTS = {
  single,
  multiple,
  quantity,
  text,
  date,
  capacity,
} satisfies KindInputsRegistry

/** The inputs of one kind, typed so that kind's spec can be passed to it. */
export function kindInputs<K extends AnswerKind>(kind: K): KindInputs<K> {
  const registry: KindInputsRegistry = KIND_INPUTS
  return registry[kind]
}
