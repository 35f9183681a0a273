import type { Item, Localized } from '../../core/instrument/meta-schema'

/** An item as a list names it: "I.7 Handelingstempo", or the label alone without a numbering. */
export function itemName(item: Item, l: (text: Localized) => string): string {
  return `${item.code ?? ''} ${l(item.label)}`.trim()
}
