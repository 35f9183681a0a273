import type { Item, Option } from './meta-schema'

/** The options a condition on this item can name: choices, or capacity levels. */
export function choiceOptions(item: Item): readonly Option[] | undefined {
  const a = item.answer
  if (a.kind === 'single' || a.kind === 'multiple') return a.options
  if (a.kind === 'capacity') return a.levels
  return undefined
}
