import type { Instrument } from '../instrument/meta-schema'
import type { PathSegment } from '../issues/validation-issue'
import type { NodeRef } from './node-ref'
import { INSTRUMENT, optionListKey, optionsOf } from './node-ref'

/** One text of the instrument in both languages, for a side-by-side translation table. */
export interface TranslationRow {
  /** The path of the text object; `[...path, 'nl']` is its Dutch text. */
  path: PathSegment[]
  node: NodeRef
  /** What the text is: label, help, description, title, summary, note, reason, verified, reconstructed. */
  field: string
  nl: string
  en: string
}

type Lang = 'nl' | 'en'

// A draft may hold anything a `set` put there: lists and objects are read only when they are ones.
const list = (value: unknown): readonly unknown[] => (Array.isArray(value) ? value : [])
const record = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {}

/**
 * A text is missing when it is blank or only white space.
 * @example
 * isBlank(' \n') // true
 */
export function isBlank(text: string): boolean {
  return !text.trim()
}

/**
 * Every text of the instrument in both languages, in document order: title, description,
 * provenance, domains, sections with their items, options and quantities, exclusions, and the
 * migration's notes and reasons. A missing language reads as ''.
 * @example
 * translationRows(bar)[0]
 * // { path: ['title'], node: { kind: 'instrument' }, field: 'title', nl: 'Beschrijving Arbeidsbelastbaarheid …', en: 'Description of Work Capacity …' }
 */
export function translationRows(instrument: Instrument): TranslationRow[] {
  const rows: TranslationRow[] = []
  const add = (text: unknown, path: PathSegment[], node: NodeRef, field: string) => {
    if (typeof text !== 'object' || text === null || Array.isArray(text)) return
    const t = text as Partial<Record<Lang, unknown>>
    const read = (lang: Lang) => (typeof t[lang] === 'string' ? (t[lang] as string) : '')
    rows.push({ path, node, field, nl: read('nl'), en: read('en') })
  }
  add(instrument.title, ['title'], INSTRUMENT, 'title')
  add(instrument.description, ['description'], INSTRUMENT, 'description')
  const p = record(instrument.provenance)
  add(p.summary, ['provenance', 'summary'], INSTRUMENT, 'summary')
  list(p.sources).forEach((s, k) =>
    add(record(s).note, ['provenance', 'sources', k, 'note'], INSTRUMENT, 'note'),
  )
  list(p.verified).forEach((v, k) => add(v, ['provenance', 'verified', k], INSTRUMENT, 'verified'))
  list(p.reconstructed).forEach((v, k) =>
    add(v, ['provenance', 'reconstructed', k], INSTRUMENT, 'reconstructed'),
  )
  list(instrument.domains).forEach((d, k) => {
    add(record(d).label, ['domains', k, 'label'], INSTRUMENT, 'label')
    add(record(d).description, ['domains', k, 'description'], INSTRUMENT, 'description')
  })
  instrument.sections.forEach((section, s) => {
    const sp: PathSegment[] = ['sections', s]
    const sectionNode: NodeRef = { kind: 'section', section: s }
    add(section.label, [...sp, 'label'], sectionNode, 'label')
    add(section.description, [...sp, 'description'], sectionNode, 'description')
    section.items.forEach((item, i) => {
      const ip: PathSegment[] = [...sp, 'items', i]
      const itemNode: NodeRef = { kind: 'item', section: s, item: i }
      add(item.label, [...ip, 'label'], itemNode, 'label')
      add(item.help, [...ip, 'help'], itemNode, 'help')
      const key = optionListKey(item)
      optionsOf(item)?.forEach((o, k) => {
        const op: PathSegment[] = [...ip, 'answer', key as string, k]
        const optionNode: NodeRef = { kind: 'option', section: s, item: i, option: k }
        add(o.label, [...op, 'label'], optionNode, 'label')
        add(o.description, [...op, 'description'], optionNode, 'description')
      })
      if (item.answer.kind === 'capacity')
        list(item.answer.quantities).forEach((q, k) =>
          add(record(q).label, [...ip, 'answer', 'quantities', k, 'label'], itemNode, 'label'),
        )
    })
  })
  list(instrument.exclusions).forEach((x, k) =>
    add(record(x).reason, ['exclusions', k, 'reason'], INSTRUMENT, 'reason'),
  )
  const dropReasons = (map: unknown, path: PathSegment[]) => {
    for (const [code, to] of Object.entries(record(map)))
      add(record(to).drop, [...path, code, 'drop'], INSTRUMENT, 'reason')
  }
  list(record(instrument.migration).steps).forEach((value, k) => {
    const step = record(value)
    const mp: PathSegment[] = ['migration', 'steps', k]
    add(step.reason, [...mp, 'reason'], INSTRUMENT, 'reason')
    if (step.kind === 'mapOptions') dropReasons(step.options, [...mp, 'options'])
    if (step.kind === 'split')
      list(step.to).forEach((t, j) => dropReasons(record(t).options, [...mp, 'to', j, 'options']))
    add(step.note, [...mp, 'note'], INSTRUMENT, 'note')
  })
  return rows
}

/**
 * How many texts each language has, of all there are; a blank text counts as missing.
 * @example
 * completeness(translationRows(startDraft(bar).instrument)) // { nl: { filled: 817, total: 817 }, en: { filled: 817, total: 817 } }
 */
export function completeness(
  rows: readonly TranslationRow[],
): Record<Lang, { filled: number; total: number }> {
  const count = (lang: Lang) => rows.filter((r) => !isBlank(r[lang])).length
  return {
    nl: { filled: count('nl'), total: rows.length },
    en: { filled: count('en'), total: rows.length },
  }
}
