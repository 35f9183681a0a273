import { useForm, type UseFormRegister } from 'react-hook-form'
import type { Instrument, Item } from '../../src/core/instrument/meta-schema'

type Register = UseFormRegister<Record<string, unknown>>

// Names avoid item ids: react-hook-form reads their dots as paths ("II.1" as an array index).
function Inputs({
  item,
  name,
  register,
  textDates,
}: {
  item: Item
  name: string
  register: Register
  textDates: boolean
}) {
  const a = item.answer
  switch (a.kind) {
    case 'single':
    case 'multiple':
      return a.options.map((o) => (
        <label key={o.code}>
          <input
            type={a.kind === 'single' ? 'radio' : 'checkbox'}
            value={o.code}
            {...register(name)}
          />
          {o.label.nl}
        </label>
      ))
    case 'text':
      return <textarea id={name} {...register(name)} />
    case 'quantity':
      return <input id={name} type="number" {...register(name)} />
    case 'date':
      return <input id={name} type={textDates ? 'text' : 'date'} {...register(name)} />
    case 'capacity':
      return (
        <>
          {a.levels.map((o) => (
            <label key={o.code}>
              <input type="radio" value={o.code} {...register(`${name}_level`)} />
              {o.label.nl}
            </label>
          ))}
          {a.quantities.map((q) => (
            <label key={q.id}>
              {q.label.nl}
              <input type="number" {...register(`${name}_q_${q.id}`)} />
            </label>
          ))}
          <label>
            Mogelijkheden
            <textarea {...register(`${name}_possible`)} />
          </label>
          <label>
            Voorwaarden
            <textarea {...register(`${name}_conditions`)} />
          </label>
        </>
      )
  }
}

/**
 * The bare floor: each item's label and plain react-hook-form `register` on native inputs, nothing
 * else (no descriptions, help, terms, sidebar or styles). Items with `visibleWhen` are left out.
 */
export function BareFloor({
  instrument,
  textDates = false,
}: {
  instrument: Instrument
  /** Dates as text inputs, as our form has them (the peers benchmark types into them). */
  textDates?: boolean
}) {
  const { register } = useForm<Record<string, unknown>>()
  const items = instrument.sections.flatMap((s) => s.items).filter((i) => !i.visibleWhen)
  const single = ['text', 'quantity', 'date']
  return (
    <form>
      {items.map((item, n) => (
        <div key={item.id} data-item-id={item.id}>
          <label htmlFor={single.includes(item.answer.kind) ? `f${n}` : undefined}>
            {item.label.nl}
          </label>
          <Inputs item={item} name={`f${n}`} register={register} textDates={textDates} />
        </div>
      ))}
    </form>
  )
}
