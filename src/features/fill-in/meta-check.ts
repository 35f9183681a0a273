import type { AssessmentMeta } from '../../core/assessment/assessment-schema'
import type { FormValues } from './form-values'

export function checkMeta(
  meta: FormValues['meta'],
): { name: string; message: { nl: string; en: string } }[] {
  if (meta.validUntil && meta.assessmentDate && meta.validUntil < meta.assessmentDate)
    return [
      {
        name: 'meta.validUntil',
        message: {
          nl: 'Geldig tot ligt vóór de datum van de beoordeling',
          en: 'Valid until is before the assessment date',
        },
      },
    ]
  return []
}

/** The saved form of the details: only when they are valid, otherwise the last saved ones stay. */
export function metaToSave(meta: FormValues['meta'], previous: AssessmentMeta): AssessmentMeta {
  if (checkMeta(meta).length || !meta.assessmentDate) return previous
  return {
    authorRole: meta.authorRole,
    authorName: meta.authorName.trim(),
    employee: meta.employee.trim(),
    assessmentDate: meta.assessmentDate,
    ...(meta.validUntil ? { validUntil: meta.validUntil } : {}),
  }
}
