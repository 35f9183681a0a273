import '../zod-setup'
import { z } from 'zod'
import {
  idSchema,
  localizedSchema,
  provenanceSchema,
  semverSchema,
  unitSchema,
} from '../instrument/meta-schema'

const instrumentRefSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  version: semverSchema,
})

/** BAR capacity level code → the most capable FML option the level allows. */
const levelMapSchema = z.record(idSchema, idSchema)

/** A BAR quantity read against the FML thresholds in `unit` (times `factor` first, if given). */
export const dimensionSchema = z.strictObject({
  quantity: idSchema,
  unit: unitSchema,
  /** E.g. 5 working days: hours per day read against hours per week. */
  factor: z.number().positive().optional(),
})
export type Dimension = z.infer<typeof dimensionSchema>

/** One BAR item that bears on the FML item. */
export const ruleSourceSchema = z.strictObject({
  item: idSchema,
  /**
   * The most capable option each level allows. A given level left out cannot be expressed in the
   * FML item: the item is then not derivable, with the rule's note as the reason.
   */
  levels: levelMapSchema,
  /** The quantities of the BAR item that the options' thresholds state. */
  dimensions: z.array(dimensionSchema).optional(),
  /**
   * Without any of the dimensions' quantities only a level that allows the Norm is used
   * (FML VI.2: hours per day are derived only from hours per day).
   */
  needsQuantity: z.boolean().optional(),
  /** Why the pair belongs together when the two items share no ICF code. */
  pairing: localizedSchema.optional(),
})
export type RuleSource = z.infer<typeof ruleSourceSchema>

/**
 * An FML item derived from every BAR item that bears on it: each source gives the most capable
 * option its level allows and the most capable option whose every stated dimension its quantities
 * meet; the most restrictive of them all is chosen.
 */
export const deriveRuleSchema = z.strictObject({
  kind: z.literal('derive'),
  target: idSchema,
  /** The first source is the main one: when it says nothing, the item is left open. */
  sources: z.array(ruleSourceSchema).min(1),
  /** From which value a Norm that states no number is reached (a full working day: 8 hours). */
  normFrom: z.strictObject({ unit: unitSchema, value: z.number() }).optional(),
  note: localizedSchema.optional(),
})
export type DeriveRule = z.infer<typeof deriveRuleSchema>

/** An FML item the BAR does not inform, with the reason. */
export const notDerivableRuleSchema = z.strictObject({
  kind: z.literal('not-derivable'),
  target: idSchema,
  reason: localizedSchema,
})

export const crosswalkRuleSchema = z.discriminatedUnion('kind', [
  deriveRuleSchema,
  notDerivableRuleSchema,
])
export type CrosswalkRule = z.infer<typeof crosswalkRuleSchema>

export const crosswalkSchema = z.strictObject({
  $schema: z.string().optional(),
  id: z.string().regex(/^[a-z0-9.-]+__[a-z0-9.-]+$/),
  version: semverSchema,
  from: instrumentRefSchema,
  to: instrumentRefSchema,
  title: localizedSchema,
  provenance: provenanceSchema,
  /** One rule per item of the target instrument's rubrieken, in the target's order. */
  rules: z.array(crosswalkRuleSchema).min(1),
})
export type Crosswalk = z.infer<typeof crosswalkSchema>
