import '../zod-setup'
import { z } from 'zod'
import { UNITS } from './units'

/*
 * The parts of the meta-schema that the answer kinds' specs and values are built from, apart from
 * meta-schema.ts, which builds its answer union from the kinds: so neither imports the other back.
 */

/** A text in both languages of the app; neither may be empty. */
export const textSchema = z.string().regex(/\S/, 'blank')
export const localizedSchema = z.strictObject({ nl: textSchema, en: textSchema })
export type Localized = z.infer<typeof localizedSchema>

/** Ids of items, sections, options and terms: stable, readable, no spaces. */
export const idSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/)

export const unitSchema = z.enum(UNITS)

/** One measurable bound stated by an option text, e.g. FML IV.13 code 1: "~10 kg, up to 10 times per hour". */
export const thresholdSchema = z.strictObject({
  /** May be negative: FML III.1 cold is "below −15 °C". */
  value: z.number(),
  unit: unitSchema,
  comparator: z.enum(['about', 'at-least', 'at-most', 'less-than', 'more-than']),
})
export type Threshold = z.infer<typeof thresholdSchema>

export const optionSchema = z.strictObject({
  code: idSchema,
  label: localizedSchema,
  description: localizedSchema.optional(),
  /** Ordinal rank: 0 is no limitation, higher is more limited. Equal ranks are equally limited. */
  rank: z.int().min(0).optional(),
  /** A "namelijk: ..." text that must be given when this option is chosen. */
  specify: z.boolean().optional(),
  /** In a multiple choice: this option cannot be combined with others (e.g. "Norm"). */
  exclusive: z.boolean().optional(),
  thresholds: z.array(thresholdSchema).min(1).optional(),
})
export type Option = z.infer<typeof optionSchema>

export const quantitySpecSchema = z.strictObject({
  unit: unitSchema,
  min: z.number(),
  max: z.number(),
  step: z.number().positive().optional(),
})
export type QuantitySpec = z.infer<typeof quantitySpecSchema>

export const namedQuantitySchema = quantitySpecSchema.extend({
  id: idSchema,
  label: localizedSchema,
})
export type NamedQuantity = z.infer<typeof namedQuantitySchema>
