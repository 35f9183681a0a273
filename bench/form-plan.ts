import { existsSync, readFileSync } from 'node:fs'
import type { Instrument, Item, Option } from '../src/core/instrument/meta-schema'

export interface TypingStep {
  itemId: string
  text: string
}

export interface ChoiceStep {
  itemId: string
  code: string
  index: number
}

export interface FormPlan {
  id: string
  version: string
  /** Items rendered at mount: those without `visibleWhen`. */
  expectedItems: number
  /** Why no keystroke is measured, when the instrument has no free-text field at mount. */
  typingNote: string | null
  typing: (round: number) => TypingStep[]
  choices: (round: number) => ChoiceStep[]
}

export const KEYSTROKES_PER_ROUND = 40
export const CHOICES_PER_ROUND = 20
const FIELDS_PER_ROUND = 4

export function instrumentPath(root: string, id: string, version: string): string {
  return `${root}/schemas/${id}/${version}.json`
}

export function readInstrument(root: string, id: string, version: string): Instrument | null {
  const file = instrumentPath(root, id, version)
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Instrument) : null
}

function levels(item: Item): Option[] {
  const a = item.answer
  return a.kind === 'single' ? a.options : a.kind === 'capacity' ? a.levels : []
}

/** A rotating window over `list`, so each round touches other items. */
function window<T>(list: readonly T[], round: number, size: number): T[] {
  if (list.length === 0) return []
  const start = (round * 7) % list.length
  return Array.from({ length: size }, (_, k) => list[(start + k) % list.length] as T)
}

/**
 * What every page of a round does, identical for floor and ours. Choices avoid options with a
 * "namelijk" text and items that control another item's visibility: on our form those clicks
 * add fields the floor never renders.
 */
export function formPlan(instrument: Instrument): FormPlan {
  const items = instrument.sections.flatMap((s) => s.items).filter((i) => !i.visibleWhen)
  const controllers = new Set(
    instrument.sections.flatMap((s) => s.items.flatMap((i) => i.visibleWhen?.item ?? [])),
  )
  const textItems = items.filter((i) => i.answer.kind === 'text' || i.answer.kind === 'capacity')
  const choiceItems = items
    .filter((i) => !controllers.has(i.id))
    .map((i) => ({ item: i, options: levels(i).filter((o) => !o.specify) }))
    .filter((c) => c.options.length > 0)
  const letters = 'abcdefghijklmnopqrstuvwxyz'
  const perField = Math.ceil(KEYSTROKES_PER_ROUND / FIELDS_PER_ROUND)
  return {
    id: instrument.id,
    version: instrument.version,
    expectedItems: items.length,
    typingNote:
      textItems.length === 0
        ? 'no text or capacity item without visibleWhen: nothing to type in'
        : null,
    typing: (round) =>
      window(textItems, round, Math.min(FIELDS_PER_ROUND, textItems.length)).map((item, k) => ({
        itemId: item.id,
        text: Array.from(
          { length: perField },
          (_, n) => letters[(round * 5 + k * 3 + n) % letters.length],
        ).join(''),
      })),
    choices: (round) =>
      window(choiceItems, round, Math.min(CHOICES_PER_ROUND, choiceItems.length)).map((c, k) => {
        const option = c.options[(round + k) % c.options.length] as Option
        return { itemId: c.item.id, code: option.code, index: levels(c.item).indexOf(option) }
      }),
  }
}
