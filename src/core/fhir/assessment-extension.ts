import type { Assessment } from '../assessment/assessment-schema'
import type { AssessmentStatus } from '../assessment/constants'
import type { Extension, QuestionnaireResponseStatus } from './fhir-types'

/** Our statuses as FHIR's: a concept is in progress, a signed one completed, a signed change amended. */
export const RESPONSE_STATUS: Readonly<Record<AssessmentStatus, QuestionnaireResponseStatus>> = {
  concept: 'in-progress',
  definitief: 'completed',
  gewijzigd: 'amended',
}

/**
 * What the `record` part carries as JSON: parts of an assessment FHIR has no element for
 * (derivation, captured answers, earlier editions) and answers the items cannot hold exactly.
 */
export interface AssessmentRecord {
  $schema?: string
  derivation?: Assessment['derivation']
  captured?: Assessment['captured']
  history?: Assessment['history']
  answers?: Assessment['answers']
}

const part = (url: string, value: Omit<Extension, 'url'>): Extension => ({ url, ...value })

/**
 * The assessment extension's parts: `authorRole`, `assessmentDate`, `validUntil`, `createdAt`,
 * `edition`, `released` (repeated), `signedOff` (`name`, `role`, `date`, `at`) and `record`.
 */
export function assessmentParts(a: Assessment, answers: Assessment['answers']): Extension[] {
  const record: AssessmentRecord = {
    ...(a.$schema === undefined ? {} : { $schema: a.$schema }),
    ...(a.derivation ? { derivation: a.derivation } : {}),
    ...(a.captured ? { captured: a.captured } : {}),
    ...(a.history.length ? { history: a.history } : {}),
    ...(Object.keys(answers).length ? { answers } : {}),
  }
  const s = a.signedOff
  return [
    part('authorRole', { valueCode: a.meta.authorRole }),
    part('assessmentDate', { valueDate: a.meta.assessmentDate }),
    ...(a.meta.validUntil ? [part('validUntil', { valueDate: a.meta.validUntil })] : []),
    part('createdAt', { valueDateTime: a.createdAt }),
    part('edition', { valuePositiveInt: a.edition }),
    ...a.released.map((r) => part('released', { valueString: r })),
    ...(s
      ? [
          part('signedOff', {
            extension: [
              part('name', { valueString: s.name }),
              part('role', { valueCode: s.role }),
              part('date', { valueDate: s.date }),
              part('at', { valueDateTime: s.at }),
            ],
          }),
        ]
      : []),
    ...(Object.keys(record).length
      ? [part('record', { valueString: JSON.stringify(record) })]
      : []),
  ]
}
