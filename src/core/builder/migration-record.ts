import type { AnswerKind, Instrument, Localized, MigrationStep } from '../instrument/meta-schema'
import type { DraftBase } from './draft'
import { baseItem } from './draft'
import { freshId } from './new-nodes'

/*
 * The steps the builder writes, so that the draft's migration always passes checkMigration: a
 * rename (base id to current id) comes before any step on the current id; an option map is on the
 * current id, keyed by the base codes; a drop names the base id. No item is ever given an id that
 * another item had in the base (edits refuse it), so a draft item with a base id is that item.
 */

export const ITEM_REMOVED: Localized = {
  nl: 'Item is vervallen in deze versie',
  en: 'Item was removed in this version',
}

export const OPTION_REMOVED: Localized = {
  nl: 'Optie is vervallen in deze versie',
  en: 'Option was removed in this version',
}

export const KIND_NAMES: Readonly<Record<AnswerKind, Localized>> = {
  single: { nl: 'enkele keuze', en: 'single choice' },
  multiple: { nl: 'meerkeuze', en: 'multiple choice' },
  capacity: { nl: 'belastbaarheid', en: 'capacity' },
  quantity: { nl: 'hoeveelheid', en: 'quantity' },
  text: { nl: 'tekst', en: 'text' },
  date: { nl: 'datum', en: 'date' },
}

/**
 * Why answers of an item whose kind changed are not carried over.
 * @example
 * kindChanged('date', 'text').en // 'Answer kind changed from date to text: earlier answers no longer fit'
 */
export function kindChanged(from: AnswerKind, to: AnswerKind): Localized {
  return {
    nl: `Soort antwoord gewijzigd van ${KIND_NAMES[from].nl} naar ${KIND_NAMES[to].nl}: eerdere antwoorden passen niet meer`,
    en: `Answer kind changed from ${KIND_NAMES[from].en} to ${KIND_NAMES[to].en}: earlier answers no longer fit`,
  }
}

function steps(instrument: Instrument, base: DraftBase): MigrationStep[] {
  instrument.migration ??= { from: base.version, steps: [] }
  return instrument.migration.steps
}

/** Whether a step takes the answer held under `id` (a previous-version id, or one a step wrote). */
function reads(step: MigrationStep, id: string): boolean {
  switch (step.kind) {
    case 'rename':
    case 'move':
    case 'split':
      return step.from === id
    case 'merge':
      return step.from.includes(id)
    case 'mapOptions':
    case 'drop':
      return step.item === id
  }
}

/** Whether a step puts an answer under the draft's item `id`. */
function writes(step: MigrationStep, id: string): boolean {
  switch (step.kind) {
    case 'rename':
    case 'move':
    case 'merge':
      return step.to === id
    case 'mapOptions':
      return step.item === id
    case 'split':
      return step.to.some((t) => t.item === id)
    case 'drop':
      return false
  }
}

/** A step name `<prefix>-<id as kebab-case>`, unique among the steps. */
function stepName(list: readonly MigrationStep[], prefix: string, id: string): string {
  const slug =
    id
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'item'
  return freshId(`${prefix}-${slug}`, new Set(list.map((s) => s.name)))
}

/**
 * The base item the draft's item `id` is: the source of a rename to it, itself when the base has
 * it; undefined for an item added in the draft.
 * @example
 * itemOrigin(draft.instrument, draft.base, 'mentaal.omgaan-met-stress') // 'mentaal.stress-hanteren' after that rename
 */
export function itemOrigin(
  instrument: Instrument,
  base: DraftBase,
  id: string,
): string | undefined {
  for (const step of instrument.migration?.steps ?? [])
    if (step.kind === 'rename' && step.to === id) return step.from
  return baseItem(base, id) ? id : undefined
}

/**
 * Whether the answers of base item `origin` still go to its draft item: no step drops, moves,
 * splits or merges them (a kind change or a delete drops them).
 * @example
 * carries(draft.instrument, 'fysiek.dragen') // false once it is deleted
 */
export function carries(instrument: Instrument, origin: string): boolean {
  return !(instrument.migration?.steps ?? []).some(
    (s) => s.kind !== 'rename' && s.kind !== 'mapOptions' && reads(s, origin),
  )
}

/** The option map of the draft's item `itemId`, when it has one. */
function mapStep(instrument: Instrument, itemId: string) {
  for (const step of instrument.migration?.steps ?? [])
    if (step.kind === 'mapOptions' && step.item === itemId) return step
  return undefined
}

/**
 * The base code an option of a carried item was: the key that its option map sends to `code`, or
 * `code` itself when the base item has it; undefined for an option added in the draft.
 * @example
 * optionOrigin(draft.instrument, draft.base, 'fysiek.tillen', 'fysiek.tillen', 'lichte') // 'licht' after that rename
 */
export function optionOrigin(
  instrument: Instrument,
  base: DraftBase,
  itemId: string,
  origin: string,
  code: string,
): string | undefined {
  const codes = baseItem(base, origin)?.codes ?? []
  const map = mapStep(instrument, itemId)?.options ?? {}
  for (const [from, to] of Object.entries(map)) if (to === code) return from
  return codes.includes(code) && !Object.hasOwn(map, code) ? code : undefined
}

/**
 * Records that carried base item `origin` now has id `to` (references in the draft, the steps'
 * targets among them, already follow): a rename step from the base id, one per item however often
 * it is renamed, none once it has its base id again.
 * @example
 * recordItemRename(d.instrument, d.base, 'fysiek.tillen', 'fysiek.optillen')
 */
export function recordItemRename(
  instrument: Instrument,
  base: DraftBase,
  origin: string,
  to: string,
): void {
  if (!carries(instrument, origin)) return
  const list = steps(instrument, base)
  const k = list.findIndex((s) => s.kind === 'rename' && s.from === origin)
  if (to === origin) {
    if (k >= 0) list.splice(k, 1)
    return
  }
  if (k >= 0) return
  const step: MigrationStep = {
    name: stepName(list, 'rename', origin),
    kind: 'rename',
    from: origin,
    to,
  }
  // Before the item's option map, which names it by its new id.
  const at = list.findIndex((s) => writes(s, to))
  list.splice(at < 0 ? list.length : at, 0, step)
}

/**
 * Records that the answers of carried base item `origin` (now `currentId` in the draft) go
 * nowhere: its rename and option map make way for a drop with this reason.
 * @example
 * recordItemDrop(d.instrument, d.base, 'fysiek.tillen', 'fysiek.optillen', ITEM_REMOVED)
 */
export function recordItemDrop(
  instrument: Instrument,
  base: DraftBase,
  origin: string,
  currentId: string,
  reason: Localized,
): void {
  if (!carries(instrument, origin)) return
  const list = steps(instrument, base)
  for (let k = list.length - 1; k >= 0; k--) {
    const s = list[k] as MigrationStep
    if (
      (s.kind === 'rename' && s.from === origin) ||
      (s.kind === 'mapOptions' && s.item === currentId)
    )
      list.splice(k, 1)
  }
  list.push({
    name: stepName(list, 'drop', origin),
    kind: 'drop',
    item: origin,
    reason: { ...reason },
  })
}

/**
 * An item leaves the draft: no step may put an answer under its id any more.
 * @example
 * forgetItem(d.instrument, 'nieuw-item')
 */
export function forgetItem(instrument: Instrument, id: string): void {
  const list = instrument.migration?.steps
  if (!list) return
  for (let k = list.length - 1; k >= 0; k--) {
    const s = list[k] as MigrationStep
    if (s.kind === 'split' && writes(s, id)) {
      const rest = s.to.filter((t) => t.item !== id)
      if (rest.length >= 2) s.to = rest
      else list.splice(k, 1)
    } else if (writes(s, id)) list.splice(k, 1)
  }
}

/**
 * Records that option `originCode` of carried base item `origin` (the draft's `itemId`) now has
 * code `to`: one entry in the item's option map, removed once it has its base code again.
 * @example
 * recordOptionRename(d.instrument, d.base, 'fysiek.tillen', 'fysiek.tillen', 'licht', 'lichte')
 */
export function recordOptionRename(
  instrument: Instrument,
  base: DraftBase,
  itemId: string,
  origin: string,
  originCode: string,
  to: string,
): void {
  const list = steps(instrument, base)
  const step = mapStep(instrument, itemId)
  if (originCode === to) {
    if (!step) return
    delete step.options[originCode]
    if (!Object.keys(step.options).length) list.splice(list.indexOf(step), 1)
    return
  }
  if (step) step.options[originCode] = to
  else
    list.push({
      name: stepName(list, 'map', origin),
      kind: 'mapOptions',
      item: itemId,
      options: { [originCode]: to },
    })
}

/**
 * Records that option `originCode` of carried base item `origin` is gone: answers with it are dropped.
 * @example
 * recordOptionDrop(d.instrument, d.base, 'fysiek.tillen', 'fysiek.tillen', 'matig')
 */
export function recordOptionDrop(
  instrument: Instrument,
  base: DraftBase,
  itemId: string,
  origin: string,
  originCode: string,
): void {
  const list = steps(instrument, base)
  const step = mapStep(instrument, itemId)
  const drop = { drop: { ...OPTION_REMOVED } }
  if (step) step.options[originCode] = drop
  else
    list.push({
      name: stepName(list, 'map', origin),
      kind: 'mapOptions',
      item: itemId,
      options: { [originCode]: drop },
    })
}
