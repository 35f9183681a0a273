import type { Instrument, Item, Option, Section } from './meta-schema'
import { choiceOptions } from './choice-options'

export interface ItemIndex {
  items: ReadonlyMap<string, Item>
  sectionOf: ReadonlyMap<string, Section>
  /** Options of choice and capacity items by code. */
  options: ReadonlyMap<string, ReadonlyMap<string, Option>>
}

const cache = new WeakMap<Instrument, ItemIndex>()

/** Lookups by item id, built once per loaded instrument (instruments are never mutated). */
export function itemIndex(instrument: Instrument): ItemIndex {
  let index = cache.get(instrument)
  if (!index) {
    const items = new Map<string, Item>()
    const sectionOf = new Map<string, Section>()
    const options = new Map<string, Map<string, Option>>()
    for (const section of instrument.sections)
      for (const item of section.items) {
        items.set(item.id, item)
        sectionOf.set(item.id, section)
        const o = choiceOptions(item)
        if (o) options.set(item.id, new Map(o.map((x) => [x.code, x])))
      }
    index = { items, sectionOf, options }
    cache.set(instrument, index)
  }
  return index
}
