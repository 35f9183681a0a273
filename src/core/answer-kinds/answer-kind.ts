import type { z } from 'zod'
import type { AnswerOf, AnswerValue } from '../assessment/assessment-schema'
import type { AnswerKind, AnswerSpec, Item } from '../instrument/meta-schema'

export type Lang = 'nl' | 'en'

/** The spec of one answer kind in an instrument, e.g. a `quantity` with its unit and range. */
export type AnswerSpecOf<K extends AnswerKind> = Extract<AnswerSpec, { kind: K }>

/**
 * What the pure core knows of one answer kind. The spec and value schemas stay in meta-schema.ts
 * and assessment-schema.ts, where the generated JSON Schemas are made from them.
 * @example ANSWER_KINDS.text.isAnswered({ kind: 'text', text: ' ' }) // → false
 */
export interface AnswerKindModule<K extends AnswerKind> {
  /** The validator of an answer to an item with this spec: its codes, ranges and lengths. */
  answerSchema(spec: AnswerSpecOf<K>): z.ZodType<AnswerOf<K>>
  /** A short, plain-text reading in one language; units come as ids for `unitLabel` to name. */
  text(answer: AnswerOf<K>, item: Item, lang: Lang, unitLabel: (unit: string) => string): string
  /** Whether the answer says something (counts as answered in the progress). */
  isAnswered(answer: AnswerOf<K>): boolean
  /** The option codes the answer has chosen, which conditions on other items read. */
  chosenCodes(answer: AnswerOf<K>): string[]
}

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
type AssertTrue<T extends true> = T
/** Compile-time check: every kind an instrument can ask for has a value schema, and no other. */
export type ValueKindsMatchSpecKinds = AssertTrue<Same<AnswerKind, AnswerValue['kind']>>
