import '../zod-setup'
import { z } from 'zod'
import type { Instrument, Item, Option, QuantitySpec } from '../instrument/meta-schema'
import type { AnswerValue } from './assessment-schema'
import { isoDateSchema } from './iso-date'

type Ctx = z.core.$RefinementCtx

/** A refinement issue that carries its own Dutch and English wording (see zod-issues.ts). */
function fail(ctx: Ctx, path: (string | number)[], nl: string, en: string) {
  ctx.addIssue({ code: 'custom', path, message: en, params: { nl, en } })
}

function fmt(n: number) {
  return String(Number(n.toFixed(4)))
}

/** Range and step of a quantity, e.g. 0-50 kg in steps of 0.5. */
export function checkQuantity(
  value: number,
  spec: QuantitySpec,
  ctx: Ctx,
  path: (string | number)[],
) {
  if (!Number.isFinite(value)) {
    fail(ctx, path, 'Geen getal', 'Not a number')
    return
  }
  if (value < spec.min || value > spec.max) {
    fail(
      ctx,
      path,
      `Moet tussen ${fmt(spec.min)} en ${fmt(spec.max)} liggen`,
      `Must be between ${fmt(spec.min)} and ${fmt(spec.max)}`,
    )
    return
  }
  if (spec.step !== undefined) {
    const steps = (value - spec.min) / spec.step
    if (Math.abs(steps - Math.round(steps)) > 1e-9)
      fail(
        ctx,
        path,
        `Moet een veelvoud van ${fmt(spec.step)} zijn`,
        `Must be a multiple of ${fmt(spec.step)}`,
      )
  }
}

function codes(options: readonly Option[]) {
  return z.enum(options.map((o) => o.code) as [string, ...string[]])
}

function needsSpecify(option: Option | undefined, text: string | undefined) {
  return option?.specify === true && !text?.trim()
}

const SPECIFY_NL = 'Vul bij deze keuze "namelijk" in'
const SPECIFY_EN = 'This choice needs a "namely" text'

const schemas = new WeakMap<Item, z.ZodType<AnswerValue>>()

/**
 * The zod schema for one item's answer; an answer of the wrong kind gets that one message only.
 * Built once per item (a loaded instrument is never changed; an edited one is a new object):
 * building a zod schema costs far more than running it, and a migration checks every answer.
 */
export function itemAnswerSchema(item: Item): z.ZodType<AnswerValue> {
  let schema = schemas.get(item)
  if (!schema) {
    schema = buildItemAnswerSchema(item)
    schemas.set(item, schema)
  }
  return schema
}

function buildItemAnswerSchema(item: Item): z.ZodType<AnswerValue> {
  const kind = item.answer.kind
  return z
    .unknown()
    .superRefine((v, ctx) => {
      const got = (v as { kind?: unknown } | null)?.kind
      if (typeof v !== 'object' || v === null || got !== kind)
        fail(
          ctx,
          ['kind'],
          `Verkeerde soort antwoord: ${JSON.stringify(got)}, verwacht "${kind}"`,
          `Wrong answer kind: ${JSON.stringify(got)}, expected "${kind}"`,
        )
    })
    .pipe(answerOfKind(item)) as z.ZodType<AnswerValue>
}

function answerOfKind(item: Item): z.ZodType<AnswerValue> {
  const a = item.answer
  switch (a.kind) {
    case 'single': {
      const byCode = new Map(a.options.map((o) => [o.code, o]))
      return z
        .strictObject({
          kind: z.literal('single'),
          choice: codes(a.options),
          specify: z.string().max(2000).optional(),
        })
        .superRefine((v, ctx) => {
          if (needsSpecify(byCode.get(v.choice), v.specify))
            fail(ctx, ['specify'], SPECIFY_NL, SPECIFY_EN)
        })
    }
    case 'multiple': {
      const byCode = new Map(a.options.map((o) => [o.code, o]))
      return z
        .strictObject({
          kind: z.literal('multiple'),
          choices: z.array(codes(a.options)).min(1),
          specify: z.partialRecord(codes(a.options), z.string().max(2000)).optional(),
        })
        .superRefine((v, ctx) => {
          if (new Set(v.choices).size !== v.choices.length)
            fail(ctx, ['choices'], 'Een keuze staat er dubbel in', 'A choice is listed twice')
          const exclusive = v.choices.filter((c) => byCode.get(c)?.exclusive)
          if (exclusive.length && v.choices.length > 1)
            fail(
              ctx,
              ['choices'],
              `Keuze "${exclusive[0]}" kan niet samen met andere keuzes`,
              `Choice "${exclusive[0]}" cannot be combined with other choices`,
            )
          for (const c of v.choices)
            if (needsSpecify(byCode.get(c), v.specify?.[c]))
              fail(ctx, ['specify', c], SPECIFY_NL, SPECIFY_EN)
        }) as z.ZodType<AnswerValue>
    }
    case 'quantity':
      return z
        .strictObject({ kind: z.literal('quantity'), value: z.number() })
        .superRefine((v, ctx) => checkQuantity(v.value, a, ctx, ['value']))
    case 'text':
      return z.strictObject({ kind: z.literal('text'), text: z.string().max(a.maxLength) })
    case 'date':
      return z.strictObject({ kind: z.literal('date'), date: isoDateSchema })
    case 'capacity': {
      const specs = new Map(a.quantities.map((q) => [q.id, q]))
      const quantityIds = a.quantities.map((q) => q.id)
      return z
        .strictObject({
          kind: z.literal('capacity'),
          level: codes(a.levels).optional(),
          quantities: z
            .partialRecord(
              quantityIds.length ? z.enum(quantityIds as [string, ...string[]]) : z.never(),
              z.number(),
            )
            .optional(),
          possible: z.string().max(5000).optional(),
          conditions: z.string().max(5000).optional(),
        })
        .superRefine((v, ctx) => {
          for (const [id, value] of Object.entries(v.quantities ?? {})) {
            const spec = specs.get(id)
            if (spec) checkQuantity(value as number, spec, ctx, ['quantities', id])
          }
        }) as z.ZodType<AnswerValue>
    }
  }
}

/**
 * The validator of an assessment's `answers`, built from the instrument it was filled in against:
 * known item ids only, each answer of its item's kind, codes of its options, quantities in range.
 * Completeness is not checked here: a draft may leave items open.
 */
function buildAnswersSchema(instrument: Instrument) {
  const shape: Record<string, z.ZodType> = {}
  for (const section of instrument.sections)
    for (const item of section.items) shape[item.id] = itemAnswerSchema(item).optional()
  return z.looseObject(shape).superRefine((answers, ctx) => {
    for (const key of Object.keys(answers))
      if (!Object.hasOwn(shape, key))
        fail(
          ctx,
          [key],
          `Onbekend item "${key}" in ${instrument.id} ${instrument.version}`,
          `Unknown item "${key}" in ${instrument.id} ${instrument.version}`,
        )
  })
}

const answersSchemas = new WeakMap<Instrument, ReturnType<typeof buildAnswersSchema>>()

/** The validator of an instrument's answers, built once per loaded instrument (they never change). */
export function answersSchema(instrument: Instrument) {
  let schema = answersSchemas.get(instrument)
  if (!schema) answersSchemas.set(instrument, (schema = buildAnswersSchema(instrument)))
  return schema
}
