import type { AnswerValue, Answers, AssessmentMeta } from '../../core/assessment/assessment-schema'
import type { Instrument, Item } from '../../core/instrument/meta-schema'
import { formatDateInput, parseDateInput } from '../../core/report/format'

/**
 * One item of the form: its input names start with `name`, made from the item's id, so inserting,
 * removing or reordering items never moves an answer to another item.
 */
export interface FieldModel {
  item: Item
  name: string
  sectionId: string
}

/**
 * An id as one segment of an input name. react-hook-form reads "." and "[" as nesting and a number
 * as an array index, and item ids contain dots (FML "IV.13"): letters, digits and "-" stay, every
 * other character becomes "_<hex>_", after a letter that says what the id names.
 * @example nameSegment('i', 'IV.13') // → "i-IV_2e_13"
 */
export function nameSegment(kind: 'i' | 's' | 'q', id: string): string {
  return `${kind}-${id.replace(/[^A-Za-z0-9-]/g, (c) => `_${(c.codePointAt(0) as number).toString(16)}_`)}`
}

/** The input of an option's "namely" text, by the option's code. */
export const specifyKey = (code: string) => nameSegment('s', code) as `s-${string}`
/** The input of a capacity quantity, by the quantity's id. */
export const quantityKey = (id: string) => nameSegment('q', id) as `q-${string}`

export function fieldModels(instrument: Instrument): FieldModel[] {
  return instrument.sections.flatMap((section) =>
    section.items.map((item) => ({
      item,
      name: `items.${nameSegment('i', item.id)}`,
      sectionId: section.id,
    })),
  )
}

/** What the native inputs hold for one item: strings, radio values (null when none), checkbox arrays. */
export type ItemValues = {
  choice?: string | null
  choices?: string[] | false
  /** "namely" texts by option code (specifyKey) */
  [specify: `s-${string}`]: string | undefined
  value?: string
  text?: string
  /** The date as typed, day first ("5-3-2027"); read into `YYYY-MM-DD` by `toAnswer`. */
  date?: string
  level?: string | null
  /** capacity quantities by quantity id (quantityKey) */
  [quantity: `q-${string}`]: string | undefined
  possible?: string
  conditions?: string
}

export interface MetaValues {
  authorRole: 'bedrijfsarts' | 'verzekeringsarts'
  authorName: string
  employee: string
  /** The dates as typed, day first; read by `metaToSave`. */
  assessmentDate: string
  validUntil: string
}

export interface FormValues {
  meta: MetaValues
  items: Record<string, ItemValues>
}

/** The key of a field model below `items`: `items.i-IV_2e_13` → `i-IV_2e_13`. */
export function itemKey(field: FieldModel) {
  return field.name.slice('items.'.length)
}

function trimmedOrUndefined(s: string | undefined) {
  return s && s.trim() !== '' ? s : undefined
}

/** Empty input stays unanswered; "1,5" (Dutch decimal comma) reads as 1.5. */
export function parseNumber(s: string | undefined): number | undefined {
  if (s === undefined || s.trim() === '') return undefined
  const n = Number(s.trim().replace(',', '.'))
  return Number.isNaN(n) ? Number.NaN : n
}

/** One item's answer from its inputs, or undefined when nothing was filled in. */
export function toAnswer(item: Item, v: ItemValues | undefined): AnswerValue | undefined {
  if (!v) return undefined
  const a = item.answer
  switch (a.kind) {
    case 'single': {
      if (!v.choice) return undefined
      const option = a.options.find((o) => o.code === v.choice)
      const specify = trimmedOrUndefined(v[specifyKey(v.choice)])
      return {
        kind: 'single',
        choice: v.choice,
        ...(specify !== undefined && option?.specify ? { specify } : {}),
      }
    }
    case 'multiple': {
      const choices = Array.isArray(v.choices)
        ? a.options.map((o) => o.code).filter((c) => (v.choices as string[]).includes(c))
        : []
      if (!choices.length) return undefined
      const specify: Record<string, string> = {}
      a.options.forEach((o) => {
        const text = trimmedOrUndefined(v[specifyKey(o.code)])
        if (o.specify && choices.includes(o.code) && text !== undefined) specify[o.code] = text
      })
      return { kind: 'multiple', choices, ...(Object.keys(specify).length ? { specify } : {}) }
    }
    case 'quantity': {
      const value = parseNumber(v.value)
      return value === undefined ? undefined : { kind: 'quantity', value }
    }
    case 'text':
      return trimmedOrUndefined(v.text) === undefined
        ? undefined
        : { kind: 'text', text: v.text as string }
    case 'date': {
      // A date that does not read as one goes on as typed: its validator rejects it, so the
      // saved date is held back, as for a quantity typed "1O".
      const r = parseDateInput(v.date ?? '')
      if (r.ok) return { kind: 'date', date: r.iso }
      return r.problem === 'empty' ? undefined : { kind: 'date', date: v.date as string }
    }
    case 'capacity': {
      const quantities: Record<string, number> = {}
      a.quantities.forEach((q) => {
        const n = parseNumber(v[quantityKey(q.id)])
        if (n !== undefined) quantities[q.id] = n
      })
      const possible = trimmedOrUndefined(v.possible)
      const conditions = trimmedOrUndefined(v.conditions)
      if (!v.level && !Object.keys(quantities).length && !possible && !conditions) return undefined
      return {
        kind: 'capacity',
        ...(v.level ? { level: v.level } : {}),
        ...(Object.keys(quantities).length ? { quantities } : {}),
        ...(possible !== undefined ? { possible } : {}),
        ...(conditions !== undefined ? { conditions } : {}),
      }
    }
  }
}

export function toAnswers(fields: readonly FieldModel[], items: FormValues['items']): Answers {
  const out: Answers = {}
  for (const f of fields) {
    const a = toAnswer(f.item, items[itemKey(f)])
    if (a) out[f.item.id] = a
  }
  return out
}

/** A number as the user types it: a decimal comma in Dutch. */
export function formatNumber(n: number, lang: 'nl' | 'en'): string {
  return lang === 'nl' ? String(n).replace('.', ',') : String(n)
}

/** The inputs' values for an item, from a saved answer (or empty). */
export function toItemValues(
  item: Item,
  answer: AnswerValue | undefined,
  lang: 'nl' | 'en' = 'en',
): ItemValues {
  const a = item.answer
  switch (a.kind) {
    case 'single': {
      const v: ItemValues = { choice: answer?.kind === 'single' ? answer.choice : null }
      a.options.forEach((o) => {
        if (o.specify)
          v[specifyKey(o.code)] =
            answer?.kind === 'single' && answer.choice === o.code ? (answer.specify ?? '') : ''
      })
      return v
    }
    case 'multiple': {
      const v: ItemValues = { choices: answer?.kind === 'multiple' ? [...answer.choices] : [] }
      a.options.forEach((o) => {
        if (o.specify)
          v[specifyKey(o.code)] =
            answer?.kind === 'multiple' ? (answer.specify?.[o.code] ?? '') : ''
      })
      return v
    }
    case 'quantity':
      return { value: answer?.kind === 'quantity' ? formatNumber(answer.value, lang) : '' }
    case 'text':
      return { text: answer?.kind === 'text' ? answer.text : '' }
    case 'date':
      return { date: answer?.kind === 'date' ? formatDateInput(answer.date, lang) : '' }
    case 'capacity': {
      const c = answer?.kind === 'capacity' ? answer : undefined
      const v: ItemValues = {
        level: c?.level ?? null,
        possible: c?.possible ?? '',
        conditions: c?.conditions ?? '',
      }
      a.quantities.forEach((q) => {
        const n = c?.quantities?.[q.id]
        v[quantityKey(q.id)] = n === undefined ? '' : formatNumber(n, lang)
      })
      return v
    }
  }
}

export function toFormItems(
  fields: readonly FieldModel[],
  answers: Answers,
  lang: 'nl' | 'en' = 'en',
): FormValues['items'] {
  const out: FormValues['items'] = {}
  for (const f of fields) out[itemKey(f)] = toItemValues(f.item, answers[f.item.id], lang)
  return out
}

/** The inputs' values for the assessment details: the dates as the language writes them. */
export function toMetaValues(meta: AssessmentMeta, lang: 'nl' | 'en'): MetaValues {
  return {
    ...meta,
    assessmentDate: formatDateInput(meta.assessmentDate, lang),
    validUntil: meta.validUntil ? formatDateInput(meta.validUntil, lang) : '',
  }
}

/** The names of every date input of the form: the details' two and each date item's. */
export function dateInputNames(
  fields: readonly FieldModel[],
): ('meta.assessmentDate' | 'meta.validUntil' | `items.${string}.date`)[] {
  return [
    'meta.assessmentDate',
    'meta.validUntil',
    ...fields
      .filter((f) => f.item.answer.kind === 'date')
      .map((f) => `items.${itemKey(f)}.date` as const),
  ]
}

/** The input name an issue in one item's answer points at, e.g. `['specify']` on IV.13 → `….s-4`. */
export function fieldNameForIssue(
  field: FieldModel,
  answer: AnswerValue | undefined,
  path: readonly PropertyKey[],
): string {
  const [first, second] = path
  const a = field.item.answer
  if (first === 'specify') {
    const code = a.kind === 'single' && answer?.kind === 'single' ? answer.choice : second
    if (typeof code === 'string') return `${field.name}.${specifyKey(code)}`
  }
  if (first === 'quantities' && a.kind === 'capacity' && typeof second === 'string')
    return `${field.name}.${quantityKey(second)}`
  return `${field.name}.${mainInput(field.item)}`
}

/** The input that stands for the whole item: where errors without a finer place go, and focus lands. */
export function mainInput(item: Item): string {
  switch (item.answer.kind) {
    case 'single':
      return 'choice'
    case 'multiple':
      return 'choices'
    case 'capacity':
      return 'level'
    case 'quantity':
      return 'value'
    case 'text':
      return 'text'
    case 'date':
      return 'date'
  }
}
