import { choiceOptions } from '../../core/instrument/choice-options'
import type { Instrument } from '../../core/instrument/meta-schema'

/**
 * Whether the fill-in form can show the draft as it is: every item id unique, option codes unique
 * within their item, every section with items, and every condition naming an item with options,
 * with no ring of conditions (hiding follows the chain).
 * Blank texts and other problems do not stop it; the builder lists them.
 */
export function previewable(instrument: Instrument): boolean {
  const ids = new Set<string>()
  const items = instrument.sections.flatMap((s) => s.items)
  if (instrument.sections.some((s) => s.items.length === 0)) return false
  for (const item of items) {
    if (ids.has(item.id)) return false
    ids.add(item.id)
    const options = choiceOptions(item)
    if (options && new Set(options.map((o) => o.code)).size !== options.length) return false
    if (item.answer.kind === 'capacity') {
      const q = item.answer.quantities.map((x) => x.id)
      if (new Set(q).size !== q.length) return false
    }
  }
  const byId = new Map(items.map((i) => [i.id, i]))
  return items.every((i) => {
    if (!i.visibleWhen) return true
    const target = byId.get(i.visibleWhen.item)
    if (!target || !choiceOptions(target)) return false
    const seen = new Set([i.id])
    for (let at = target; at.visibleWhen;) {
      if (seen.has(at.id)) return false
      seen.add(at.id)
      const next = byId.get(at.visibleWhen.item)
      if (!next) return false
      at = next
    }
    return true
  })
}
