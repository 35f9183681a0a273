import type { Assessment } from '../core/assessment/assessment-schema'
import { loadAssessment } from '../core/assessment/load-assessment'
import type { Instrument } from '../core/instrument/meta-schema'
import type { ValidationIssue } from '../core/issues/validation-issue'
import { issue } from '../core/issues/validation-issue'
import { nextTask } from '../core/next-task'
import { listStoredAssessments } from './assessment-store'

/** A stored record after the import loader looked at it: usable, or shown with its problems. */
export type CheckedRecord =
  | { ok: true; id: string; revision: number; assessment: Assessment }
  | { ok: false; id: string; revision: number; raw: unknown; issues: ValidationIssue[] }

/** Runs a record read from IndexedDB through the same loader as an imported file. */
export function checkRecord(record: unknown, instruments: readonly Instrument[]): CheckedRecord {
  const r = (typeof record === 'object' && record !== null ? record : {}) as {
    id?: unknown
    revision?: unknown
    assessment?: unknown
  }
  const id = typeof r.id === 'string' ? r.id : ''
  const revision = typeof r.revision === 'number' ? r.revision : 0
  // Sealed, and it did not open with the data key that opens the others.
  if (!('assessment' in r) && 'sealed' in r)
    return {
      ok: false,
      id,
      revision,
      raw: record,
      issues: [
        issue(
          [],
          'Dit opgeslagen record kon niet ontsleuteld worden (beschadigd)',
          'This stored record could not be decrypted (damaged)',
        ),
      ],
    }
  if (!('assessment' in r))
    return {
      ok: false,
      id,
      revision,
      raw: record,
      issues: [
        issue(
          [],
          'Dit opgeslagen record bevat geen beoordeling',
          'This stored record holds no assessment',
        ),
      ],
    }
  const loaded = loadAssessment(r.assessment, instruments)
  return loaded.ok
    ? { ok: true, id, revision, assessment: loaded.value.assessment }
    : { ok: false, id, revision, raw: r.assessment, issues: loaded.issues }
}

/**
 * Every stored record, most recently saved first, each checked as an import would be. One record
 * per task: checking one runs the import loader (zod) over all its answers, 30-60 ms at CPU 4x
 * for the example BAR, and a screen that lists them should still take a click meanwhile.
 */
export async function listCheckedAssessments(
  instruments: readonly Instrument[],
): Promise<CheckedRecord[]> {
  const checked: CheckedRecord[] = []
  for (const record of await listStoredAssessments()) {
    if (checked.length > 0) await nextTask()
    checked.push(checkRecord(record, instruments))
  }
  return checked
}

/** Every stored assessment that still loads, most recently saved first. */
export async function listValidAssessments(
  instruments: readonly Instrument[],
): Promise<Assessment[]> {
  return (await listCheckedAssessments(instruments)).flatMap((r) => (r.ok ? [r.assessment] : []))
}
