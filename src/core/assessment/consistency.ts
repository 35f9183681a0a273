import type { Answers } from './assessment-schema'
import { chosenCodes } from './visibility'
import { choiceOptions } from '../instrument/choice-options'
import type { Exclusion, Instrument, Item } from '../instrument/meta-schema'
import { itemIndex } from '../instrument/item-index'

export interface Contradiction {
  exclusion: Exclusion
  /** The item whose answer makes the claim (FML I.8 "Nee"), and the item it contradicts. */
  item: string
  excludes: string
}

function ranks(item: Item | undefined, answers: Answers): number[] {
  const options = item ? (choiceOptions(item) ?? []) : []
  return chosenCodes(item && answers[item.id]).flatMap((code) => {
    const rank = options.find((o) => o.code === code)?.rank
    return rank === undefined ? [] : [rank]
  })
}

/**
 * The instrument's exclusions that the answers break: an exclusive "Nee / Norm" beside a limitation
 * it excludes (FML I.8 "Nee" with I.7 "tempo duidelijk verlaagd"), or hours per week above five
 * times the hours per day. Unanswered items break nothing.
 * @example
 * checkConsistency(fml, { 'I.8': { kind: 'multiple', choices: ['0'] }, 'I.7': { kind: 'single', choice: '1' } })
 * // → [{ item: 'I.8', excludes: 'I.7', exclusion }]
 */
export function checkConsistency(instrument: Instrument, answers: Answers): Contradiction[] {
  const { items } = itemIndex(instrument)
  const out: Contradiction[] = []
  for (const exclusion of instrument.exclusions ?? []) {
    const { when, excludes } = exclusion
    const claimed = ranks(items.get(when.item), answers)
    // An unticked claim claims nothing (Math.max() of no ranks would be -Infinity).
    const holds =
      'options' in when
        ? chosenCodes(answers[when.item]).some((c) => when.options.includes(c))
        : claimed.length > 0 && Math.max(...claimed) <= when.maxRank
    if (!holds) continue
    // One warning per pair of items: the first exclusion listed for it (FML VI.3 rank 1 beside
    // VI.2 rank 3 breaks two of the hour rules; the one naming VI.3's own level is said).
    if (out.some((c) => c.item === when.item && c.excludes === excludes.item)) continue
    if (ranks(items.get(excludes.item), answers).some((r) => r >= excludes.minRank))
      out.push({ exclusion, item: when.item, excludes: excludes.item })
  }
  return out
}
