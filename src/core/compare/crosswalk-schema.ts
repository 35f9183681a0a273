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

/** BAR capacity level code → FML option code. Levels left out cannot be expressed in the FML item. */
const levelMapSchema = z.record(idSchema, idSchema)

/**
 * A BAR quantity read against the thresholds the FML item's options state in the same unit:
 * the most capable option whose claim the BAR value meets (FML IV.13: 12 kg gives "~10 kg").
 */
export const thresholdRuleSchema = z.strictObject({
  kind: z.literal('threshold'),
  target: idSchema,
  source: z.strictObject({ item: idSchema, quantity: idSchema }),
  unit: unitSchema,
  /** Used when the BAR gives a level but no quantity. */
  fallback: z.strictObject({ item: idSchema, levels: levelMapSchema }).optional(),
  note: localizedSchema.optional(),
})

/** A BAR capacity level (or single choice) mapped onto FML option codes. */
export const levelMapRuleSchema = z.strictObject({
  kind: z.literal('level-map'),
  target: idSchema,
  source: z.strictObject({ item: idSchema, levels: levelMapSchema }),
  note: localizedSchema.optional(),
})

/** An FML item the BAR does not inform, with the reason. */
export const notDerivableRuleSchema = z.strictObject({
  kind: z.literal('not-derivable'),
  target: idSchema,
  reason: localizedSchema,
})

export const crosswalkRuleSchema = z.discriminatedUnion('kind', [
  thresholdRuleSchema,
  levelMapRuleSchema,
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
