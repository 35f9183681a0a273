import '../../../src/app/app.css'
import { Fragment, memo } from 'react'
import { useForm, type UseFormRegister } from 'react-hook-form'
import { load } from 'virtual:peer-data/floor'
import { frameOf, type PeerContent, type PeerItem, type PeerOption } from '../content'
import { itemName } from '../generate'
import { Chrome } from './chrome'
import { start } from './start'

/*
 * The content-equal floor: our form's markup and classes (src/form), every text our preview
 * shows, and react-hook-form `register` on the same native inputs; no app logic (no i18n, no
 * validation, no progress, no item components, no memo).
 */

type Register = UseFormRegister<Record<string, unknown>>

function options(
  list: PeerOption[],
  type: 'radio' | 'checkbox',
  name: string,
  register: Register,
  inline = false,
) {
  const registered = register(name)
  return list.map((o) => (
    <label key={o.code} className={inline ? 'option option-inline' : 'option'}>
      <input type={type} value={o.code} {...registered} />
      {o.label}
      {!inline && o.description && <span className="option-description">{o.description}</span>}
    </label>
  ))
}

function quantity(name: string, label: string, unit: string, hint: string, register: Register) {
  return (
    <div key={name} className="quantity">
      <label htmlFor={name}>{label}</label>
      <span className="quantity-input">
        <input id={name} type="text" inputMode="decimal" autoComplete="off" {...register(name)} />
        <span className="unit">{unit}</span>
      </span>
      <span className="hint">{hint}</span>
    </div>
  )
}

function textArea(name: string, label: string, rows: number, register: Register, maxLength = 5000) {
  return (
    <Fragment key={name}>
      <label htmlFor={name} className="text-label">
        {label}
      </label>
      <textarea id={name} rows={rows} maxLength={maxLength} {...register(name)} />
    </Fragment>
  )
}

function inputs(item: PeerItem, register: Register) {
  const name = itemName(item.n)
  switch (item.kind) {
    case 'single':
      return options(item.options, 'radio', `${name}.choice`, register)
    case 'multiple':
      return options(item.options, 'checkbox', `${name}.choices`, register)
    case 'capacity':
      return (
        <>
          <fieldset className="subfield">
            <legend>{item.levelLegend}</legend>
            {options(item.levels, 'radio', `${name}.level`, register, true)}
          </fieldset>
          {item.quantities.length > 0 && (
            <div className="quantities" role="group" aria-label={item.quantitiesTitle}>
              <p className="subfield-title" aria-hidden="true">
                {item.quantitiesTitle}
              </p>
              {item.quantities.map((q, k) =>
                quantity(`${name}.q${k}`, q.label, q.unit, q.hint, register),
              )}
            </div>
          )}
          {item.texts.map((x, k) => textArea(`${name}.t${k}`, x.label, x.rows, register))}
        </>
      )
    case 'text':
      return textArea(`${name}.text`, item.label, item.rows, register, item.maxLength)
    case 'quantity':
      return quantity(`${name}.value`, item.label, item.unit, item.hint, register)
    case 'date':
      return (
        <div className="date-field">
          <label htmlFor={`${name}.date`}>{item.label}</label>
          <input id={`${name}.date`} type="text" autoComplete="off" {...register(`${name}.date`)} />
          <span className="hint">{item.hint}</span>
        </div>
      )
  }
}

function Item({ item, register }: { item: PeerItem; register: Register }) {
  const title = (
    <>
      {item.code && <span className="item-code">{item.code}</span>}
      {item.code ? ` ${item.label}` : item.label}
      {item.required && <span className="required"> ({item.required})</span>}
      {item.icf && <span className="icf">{item.icf}</span>}
    </>
  )
  const extras = (
    <>
      {item.help && <p className="help">{item.help}</p>}
      {item.terms && (
        <div className="terms">
          <span className="terms-label">{item.terms.label}</span>
          {item.terms.names.map((t) => (
            <button key={t} type="button" className="term" tabIndex={-1}>
              {t}
            </button>
          ))}
        </div>
      )}
    </>
  )
  if (item.kind === 'text' || item.kind === 'quantity' || item.kind === 'date')
    return (
      <div className="item" data-item-id={item.id}>
        <p className="item-title" aria-hidden="true">
          {title}
        </p>
        {extras}
        {inputs(item, register)}
      </div>
    )
  return (
    <fieldset className="item" data-item-id={item.id}>
      <legend className="item-title">{title}</legend>
      {extras}
      {inputs(item, register)}
      {item.clear && (
        <button type="button" className="link-button" tabIndex={-1}>
          {item.clear}
        </button>
      )}
    </fieldset>
  )
}

/**
 * The page under memo, apart from useForm: useForm sets its state in a layout effect at mount,
 * which renders its component again before the first paint (our form keeps that to a wrapper too).
 */
const Body = memo(function Body({
  content,
  register,
}: {
  content: PeerContent
  register: Register
}) {
  const m = content.meta
  return (
    <Chrome frame={frameOf(content)}>
      <form noValidate>
        <fieldset className="meta">
          <legend>{m.title}</legend>
          <div className="meta-grid">
            <fieldset className="meta-role">
              <legend>{m.roleLegend}</legend>
              {m.roles.map((r) => (
                <label key={r} className="option option-inline">
                  <input type="radio" value={r} {...register('meta.authorRole')} />
                  {r}
                </label>
              ))}
            </fieldset>
            <div>
              <label htmlFor="meta-author">{m.authorName}</label>
              <input
                id="meta-author"
                type="text"
                maxLength={200}
                {...register('meta.authorName')}
              />
            </div>
            <div>
              <label htmlFor="meta-employee">{m.employee}</label>
              <input
                id="meta-employee"
                type="text"
                maxLength={100}
                {...register('meta.employee')}
              />
              <span className="hint">{m.employeeHint}</span>
            </div>
            <div className="date-field">
              <label htmlFor="meta-date">{m.assessmentDate}</label>
              <input id="meta-date" type="text" {...register('meta.assessmentDate')} />
              <span className="hint">{m.dateFormat}</span>
            </div>
            <div className="date-field">
              <label htmlFor="meta-valid">{m.validUntil}</label>
              <input id="meta-valid" type="text" {...register('meta.validUntil')} />
              <span className="hint">{m.dateFormat}</span>
            </div>
          </div>
        </fieldset>
        {content.sections.map((s) => (
          <section key={s.id} aria-labelledby={`section-${s.id}`} className="form-section">
            <h2 id={`section-${s.id}`} tabIndex={-1}>
              {s.label}
            </h2>
            {s.description && <p className="section-description">{s.description}</p>}
            {s.scale && (
              <details className="scale-legend">
                <summary>{s.scale.summary}</summary>
                <dl>
                  {s.scale.rows.map((r) => (
                    <div key={r.label}>
                      <dt>{r.label}</dt>
                      <dd>{r.description}</dd>
                    </div>
                  ))}
                </dl>
              </details>
            )}
            {s.items.map((item) => (
              <Item key={item.id} item={item} register={register} />
            ))}
          </section>
        ))}
      </form>
    </Chrome>
  )
})

function Floor({ content }: { content: PeerContent }) {
  const { register } = useForm<Record<string, unknown>>({
    defaultValues: { meta: { authorRole: content.meta.role } },
  })
  return <Body content={content} register={register} />
}

start<PeerContent>(load, (content) => <Floor content={content} />)
