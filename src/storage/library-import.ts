import { parseJsonBytes } from '../core/assessment/safe-json'
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
