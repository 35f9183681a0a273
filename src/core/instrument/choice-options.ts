import { answerKind } from '../answer-kinds'
import type { Item, Option } from './meta-schema'

/** The options a condition on this item can name: choices, or capacity levels. */
export function choiceOptions(item: Item): readonly Option[] | undefined {
  return answerKind(item.answer.kind).optionList(item.answer)
}
