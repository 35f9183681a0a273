import type { Item, Localized } from '../../core/instrument/meta-schema'

/** A numbering such as FML "IV.13" is shown; a descriptive id such as "fysiek.tillen" is not. */
export function visibleCode(id: string) {
  return /^[A-Z0-9]+(\.\d+)+$/.test(id) ? id : undefined
}

/** An item as a list names it: "I.7 Handelingstempo", or the label alone without a numbering. */
export function itemName(item: Item, l: (text: Localized) => string): string {
  return `${visibleCode(item.id) ?? ''} ${l(item.label)}`.trim()
}
