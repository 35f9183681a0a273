import type { Crosswalk } from '../../src/core/compare/crosswalk-schema'
import type { Instrument } from '../../src/core/instrument/meta-schema'
import { shippedCatalogue } from './instruments'

/** The shipped BAR 1.0.0, FML 1.0.0 and the crosswalk between them, loaded once. */
export function shippedPair(): { bar: Instrument; fml: Instrument; crosswalk: Crosswalk } {
  const c = shippedCatalogue()
  const find = (id: string) => c.instruments.find((i) => i.id === id && i.version === '1.0.0')
  const bar = find('bar')
  const fml = find('fml')
  const crosswalk = c.crosswalks.find((x) => x.id === 'bar-1.0.0__fml-1.0.0')
  if (!bar || !fml || !crosswalk) throw new Error('shipped BAR, FML or crosswalk missing')
  return { bar, fml, crosswalk }
}
