import type { LoadResult } from '../issues/validation-issue'
import { issue } from '../issues/validation-issue'
import type { Instrument } from './meta-schema'

/** The instrument an assessment names, or why it cannot be found. */
export function findInstrument(
  instruments: readonly Instrument[],
  ref: { id: string; version: string },
): LoadResult<Instrument> {
  const sameId = instruments.filter((i) => i.id === ref.id)
  const found = sameId.find((i) => i.version === ref.version)
  if (found) return { ok: true, value: found }
  if (!sameId.length) {
    const known = [...new Set(instruments.map((i) => i.id))].join(', ')
    // Without instruments to name (a catalogue of that id alone), no empty list.
    const nl = known ? ` (bekend: ${known})` : ''
    const en = known ? ` (known: ${known})` : ''
    return {
      ok: false,
      issues: [
        issue(
          ['instrument', 'id'],
          `Onbekend instrument "${ref.id}"${nl}`,
          `Unknown instrument "${ref.id}"${en}`,
        ),
      ],
    }
  }
  const versions = sameId.map((i) => i.version).join(', ')
  return {
    ok: false,
    issues: [
      issue(
        ['instrument', 'version'],
        `Versie ${ref.version} van ${ref.id} is niet bekend (bekend: ${versions})`,
        `Version ${ref.version} of ${ref.id} is not known (known: ${versions})`,
      ),
    ],
  }
}
