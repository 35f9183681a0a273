import type { AnswerValue, Answers, AssessmentMeta } from '../../core/assessment/assessment-schema'
import type { Instrument, Item } from '../../core/instrument/meta-schema'
import { formatDateInput } from '../../core/report/format'
import { FORM_ANSWER_KINDS, formAnswerKind } from './answer-kinds'
import { nameSegment, type ItemValues } from './item-values'

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
 * One model per item object, made once: an instrument edited in the builder keeps its unchanged
 * items as the same objects, and so their models, and the form draws again only what changed.
 */
const models = new WeakMap<Item, FieldModel>()

export function fieldModels(instrument: Instrument): FieldModel[] {
  return instrument.sections.flatMap((section) =>
    section.items.map((item) => {
      const known = models.get(item)
      if (known?.sectionId === section.id) return known
      const model = { item, name: `items.${nameSegment('i', item.id)}`, sectionId: section.id }
      models.set(item, model)
      return model
    }),
  )
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

/** One item's answer from its inputs, or undefined when nothing was filled in. */
export function toAnswer(item: Item, v: ItemValues | undefined): AnswerValue | undefined {
  if (!v) return undefined
  return formAnswerKind(item.answer.kind).toAnswer(item.answer, v)
}

export function toAnswers(fields: readonly FieldModel[], items: FormValues['items']): Answers {
  const out: Answers = {}
  for (const f of fields) {
    const a = toAnswer(f.item, items[itemKey(f)])
    if (a) out[f.item.id] = a
  }
  return out
}

/** The inputs' values for an item, from a saved answer (or empty). */
export function toItemValues(
  item: Item,
  answer: AnswerValue | undefined,
  lang: 'nl' | 'en' = 'en',
): ItemValues {
  return formAnswerKind(item.answer.kind).toItemValues(item.answer, answer, lang)
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
    ...fields.flatMap((f) =>
      formAnswerKind(f.item.answer.kind).dateInputs.map(
        (input) => `items.${itemKey(f)}.${input}` as const,
      ),
    ),
  ]
}

/** The input name an issue in one item's answer points at, e.g. `['specify']` on IV.13 → `….s-4`. */
export function fieldNameForIssue(
  field: FieldModel,
  answer: AnswerValue | undefined,
  path: readonly PropertyKey[],
): string {
  const input = formAnswerKind(field.item.answer.kind).issueInput(path, answer)
  return `${field.name}.${input ?? mainInput(field.item)}`
}

/** The input that stands for the whole item: where errors without a finer place go, and focus lands. */
export function mainInput(item: Item): string {
  return FORM_ANSWER_KINDS[item.answer.kind].mainInput
}
