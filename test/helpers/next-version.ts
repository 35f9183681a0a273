import { cloneJson } from '../../src/core/assessment/clone-json'
import type { Instrument } from '../../src/core/instrument/meta-schema'
import { shipped } from './instruments'

/**
 * A valid next version of the latest shipped BAR (1.2.0 → `version`): one label reworded, the
 * migration from 1.2.0 with no steps. What the builder saves for a wording change.
 */
export function nextBar(version = '1.2.1', label = 'Tillen en dragen (herzien)'): Instrument {
  const next = cloneJson(shipped('bar', '1.2.0'))
  next.version = version
  next.migration = { from: '1.2.0', steps: [] }
  const item = next.sections.flatMap((s) => s.items).find((i) => i.id === 'fysiek.tillen')
  if (!item) throw new Error('fysiek.tillen not in BAR 1.2.0')
  item.label = { ...item.label, nl: label }
  return next
}
