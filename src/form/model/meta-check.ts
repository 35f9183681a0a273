import type { AssessmentMeta } from '../../core/assessment/assessment-schema'
import { parseDateInput } from '../../core/report/format'
import { inBothLanguages } from '../../i18n/both-languages'
import { dateTextProblem, type Bilingual } from './date-text'
import type { FormValues } from './form-values'

type MetaName = 'meta.assessmentDate' | 'meta.validUntil'

/** The errors in the details, by input name, in both languages. */
export function checkMeta(meta: FormValues['meta']): { name: MetaName; message: Bilingual }[] {
  const errors: { name: MetaName; message: Bilingual }[] = []
  const date = parseDateInput(meta.assessmentDate)
  const until = parseDateInput(meta.validUntil)
  if (!date.ok && date.problem === 'empty')
    errors.push({
      name: 'meta.assessmentDate',
      message: inBothLanguages('form.meta.assessmentDateMissing'),
    })
  for (const [name, text] of [
    ['meta.assessmentDate', meta.assessmentDate],
    ['meta.validUntil', meta.validUntil],
  ] as const) {
    const problem = dateTextProblem(text)
    if (problem) errors.push({ name, message: problem })
  }
  if (date.ok && until.ok && until.iso < date.iso)
    errors.push({
      name: 'meta.validUntil',
      message: inBothLanguages('form.meta.validUntilBeforeDate'),
    })
  return errors
}

/**
 * The saved form of the details: each date that does not read as one keeps its last saved value,
 * as does a pair that would end before it starts; the other details are saved as they are.
 */
export function metaToSave(meta: FormValues['meta'], previous: AssessmentMeta): AssessmentMeta {
  const date = parseDateInput(meta.assessmentDate)
  const until = parseDateInput(meta.validUntil)
  let assessmentDate = date.ok ? date.iso : previous.assessmentDate
  let validUntil = until.ok
    ? until.iso
    : until.problem === 'empty'
      ? undefined
      : previous.validUntil
  if (validUntil !== undefined && validUntil < assessmentDate) {
    assessmentDate = previous.assessmentDate
    validUntil = previous.validUntil
  }
  return {
    authorRole: meta.authorRole,
    authorName: meta.authorName.trim(),
    employee: meta.employee.trim(),
    assessmentDate,
    ...(validUntil !== undefined ? { validUntil } : {}),
  }
}
