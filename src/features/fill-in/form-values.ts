import type { AnswerValue, Answers } from '../../core/assessment/assessment-schema'
import type { Instrument, Item } from '../../core/instrument/meta-schema'

/**
 * react-hook-form reads dots in field names as nesting, and item ids contain dots (FML "IV.13"),
 * so each item gets a plain field name by position: items.f0, items.f1, ...
 */
export interface FieldModel {
  item: Item
  name: string
  sectionId: string
}

export function fieldModels(instrument: Instrument): FieldModel[] {
  let n = 0
  return instrument.sections.flatMap((section) =>
    section.items.map((item) => ({ item, name: `items.f${n++}`, sectionId: section.id })),
  )
}

/** What the native inputs hold for one item: strings, radio values (null when none), checkbox arrays. */
export type ItemValues = {
  choice?: string | null
  choices?: string[] | false
  /** "namely" texts by option position: s0, s1, ... */
  [specify: `s${number}`]: string | undefined
  value?: string
  text?: string
  date?: string
  level?: string | null
  /** capacity quantities by position: q0, q1, ... */
  [quantity: `q${number}`]: string | undefined
  possible?: string
  conditions?: string
}

export interface MetaValues {
  authorRole: 'bedrijfsarts' | 'verzekeringsarts'
  authorName: string
  employee: string
  assessmentDate: string
  validUntil: string
}

export interface FormValues {
  meta: MetaValues
  items: Record<string, ItemValues>
}

/** The key of a field model below `items`: `items.f3` → `f3`. */
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
      const index = a.options.findIndex((o) => o.code === v.choice)
      const specify = trimmedOrUndefined(v[`s${index}`])
      return {
        kind: 'single',
        choice: v.choice,
        ...(specify !== undefined && a.options[index]?.specify ? { specify } : {}),
      }
    }
    case 'multiple': {
      const choices = Array.isArray(v.choices)
        ? a.options.map((o) => o.code).filter((c) => (v.choices as string[]).includes(c))
        : []
      if (!choices.length) return undefined
      const specify: Record<string, string> = {}
      a.options.forEach((o, i) => {
        const text = trimmedOrUndefined(v[`s${i}`])
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
    case 'date':
      return v.date ? { kind: 'date', date: v.date } : undefined
    case 'capacity': {
      const quantities: Record<string, number> = {}
      a.quantities.forEach((q, i) => {
        const n = parseNumber(v[`q${i}`])
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
      a.options.forEach((o, i) => {
        if (o.specify)
          v[`s${i}`] =
            answer?.kind === 'single' && answer.choice === o.code ? (answer.specify ?? '') : ''
      })
      return v
    }
    case 'multiple': {
      const v: ItemValues = { choices: answer?.kind === 'multiple' ? [...answer.choices] : [] }
      a.options.forEach((o, i) => {
        if (o.specify)
          v[`s${i}`] = answer?.kind === 'multiple' ? (answer.specify?.[o.code] ?? '') : ''
      })
      return v
    }
    case 'quantity':
      return { value: answer?.kind === 'quantity' ? formatNumber(answer.value, lang) : '' }
    case 'text':
      return { text: answer?.kind === 'text' ? answer.text : '' }
    case 'date':
      return { date: answer?.kind === 'date' ? answer.date : '' }
    case 'capacity': {
      const c = answer?.kind === 'capacity' ? answer : undefined
      const v: ItemValues = {
        level: c?.level ?? null,
        possible: c?.possible ?? '',
        conditions: c?.conditions ?? '',
      }
      a.quantities.forEach((q, i) => {
        const n = c?.quantities?.[q.id]
        v[`q${i}`] = n === undefined ? '' : formatNumber(n, lang)
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

/** The input name an issue in one item's answer points at, e.g. `['specify']` on IV.13 → `f40.s2`. */
export function fieldNameForIssue(
  field: FieldModel,
  answer: AnswerValue | undefined,
  path: readonly PropertyKey[],
): string {
  const [first, second] = path
  const a = field.item.answer
  if (first === 'specify') {
    const code = a.kind === 'single' && answer?.kind === 'single' ? answer.choice : second
    const options = a.kind === 'single' || a.kind === 'multiple' ? a.options : []
    return `${field.name}.s${Math.max(
      options.findIndex((o) => o.code === code),
      0,
    )}`
  }
  if (first === 'quantities' && a.kind === 'capacity')
    return `${field.name}.q${Math.max(
      a.quantities.findIndex((q) => q.id === second),
      0,
    )}`
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
