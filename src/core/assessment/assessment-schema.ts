import '../zod-setup'
import { z } from 'zod'
import { ANSWER_KIND_SCHEMAS } from '../answer-kinds/schemas'
import { ASSESSMENT_FORMAT, ASSESSMENT_STATUSES, AUTHOR_ROLES } from './constants'
import { isoDateSchema } from './iso-date'
import { idSchema, localizedSchema, semverSchema } from '../instrument/meta-schema'

type ValueSchema = (typeof ANSWER_KIND_SCHEMAS)[keyof typeof ANSWER_KIND_SCHEMAS]['valueSchema']

/** One answer as saved: one member per answer kind, from the kinds' schemas. */
export const answerValueSchema = z.discriminatedUnion(
  'kind',
  Object.values(ANSWER_KIND_SCHEMAS).map((k) => k.valueSchema) as [ValueSchema, ...ValueSchema[]],
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

/** Who signed an assessment off ("definitief maken"), in which role, for which date, and when. */
export const signOffSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  role: z.enum(AUTHOR_ROLES),
  /** The date the author signs for, as on the assessment. */
  date: isoDateSchema,
  /** The moment it was signed off. */
  at: z.iso.datetime({ offset: true }),
})
export type SignOff = z.infer<typeof signOffSchema>

/**
 * A free text released for the readers beyond the professionals (employer, employee): the item
 * id and the field of its answer, `werktijd.uren#conditions`, `prognose.toelichting#text`.
 */
export const textRefSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*#[a-z]+(\.[A-Za-z0-9._-]+)?$/)

/** An earlier signed-off edition, kept as it was when a change to it began. */
export const editionSchema = z.strictObject({
  edition: z.int().positive(),
  status: z.enum(['definitief', 'gewijzigd']),
  signedOff: signOffSchema,
  instrument: instrumentRefSchema,
  meta: assessmentMetaSchema,
  answers: z.record(idSchema, answerValueSchema),
  released: z.array(textRefSchema),
})
export type Edition = z.infer<typeof editionSchema>

/** One filled-in (or partly filled-in) instrument: the file a user exports and imports. */
export const assessmentSchema = z.strictObject({
  $schema: z.string().optional(),
  format: z.literal(ASSESSMENT_FORMAT),
  formatVersion: z.literal(2),
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
  status: z.enum(ASSESSMENT_STATUSES),
  /** 1 for the first edition; each change to a signed-off assessment makes the next. */
  edition: z.int().positive(),
  /** Present exactly when the status is not `concept`. */
  signedOff: signOffSchema.optional(),
  /** The free texts the author released for the employer and the employee; all others are private. */
  released: z.array(textRefSchema),
  /** The earlier signed-off editions, oldest first. */
  history: z.array(editionSchema),
})
export type Assessment = z.infer<typeof assessmentSchema>
export type Answers = Assessment['answers']
