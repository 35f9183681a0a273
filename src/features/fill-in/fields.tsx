import { createContext, useContext, type ReactNode } from 'react'
import { get, useFormContext, useFormState, useWatch } from 'react-hook-form'
import type { Item, NamedQuantity, Option, QuantitySpec } from '../../core/instrument/meta-schema'
import type { FieldModel, FormValues } from './form-values'
import { useFormText } from './form-text'

function assertNever(x: never): never {
  throw new Error(`Unhandled answer kind: ${JSON.stringify(x)}`)
}

export function inputId(name: string) {
  return `input-${name.replace(/\./g, '-')}`
}

function errorId(name: string) {
  return `error-${name.replace(/\./g, '-')}`
}

/** One item's errors, read once per item so that inputs need no subscription of their own. */
const ItemErrors = createContext<{ prefix: string; errors: unknown } | undefined>(undefined)

export function ItemErrorsProvider({ name, children }: { name: string; children: ReactNode }) {
  const { errors } = useFormState<FormValues>({ name: name as never })
  return (
    <ItemErrors.Provider value={{ prefix: `${name}.`, errors: get(errors, name) }}>
      {children}
    </ItemErrors.Provider>
  )
}

function useErrorMessage(name: string): string | undefined {
  const item = useContext(ItemErrors)
  if (!item || !name.startsWith(item.prefix))
    throw new Error(`${name} is outside its item's errors`)
  return (get(item.errors, name.slice(item.prefix.length)) as { message?: string } | undefined)
    ?.message
}

function ErrorText({ name, message }: { name: string; message: string | undefined }) {
  if (!message) return null
  return (
    <p id={errorId(name)} className="field-error" role="alert">
      {message}
    </p>
  )
}

/** The message of one input's error inside an item, announced when it appears. */
export function FieldError({ name }: { name: string }) {
  return <ErrorText name={name} message={useErrorMessage(name)} />
}

/** The same for a field outside the instrument's items (the assessment details). */
export function StandaloneFieldError({ name }: { name: string }) {
  const { errors } = useFormState<FormValues>({ name: name as never, exact: true })
  return (
    <ErrorText
      name={name}
      message={(get(errors, name) as { message?: string } | undefined)?.message}
    />
  )
}

function useHasError(name: string) {
  return Boolean(useErrorMessage(name))
}

function SpecifyInput({ name, option }: { name: string; option: Option }) {
  const { t, l } = useFormText()
  const { register } = useFormContext<FormValues>()
  const invalid = useHasError(name)
  return (
    <span className="specify">
      <label htmlFor={inputId(name)}>{t('form.specify', { option: l(option.label) })}</label>
      <input
        id={inputId(name)}
        type="text"
        aria-invalid={invalid}
        aria-describedby={invalid ? errorId(name) : undefined}
        {...register(name as never)}
      />
      <FieldError name={name} />
    </span>
  )
}

/** Shows the "namely" inputs of the options that are chosen and need one. */
function SpecifyFor({ field, options }: { field: FieldModel; options: readonly Option[] }) {
  const multiple = field.item.answer.kind === 'multiple'
  const chosen = useWatch<FormValues>({
    name: `${field.name}.${multiple ? 'choices' : 'choice'}` as never,
  }) as unknown
  const codes = Array.isArray(chosen)
    ? (chosen as string[])
    : typeof chosen === 'string'
      ? [chosen]
      : []
  return (
    <>
      {options.map((o, i) =>
        o.specify && codes.includes(o.code) ? (
          <SpecifyInput key={o.code} name={`${field.name}.s${i}`} option={o} />
        ) : null,
      )}
    </>
  )
}

function OptionList({
  field,
  name,
  options,
  type,
  descriptions = true,
}: {
  field: FieldModel
  name: string
  options: readonly Option[]
  type: 'radio' | 'checkbox'
  /** Off where the section shows one legend for a shared scale (BAR capacity levels). */
  descriptions?: boolean
}) {
  const { l } = useFormText()
  const { register } = useFormContext<FormValues>()
  const invalid = useHasError(name)
  const registered = register(name as never)
  return (
    <div className={descriptions ? 'options' : 'options options-inline'} role="presentation">
      {options.map((o, i) => {
        const id = `${inputId(name)}-${i}`
        return (
          <label key={o.code} className="option" htmlFor={id}>
            <input
              id={id}
              type={type}
              value={o.code}
              aria-invalid={invalid || undefined}
              aria-describedby={descriptions && o.description ? `${id}-desc` : undefined}
              {...registered}
            />
            <span className="option-label">{l(o.label)}</span>
            {descriptions && o.description && (
              <span id={`${id}-desc`} className="option-description">
                {l(o.description)}
              </span>
            )}
          </label>
        )
      })}
      {options.some((o) => o.specify) && <SpecifyFor field={field} options={options} />}
    </div>
  )
}

function unitLabelKey(unit: QuantitySpec['unit']) {
  return `units.${unit}` as const
}

function QuantityInput({ name, spec, label }: { name: string; spec: QuantitySpec; label: string }) {
  const { t } = useFormText()
  const { register } = useFormContext<FormValues>()
  const invalid = useHasError(name)
  const hintId = `${inputId(name)}-hint`
  return (
    <div className="quantity">
      <label htmlFor={inputId(name)}>{label}</label>
      <span className="quantity-input">
        <input
          id={inputId(name)}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          aria-invalid={invalid}
          aria-describedby={[hintId, invalid ? errorId(name) : ''].filter(Boolean).join(' ')}
          {...register(name as never)}
        />
        <span className="unit">{t(unitLabelKey(spec.unit))}</span>
      </span>
      <span id={hintId} className="hint">
        {t('form.range', { min: spec.min, max: spec.max, unit: t(unitLabelKey(spec.unit)) })}
      </span>
      <FieldError name={name} />
    </div>
  )
}

function TextArea({
  name,
  label,
  maxLength,
  rows = 3,
}: {
  name: string
  label: string
  maxLength: number
  rows?: number
}) {
  const { register } = useFormContext<FormValues>()
  const invalid = useHasError(name)
  return (
    <div className="text-field">
      <label htmlFor={inputId(name)}>{label}</label>
      <textarea
        id={inputId(name)}
        rows={rows}
        maxLength={maxLength}
        aria-invalid={invalid}
        aria-describedby={invalid ? errorId(name) : undefined}
        {...register(name as never)}
      />
      <FieldError name={name} />
    </div>
  )
}

function Capacity({
  field,
  levels,
  quantities,
}: {
  field: FieldModel
  levels: readonly Option[]
  quantities: readonly NamedQuantity[]
}) {
  const { t, l } = useFormText()
  return (
    <>
      <fieldset className="subfield">
        <legend>{t('form.capacity.level')}</legend>
        <OptionList
          field={field}
          name={`${field.name}.level`}
          options={levels}
          type="radio"
          descriptions={false}
        />
        <FieldError name={`${field.name}.level`} />
      </fieldset>
      {quantities.length > 0 && (
        <div className="quantities" role="group" aria-label={t('form.capacity.quantities')}>
          <p className="subfield-title" aria-hidden="true">
            {t('form.capacity.quantities')}
          </p>
          {quantities.map((q, i) => (
            <QuantityInput key={q.id} name={`${field.name}.q${i}`} spec={q} label={l(q.label)} />
          ))}
        </div>
      )}
      <TextArea
        name={`${field.name}.possible`}
        label={t('form.capacity.possible')}
        maxLength={5000}
        rows={2}
      />
      <TextArea
        name={`${field.name}.conditions`}
        label={t('form.capacity.conditions')}
        maxLength={5000}
        rows={2}
      />
    </>
  )
}

/** The inputs of one item, chosen by its answer kind. A new kind fails to compile until it is rendered here. */
export function AnswerInputs({ field, label }: { field: FieldModel; label: string }) {
  const { register } = useFormContext<FormValues>()
  const a = field.item.answer
  switch (a.kind) {
    case 'single':
      return (
        <>
          <OptionList
            field={field}
            name={`${field.name}.choice`}
            options={a.options}
            type="radio"
          />
          <FieldError name={`${field.name}.choice`} />
        </>
      )
    case 'multiple':
      return (
        <>
          <OptionList
            field={field}
            name={`${field.name}.choices`}
            options={a.options}
            type="checkbox"
          />
          <FieldError name={`${field.name}.choices`} />
        </>
      )
    case 'quantity':
      return <QuantityInput name={`${field.name}.value`} spec={a} label={label} />
    case 'text':
      return (
        <TextArea
          name={`${field.name}.text`}
          label={label}
          maxLength={a.maxLength}
          rows={a.multiline ? 4 : 1}
        />
      )
    case 'date':
      return (
        <div className="date-field">
          <label htmlFor={inputId(`${field.name}.date`)}>{label}</label>
          <input
            id={inputId(`${field.name}.date`)}
            type="date"
            {...register(`${field.name}.date` as never)}
          />
          <FieldError name={`${field.name}.date`} />
        </div>
      )
    case 'capacity':
      return <Capacity field={field} levels={a.levels} quantities={a.quantities} />
    default:
      return assertNever(a)
  }
}

/** Kinds whose inputs are a group (legend) rather than one labelled input. */
export function isGroupKind(item: Item) {
  return (
    item.answer.kind === 'single' ||
    item.answer.kind === 'multiple' ||
    item.answer.kind === 'capacity'
  )
}
