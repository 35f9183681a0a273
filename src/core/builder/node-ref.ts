import type { Instrument, Item, Localized, Option, Section } from '../instrument/meta-schema'
import type { PathSegment } from '../issues/validation-issue'

/**
 * A place in the instrument tree the builder selects and edits, by position. An option is an
 * option of a single or multiple choice, or a level of a capacity item.
 */
export type NodeRef =
  | { kind: 'instrument' }
  | { kind: 'section'; section: number }
  | { kind: 'item'; section: number; item: number }
  | { kind: 'option'; section: number; item: number; option: number }

export const INSTRUMENT: NodeRef = { kind: 'instrument' }

/**
 * A short stable key of a node, for maps and React keys.
 * @example
 * nodeKey({ kind: 'item', section: 2, item: 5 }) // 's2.i5'
 */
export function nodeKey(ref: NodeRef): string {
  switch (ref.kind) {
    case 'instrument':
      return 'instrument'
    case 'section':
      return `s${ref.section}`
    case 'item':
      return `s${ref.section}.i${ref.item}`
    case 'option':
      return `s${ref.section}.i${ref.item}.o${ref.option}`
  }
}

/**
 * The node a key of `nodeKey` names; undefined for anything else.
 * @example
 * nodeOfKey('s2.i5') // { kind: 'item', section: 2, item: 5 }
 */
export function nodeOfKey(key: string): NodeRef | undefined {
  if (key === 'instrument') return INSTRUMENT
  const m = /^s(\d+)(?:\.i(\d+)(?:\.o(\d+))?)?$/.exec(key)
  if (!m) return undefined
  const [section, item, option] = m.slice(1).map((x) => (x === undefined ? undefined : Number(x)))
  if (item === undefined) return { kind: 'section', section: section as number }
  if (option === undefined) return { kind: 'item', section: section as number, item }
  return { kind: 'option', section: section as number, item, option }
}

const isIndex = (s: PathSegment | undefined): s is number => typeof s === 'number'

/**
 * The deepest node a path into the instrument points into: a label of an option is in the option,
 * a quantity of a capacity in its item, the conclusion in the instrument.
 * @example
 * nodeOfPath(['sections', 2, 'items', 5, 'answer', 'levels', 1, 'label', 'nl'])
 * // { kind: 'option', section: 2, item: 5, option: 1 }
 */
export function nodeOfPath(path: readonly PathSegment[]): NodeRef {
  const [sections, section, items, item, answer, list, option] = path
  if (sections !== 'sections' || !isIndex(section)) return INSTRUMENT
  if (items !== 'items' || !isIndex(item)) return { kind: 'section', section }
  if (answer === 'answer' && (list === 'options' || list === 'levels') && isIndex(option))
    return { kind: 'option', section, item, option }
  return { kind: 'item', section, item }
}

/**
 * Where an item keeps its options: `options` for a choice, `levels` for a capacity.
 * @example
 * optionListKey(barTillen) // 'levels'
 */
export function optionListKey(item: Item): 'options' | 'levels' | undefined {
  const kind = item.answer.kind
  if (kind === 'single' || kind === 'multiple') return 'options'
  if (kind === 'capacity') return 'levels'
  return undefined
}

/**
 * The options (or capacity levels) of an item, as a writable array; undefined for other kinds.
 * @example
 * optionsOf(barTillen)?.map((o) => o.code) // ['geen', 'licht', 'matig', 'ernstig', 'volledig']
 */
export function optionsOf(item: Item): Option[] | undefined {
  const a = item.answer
  if (a.kind === 'single' || a.kind === 'multiple') return a.options
  if (a.kind === 'capacity') return a.levels
  return undefined
}

/**
 * The path of a node in `instrument`; an option's path depends on its item's kind.
 * @example
 * pathOfNode({ kind: 'option', section: 0, item: 1, option: 0 }, bar)
 * // ['sections', 0, 'items', 1, 'answer', 'levels', 0]
 */
export function pathOfNode(ref: NodeRef, instrument: Instrument): PathSegment[] {
  if (ref.kind === 'instrument') return []
  if (ref.kind === 'section') return ['sections', ref.section]
  const itemPath: PathSegment[] = ['sections', ref.section, 'items', ref.item]
  if (ref.kind === 'item') return itemPath
  const item = instrument.sections[ref.section]?.items[ref.item]
  const list = (item && optionListKey(item)) ?? 'options'
  return [...itemPath, 'answer', list, ref.option]
}

/**
 * The section a node is in or is; undefined for the instrument or a position that is not there.
 * @example
 * sectionAt(bar, { kind: 'item', section: 2, item: 0 })?.id // 'fysiek'
 */
export function sectionAt(instrument: Instrument, ref: NodeRef): Section | undefined {
  return ref.kind === 'instrument' ? undefined : instrument.sections[ref.section]
}

/**
 * The item a node is in or is; undefined when the node is no item or option, or is not there.
 * @example
 * itemAt(bar, { kind: 'option', section: 2, item: 0, option: 1 })?.id // 'fysiek.tillen'
 */
export function itemAt(instrument: Instrument, ref: NodeRef): Item | undefined {
  if (ref.kind !== 'item' && ref.kind !== 'option') return undefined
  return instrument.sections[ref.section]?.items[ref.item]
}

/**
 * The option a node is; undefined when it is no option or is not there.
 * @example
 * optionAt(bar, { kind: 'option', section: 2, item: 0, option: 1 })?.code // 'licht'
 */
export function optionAt(instrument: Instrument, ref: NodeRef): Option | undefined {
  if (ref.kind !== 'option') return undefined
  const item = itemAt(instrument, ref)
  return item && optionsOf(item)?.[ref.option]
}

/**
 * Whether the node a reference names exists in `instrument`.
 * @example
 * nodeExists(bar, { kind: 'section', section: 8 }) // false: the BAR has 8 sections, 0 to 7
 */
export function nodeExists(instrument: Instrument, ref: NodeRef): boolean {
  switch (ref.kind) {
    case 'instrument':
      return true
    case 'section':
      return sectionAt(instrument, ref) !== undefined
    case 'item':
      return itemAt(instrument, ref) !== undefined
    case 'option':
      return optionAt(instrument, ref) !== undefined
  }
}

/**
 * The segments of a JSON path as `jsonPath` writes it (`$.sections[2].items[0]["a b"]`), so that
 * an issue can be placed at its node.
 * @example
 * pathSegments('$.sections[2].label.en') // ['sections', 2, 'label', 'en']
 */
export function pathSegments(jsonPath: string): PathSegment[] {
  const out: PathSegment[] = []
  const token = /\.([A-Za-z_$][\w$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/y
  token.lastIndex = jsonPath.startsWith('$') ? 1 : 0
  while (token.lastIndex < jsonPath.length) {
    const m = token.exec(jsonPath)
    if (!m) break
    if (m[1] !== undefined) out.push(m[1])
    else if (m[2] !== undefined) out.push(Number(m[2]))
    else out.push(JSON.parse(m[3] as string) as string)
  }
  return out
}

/**
 * A text in one language, or `fallback` when it is blank or missing (a draft's new node).
 * @example
 * textOr({ nl: '', en: '' }, 'nl', 'nieuw-item') // 'nieuw-item'
 */
export function textOr(
  text: Partial<Localized> | undefined,
  lang: 'nl' | 'en',
  fallback: string,
): string {
  const t = text?.[lang]
  return typeof t === 'string' && t.trim() ? t : fallback
}

/**
 * How a node is named to the user: its display code and label, or its id while the label is blank.
 * @example
 * nodeName(fml, { kind: 'item', section: 4, item: 12 }, 'nl') // 'IV.13 Tillen'
 */
export function nodeName(instrument: Instrument, ref: NodeRef, lang: 'nl' | 'en'): string {
  const coded = (node: { code?: string; label: Localized; id: string }) => {
    const label = textOr(node.label, lang, node.id)
    return node.code ? `${node.code} ${label}` : label
  }
  switch (ref.kind) {
    case 'instrument':
      return textOr(instrument.title, lang, instrument.id)
    case 'section': {
      const section = sectionAt(instrument, ref)
      return section ? coded(section) : ''
    }
    case 'item': {
      const item = itemAt(instrument, ref)
      return item ? coded(item) : ''
    }
    case 'option': {
      const option = optionAt(instrument, ref)
      return option ? textOr(option.label, lang, option.code) : ''
    }
  }
}

/**
 * Where the item with this id is; undefined when no item has it.
 * @example
 * itemRefById(bar, 'fysiek.tillen') // { kind: 'item', section: 2, item: 0 }
 */
export function itemRefById(
  instrument: Instrument,
  id: string,
): Extract<NodeRef, { kind: 'item' }> | undefined {
  for (let s = 0; s < instrument.sections.length; s++) {
    const i = (instrument.sections[s] as Section).items.findIndex((x) => x.id === id)
    if (i >= 0) return { kind: 'item', section: s, item: i }
  }
  return undefined
}
