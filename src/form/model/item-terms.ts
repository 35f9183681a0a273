import type { Item, Term, Vocabulary } from '../../core/instrument/meta-schema'

interface Lookup {
  byId: ReadonlyMap<string, Term>
  byItem: WeakMap<Item, readonly Term[]>
}

const lookups = new WeakMap<Vocabulary, Lookup>()

/**
 * The vocabulary terms an item names, in its order: one array per item object and vocabulary,
 * made once. A new array on every render (or on every edit of the instrument in the builder)
 * would defeat the memo of the item's view.
 */
export function itemTerms(item: Item, vocabulary: Vocabulary): readonly Term[] {
  let lookup = lookups.get(vocabulary)
  if (!lookup) {
    lookup = { byId: new Map(vocabulary.terms.map((t) => [t.id, t])), byItem: new WeakMap() }
    lookups.set(vocabulary, lookup)
  }
  let terms = lookup.byItem.get(item)
  if (!terms) {
    const { byId } = lookup
    terms = (item.terms ?? []).flatMap((id) => byId.get(id) ?? [])
    lookup.byItem.set(item, terms)
  }
  return terms
}
