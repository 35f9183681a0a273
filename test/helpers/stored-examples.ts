import { join } from 'node:path'
import type { Assessment } from '../../src/core/assessment/assessment-schema'
import { readJson, root } from './files'

/** The passphrase the encryption tests turn encryption on with (long enough for the minimum). */
export const PASSPHRASE = 'een lange wachtwoordzin'

/** The example BAR and FML, and a saved comparison of the two with one motivation. */
export const bar = readJson(join(root, 'public/examples/bar-example.json')) as Assessment
export const fml = readJson(join(root, 'public/examples/fml-example.json')) as Assessment
export const comparison = {
  id: `${bar.id}__${fml.id}`,
  baId: bar.id,
  vaId: fml.id,
  notes: { 'IV.13': 'Motivering' },
  updatedAt: '2026-11-20T10:00:00.000Z',
}
