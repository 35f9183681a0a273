import { z } from 'zod'
import '../core/zod-setup'
import type { Assessment } from '../core/assessment/assessment-schema'
import { loadAssessment } from '../core/assessment/load-assessment'
import type { Instrument } from '../core/instrument/meta-schema'
import type { LoadResult, ValidationIssue } from '../core/issues/validation-issue'
import { fromZodError } from '../core/issues/zod-issues'
import {
  addAssessment,
  addComparison,
  getStoredAssessment,
  listComparisons,
  type SavedComparison,
} from './assessment-store'
import { listCheckedAssessments } from './checked-assessments'

/** The `format` of a back-up file: every assessment and comparison of one browser. */
export const BACKUP_FORMAT = 'bar-studio/backup'

const comparisonSchema = z.strictObject({
  id: z.string().min(1),
  baId: z.string().min(1),
  vaId: z.string().min(1),
  notes: z.record(z.string(), z.string()),
  updatedAt: z.string(),
})

/** A back-up file. Each assessment is an assessment file of its own, checked by loadAssessment. */
export const backupSchema = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.literal(1),
  exportedAt: z.string(),
  assessments: z.array(z.strictObject({ revision: z.int().positive(), assessment: z.unknown() })),
  comparisons: z.array(comparisonSchema),
})

export type Backup = z.infer<typeof backupSchema>

/** Every stored assessment that still loads and every comparison, as one back-up document. */
export async function makeBackup(instruments: readonly Instrument[], now: Date): Promise<Backup> {
  const records = await listCheckedAssessments(instruments)
  return {
    format: BACKUP_FORMAT,
    formatVersion: 1,
    exportedAt: now.toISOString(),
    assessments: records.flatMap((r) =>
      r.ok ? [{ revision: r.revision, assessment: r.assessment }] : [],
    ),
    comparisons: await listComparisons(),
  }
}

export function backupJson(backup: Backup) {
  return `${JSON.stringify(backup, null, 2)}\n`
}

/** True for parsed JSON that says it is a back-up (whether or not it is a valid one). */
export function isBackup(json: unknown): boolean {
  return (json as { format?: unknown } | null)?.format === BACKUP_FORMAT
}

export interface RestoreReport {
  assessments: number
  comparisons: number
  /** Skipped: the same id and revision, or the same comparison, is stored already. */
  present: number
}

/**
 * Restores a back-up: validates all of it first (nothing is written when any part is wrong), then
 * adds what is missing. An assessment stored with the same id and revision is skipped; one stored
 * with the same id but another revision is never overwritten: it comes in under a new id.
 */
export async function restoreBackup(
  json: unknown,
  instruments: readonly Instrument[],
  newId: () => string = () => crypto.randomUUID(),
): Promise<LoadResult<RestoreReport>> {
  const parsed = backupSchema.safeParse(json, { reportInput: true })
  if (!parsed.success) return { ok: false, issues: fromZodError(parsed.error) }
  const issues: ValidationIssue[] = []
  const assessments: { revision: number; assessment: Assessment }[] = []
  parsed.data.assessments.forEach((entry, i) => {
    const loaded = loadAssessment(entry.assessment, instruments)
    if (loaded.ok)
      assessments.push({ revision: entry.revision, assessment: loaded.value.assessment })
    else
      issues.push(
        ...loaded.issues.map((x) => ({
          ...x,
          path: x.path.replace(/^\$/, `$.assessments[${i}].assessment`),
        })),
      )
  })
  if (issues.length) return { ok: false, issues }
  const report: RestoreReport = { assessments: 0, comparisons: 0, present: 0 }
  for (const { revision, assessment } of assessments) {
    const current = await getStoredAssessment(assessment.id)
    if (current?.revision === revision) report.present++
    else if (!current) {
      if (await addAssessment(assessment, revision)) report.assessments++
      else report.present++
    } else {
      await addAssessment({ ...assessment, id: newId() })
      report.assessments++
    }
  }
  for (const comparison of parsed.data.comparisons as SavedComparison[])
    if (await addComparison(comparison)) report.comparisons++
    else report.present++
  return { ok: true, value: report }
}
