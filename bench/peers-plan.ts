import type { Instrument, Item, Option } from '../src/core/instrument/meta-schema'

/** Something typed into one item: `itemId` on our form and the floors, `n` on the peers. */
export interface PeerTypingStep {
  itemId: string
  n: number
  text: string
}

export interface PeerChoiceStep {
  itemId: string
  n: number
  code: string
  /** The option's place among the item's radios (rjsf's radios carry their index, not the code). */
  index: number
}

export interface PeersPlan {
  key: string
  /** Items every page shows at mount: those without `visibleWhen`. */
  expectedItems: number
  typing: (round: number) => PeerTypingStep[]
  choices: (round: number) => PeerChoiceStep[]
}

export const KEYSTROKES_PER_FIELD = 10
export const FIELDS_PER_ROUND = 3
export const CHOICES_PER_ROUND = 15
/** A date typed into a date item, one character at a time: it reads as a date, so nothing complains. */
const DATE = '12-03-2027'

function levels(item: Item): Option[] {
  const a = item.answer
  return a.kind === 'single' ? a.options : a.kind === 'capacity' ? a.levels : []
}

/**
 * `size` entries spread evenly over `list`, from the top of the form to its end (a large
 * instrument is used all the way down), starting a little further on each round.
 */
function spread<T>(list: readonly T[], round: number, size: number): T[] {
  if (list.length === 0) return []
  const count = Math.min(size, list.length)
  const stride = Math.floor(list.length / count)
  return Array.from({ length: count }, (_, k) => list[(round * 7 + k * stride) % list.length] as T)
}

/**
 * What every page of a round does, the same on each. Typing goes into free texts, a capacity
 * item's first text box and dates (the FML has no free text at mount: its two dates are typed
 * into); clicks pick radios of single choices and capacity levels, avoiding options with a
 * "namelijk" text and items that control another item's visibility (on our form those clicks add
 * inputs that the other pages do not have).
 */
export function peersPlan(key: string, instrument: Instrument): PeersPlan {
  const items = instrument.sections
    .flatMap((s) => s.items)
    .filter((i) => !i.visibleWhen)
    .map((item, n) => ({ item, n }))
  const controllers = new Set(
    instrument.sections.flatMap((s) => s.items.flatMap((i) => i.visibleWhen?.item ?? [])),
  )
  const typed = items.filter(({ item }) => ['text', 'capacity', 'date'].includes(item.answer.kind))
  const chosen = items
    .filter(({ item }) => !controllers.has(item.id))
    .map((x) => ({ ...x, options: levels(x.item).filter((o) => !o.specify) }))
    .filter((c) => c.options.length > 0)
  const letters = 'abcdefghijklmnopqrstuvwxyz'
  return {
    key,
    expectedItems: items.length,
    typing: (round) =>
      spread(typed, round, FIELDS_PER_ROUND).map(({ item, n }, k) => ({
        itemId: item.id,
        n,
        text:
          item.answer.kind === 'date'
            ? DATE
            : Array.from(
                { length: KEYSTROKES_PER_FIELD },
                (_, c) => letters[(round * 5 + k * 3 + c) % letters.length],
              ).join(''),
      })),
    choices: (round) =>
      spread(chosen, round, CHOICES_PER_ROUND).map((c, k) => {
        const option = c.options[(round + k) % c.options.length] as Option
        return {
          itemId: c.item.id,
          n: c.n,
          code: option.code,
          index: levels(c.item).indexOf(option),
        }
      }),
  }
}
