import { cloneJson } from '../assessment/clone-json'
import { choiceOptions } from '../instrument/choice-options'
import type { AnswerKind, Instrument, Localized } from '../instrument/meta-schema'
import { nextVersion } from '../instrument/schema-diff'

/** What the builder must know of an item of the base version to carry its answers over. */
export interface BaseItem {
  label: Localized
  kind: AnswerKind
  /** Its option codes (or capacity levels); empty for other kinds. */
  codes: string[]
}

export interface DraftBase {
  id: string
  version: string
  /**
   * The base version's items by id: a rename, delete, kind change or option change of one of
   * these records a migration step, of an item added in the draft nothing.
   */
  items: Record<string, BaseItem>
}

export interface Draft {
  /** The instrument being edited; may be invalid (blank texts, duplicate ids) while editing. */
  instrument: Instrument
  /** The version it was opened from (the saved version follows it). */
  base: DraftBase
}

/**
 * The base item with this id; an own property only (an id may be `constructor`).
 * @example
 * baseItem(draft.base, 'fysiek.tillen')?.kind // 'capacity'
 */
export function baseItem(base: DraftBase, id: string): BaseItem | undefined {
  return Object.hasOwn(base.items, id) ? base.items[id] : undefined
}

/**
 * Opens a version as an editable draft: a deep copy with a placeholder version (the next patch;
 * the real one is chosen at save) and an empty migration from the base, replacing the base's own
 * migration from its predecessor.
 * @example
 * const draft = startDraft(bar100) // draft.instrument.version === '1.0.1'
 */
export function startDraft(base: Instrument): Draft {
  const instrument: Instrument = {
    ...cloneJson(base),
    version: nextVersion(base.version, 'patch'),
    migration: { from: base.version, steps: [] },
  }
  const items: Record<string, BaseItem> = {}
  for (const section of base.sections)
    for (const item of section.items)
      items[item.id] = {
        label: cloneJson(item.label),
        kind: item.answer.kind,
        codes: (choiceOptions(item) ?? []).map((o) => o.code),
      }
  return { instrument, base: { id: base.id, version: base.version, items } }
}
