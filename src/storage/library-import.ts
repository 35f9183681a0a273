import { parseJsonBytes } from '../core/assessment/safe-json'
import { carryCrosswalk } from '../core/compare/carry-crosswalk'
import type { Catalogue } from '../core/instrument/catalogue-data'
import { checkLibraryFile } from '../core/instrument/library-file'
import type { Instrument } from '../core/instrument/meta-schema'
import type { ValidationIssue } from '../core/issues/validation-issue'
import { issue } from '../core/issues/validation-issue'
import { addToLibrary, type LibraryRecord } from './instrument-library'

/** What became of an instrument file offered to the library. */
export type LibraryOutcome =
  { ok: true; path: string; instrument: Instrument } | { ok: false; issues: ValidationIssue[] }

/** Instrument files are larger than assessments (the BAR is about 200 kB): 5 MB at most. */
const MAX_INSTRUMENT_BYTES = 5 * 1024 * 1024

/**
 * Checks an instrument (from the builder, or a file's bytes) as a shipped file is checked and adds
 * it to the library; nothing in the library changes when it is refused.
 */
export async function addInstrumentToLibrary(
  json: unknown,
  catalogue: Catalogue,
  origin: LibraryRecord['origin'],
  now = new Date(),
): Promise<LibraryOutcome> {
  const checked = checkLibraryFile(json, catalogue)
  if (!checked.ok) return checked
  const { path, instrument } = checked.value
  const added = await addToLibrary({ path, json, addedAt: now.toISOString(), origin })
  if (!added)
    return {
      ok: false,
      issues: [
        issue(
          ['version'],
          `${path} staat al in de bibliotheek van deze browser`,
          `${path} is already in this browser's library`,
        ),
      ],
    }
  return { ok: true, path, instrument }
}

/** Reads a chosen file as an instrument and adds it to the library (see addInstrumentToLibrary). */
export async function importInstrumentFile(
  file: Blob,
  catalogue: Catalogue,
): Promise<LibraryOutcome> {
  let bytes: Uint8Array
  try {
    bytes = new Uint8Array(await file.arrayBuffer())
  } catch {
    return {
      ok: false,
      issues: [issue([], 'Het bestand kon niet gelezen worden', 'The file could not be read')],
    }
  }
  const json = parseJsonBytes(bytes, MAX_INSTRUMENT_BYTES)
  if (!json.ok) return json
  return addInstrumentToLibrary(json.value, catalogue, 'import')
}

/** What became of the crosswalk from the base version to one target, for the new version. */
export type CarriedCrosswalk =
  | { ok: true; target: { id: string; version: string }; path: string }
  | { ok: false; target: { id: string; version: string }; issues: ValidationIssue[] }

/**
 * Carries every crosswalk of the base version to the new one (carryCrosswalk) and adds each that
 * fits to the library beside it, so the new version can be compared with an FML at once.
 */
export async function addCarriedCrosswalks(
  next: Instrument,
  base: { id: string; version: string },
  catalogue: Catalogue,
  now = new Date(),
): Promise<CarriedCrosswalk[]> {
  const from = catalogue.crosswalks.filter(
    (c) => c.from.id === base.id && c.from.version === base.version,
  )
  const out: CarriedCrosswalk[] = []
  for (const crosswalk of from) {
    const target = catalogue.instruments.find(
      (i) => i.id === crosswalk.to.id && i.version === crosswalk.to.version,
    )
    if (!target) continue
    const r = carryCrosswalk(crosswalk, next, target)
    if (!r.ok) {
      out.push({ ok: false, target: crosswalk.to, issues: r.issues })
      continue
    }
    const path = `crosswalk/${r.value.id}.json`
    await addToLibrary({ path, json: r.value, addedAt: now.toISOString(), origin: 'builder' })
    out.push({ ok: true, target: crosswalk.to, path })
  }
  return out
}
