import { Fragment } from 'react'
import type { UseFormRegister, UseFormTrigger } from 'react-hook-form'
import type { Option, QuantitySpec } from '../../core/instrument/meta-schema'
import type { Text } from '../../i18n/text'
import type { ItemMessages } from '../item-errors'
import type { FieldModel, FormValues } from '../model/form-values'
import { specifyKey } from '../model/item-values'
import { useChosen } from '../use-chosen'
import { ReleaseToggle } from '../release'

/*
 * An item's inputs are plain functions called by the item's one component, not components of
 * their own: a BAR has some 450 inputs, and a component (with its hooks) per input, label and
 * error was most of the form's mount time. Only what must react on its own is a component:
 * the "namely" inputs, which follow the chosen option.
 */

export function inputId(name: string) {
  return `input-${name.replace(/\./g, '-')}`
}

export function errorId(name: string) {
  return `error-${name.replace(/\./g, '-')}`
}

/** What rendering one item's inputs needs, read once by the item's component. */
export interface ItemContext {
  field: FieldModel
  text: Text
  register: UseFormRegister<FormValues>
  trigger: UseFormTrigger<FormValues>
  /** Messages by input path below the item (`choice`, `q0`, `s2`). */
  messages: ItemMessages
  /** Describes the inputs of an item that has no group of its own (the keys that reach its terms). */
  describedBy?: string
}

export function errorText(name: string, message: string | undefined, heldBack?: string) {
  if (!message) return null
  return (
    <p id={errorId(name)} className="field-error" role="alert">
      {message}
      {heldBack && <span className="held-back"> {heldBack}</span>}
    </p>
  )
}

/** The message of one input inside an item, announced when it appears, and that it is held back. */
export function fieldError(ctx: ItemContext, path: string) {
  return errorText(
    `${ctx.field.name}.${path}`,
    ctx.messages[path],
    ctx.text.t('form.save.fieldHeldBack'),
  )
}

export function invalidProps(ctx: ItemContext, path: string, describedBy?: string) {
  const invalid = Boolean(ctx.messages[path])
  const ids = [
    describedBy,
    ctx.describedBy,
    invalid ? errorId(`${ctx.field.name}.${path}`) : undefined,
  ].filter(Boolean)
  return {
    // Absent when valid (the same to assistive technology as false): one attribute fewer per input.
    'aria-invalid': invalid || undefined,
    'aria-describedby': ids.length ? ids.join(' ') : undefined,
  }
}

export function register(ctx: ItemContext, path: string) {
  return ctx.register(`${ctx.field.name}.${path}` as never)
}

/**
 * For inputs that cannot be wrong by themselves (a choice from the options, a free text whose
 * length the input itself limits): leaving one checks nothing, where other inputs are checked
 * when left; a change while the item shows an error checks the item again at once, to clear it.
 */
export function registerQuiet(ctx: ItemContext, path: string) {
  const { onChange, ...registered } = register(ctx, path)
  return {
    ...registered,
    onChange: async (e: { target: unknown; type?: unknown }) => {
      await onChange(e)
      if (Object.keys(ctx.messages).length) await ctx.trigger(ctx.field.name as never)
    },
    onBlur: async () => {},
  }
}

function specifyInput(ctx: ItemContext, option: Option) {
  const path = specifyKey(option.code)
  const name = `${ctx.field.name}.${path}`
  return (
    <span key={option.code} className="specify">
      <label htmlFor={inputId(name)} id={`${inputId(name)}-label`}>
        {ctx.text.t('form.specify', { option: ctx.text.l(option.label) })}
      </label>
      <input id={inputId(name)} type="text" {...invalidProps(ctx, path)} {...register(ctx, path)} />
      {fieldError(ctx, path)}
      <ReleaseToggle
        itemId={ctx.field.item.id}
        // A single choice has one "namely" text; a multiple choice one per option.
        field={ctx.field.item.answer.kind === 'multiple' ? `specify.${option.code}` : 'specify'}
        sectionId={ctx.field.sectionId}
        inputId={inputId(name)}
        inputName={name}
      />
    </span>
  )
}

/** Shows the "namely" inputs of the options chosen at `path` that need one. */
function SpecifyFor({
  ctx,
  path,
  options,
}: {
  ctx: ItemContext
  path: string
  options: readonly Option[]
}) {
  const codes = useChosen(`${ctx.field.name}.${path}`)
  return options.map((o) => (o.specify && codes.includes(o.code) ? specifyInput(ctx, o) : null))
}

/** The "namely" inputs of a choice whose options (chosen at `path`) ask for one. */
export function specifyInputs(ctx: ItemContext, path: string, options: readonly Option[]) {
  return options.some((o) => o.specify) && <SpecifyFor ctx={ctx} path={path} options={options} />
}

export function optionList(
  ctx: ItemContext,
  path: string,
  options: readonly Option[],
  type: 'radio' | 'checkbox',
  /** Off where the section shows one legend for a shared scale (BAR capacity levels). */
  descriptions = true,
) {
  const { l } = ctx.text
  const invalid = Boolean(ctx.messages[path]) || undefined
  const registered = registerQuiet(ctx, path)
  // Each input sits inside its label, which names it (with the option's description, if shown):
  // no ids to pair them, a few hundred attributes fewer at mount.
  return options.map((o) => (
    <label key={o.code} className={descriptions ? 'option' : 'option option-inline'}>
      <input type={type} value={o.code} aria-invalid={invalid} {...registered} />
      {l(o.label)}
      {descriptions && o.description && (
        <span className="option-description">{l(o.description)}</span>
      )}
    </label>
  ))
}

function unitLabelKey(unit: QuantitySpec['unit']) {
  return `units.${unit}` as const
}

export function quantityInput(ctx: ItemContext, path: string, spec: QuantitySpec, label: string) {
  const { t } = ctx.text
  const id = inputId(`${ctx.field.name}.${path}`)
  const hintId = `${id}-hint`
  const unit = t(unitLabelKey(spec.unit))
  return (
    <div key={path} className="quantity">
      <label htmlFor={id}>{label}</label>
      <span className="quantity-input">
        <input
          id={id}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          {...invalidProps(ctx, path, hintId)}
          {...register(ctx, path)}
        />
        <span className="unit">{unit}</span>
      </span>
      <span id={hintId} className="hint">
        {t('form.range', { min: spec.min, max: spec.max, unit })}
      </span>
      {fieldError(ctx, path)}
    </div>
  )
}

/** A labelled text box, without a wrapper of its own: a BAR has a hundred of them. */
export function textArea(
  ctx: ItemContext,
  path: string,
  label: string,
  maxLength: number,
  rows = 3,
) {
  const id = inputId(`${ctx.field.name}.${path}`)
  return (
    <Fragment key={path}>
      <label htmlFor={id} id={`${id}-label`} className="text-label">
        {label}
      </label>
      <textarea
        id={id}
        rows={rows}
        maxLength={maxLength}
        {...invalidProps(ctx, path)}
        {...registerQuiet(ctx, path)}
      />
      {fieldError(ctx, path)}
      {/* The path of a text box is the field of its answer: text, possible, conditions. */}
      <ReleaseToggle
        itemId={ctx.field.item.id}
        field={path}
        sectionId={ctx.field.sectionId}
        inputId={id}
        inputName={`${ctx.field.name}.${path}`}
      />
    </Fragment>
  )
}
