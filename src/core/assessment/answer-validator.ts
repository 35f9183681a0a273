import '../zod-setup'
import { z } from 'zod'
import { answerKindSchemas } from '../answer-kinds/schemas'
import { fail } from '../answer-kinds/schemas/checks'
import type { Instrument, Item } from '../instrument/meta-schema'
import type { AnswerValue } from './assessment-schema'

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
  return answerKindSchemas(item.answer.kind).answerSchema(item.answer)
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
