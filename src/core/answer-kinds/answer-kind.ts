import type { z } from 'zod'
import type { AnswerOf } from '../assessment/assessment-schema'
import type { NamedQuantity, Option } from '../instrument/base-schema'
import type { AnswerKind, AnswerSpec } from '../instrument/meta-schema'
import type { PathSegment, ValidationIssue } from '../issues/validation-issue'
import type { UnitLabel } from '../report/format'
import type { ReportDetail } from '../report/report-model'

export type Lang = 'nl' | 'en'

/** The spec of one answer kind in an instrument, e.g. a `quantity` with its unit and range. */
export type AnswerSpecOf<K extends AnswerKind> = Extract<AnswerSpec, { kind: K }>

/** One free text of an answer: the field it is typed in and what was typed. */
export interface FreeText {
  field: string
  text: string
}

/** How the report shows one answer: its text, a chosen option's standard text, details below. */
export interface AnswerReport {
  answer: string
  /** The answer is itself a free text (a text item's), in field `text`. */
  free?: boolean
  description?: string
  details: ReportDetail[]
  /** A chosen option or level is a limitation (rank above 0). */
  limited: boolean
}

/**
 * How one answer kind is checked, typed by its own spec `S` (what an instrument asks) and value
 * `V` (what an answer holds): the meta-schema and the assessment schema are built from these.
 * @example ANSWER_KIND_SCHEMAS.text.valueSchema.safeParse({ kind: 'text', text: 'x' }).success // → true
 */
export interface AnswerKindSchemas<S extends { kind: string }, V extends { kind: string }> {
  /** The spec in an instrument file: one member of the meta-schema's answer union. */
  specSchema: z.ZodType<S>
  /** The value in an assessment file (assessment.schema.json), before its instrument is known. */
  valueSchema: z.ZodType<V>
  /** The validator of an answer to an item with this spec: its codes, ranges and lengths. */
  answerSchema(spec: S): z.ZodType<V>
}

/**
 * What the pure core does with one answer kind, typed by its spec `S` and value `V` (see
 * `AnswerKindSchemas`, kept apart so that this needs no zod).
 * @example ANSWER_KINDS.text.isAnswered({ kind: 'text', text: ' ' }) // → false
 */
export interface AnswerKindModule<S extends { kind: string }, V extends { kind: string }> {
  /** What the loader checks of a spec beyond its schema (unique codes, ranges), at `path`. */
  checkSpec(spec: S, path: readonly PathSegment[]): ValidationIssue[]
  /** The options an answer chooses from (and a condition names): choices, or capacity levels. */
  optionList(spec: S): readonly Option[] | undefined
  /** The quantities an answer holds by id (a capacity's), which crosswalks and migrations name. */
  quantities(spec: S): readonly NamedQuantity[]
  /**
   * A short, plain-text reading in one language; units come as ids for `unitLabel` to name, with
   * the value they go with (its plural form: "1 minuut", "2 minuten").
   * `spec` is undefined when the item asks for another kind: codes and ids are shown as they are.
   */
  text(answer: V, spec: S | undefined, lang: Lang, unitLabel: UnitLabel): string
  /** The answer as the report lists it; `spec` as for `text`. */
  report(answer: V, spec: S | undefined, lang: Lang, unitLabel: UnitLabel): AnswerReport
  /**
   * The free texts the author typed into the answer, each by its field (`text`, `possible`,
   * `conditions`, `specify`, `specify.<code>`): private to professionals unless released.
   */
  freeTexts(answer: V): FreeText[]
  /** Whether the answer says something (counts as answered in the progress). */
  isAnswered(answer: V): boolean
  /** The option codes the answer has chosen, which conditions on other items read. */
  chosenCodes(answer: V): string[]
  /**
   * The answer that chooses just this option, with its "namely" text: a derived or a Norm answer.
   * Undefined for a kind that is no choice of one option (a capacity's level comes with more).
   */
  choose(code: string, specify?: string): V | undefined
  /**
   * The answer with every chosen code passed through `to` (a migration's option map); a code `to`
   * gives undefined for is dropped, and an answer left saying nothing is undefined.
   */
  mapCodes(answer: V, to: (code: string) => string | undefined): V | undefined
}

/** The module of kind `K`, typed with that kind's spec (meta-schema) and value (assessment). */
export type AnswerKindModuleOf<K extends AnswerKind> = AnswerKindModule<
  AnswerSpecOf<K>,
  AnswerOf<K>
>

/** The schemas of kind `K`, typed with that kind's spec (meta-schema) and value (assessment). */
export type AnswerKindSchemasOf<K extends AnswerKind> = AnswerKindSchemas<
  AnswerSpecOf<K>,
  AnswerOf<K>
>
