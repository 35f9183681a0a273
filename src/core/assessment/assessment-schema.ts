import '../zod-setup'
import { z } from 'zod'
import { ANSWER_KINDS } from '../answer-kinds'
import { ASSESSMENT_FORMAT, AUTHOR_ROLES } from './constants'
import { isoDateSchema } from './iso-date'
import { idSchema, localizedSchema, semverSchema } from '../instrument/meta-schema'

type ValueSchema = (typeof ANSWER_KINDS)[keyof typeof ANSWER_KINDS]['valueSchema']

/** One answer as saved: one member per answer kind, from the kinds' modules. */
export const answerValueSchema = z.discriminatedUnion(
  'kind',
  Object.values(ANSWER_KINDS).map((k) => k.valueSchema) as [ValueSchema, ...ValueSchema[]],
)
export type AnswerValue = z.infer<typeof answerValueSchema>
export type AnswerOf<K extends AnswerValue['kind']> = Extract<AnswerValue, { kind: K }>

export const assessmentMetaSchema = z.strictObject({
  authorRole: z.enum(AUTHOR_ROLES),
  authorName: z.string().max(200),
  /** A pseudonym or initials: never the employee's full name or BSN. */
  employee: z.string().max(100),
  assessmentDate: isoDateSchema,
  validUntil: isoDateSchema.optional(),
})
export type AssessmentMeta = z.infer<typeof assessmentMetaSchema>

const instrumentRefSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  version: semverSchema,
})

/** Where a derived assessment (an FML from a BAR) came from, item by item. */
export const derivationSchema = z.strictObject({
  from: z.strictObject({ assessmentId: z.uuid(), instrument: instrumentRefSchema }),
  crosswalk: z.strictObject({ id: z.string(), version: semverSchema }),
  /** For every derived answer: the source items and the kind of rule. */
  items: z.record(
    idSchema,
    z.strictObject({
      sources: z.array(idSchema).min(1),
      rule: z.enum(['threshold', 'level-map']),
      note: localizedSchema.optional(),
    }),
  ),
  /** Items the source cannot inform, with the reason. */
  notDerivable: z.record(idSchema, localizedSchema),
})
export type Derivation = z.infer<typeof derivationSchema>

/** A qualified migration step: `<instrument>-<version>/<step name>`, e.g. `bar-1.1.0/split-hand-vinger`. */
export const qualifiedStepSchema = z
  .string()
  .regex(
    /^[a-z][a-z0-9-]*-(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?\/[a-z0-9][a-z0-9-]*$/,
  )

/**
 * The answers as they were given, kept beside the migrated ones and never overwritten: the version
 * they were given against, when they were last migrated, and every step applied since.
 */
export const capturedSchema = z.strictObject({
  instrument: instrumentRefSchema,
  answers: z.record(idSchema, answerValueSchema),
  migratedAt: z.iso.datetime({ offset: true }),
  steps: z.array(qualifiedStepSchema),
})
export type Captured = z.infer<typeof capturedSchema>

/** One filled-in (or partly filled-in) instrument: the file a user exports and imports. */
export const assessmentSchema = z.strictObject({
  $schema: z.string().optional(),
  format: z.literal(ASSESSMENT_FORMAT),
  formatVersion: z.literal(1),
  id: z.uuid(),
  instrument: instrumentRefSchema,
  language: z.enum(['nl', 'en']),
  meta: assessmentMetaSchema,
  /** Answers by item id; an unanswered item has no entry. */
  answers: z.record(idSchema, answerValueSchema),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
  derivation: derivationSchema.optional(),
  /** Present once the answers were migrated from an earlier instrument version. */
  captured: capturedSchema.optional(),
})
export type Assessment = z.infer<typeof assessmentSchema>
export type Answers = Assessment['answers']
