import { answerKind } from '../answer-kinds'
import type { Item, NamedQuantity } from './meta-schema'

/** The quantities an answer to this item holds by id (a BAR capacity's); none for other kinds. */
export function itemQuantities(item: Item): readonly NamedQuantity[] {
  return answerKind(item.answer.kind).quantities(item.answer)
}
