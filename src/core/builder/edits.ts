import { enablePatches, produceWithPatches } from 'immer'
import type { Patch } from 'immer'
import { cloneJson } from '../assessment/clone-json'
import type {
  AnswerKind,
  AnswerSpec,
  Condition,
  Instrument,
  Item,
  Localized,
  Section,
} from '../instrument/meta-schema'
import { idSchema } from '../instrument/meta-schema'
import type { LoadResult, PathSegment, ValidationIssue } from '../issues/validation-issue'
import { issue } from '../issues/validation-issue'
import type { Draft } from './draft'
import { baseItem } from './draft'
import {
  carries,
  forgetItem,
  ITEM_REMOVED,
  itemOrigin,
  kindChanged,
  optionOrigin,
  recordItemDrop,
  recordItemRename,
  recordOptionDrop,
  recordOptionRename,
} from './migration-record'
import {
  ANSWER_KINDS,
  defaultAnswer,
  freshCode,
  freshId,
  newItem,
  newOption,
  newSection,
  nextRank,
} from './new-nodes'
import type { NodeRef } from './node-ref'
import {
  INSTRUMENT,
  itemAt,
  itemRefById,
  nodeExists,
  nodeName,
  nodeOfPath,
  optionsOf,
  pathOfNode,
  sectionAt,
  textOr,
} from './node-ref'
import type { Reference } from './references'
import {
  itemReferences,
  kindReferences,
  listOf,
  optionReferences,
  renameItemReferences,
  renameOptionReferences,
} from './references'

enablePatches()

export type { Patch }

/** Where a node goes: before or after a node of its own kind, or last inside its parent. */
export type InsertPoint = { where: 'before' | 'after' | 'inside'; target: NodeRef }

/** One edit of a draft: plain serialisable data, so history can be stored and replayed. */
export type Edit =
  | { op: 'set'; path: PathSegment[]; value: unknown }
  | { op: 'add'; node: 'section' | 'item' | 'option'; at: InsertPoint; answerKind?: AnswerKind }
  | { op: 'duplicate'; ref: NodeRef }
  | { op: 'delete'; ref: NodeRef }
  | { op: 'move'; ref: NodeRef; to: InsertPoint }
  | { op: 'rename'; ref: NodeRef; id: string }
  | { op: 'setKind'; ref: NodeRef; kind: AnswerKind }
  | { op: 'setCondition'; ref: NodeRef; condition: Condition | undefined }

export interface EditResult {
  draft: Draft
  /** The node to select after the edit: the new, moved or edited node, or a neighbour of a deleted one. */
  selected: NodeRef
  patches: Patch[]
  inversePatches: Patch[]
  /** The node to select when the edit is undone (it exists again then). */
  undoSelected: NodeRef
  /** Why the edit was not made (as `canApply` says); the draft is then returned unchanged. */
  refused?: ValidationIssue[]
}

type ItemRef = Extract<NodeRef, { kind: 'item' }>
type OptionRef = Extract<NodeRef, { kind: 'option' }>

interface Plan {
  /** Mutates the draft's instrument (an immer draft). */
  recipe: (instrument: Instrument) => void
  selected: NodeRef
  undoSelected: NodeRef
}
type Planned = { ok: true; plan: Plan } | { ok: false; issues: ValidationIssue[] }

const refuse = (path: readonly PathSegment[], nl: string, en: string): Planned => ({
  ok: false,
  issues: [issue(path, nl, en)],
})
const plan = (recipe: Plan['recipe'], selected: NodeRef, undoSelected = selected): Planned => ({
  ok: true,
  plan: { recipe, selected, undoSelected },
})
const noChange = (selected: NodeRef): Planned => plan(() => {}, selected)

const isIndex = (s: PathSegment | undefined): s is number =>
  typeof s === 'number' && Number.isInteger(s) && s >= 0
const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

function sameJson(a: unknown, b: unknown): boolean {
  return a === b || (a !== undefined && b !== undefined && JSON.stringify(a) === JSON.stringify(b))
}

/** "a verwijst" / "a en b verwijzen": the Dutch and English verb agree with the list. */
function refersTo(refs: readonly Reference[]): Localized {
  const list = listOf(refs)
  const many = refs.length > 1
  return {
    nl: `${list.nl} ${many ? 'verwijzen' : 'verwijst'}`,
    en: `${list.en} ${many ? 'refer' : 'refers'}`,
  }
}

const allItems = (instrument: Instrument) => instrument.sections.flatMap((s) => s.items)

/** Item ids that a new item may not get: those of the draft and of the base version. */
function takenItemIds(draft: Draft): Set<string> {
  return new Set([...allItems(draft.instrument).map((i) => i.id), ...Object.keys(draft.base.items)])
}

/** Codes a new option of `item` may not get: its own, and those its base item had. */
function takenCodes(draft: Draft, item: Item): Set<string> {
  const origin = itemOrigin(draft.instrument, draft.base, item.id)
  const base = origin === undefined ? [] : (baseItem(draft.base, origin)?.codes ?? [])
  return new Set([...(optionsOf(item) ?? []).map((o) => o.code), ...base])
}

/** The item at `ref` in a (mutable) instrument; the plan checked it is there. */
function itemIn(instrument: Instrument, ref: { section: number; item: number }): Item {
  return (instrument.sections[ref.section] as Section).items[ref.item] as Item
}

function quoted(instrument: Instrument, ref: NodeRef): Localized {
  return { nl: `'${nodeName(instrument, ref, 'nl')}'`, en: `'${nodeName(instrument, ref, 'en')}'` }
}

// --- set -------------------------------------------------------------------------------------

/** Paths whose value is the tree itself: sections, items, options and answer specs. */
function isStructural(path: readonly PathSegment[]): boolean {
  const [a, s, b, i, c, d, o] = path
  if (a !== 'sections') return false
  if (path.length === 1) return true
  if (!isIndex(s)) return false
  if (path.length === 2) return true
  if (b !== 'items') return false
  if (path.length === 3) return true
  if (!isIndex(i)) return false
  if (path.length === 4) return true
  if (c !== 'answer') return false
  if (path.length === 5) return true
  if (d !== 'options' && d !== 'levels') return false
  return path.length === 6 || (path.length === 7 && isIndex(o))
}

/** `set` of an id, an option code or an answer kind is that edit, so the migration follows it. */
function delegated(path: readonly PathSegment[], value: unknown): Edit | undefined {
  const [a, s, b, i, c, d, o, e] = path
  if (a !== 'sections' || !isIndex(s)) return undefined
  const text = typeof value === 'string' ? value : undefined
  if (path.length === 3 && b === 'id')
    return { op: 'rename', ref: { kind: 'section', section: s }, id: text ?? '' }
  if (b !== 'items' || !isIndex(i)) return undefined
  const item: ItemRef = { kind: 'item', section: s, item: i }
  if (path.length === 5 && c === 'id') return { op: 'rename', ref: item, id: text ?? '' }
  if (c !== 'answer') return undefined
  if (path.length === 6 && d === 'kind')
    return { op: 'setKind', ref: item, kind: (text ?? '') as AnswerKind }
  if (path.length === 8 && (d === 'options' || d === 'levels') && isIndex(o) && e === 'code')
    return { op: 'rename', ref: { ...item, kind: 'option', option: o }, id: text ?? '' }
  return undefined
}

function planSet(draft: Draft, path: readonly PathSegment[], value: unknown): Planned {
  const instrument = draft.instrument
  if (!path.length) return refuse(path, 'Kies een veld om te wijzigen', 'Choose a field to change')
  const edit = delegated(path, value)
  if (edit) return planEdit(draft, edit)
  if (path.length === 1 && path[0] === 'id')
    return refuse(
      path,
      'De id van het instrument blijft in elke versie gelijk',
      'The instrument id stays the same in every version',
    )
  if (isStructural(path))
    return refuse(
      path,
      'Wijzig de opbouw met toevoegen, dupliceren, verwijderen, verplaatsen of een andere soort antwoord',
      'Change the structure with add, duplicate, delete, move or another answer kind',
    )
  const missing = refuse(path, 'Dit veld bestaat niet', 'This field does not exist')
  let container: unknown = instrument
  for (let k = 0; k < path.length - 1; k++) {
    const seg = path[k]
    if (Array.isArray(container)) {
      if (!isIndex(seg) || seg >= container.length) return missing
      container = container[seg]
    } else if (isObject(container) && typeof seg === 'string') {
      container = Object.hasOwn(container, seg) ? container[seg] : undefined
      // Missing objects on the way are made, as for a help text added to an item.
      if (container === undefined) {
        if (path.slice(k + 1).some((x) => typeof x !== 'string')) return missing
        break
      }
    } else return missing
  }
  const last = path[path.length - 1] as PathSegment
  let current: unknown
  if (Array.isArray(container)) {
    if (
      !isIndex(last) ||
      last > container.length ||
      (last === container.length && value === undefined)
    )
      return missing
    if (value === undefined)
      return refuse(
        path,
        'Een element verwijdert u uit een lijst door de lijst zonder dat element te geven',
        'Remove an element from a list by giving the list without it',
      )
    current = container[last]
  } else if (isObject(container)) {
    if (typeof last !== 'string') return missing
    current = Object.hasOwn(container, last) ? container[last] : undefined
  } else if (container !== undefined) return missing
  const node = nodeOfPath(path)
  const selected = nodeExists(instrument, node) ? node : INSTRUMENT
  if (sameJson(current, value)) return noChange(selected)
  const copy = cloneJson(value)
  return plan((d) => {
    let at = d as unknown as Record<PathSegment, unknown>
    for (const seg of path.slice(0, -1)) {
      if (at[seg] === undefined) at[seg] = {}
      at = at[seg] as Record<PathSegment, unknown>
    }
    if (copy === undefined) delete at[last]
    else at[last] = copy
  }, selected)
}

// --- add -------------------------------------------------------------------------------------

function planAdd(
  draft: Draft,
  node: 'section' | 'item' | 'option',
  at: InsertPoint,
  kind: AnswerKind = 'single',
): Planned {
  const instrument = draft.instrument
  const { target, where } = at
  if (!nodeExists(instrument, target)) return missingNode(instrument, target)
  if (!ANSWER_KINDS.includes(kind)) return unknownKind(kind)
  const beside = where === 'before' ? 0 : 1
  switch (node) {
    case 'section': {
      let index: number
      if (target.kind === 'instrument' && where === 'inside') index = instrument.sections.length
      else if (target.kind === 'section' && where !== 'inside') index = target.section + beside
      else
        return refuse(
          pathOfNode(target, instrument),
          'Een sectie komt vóór of na een andere sectie, of als laatste in het instrument',
          'A section goes before or after another section, or last in the instrument',
        )
      const near = sectionAt(instrument, target) ?? instrument.sections.at(-1)
      const domain = instrument.domains?.length
        ? (near?.domain ?? instrument.domains[0]?.id)
        : undefined
      const sectionId = freshId('nieuwe-sectie', new Set(instrument.sections.map((s) => s.id)))
      const item = newItem(freshId('nieuw-item', takenItemIds(draft)), kind)
      const section = newSection(sectionId, item, domain)
      return plan(
        (d) => d.sections.splice(index, 0, section),
        { kind: 'section', section: index },
        target,
      )
    }
    case 'item': {
      let ref: ItemRef
      if (target.kind === 'section' && where === 'inside')
        ref = {
          kind: 'item',
          section: target.section,
          item: (sectionAt(instrument, target) as Section).items.length,
        }
      else if (target.kind === 'item' && where !== 'inside')
        ref = { kind: 'item', section: target.section, item: target.item + beside }
      else
        return refuse(
          pathOfNode(target, instrument),
          'Een item komt vóór of na een ander item, of als laatste in een sectie',
          'An item goes before or after another item, or last in a section',
        )
      const item = newItem(freshId('nieuw-item', takenItemIds(draft)), kind)
      return plan(
        (d) => (d.sections[ref.section] as Section).items.splice(ref.item, 0, item),
        ref,
        target,
      )
    }
    case 'option': {
      const owner = itemAt(instrument, target)
      const options = owner && optionsOf(owner)
      if (target.kind === 'instrument' || target.kind === 'section' || !owner || !options)
        return refuse(
          pathOfNode(target, instrument),
          'Een optie hoort bij een item met keuzes of niveaus',
          'An option belongs to an item with choices or levels',
        )
      let index: number
      if (target.kind === 'item' && where === 'inside') index = options.length
      else if (target.kind === 'option' && where !== 'inside') index = target.option + beside
      else
        return refuse(
          pathOfNode(target, instrument),
          'Een optie komt vóór of na een andere optie, of als laatste in haar item',
          'An option goes before or after another option, or last in its item',
        )
      const option = newOption(freshCode(takenCodes(draft, owner)), nextRank(options))
      const ref: OptionRef = {
        kind: 'option',
        section: target.section,
        item: target.item,
        option: index,
      }
      return plan((d) => optionsOf(itemIn(d, ref))?.splice(index, 0, option), ref, target)
    }
  }
}

// --- duplicate -------------------------------------------------------------------------------

function planDuplicate(draft: Draft, ref: NodeRef): Planned {
  const instrument = draft.instrument
  if (!nodeExists(instrument, ref)) return missingNode(instrument, ref)
  switch (ref.kind) {
    case 'instrument':
      return refuse(
        [],
        'Een nieuwe versie van het hele instrument maakt u door het op te slaan',
        'A new version of the whole instrument is made by saving it',
      )
    case 'section': {
      const section = sectionAt(instrument, ref) as Section
      const taken = takenItemIds(draft)
      const ids = new Map<string, string>()
      for (const item of section.items) {
        const id = freshId(`${item.id}-kopie`, taken)
        taken.add(id)
        ids.set(item.id, id)
      }
      const copy: Section = {
        ...cloneJson(section),
        id: freshId(`${section.id}-kopie`, new Set(instrument.sections.map((s) => s.id))),
        items: cloneJson(section.items).map((item) => {
          const c = item.visibleWhen
          // Conditions within the section follow the copies; those on other sections stay.
          const own = c && ids.get(c.item)
          return {
            ...item,
            id: ids.get(item.id) as string,
            ...(c && own ? { visibleWhen: { ...c, item: own } } : {}),
          }
        }),
      }
      // A copy of the cover page is a plain section: an instrument has one cover.
      delete copy.role
      const at = ref.section + 1
      return plan((d) => d.sections.splice(at, 0, copy), { kind: 'section', section: at }, ref)
    }
    case 'item': {
      const item = itemAt(instrument, ref) as Item
      const copy = { ...cloneJson(item), id: freshId(`${item.id}-kopie`, takenItemIds(draft)) }
      const next: ItemRef = { ...ref, item: ref.item + 1 }
      return plan(
        (d) => (d.sections[ref.section] as Section).items.splice(next.item, 0, copy),
        next,
        ref,
      )
    }
    case 'option': {
      const item = itemAt(instrument, ref) as Item
      const option = (optionsOf(item) ?? [])[ref.option]
      if (!option) return missingNode(instrument, ref)
      const copy = {
        ...cloneJson(option),
        code: freshId(`${option.code}-kopie`, takenCodes(draft, item)),
      }
      const next: OptionRef = { ...ref, option: ref.option + 1 }
      return plan((d) => optionsOf(itemIn(d, ref))?.splice(next.option, 0, copy), next, ref)
    }
  }
}

// --- delete ----------------------------------------------------------------------------------

/** The steps for an item that leaves the draft: a drop for a carried base item, nothing for a new one. */
function leave(d: Instrument, draft: Draft, id: string) {
  const origin = itemOrigin(d, draft.base, id)
  if (origin !== undefined) recordItemDrop(d, draft.base, origin, id, ITEM_REMOVED)
  forgetItem(d, id)
}

function referenced(
  instrument: Instrument,
  ref: NodeRef,
  what: NodeRef,
  refs: readonly Reference[],
): Planned {
  const by = refersTo(refs)
  const name = quoted(instrument, ref)
  if (ref === what)
    return refuse(
      pathOfNode(ref, instrument),
      `${name.nl} kan niet worden verwijderd: ${by.nl} ernaar. Pas dat eerst aan.`,
      `${name.en} cannot be deleted: ${by.en} to it. Change that first.`,
    )
  const target = quoted(instrument, what)
  return refuse(
    pathOfNode(ref, instrument),
    `${name.nl} kan niet worden verwijderd: ${by.nl} naar ${target.nl} in deze sectie. Pas dat eerst aan.`,
    `${name.en} cannot be deleted: ${by.en} to ${target.en} in this section. Change that first.`,
  )
}

function planDelete(draft: Draft, ref: NodeRef): Planned {
  const instrument = draft.instrument
  if (!nodeExists(instrument, ref)) return missingNode(instrument, ref)
  switch (ref.kind) {
    case 'instrument':
      return refuse(
        [],
        'Het instrument zelf kan niet worden verwijderd',
        'The instrument itself cannot be deleted',
      )
    case 'section': {
      const count = instrument.sections.length
      if (count === 1)
        return refuse(
          pathOfNode(ref, instrument),
          'Een instrument heeft minstens één sectie',
          'An instrument has at least one section',
        )
      const section = sectionAt(instrument, ref) as Section
      for (const [i, item] of section.items.entries()) {
        const refs = itemReferences(instrument, item.id, (s) => s === ref.section)
        if (refs.length)
          return referenced(instrument, ref, { kind: 'item', section: ref.section, item: i }, refs)
      }
      const ids = section.items.map((i) => i.id)
      return plan(
        (d) => {
          for (const id of ids) leave(d, draft, id)
          d.sections.splice(ref.section, 1)
        },
        { kind: 'section', section: ref.section < count - 1 ? ref.section : ref.section - 1 },
        ref,
      )
    }
    case 'item': {
      const section = sectionAt(instrument, ref) as Section
      const item = itemAt(instrument, ref) as Item
      if (section.items.length === 1)
        return refuse(
          pathOfNode(ref, instrument),
          'Een sectie heeft minstens één item: verwijder de hele sectie of voeg eerst een ander item toe',
          'A section has at least one item: delete the whole section or add another item first',
        )
      const refs = itemReferences(instrument, item.id)
      if (refs.length) return referenced(instrument, ref, ref, refs)
      const last = ref.item === section.items.length - 1
      return plan(
        (d) => {
          leave(d, draft, item.id)
          ;(d.sections[ref.section] as Section).items.splice(ref.item, 1)
        },
        { ...ref, item: last ? ref.item - 1 : ref.item },
        ref,
      )
    }
    case 'option': {
      const item = itemAt(instrument, ref) as Item
      const options = optionsOf(item) ?? []
      const option = options[ref.option]
      if (!option) return missingNode(instrument, ref)
      if (options.length <= 2)
        return refuse(
          pathOfNode(ref, instrument),
          'Een keuze heeft minstens twee opties',
          'A choice has at least two options',
        )
      const refs = optionReferences(instrument, item.id, option.code)
      if (refs.length) return referenced(instrument, ref, ref, refs)
      const origin = itemOrigin(instrument, draft.base, item.id)
      const carried = origin !== undefined && carries(instrument, origin)
      const code = carried
        ? optionOrigin(instrument, draft.base, item.id, origin, option.code)
        : undefined
      const last = ref.option === options.length - 1
      return plan(
        (d) => {
          if (origin !== undefined && code !== undefined)
            recordOptionDrop(d, draft.base, item.id, origin, code)
          optionsOf(itemIn(d, ref))?.splice(ref.option, 1)
        },
        { ...ref, option: last ? ref.option - 1 : ref.option },
        ref,
      )
    }
  }
}

// --- move ------------------------------------------------------------------------------------

/** The index a node at `from` gets when moved beside `target` in the same list (after it is taken out). */
function indexBeside(from: number, target: number, where: 'before' | 'after'): number {
  const at = where === 'after' ? target + 1 : target
  return at > from ? at - 1 : at
}

function planMove(draft: Draft, ref: NodeRef, to: InsertPoint): Planned {
  const instrument = draft.instrument
  const { target, where } = to
  if (!nodeExists(instrument, ref)) return missingNode(instrument, ref)
  if (!nodeExists(instrument, target)) return missingNode(instrument, target)
  const path = pathOfNode(ref, instrument)
  switch (ref.kind) {
    case 'instrument':
      return refuse(
        [],
        'Het instrument zelf kan niet worden verplaatst',
        'The instrument itself cannot be moved',
      )
    case 'section': {
      let index: number
      if (target.kind === 'section' && where !== 'inside')
        index = indexBeside(ref.section, target.section, where)
      else if (target.kind === 'instrument' && where === 'inside')
        index = instrument.sections.length - 1
      else
        return refuse(
          path,
          'Een sectie kan alleen vóór of na een andere sectie staan',
          'A section can only go before or after another section',
        )
      if (index === ref.section) return noChange(ref)
      return plan(
        (d) => {
          const [moved] = d.sections.splice(ref.section, 1)
          d.sections.splice(index, 0, moved as Section)
        },
        { kind: 'section', section: index },
        ref,
      )
    }
    case 'item': {
      let dest: ItemRef
      if (target.kind === 'item' && where !== 'inside')
        dest = {
          kind: 'item',
          section: target.section,
          item:
            target.section === ref.section
              ? indexBeside(ref.item, target.item, where)
              : target.item + (where === 'after' ? 1 : 0),
        }
      else if (target.kind === 'section' && where === 'inside') {
        const length = (sectionAt(instrument, target) as Section).items.length
        dest = {
          kind: 'item',
          section: target.section,
          item: target.section === ref.section ? length - 1 : length,
        }
      } else if (target.kind === 'item' || target.kind === 'option')
        return refuse(
          path,
          'Een item kan geen ander item bevatten',
          'An item cannot hold another item',
        )
      else
        return refuse(
          path,
          'Een item staat in een sectie: kies een sectie of een ander item',
          'An item is in a section: choose a section or another item',
        )
      if (dest.section === ref.section && dest.item === ref.item) return noChange(ref)
      if (
        dest.section !== ref.section &&
        (sectionAt(instrument, ref) as Section).items.length === 1
      )
        return refuse(
          path,
          'Dit is het laatste item van de sectie: een sectie heeft minstens één item',
          'This is the last item of its section: a section has at least one item',
        )
      return plan(
        (d) => {
          const [moved] = (d.sections[ref.section] as Section).items.splice(ref.item, 1)
          ;(d.sections[dest.section] as Section).items.splice(dest.item, 0, moved as Item)
        },
        dest,
        ref,
      )
    }
    case 'option': {
      const sameItem =
        target.kind !== 'instrument' &&
        target.kind !== 'section' &&
        target.section === ref.section &&
        target.item === ref.item
      let index: number
      if (sameItem && target.kind === 'option' && where !== 'inside')
        index = indexBeside(ref.option, target.option, where)
      else if (sameItem && target.kind === 'item' && where === 'inside')
        index = (optionsOf(itemAt(instrument, ref) as Item) ?? []).length - 1
      else
        return refuse(
          path,
          'Een optie blijft bij haar eigen item: kies een plaats tussen de andere opties',
          'An option stays with its own item: choose a place among its other options',
        )
      if (index === ref.option) return noChange(ref)
      return plan(
        (d) => {
          const options = optionsOf(itemIn(d, ref)) ?? []
          const [moved] = options.splice(ref.option, 1)
          if (moved) options.splice(index, 0, moved)
        },
        { ...ref, option: index },
        ref,
      )
    }
  }
}

// --- rename ----------------------------------------------------------------------------------

function planRename(draft: Draft, ref: NodeRef, id: string): Planned {
  const instrument = draft.instrument
  if (!nodeExists(instrument, ref)) return missingNode(instrument, ref)
  const path = [...pathOfNode(ref, instrument), ref.kind === 'option' ? 'code' : 'id']
  if (ref.kind === 'instrument')
    return refuse(
      ['id'],
      'De id van het instrument blijft in elke versie gelijk',
      'The instrument id stays the same in every version',
    )
  if (!idSchema.safeParse(id).success)
    return refuse(
      path,
      `"${id}" is geen geldige id: begin met een letter of cijfer, gevolgd door letters, cijfers, punten, liggende streepjes of koppeltekens`,
      `"${id}" is not a valid id: start with a letter or digit, followed by letters, digits, dots, underscores or hyphens`,
    )
  if (ref.kind === 'section') {
    const section = sectionAt(instrument, ref) as Section
    if (section.id === id) return noChange(ref)
    if (instrument.sections.some((s) => s.id === id))
      return refuse(path, `Sectie-id "${id}" bestaat al`, `Section id "${id}" already exists`)
    return plan((d) => {
      ;(d.sections[ref.section] as Section).id = id
    }, ref)
  }
  const item = itemAt(instrument, ref) as Item
  const origin = itemOrigin(instrument, draft.base, item.id)
  if (ref.kind === 'item') {
    if (item.id === id) return noChange(ref)
    const other = itemRefById(instrument, id)
    if (other)
      return refuse(
        path,
        `Item-id "${id}" is al in gebruik bij ${quoted(instrument, other).nl}`,
        `Item id "${id}" is already used by ${quoted(instrument, other).en}`,
      )
    // An id of another base item is free only when its answers are dropped, and only for an item
    // that carries none itself (a rename onto a base id is no rename to checkMigration).
    const was = baseItem(draft.base, id)
    const carried = origin !== undefined && carries(instrument, origin)
    if (was && id !== origin && (carried || carries(instrument, id)))
      return refuse(
        path,
        `Item-id "${id}" hoorde in versie ${draft.base.version} bij '${textOr(was.label, 'nl', id)}': opgeslagen antwoorden op dat item zouden hier terechtkomen. Kies een andere id.`,
        `Item id "${id}" belonged to '${textOr(was.label, 'en', id)}' in version ${draft.base.version}: saved answers to that item would land here. Choose another id.`,
      )
    const from = item.id
    return plan((d) => {
      renameItemReferences(d, from, id)
      itemIn(d, ref).id = id
      if (origin !== undefined) recordItemRename(d, draft.base, origin, id)
    }, ref)
  }
  const options = optionsOf(item) ?? []
  const option = options[ref.option]
  if (!option) return missingNode(instrument, ref)
  if (option.code === id) return noChange(ref)
  if (options.some((o) => o.code === id))
    return refuse(
      path,
      `Optiecode "${id}" bestaat al in dit item`,
      `Option code "${id}" already exists in this item`,
    )
  const carried = origin !== undefined && carries(instrument, origin)
  const code = carried
    ? optionOrigin(instrument, draft.base, item.id, origin, option.code)
    : undefined
  const map = instrument.migration?.steps.find((s) => s.kind === 'mapOptions' && s.item === item.id)
  const free = map?.kind === 'mapOptions' && typeof map.options[id] === 'object'
  if (carried && baseItem(draft.base, origin)?.codes.includes(id) && id !== code && !free)
    return refuse(
      path,
      `Optiecode "${id}" hoorde in versie ${draft.base.version} bij een andere optie van dit item: opgeslagen antwoorden met die code zouden deze optie krijgen. Kies een andere code.`,
      `Option code "${id}" belonged to another option of this item in version ${draft.base.version}: saved answers with that code would get this option. Choose another code.`,
    )
  const from = option.code
  return plan((d) => {
    renameOptionReferences(d, item.id, from, id)
    const o = optionsOf(itemIn(d, ref))?.[ref.option]
    if (o) o.code = id
    if (origin !== undefined && code !== undefined)
      recordOptionRename(d, draft.base, item.id, origin, code, id)
  }, ref)
}

// --- setKind ---------------------------------------------------------------------------------

const CHOICES: readonly AnswerKind[] = ['single', 'multiple']

function planSetKind(draft: Draft, ref: NodeRef, kind: AnswerKind): Planned {
  const instrument = draft.instrument
  if (!nodeExists(instrument, ref)) return missingNode(instrument, ref)
  if (ref.kind !== 'item')
    return refuse(
      pathOfNode(ref, instrument),
      'Alleen een item heeft een soort antwoord',
      'Only an item has an answer kind',
    )
  if (!ANSWER_KINDS.includes(kind)) return unknownKind(kind)
  const item = itemAt(instrument, ref) as Item
  const old = item.answer
  if (old.kind === kind) return noChange(ref)
  const keeps = CHOICES.includes(old.kind) && CHOICES.includes(kind)
  const refs = kindReferences(instrument, item.id, keeps)
  if (refs.length) {
    const by = refersTo(refs)
    const name = quoted(instrument, ref)
    return refuse(
      [...pathOfNode(ref, instrument), 'answer', 'kind'],
      `De soort antwoord van ${name.nl} kan niet wijzigen: ${by.nl} naar dit item en de opties ervan. Pas dat eerst aan.`,
      `The answer kind of ${name.en} cannot change: ${by.en} to this item and its options. Change that first.`,
    )
  }
  const answer: AnswerSpec =
    keeps && (old.kind === 'single' || old.kind === 'multiple')
      ? { kind: kind as 'single' | 'multiple', options: cloneJson(old.options) }
      : defaultAnswer(kind)
  const origin = itemOrigin(instrument, draft.base, item.id)
  return plan((d) => {
    itemIn(d, ref).answer = answer
    // Answers of the old kind cannot be read as the new one (checkMigration refuses a rename
    // across kinds), so they are dropped with the reason.
    if (origin !== undefined)
      recordItemDrop(d, draft.base, origin, item.id, kindChanged(old.kind, kind))
  }, ref)
}

// --- setCondition ----------------------------------------------------------------------------

function planSetCondition(draft: Draft, ref: NodeRef, condition: Condition | undefined): Planned {
  const instrument = draft.instrument
  if (!nodeExists(instrument, ref)) return missingNode(instrument, ref)
  if (ref.kind !== 'item')
    return refuse(
      pathOfNode(ref, instrument),
      'Alleen een item kan een voorwaarde hebben',
      'Only an item can have a condition',
    )
  const item = itemAt(instrument, ref) as Item
  const path = [...pathOfNode(ref, instrument), 'visibleWhen']
  if (condition === undefined) {
    if (!item.visibleWhen) return noChange(ref)
    return plan((d) => {
      delete itemIn(d, ref).visibleWhen
    }, ref)
  }
  if (sameJson(item.visibleWhen, condition)) return noChange(ref)
  if (condition.item === item.id)
    return refuse(
      path,
      'Een item kan niet van zijn eigen antwoord afhangen',
      'An item cannot depend on its own answer',
    )
  const where = itemRefById(instrument, condition.item)
  const target = where && itemAt(instrument, where)
  if (!target)
    return refuse(
      path,
      `Item "${condition.item}" bestaat niet`,
      `Item "${condition.item}" does not exist`,
    )
  const codes = (optionsOf(target) ?? []).map((o) => o.code)
  if (!codes.length)
    return refuse(
      path,
      `Item "${condition.item}" heeft geen opties om een voorwaarde op te zetten`,
      `Item "${condition.item}" has no options to base a condition on`,
    )
  if (!condition.anyOf.length)
    return refuse(path, 'Kies minstens één optie', 'Choose at least one option')
  const unknown = condition.anyOf.filter((c) => !codes.includes(c))
  if (unknown.length)
    return refuse(
      path,
      `Item "${condition.item}" heeft geen optie ${unknown.map((c) => `"${c}"`).join(', ')}`,
      `Item "${condition.item}" has no option ${unknown.map((c) => `"${c}"`).join(', ')}`,
    )
  // Following the conditions from the new target must not come back here: no item would show.
  const byId = new Map(allItems(instrument).map((i) => [i.id, i]))
  const ring = [item.id, condition.item]
  const seen = new Set([condition.item])
  for (
    let at = target.visibleWhen?.item;
    at !== undefined && !seen.has(at);
    at = byId.get(at)?.visibleWhen?.item
  ) {
    ring.push(at)
    seen.add(at)
    if (at === item.id)
      return refuse(
        path,
        `Deze voorwaarde maakt een kring (${ring.join(' → ')}): geen van deze items zou ooit getoond worden`,
        `This condition makes a ring (${ring.join(' → ')}): none of these items could ever be shown`,
      )
  }
  const copy = cloneJson(condition)
  return plan((d) => {
    itemIn(d, ref).visibleWhen = copy
  }, ref)
}

// --- common ----------------------------------------------------------------------------------

function missingNode(instrument: Instrument, ref: NodeRef): Planned {
  return refuse(
    pathOfNode(ref, instrument),
    'Dit onderdeel bestaat niet (meer)',
    'This part does not exist (any more)',
  )
}

function unknownKind(kind: string): Planned {
  return refuse([], `Onbekende soort antwoord: "${kind}"`, `Unknown answer kind: "${kind}"`)
}

function planEdit(draft: Draft, edit: Edit): Planned {
  switch (edit.op) {
    case 'set':
      return planSet(draft, edit.path, edit.value)
    case 'add':
      return planAdd(draft, edit.node, edit.at, edit.answerKind)
    case 'duplicate':
      return planDuplicate(draft, edit.ref)
    case 'delete':
      return planDelete(draft, edit.ref)
    case 'move':
      return planMove(draft, edit.ref, edit.to)
    case 'rename':
      return planRename(draft, edit.ref, edit.id)
    case 'setKind':
      return planSetKind(draft, edit.ref, edit.kind)
    case 'setCondition':
      return planSetCondition(draft, edit.ref, edit.condition)
  }
}

/** The node an edit is about, to keep selected when it is refused. */
function subject(edit: Edit): NodeRef {
  if (edit.op === 'set') return nodeOfPath(edit.path)
  if (edit.op === 'add') return edit.at.target
  return edit.ref
}

/**
 * Whether `edit` can be made, and if not why, in both languages: a move of an item into an item,
 * of a section into an item or of an option out of its item; a delete of the last item of a
 * section, of one of the last two options, or of an item that conditions or the conclusion read;
 * an id another item has now or had in the base version.
 * @example
 * canApply(draft, { op: 'delete', ref: { kind: 'item', section: 7, item: 1 } })
 * // { ok: false, issues: [{ path: '$.sections[7].items[2]', message: { nl: "'Gelezen' kan niet …", en: … } }] }
 */
export function canApply(draft: Draft, edit: Edit): LoadResult<true> {
  const p = planEdit(draft, edit)
  return p.ok ? { ok: true, value: true } : p
}

/**
 * Makes an edit, purely: the input draft is never changed, unchanged parts of the result are the
 * very same objects (a live preview re-renders only what changed), and the patches redo and undo
 * it. A rename, delete or kind change of a base item records the migration step that carries its
 * answers. An edit `canApply` refuses returns the same draft, no patches and `refused`.
 * @example
 * const r = applyEdit(draft, { op: 'set', path: ['sections', 2, 'label', 'en'], value: 'Physical' })
 * history = record(history, r, edit, Date.now())
 */
export function applyEdit(draft: Draft, edit: Edit): EditResult {
  const p = planEdit(draft, edit)
  if (!p.ok) {
    const at = subject(edit)
    const selected = nodeExists(draft.instrument, at) ? at : INSTRUMENT
    return {
      draft,
      selected,
      undoSelected: selected,
      patches: [],
      inversePatches: [],
      refused: p.issues,
    }
  }
  const { recipe, selected, undoSelected } = p.plan
  const [next, patches, inversePatches] = produceWithPatches(draft, (d) => {
    recipe(d.instrument as Instrument)
  })
  return { draft: next, selected, undoSelected, patches, inversePatches }
}

// --- move menu -------------------------------------------------------------------------------

function sameRef(a: NodeRef, b: NodeRef): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}

/**
 * Every place a node can be moved to, for a "Verplaatsen naar…" menu, each once: before each
 * other item (or section, or option of the same item) and after the last one of each list,
 * leaving out where it already is and what `canApply` refuses.
 * @example
 * insertPoints(draft, { kind: 'item', section: 2, item: 0 })[0].label
 * // { nl: "Vóór 'Aandacht vasthouden (concentreren)' (Mentaal functioneren)", en: "Before 'Sustaining attention (concentration)' (Mental functioning)" }
 */
export function insertPoints(draft: Draft, ref: NodeRef): { at: InsertPoint; label: Localized }[] {
  const instrument = draft.instrument
  const candidates: InsertPoint[] = []
  if (ref.kind === 'section') {
    instrument.sections.forEach((_, s) =>
      candidates.push({ where: 'before', target: { kind: 'section', section: s } }),
    )
    candidates.push({
      where: 'after',
      target: { kind: 'section', section: instrument.sections.length - 1 },
    })
  } else if (ref.kind === 'item') {
    instrument.sections.forEach((section, s) => {
      section.items.forEach((_, i) =>
        candidates.push({ where: 'before', target: { kind: 'item', section: s, item: i } }),
      )
      candidates.push({
        where: 'after',
        target: { kind: 'item', section: s, item: section.items.length - 1 },
      })
    })
  } else if (ref.kind === 'option') {
    const item = itemAt(instrument, ref)
    const options = (item && optionsOf(item)) ?? []
    const at = (option: number): NodeRef => ({ ...ref, option })
    options.forEach((_, o) => candidates.push({ where: 'before', target: at(o) }))
    if (options.length) candidates.push({ where: 'after', target: at(options.length - 1) })
  }
  return candidates.flatMap((at) => {
    const p = planMove(draft, ref, at)
    if (!p.ok || sameRef(p.plan.selected, ref)) return []
    return [{ at, label: pointLabel(instrument, at) }]
  })
}

function pointLabel(instrument: Instrument, at: InsertPoint): Localized {
  const name = quoted(instrument, at.target)
  const { target } = at
  const tail = (lang: 'nl' | 'en') =>
    target.kind === 'item'
      ? ` (${nodeName(instrument, { kind: 'section', section: target.section }, lang)})`
      : ''
  return at.where === 'before'
    ? { nl: `Vóór ${name.nl}${tail('nl')}`, en: `Before ${name.en}${tail('en')}` }
    : { nl: `Na ${name.nl}${tail('nl')}`, en: `After ${name.en}${tail('en')}` }
}

/**
 * What a screen reader says after a move: the node, its new position and its list.
 * @example
 * moveAnnouncement(draft, { kind: 'item', section: 2, item: 0 }, { where: 'after', target: { kind: 'item', section: 2, item: 2 } })
 * // { nl: 'Tillen verplaatst naar positie 3 van 21 in Fysiek functioneren', en: 'Lifting moved to position 3 of 21 in Physical functioning' }
 */
export function moveAnnouncement(draft: Draft, ref: NodeRef, to: InsertPoint): Localized {
  const p = planMove(draft, ref, to)
  if (!p.ok) {
    const first = p.issues[0] as ValidationIssue
    return { ...first.message }
  }
  const instrument = draft.instrument
  const dest = p.plan.selected
  const name = { nl: nodeName(instrument, ref, 'nl'), en: nodeName(instrument, ref, 'en') }
  const position = (index: number, of: number, within?: NodeRef): Localized => {
    const where = within && {
      nl: nodeName(instrument, within, 'nl'),
      en: nodeName(instrument, within, 'en'),
    }
    return {
      nl: `${name.nl} verplaatst naar positie ${index + 1} van ${of}${where ? ` in ${where.nl}` : ''}`,
      en: `${name.en} moved to position ${index + 1} of ${of}${where ? ` in ${where.en}` : ''}`,
    }
  }
  switch (dest.kind) {
    case 'section':
      return position(dest.section, instrument.sections.length)
    case 'item': {
      const length = (sectionAt(instrument, dest) as Section).items.length
      const grows = ref.kind === 'item' && ref.section !== dest.section ? 1 : 0
      return position(dest.item, length + grows, { kind: 'section', section: dest.section })
    }
    case 'option':
      return position(dest.option, (optionsOf(itemAt(instrument, dest) as Item) ?? []).length, {
        kind: 'item',
        section: dest.section,
        item: dest.item,
      })
    case 'instrument':
      return name
  }
}
