import type { Assessment } from '../core/assessment/assessment-schema'
import { loadAssessment } from '../core/assessment/load-assessment'
import { checkSize, parseJsonBytes } from '../core/assessment/safe-json'
import type { Instrument } from '../core/instrument/meta-schema'
import type { ValidationIssue } from '../core/issues/validation-issue'
import { issue } from '../core/issues/validation-issue'
import { addAssessment } from './assessment-store'

export type ImportOutcome =
  { ok: true; assessment: Assessment; renamed: boolean } | { ok: false; issues: ValidationIssue[] }

/**
 * Reads a file as an assessment and adds it as a new draft. Its bytes are read as the command line
 * reads them (parseJsonBytes). Nothing that is saved already changes: an assessment whose id is
 * taken is added under a new id.
 */
export async function importAssessmentFile(
  file: Blob,
  instruments: readonly Instrument[],
  newId: () => string = () => crypto.randomUUID(),
): Promise<ImportOutcome> {
  const size = checkSize(file.size)
  if (!size.ok) return size
  let bytes: Uint8Array
  try {
    bytes = new Uint8Array(await file.arrayBuffer())
  } catch {
    return {
      ok: false,
      issues: [issue([], 'Het bestand kon niet gelezen worden', 'The file could not be read')],
    }
  }
  const json = parseJsonBytes(bytes)
  if (!json.ok) return json
  const loaded = loadAssessment(json.value, instruments)
  if (!loaded.ok) return loaded
  const assessment = loaded.value.assessment
  if (await addAssessment(assessment)) return { ok: true, assessment, renamed: false }
  const copy = { ...assessment, id: newId() }
  await addAssessment(copy)
  return { ok: true, assessment: copy, renamed: true }
}
