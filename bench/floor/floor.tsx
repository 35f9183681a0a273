import { createRoot } from 'react-dom/client'
import type { Instrument } from '../../src/core/instrument/meta-schema'
import { BareFloor } from './bare-floor'
import bar from '../../schemas/bar/1.0.0.json'
import fml from '../../schemas/fml/1.0.0.json'

// The JSON's inferred types widen the `kind` literals; the files are validated elsewhere.
const INSTRUMENTS: Record<string, Instrument> = {
  bar: bar as unknown as Instrument,
  fml: fml as unknown as Instrument,
}

const id = new URLSearchParams(location.search).get('instrument') ?? ''
const instrument = INSTRUMENTS[id]
createRoot(document.getElementById('root') as HTMLElement).render(
  instrument ? <BareFloor instrument={instrument} /> : <p>Unknown instrument: {id}</p>,
)
