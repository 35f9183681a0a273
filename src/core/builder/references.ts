import type { Instrument, Localized } from '../instrument/meta-schema'
import type { NodeRef } from './node-ref'
import { textOr } from './node-ref'

/** Something in the instrument that names an item or an option: a condition, the conclusion, an exclusion. */
export interface Reference {
  /** The item whose condition it is; the instrument for the conclusion and the exclusions. */
  node: NodeRef
  what: Localized
}

const CONCLUSION: Reference = {
  node: { kind: 'instrument' },
  what: { nl: 'de conclusie', en: 'the conclusion' },
}

function exclusion(k: number): Reference {
  return {
    node: { kind: 'instrument' },
    what: { nl: `uitsluiting ${k + 1}`, en: `exclusion ${k + 1}` },
  }
}

/** The conditions of other items that read `itemId` (and, when given, one of its options). */
function conditionReferences(
  instrument: Instrument,
  itemId: string,
  code: string | undefined,
  skip: (section: number, item: number) => boolean,
): Reference[] {
  const out: Reference[] = []
  instrument.sections.forEach((section, s) =>
    section.items.forEach((item, i) => {
      const c = item.visibleWhen
      if (!c || c.item !== itemId || item.id === itemId || skip(s, i)) return
      if (code !== undefined && !c.anyOf.includes(code)) return
      out.push({
        node: { kind: 'item', section: s, item: i },
        what: {
          nl: `de voorwaarde van '${textOr(item.label, 'nl', item.id)}'`,
          en: `the condition of '${textOr(item.label, 'en', item.id)}'`,
        },
      })
    }),
  )
  return out
}

/**
 * What would point at nothing if the item `itemId` were deleted: conditions of other items (not
 * those `skip` says go with it, as when its whole section is deleted), the conclusion, exclusions.
 * @example
 * itemReferences(bar, 'visie.gelezen').map((r) => r.what.en)
 * // ["the condition of 'Reason the employee has not read the description'", "the condition of 'The employee's opinion of this description'"]
 */
export function itemReferences(
  instrument: Instrument,
  itemId: string,
  skip: (section: number, item: number) => boolean = () => false,
): Reference[] {
  const out = conditionReferences(instrument, itemId, undefined, skip)
  const c = instrument.conclusion
  if (
    c &&
    (c.item === itemId ||
      c.details?.includes(itemId) ||
      (c.kind === 'cover' && c.completeness?.item === itemId))
  )
    out.push(CONCLUSION)
  instrument.exclusions?.forEach((x, k) => {
    if (x.when.item === itemId || x.excludes.item === itemId) out.push(exclusion(k))
  })
  return out
}

/**
 * What names option `code` of item `itemId`: conditions, the conclusion's codes, exclusions.
 * @example
 * optionReferences(bar, 'werktijd.uren', 'volledig').map((r) => r.what.en) // ['the conclusion']
 */
export function optionReferences(
  instrument: Instrument,
  itemId: string,
  code: string,
): Reference[] {
  const out = conditionReferences(instrument, itemId, code, () => false)
  const c = instrument.conclusion
  if (c?.item === itemId && c.noCapacity.includes(code)) out.push(CONCLUSION)
  else if (c?.kind === 'cover' && c.completeness?.item === itemId) {
    const { incomplete, complete, critical } = c.completeness
    if ([incomplete, complete, critical].includes(code)) out.push(CONCLUSION)
  }
  instrument.exclusions?.forEach((x, k) => {
    if (x.when.item === itemId && 'options' in x.when && x.when.options.includes(code))
      out.push(exclusion(k))
  })
  return out
}

/**
 * What a new kind of answer for `itemId` would break: the conclusion needs its item's kind; a
 * condition or an exclusion needs its options, which only single and multiple choice keep.
 * @example
 * kindReferences(bar, 'visie.gelezen', true) // [] (multiple choice keeps the options)
 */
export function kindReferences(
  instrument: Instrument,
  itemId: string,
  keepsOptions: boolean,
): Reference[] {
  const c = instrument.conclusion
  const out: Reference[] = []
  if (c && (c.item === itemId || (c.kind === 'cover' && c.completeness?.item === itemId)))
    out.push(CONCLUSION)
  if (keepsOptions) return out
  out.push(...conditionReferences(instrument, itemId, undefined, () => false))
  instrument.exclusions?.forEach((x, k) => {
    if (x.when.item === itemId || x.excludes.item === itemId) out.push(exclusion(k))
  })
  return out
}

/**
 * The references joined as Dutch and English lists: "a, b en c" / "a, b and c".
 * @example
 * listOf(itemReferences(tiny, 'klacht')).nl // "de voorwaarde van 'Welke klacht' en uitsluiting 1"
 */
export function listOf(refs: readonly Reference[]): Localized {
  const join = (words: string[], and: string) =>
    words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} ${and} ${words.at(-1)}`
  return {
    nl: join(
      refs.map((r) => r.what.nl),
      'en',
    ),
    en: join(
      refs.map((r) => r.what.en),
      'and',
    ),
  }
}

const swap = (value: string, from: string, to: string) => (value === from ? to : value)

/**
 * Points everything in the draft that names item `from` at `to` instead: conditions, the
 * conclusion, exclusions, and the new-version side of migration steps (a step's source is an id
 * of the previous version and stays). Mutates `instrument` (an immer draft).
 * @example
 * renameItemReferences(d.instrument, 'visie.gelezen', 'visie.beschrijving-gelezen')
 */
export function renameItemReferences(instrument: Instrument, from: string, to: string): void {
  for (const section of instrument.sections)
    for (const item of section.items)
      if (item.visibleWhen?.item === from) item.visibleWhen.item = to
  const c = instrument.conclusion
  if (c) {
    if (c.item === from) c.item = to
    if (c.details?.includes(from)) c.details = c.details.map((d) => swap(d, from, to))
    if (c.kind === 'cover' && c.completeness?.item === from) c.completeness.item = to
  }
  for (const x of instrument.exclusions ?? []) {
    if (x.when.item === from) x.when.item = to
    if (x.excludes.item === from) x.excludes.item = to
  }
  for (const step of instrument.migration?.steps ?? [])
    switch (step.kind) {
      case 'rename':
      case 'move':
      case 'merge':
        if (step.to === from) step.to = to
        break
      case 'mapOptions':
        if (step.item === from) step.item = to
        break
      case 'split':
        for (const t of step.to) if (t.item === from) t.item = to
        break
      case 'drop':
        break
    }
}

/**
 * Points everything that names option `from` of item `itemId` at `to`: conditions, the
 * conclusion's codes, exclusions, and the targets of option maps into that item. Mutates.
 * @example
 * renameOptionReferences(d.instrument, 'visie.gelezen', 'nee', 'niet')
 */
export function renameOptionReferences(
  instrument: Instrument,
  itemId: string,
  from: string,
  to: string,
): void {
  for (const section of instrument.sections)
    for (const item of section.items) {
      const c = item.visibleWhen
      if (c?.item === itemId && c.anyOf.includes(from))
        c.anyOf = c.anyOf.map((x) => swap(x, from, to))
    }
  const c = instrument.conclusion
  if (c?.item === itemId && c.noCapacity.includes(from))
    c.noCapacity = c.noCapacity.map((x) => swap(x, from, to))
  if (c?.kind === 'cover' && c.completeness?.item === itemId) {
    const k = c.completeness
    k.incomplete = swap(k.incomplete, from, to)
    k.complete = swap(k.complete, from, to)
    k.critical = swap(k.critical, from, to)
  }
  for (const x of instrument.exclusions ?? [])
    if (x.when.item === itemId && 'options' in x.when && x.when.options.includes(from))
      x.when.options = x.when.options.map((o) => swap(o, from, to))
  const remap = (map: Record<string, unknown>) => {
    for (const key of Object.keys(map)) if (map[key] === from) map[key] = to
  }
  for (const step of instrument.migration?.steps ?? []) {
    if (step.kind === 'mapOptions' && step.item === itemId) remap(step.options)
    if (step.kind === 'split')
      for (const t of step.to) if (t.item === itemId && t.carry === 'map') remap(t.options)
  }
}
