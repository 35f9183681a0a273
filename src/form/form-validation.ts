import { get, set, type FieldErrors, type Resolver } from 'react-hook-form'
import type { z } from 'zod'
import { itemAnswerSchema } from '../core/assessment/answer-validator'
import type { AnswerValue, Answers } from '../core/assessment/assessment-schema'
import { itemIndex } from '../core/instrument/item-index'
import type { Instrument } from '../core/instrument/meta-schema'
import { fromZodError } from '../core/issues/zod-issues'
import type { Language } from '../i18n/i18n'
import type { FieldModel, FormValues } from './model/form-values'
import type { ItemValues } from './model/item-values'
import { formAnswerKind } from './model/answer-kinds'
import { fieldNameForIssue, itemKey, toAnswer } from './model/form-values'
import { dateTextProblem } from './model/date-text'
import { checkMeta } from './model/meta-check'

export interface Validators {
  get(itemId: string): z.ZodType<AnswerValue> | undefined
}

/** One zod validator per item, each built the first time it is needed (not all at mount). */
export function buildValidators(instrument: Instrument): Validators {
  const items = itemIndex(instrument).items
  const cache = new Map<string, z.ZodType<AnswerValue>>()
  return {
    get(itemId) {
      let v = cache.get(itemId)
      if (!v) {
        const item = items.get(itemId)
        if (!item) return undefined
        v = itemAnswerSchema(item)
        cache.set(itemId, v)
      }
      return v
    },
  }
}

export interface ItemCheck {
  answer: AnswerValue | undefined
  /** Errors by input name, in both languages. */
  errors: { name: string; message: { nl: string; en: string } }[]
}

export function checkItem(
  field: FieldModel,
  values: ItemValues | undefined,
  validators: Validators,
): ItemCheck {
  const answer = toAnswer(field.item, values)
  if (!answer) return { answer, errors: [] }
  // A typed date is told what is wrong with it as typed, not as the ISO form it did not reach.
  for (const input of formAnswerKind(field.item.answer.kind).dateInputs) {
    const typo = dateTextProblem(values?.[input] ?? '')
    if (typo) return { answer, errors: [{ name: `${field.name}.${input}`, message: typo }] }
  }
  const r = validators.get(field.item.id)?.safeParse(answer, { reportInput: true })
  if (!r || r.success) return { answer, errors: [] }
  const messages = fromZodError(r.error)
  const errors = r.error.issues.map((raw, k) => ({
    name: fieldNameForIssue(field, answer, raw.path),
    message: (messages[k] as (typeof messages)[number]).message,
  }))
  return { answer, errors }
}

type Path = readonly PropertyKey[]

function at(value: unknown, path: Path): unknown {
  let node = value
  for (const key of path) node = (node as Record<PropertyKey, unknown> | undefined)?.[key]
  return node
}

/** `answer` with the value at `path` taken from `previous`, or removed where `previous` has none. */
function keepPrevious(answer: AnswerValue, previous: AnswerValue | undefined, path: Path) {
  const parent = at(answer, path.slice(0, -1)) as Record<PropertyKey, unknown> | undefined
  const key = path.at(-1) as PropertyKey
  if (!parent || typeof parent !== 'object') return
  const kept = at(previous, path)
  if (kept === undefined) delete parent[key]
  else parent[key] = kept
}

/**
 * What to save for one item: the answer when it is valid; otherwise the answer with each invalid
 * field back at its last saved value (or left out where it had none), so a typo in one quantity
 * never removes the item's saved level, other quantities or texts; the saved answer when even that
 * does not validate.
 */
export function answerToSave(
  field: FieldModel,
  values: ItemValues | undefined,
  previous: AnswerValue | undefined,
  validators: Validators,
): { answer: AnswerValue | undefined; heldBack: boolean } {
  const answer = toAnswer(field.item, values)
  if (!answer) return { answer, heldBack: false }
  const validator = validators.get(field.item.id)
  const r = validator?.safeParse(answer)
  if (!r || r.success) return { answer, heldBack: false }
  const same = previous?.kind === answer.kind ? previous : undefined
  if (r.error.issues.some((i) => i.path.length === 0)) return { answer: same, heldBack: true }
  const mended = structuredClone(answer)
  for (const issue of r.error.issues) keepPrevious(mended, same, issue.path)
  return { answer: validator?.safeParse(mended).success ? mended : same, heldBack: true }
}

/**
 * The answers to save: every valid answer, and for an item with an error its valid parts beside
 * the last saved value of each invalid field (`previous`); how many items hold something back.
 */
export function validAnswers(
  fields: readonly FieldModel[],
  items: FormValues['items'],
  validators: Validators,
  previous: Answers = {},
): { answers: Answers; invalid: number } {
  const answers: Answers = {}
  let invalid = 0
  for (const f of fields) {
    const { answer, heldBack } = answerToSave(f, items[itemKey(f)], previous[f.item.id], validators)
    if (heldBack) invalid++
    if (answer) answers[f.item.id] = answer
  }
  return { answers, invalid }
}

/** react-hook-form resolver over the instrument's zod validators; only the named fields when given. */
export function formResolver(
  fields: readonly FieldModel[],
  validators: Validators,
  language: () => Language,
): Resolver<FormValues> {
  return (values, _context, options) => {
    const names = options.names as string[] | undefined
    const wanted = (name: string) =>
      !names || names.some((n) => n === name || n.startsWith(`${name}.`))
    const errors: FieldErrors<FormValues> = {}
    const lang = language()
    for (const f of fields) {
      if (!wanted(f.name)) continue
      for (const e of checkItem(f, get(values, f.name), validators).errors)
        set(errors, e.name, { type: 'validate', message: e.message[lang] })
    }
    for (const e of checkMeta(values.meta))
      set(errors, e.name, { type: 'validate', message: e.message[lang] })
    return Object.keys(errors).length ? { values: {}, errors } : { values, errors: {} }
  }
}
