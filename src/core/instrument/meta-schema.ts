import '../zod-setup'
import { z } from 'zod'
import { ANSWER_KIND_SCHEMAS } from '../answer-kinds/schemas'
import { idSchema, localizedSchema, textSchema } from './base-schema'

export {
  idSchema,
  localizedSchema,
  namedQuantitySchema,
  optionSchema,
  quantitySpecSchema,
  thresholdSchema,
  unitSchema,
} from './base-schema'
export type { Localized, NamedQuantity, Option, QuantitySpec, Threshold } from './base-schema'

/** Semantic version without build metadata, e.g. 1.0.0 or 2.1.0-rc.1 (semver.org §2, §9). */
export const semverSchema = z
  .string()
  .regex(/^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?$/, 'semver')

/** An ICF category code: a component letter (b, s, d, e) and 1 to 5 digits, e.g. d4300. */
export const icfCodeSchema = z.string().regex(/^[bsde]\d{1,5}$/, 'icf')

export const sourceSchema = z.strictObject({
  title: textSchema,
  url: z.url().optional(),
  note: localizedSchema.optional(),
})

export const provenanceSchema = z.strictObject({
  summary: localizedSchema,
  sources: z.array(sourceSchema).min(1),
  verified: z.array(localizedSchema),
  reconstructed: z.array(localizedSchema),
})

type SpecSchema = (typeof ANSWER_KIND_SCHEMAS)[keyof typeof ANSWER_KIND_SCHEMAS]['specSchema']

/** What an item asks for: one member per answer kind, from the kinds' schemas. */
export const answerSpecSchema = z.discriminatedUnion(
  'kind',
  Object.values(ANSWER_KIND_SCHEMAS).map((k) => k.specSchema) as [SpecSchema, ...SpecSchema[]],
)
export type AnswerSpec = z.infer<typeof answerSpecSchema>
export type AnswerKind = AnswerSpec['kind']

/** Show an item only when another item's answer includes one of these option codes. */
export const conditionSchema = z.strictObject({
  item: idSchema,
  anyOf: z.array(idSchema).min(1),
})
export type Condition = z.infer<typeof conditionSchema>

/** The number an instrument shows before a label (FML "IV.13", rubriek "IV"). */
export const displayCodeSchema = z.string().min(1).max(20)

export const itemSchema = z.strictObject({
  id: idSchema,
  /** Shown before the label (FML "IV.13"); a descriptive item (BAR "fysiek.tillen") has none. */
  code: displayCodeSchema.optional(),
  label: localizedSchema,
  help: localizedSchema.optional(),
  icf: z.array(icfCodeSchema).min(1).optional(),
  terms: z.array(idSchema).min(1).optional(),
  required: z.boolean().optional(),
  visibleWhen: conditionSchema.optional(),
  answer: answerSpecSchema,
})
export type Item = z.infer<typeof itemSchema>

/** A top-level grouping of sections, e.g. the BAR domain "Activiteiten en participatie". */
export const domainSchema = z.strictObject({
  id: idSchema,
  label: localizedSchema,
  description: localizedSchema.optional(),
})
export type Domain = z.infer<typeof domainSchema>

export const sectionSchema = z.strictObject({
  id: idSchema,
  /** Shown before the heading (FML rubriek "IV"). */
  code: displayCodeSchema.optional(),
  /**
   * `cover`: the instrument's cover page (FML voorblad), with its conclusion and grounds: not an
   * item list a crosswalk maps, a report lists by rubriek, or "Alle overige items: Norm" fills.
   */
  role: z.enum(['cover']).optional(),
  /** The domain this section belongs to, when the instrument has domains. */
  domain: idSchema.optional(),
  label: localizedSchema,
  description: localizedSchema.optional(),
  items: z.array(itemSchema).min(1),
})
export type Section = z.infer<typeof sectionSchema>

/**
 * How an instrument states its overall conclusion, which a comparison puts before any item.
 * FML: the cover page ("duurzaam benutbare mogelijkheden", ja/nee). BAR: whether work is possible
 * at present, read from the work-time item, and from when (the prognosis).
 */
export const conclusionSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('cover'),
    /** The single-choice item with the conclusion. */
    item: idSchema,
    /** Its options that mean no usable capacity: the most restrictive outcome of all. */
    noCapacity: z.array(idSchema).min(1),
    /** Items shown beside the conclusion (its grounds, the duration). */
    details: z.array(idSchema).optional(),
    /**
     * The item stating whether the form is incomplete, complete, or a critical list of only the
     * limited items. In a complete or critical form an unticked ranked item means its rank-0 option
     * (FML: Norm). Without an answer the form counts as complete once the conclusion is answered.
     */
    completeness: z
      .strictObject({
        item: idSchema,
        incomplete: idSchema,
        complete: idSchema,
        critical: idSchema,
      })
      .optional(),
  }),
  z.strictObject({
    kind: z.literal('work-capacity'),
    /** The capacity item whose level or quantities say whether work is possible at present. */
    item: idSchema,
    /** Its levels that mean no work capacity at present. */
    noCapacity: z.array(idSchema).min(1),
    /** Its quantities that mean no work capacity when they are 0 (hours per day, per week). */
    zeroMeansNone: z.array(idSchema).optional(),
    /** Items that say from when work is expected (the prognosis). */
    details: z.array(idSchema).optional(),
  }),
])
export type Conclusion = z.infer<typeof conclusionSchema>

/**
 * A pair of answers that cannot both be true, e.g. FML I.8 "Nee, geen specifieke voorwaarden"
 * beside I.7 "handelingstempo duidelijk verlaagd". `when` names options or all ranks up to a rank.
 */
export const exclusionSchema = z.strictObject({
  when: z.union([
    z.strictObject({ item: idSchema, options: z.array(idSchema).min(1) }),
    z.strictObject({ item: idSchema, maxRank: z.int().min(0) }),
  ]),
  excludes: z.strictObject({ item: idSchema, minRank: z.int().min(1) }),
  reason: localizedSchema,
})
export type Exclusion = z.infer<typeof exclusionSchema>

/** The name of a migration step, unique within its migration: kebab-case, e.g. `split-hand-vinger`. */
export const stepNameSchema = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'step-name')

/**
 * Where each option code of the previous version goes: to a code of the new item, or nowhere, with
 * the reason. A code left out keeps its code.
 */
export const optionMapSchema = z.record(
  idSchema,
  z.union([idSchema, z.strictObject({ drop: localizedSchema })]),
)
export type OptionMap = z.infer<typeof optionMapSchema>

/** How a split carries the answer to one of its new items: as it is, or through an option map. */
export const splitTargetSchema = z.discriminatedUnion('carry', [
  z.strictObject({ item: idSchema, carry: z.literal('copy') }),
  z.strictObject({ item: idSchema, carry: z.literal('map'), options: optionMapSchema }),
])
export type SplitTarget = z.infer<typeof splitTargetSchema>

const stepBase = {
  name: stepNameSchema,
  /** Why the step is needed, shown with every answer it moves or changes. */
  note: localizedSchema.optional(),
}

/**
 * One named step from the previous version to this one. Steps run in order over the answers, each
 * on what the steps before it left; an item they do not touch keeps its answer when it still fits.
 */
export const migrationStepSchema = z.discriminatedUnion('kind', [
  /** The item got a new id; its answer moves as it is. */
  z.strictObject({ ...stepBase, kind: z.literal('rename'), from: idSchema, to: idSchema }),
  /** The answer belongs to another item of the new version. */
  z.strictObject({ ...stepBase, kind: z.literal('move'), from: idSchema, to: idSchema }),
  /** Option codes (or capacity levels) changed. */
  z.strictObject({
    ...stepBase,
    kind: z.literal('mapOptions'),
    item: idSchema,
    options: optionMapSchema,
  }),
  /** One item became two or more. */
  z.strictObject({
    ...stepBase,
    kind: z.literal('split'),
    from: idSchema,
    to: z.array(splitTargetSchema).min(2),
  }),
  /** Several items became one: the most restrictive answer by rank, or the first one given. */
  z.strictObject({
    ...stepBase,
    kind: z.literal('merge'),
    from: z.array(idSchema).min(2),
    to: idSchema,
    rule: z.enum(['most-restrictive', 'first']),
    reason: localizedSchema,
  }),
  /** The answer has no place in the new version. */
  z.strictObject({ ...stepBase, kind: z.literal('drop'), item: idSchema, reason: localizedSchema }),
])
export type MigrationStep = z.infer<typeof migrationStepSchema>

/** How answers to the previous version become answers to this one. */
export const migrationSchema = z.strictObject({
  from: semverSchema,
  steps: z.array(migrationStepSchema),
})
export type Migration = z.infer<typeof migrationSchema>

export const instrumentSchema = z.strictObject({
  $schema: z.string().optional(),
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  version: semverSchema,
  title: localizedSchema,
  description: localizedSchema.optional(),
  /**
   * The kind of instrument it is, whatever its id: `bar`, a capacity description by domain (the
   * report's BAR part, the source of a derived FML); `fml`, a list of rubrieken with Norm as code 0
   * (the report's FML part and its critical list, the target of a crosswalk); `other`, a plain form.
   * Files from before this field get it from their id (legacy-roles.ts).
   */
  family: z.enum(['bar', 'fml', 'other']).optional(),
  /** Which party normally completes it; the compare screen uses it to suggest sides. */
  authorRoles: z.array(z.enum(['bedrijfsarts', 'verzekeringsarts'])).min(1),
  provenance: provenanceSchema,
  vocabulary: z.strictObject({ id: z.literal('vocabulary'), version: semverSchema }),
  domains: z.array(domainSchema).min(1).optional(),
  sections: z.array(sectionSchema).min(1),
  conclusion: conclusionSchema.optional(),
  /** Answers that exclude each other: the form warns, a derived form never holds them. */
  exclusions: z.array(exclusionSchema).min(1).optional(),
  /** How assessments of the previous version become assessments of this one (every later version has one). */
  migration: migrationSchema.optional(),
})
export type Instrument = z.infer<typeof instrumentSchema>

export const termSchema = z.strictObject({
  id: idSchema,
  term: localizedSchema,
  definition: localizedSchema,
  icf: z.array(icfCodeSchema).min(1).optional(),
  sources: z.array(sourceSchema).min(1),
  related: z.array(idSchema).optional(),
})
export type Term = z.infer<typeof termSchema>

export const vocabularySchema = z.strictObject({
  $schema: z.string().optional(),
  id: z.literal('vocabulary'),
  version: semverSchema,
  title: localizedSchema,
  provenance: provenanceSchema,
  terms: z.array(termSchema).min(1),
})
export type Vocabulary = z.infer<typeof vocabularySchema>
