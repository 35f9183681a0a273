import { createRoot } from 'react-dom/client'
import { useForm, type UseFormRegister } from 'react-hook-form'
import type { Instrument, Item } from '../../src/core/instrument/meta-schema'
import bar from '../../schemas/bar/1.0.0.json'
import fml from '../../schemas/fml/1.0.0.json'

// The JSON's inferred types widen the `kind` literals; the files are validated elsewhere.
const INSTRUMENTS: Record<string, Instrument> = {
  bar: bar as unknown as Instrument,
  fml: fml as unknown as Instrument,
}

type Register = UseFormRegister<Record<string, unknown>>

// Names avoid item ids: react-hook-form reads their dots as paths ("II.1" as an array index).
function Inputs({ item, name, register }: { item: Item; name: string; register: Register }) {
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
      return <input id={name} type="date" {...register(name)} />
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

function Floor({ instrument }: { instrument: Instrument }) {
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
          <Inputs item={item} name={`f${n}`} register={register} />
        </div>
      ))}
    </form>
  )
}

const id = new URLSearchParams(location.search).get('instrument') ?? ''
const instrument = INSTRUMENTS[id]
createRoot(document.getElementById('root') as HTMLElement).render(
  instrument ? <Floor instrument={instrument} /> : <p>Unknown instrument: {id}</p>,
)
