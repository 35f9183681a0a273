import { createContext, useContext } from 'react'
import { get, useFormContext, useFormState } from 'react-hook-form'
import type { Item, Option } from '../core/instrument/meta-schema'
import { useText } from '../i18n/text'
import { DateField } from './date-field'
import type { ItemErrorStore } from './item-errors'
import { KIND_INPUTS, kindInputs } from './kinds'
import { errorId, errorText, inputId, type ItemContext } from './kinds/input-parts'
import type { FormValues } from './model/form-values'

/** The form's error store, one per form. */
export const ItemErrorStoreContext = createContext<ItemErrorStore | undefined>(undefined)

export function useItemErrorStore(): ItemErrorStore {
  const store = useContext(ItemErrorStoreContext)
  if (!store) throw new Error('useItemErrorStore outside the assessment form')
  return store
}

/** A date of the assessment details, with its own error (outside the instrument's items). */
export function MetaDateField({
  name,
  id = inputId(name),
  label,
  required,
}: {
  name: 'meta.assessmentDate' | 'meta.validUntil'
  id?: string
  label: string
  required?: boolean
}) {
  const { t } = useText()
  const { register } = useFormContext<FormValues>()
  const { errors } = useFormState<FormValues>({ name, exact: true })
  const message = (get(errors, name) as { message?: string } | undefined)?.message
  return (
    <DateField
      id={id}
      label={label}
      required={required}
      registered={register(name)}
      invalid={Boolean(message)}
      describedBy={message ? errorId(name) : undefined}
    >
      {errorText(name, message, t('form.save.fieldHeldBack'))}
    </DateField>
  )
}

/** The inputs of one item, from its answer kind's module in `src/form/kinds`. */
export function answerInputs(ctx: ItemContext, label: string) {
  const a = ctx.field.item.answer
  return kindInputs(a.kind).inputs(ctx, a, label)
}

/** Kinds whose inputs are a group (legend) rather than one labelled input. */
export function isGroupKind(item: Item) {
  return KIND_INPUTS[item.answer.kind].group
}

/** Kinds whose answer a button clears (radios, which cannot be unticked). */
export function isClearableKind(item: Item) {
  return KIND_INPUTS[item.answer.kind].clearable
}

/** The scale a section explains once for its items (BAR capacity levels), from its first item with one. */
export function sectionScale(items: readonly Item[]): readonly Option[] | undefined {
  for (const item of items) {
    const scale = kindInputs(item.answer.kind).sharedScale(item.answer)
    if (scale) return scale
  }
  return undefined
}
