import type { AnswerOf, AnswerValue } from '../assessment/assessment-schema'
import type { Option } from '../instrument/base-schema'
import type { Item, Localized } from '../instrument/meta-schema'
import type { Unit } from '../instrument/units'
import type { PathSegment, ValidationIssue } from '../issues/validation-issue'
import { issue } from '../issues/validation-issue'
import type { QuestionnaireResponseAnswer, QuestionnaireResponseItem } from './fhir-types'
import { optionSystem, partLinkId, UCUM_SYSTEM } from './fhir-urls'
import { UCUM_UNITS } from './ucum-units'
import { optionCoding, PART_LABELS, texts } from './wording'

/*
 * One answer as QuestionnaireResponse items and back. Writing leaves out what FHIR cannot hold (an
 * empty string); to-questionnaire-response.ts compares the two directions to find such answers.
 */

/** The coding of a chosen option: the Questionnaire's own (Dutch display, English translation). */
function coding(instrumentId: string, itemId: string, options: readonly Option[], code: string) {
  const o = options.find((x) => x.code === code)
  return o
    ? optionCoding(instrumentId, itemId, o)
    : { system: optionSystem(instrumentId, itemId), code }
}

function quantity(value: number, unit: Unit) {
  return { value, unit: UCUM_UNITS[unit], system: UCUM_SYSTEM, code: UCUM_UNITS[unit] }
}

/** A free text; FHIR strings are never empty (ele-1), so an empty text is an item without answer. */
function textItem(
  linkId: string,
  label: Localized,
  value: string | undefined,
): QuestionnaireResponseItem | undefined {
  if (value === undefined) return undefined
  const item = { linkId, ...texts(label) }
  return value === '' ? item : { ...item, answer: [{ valueString: value }] }
}

/** The "namelijk" text below a chosen option that asks for one (where the Questionnaire enables it). */
function specifyChild(
  item: Item,
  options: readonly Option[],
  code: string,
  text: string | undefined,
) {
  const child = textItem(partLinkId(item.id, 'specify'), PART_LABELS.specify, text)
  return options.find((o) => o.code === code)?.specify && child ? { item: [child] } : {}
}

/** The QuestionnaireResponse item of one answer, with the instrument's wording (Dutch, English as translation). */
export function answerItem(
  instrumentId: string,
  item: Item,
  answer: AnswerValue,
): QuestionnaireResponseItem | undefined {
  const spec = item.answer
  const text = texts(item.label)
  if (answer.kind === 'single' && spec.kind === 'single')
    return {
      linkId: item.id,
      ...text,
      answer: [
        {
          valueCoding: coding(instrumentId, item.id, spec.options, answer.choice),
          ...specifyChild(item, spec.options, answer.choice, answer.specify),
        },
      ],
    }
  if (answer.kind === 'multiple' && spec.kind === 'multiple')
    return {
      linkId: item.id,
      ...text,
      answer: answer.choices.map((c) => ({
        valueCoding: coding(instrumentId, item.id, spec.options, c),
        ...specifyChild(item, spec.options, c, answer.specify?.[c]),
      })),
    }
  if (answer.kind === 'quantity' && spec.kind === 'quantity')
    return {
      linkId: item.id,
      ...text,
      answer: [{ valueQuantity: quantity(answer.value, spec.unit) }],
    }
  if (answer.kind === 'text' && spec.kind === 'text')
    return textItem(item.id, item.label, answer.text)
  if (answer.kind === 'date' && spec.kind === 'date')
    return { linkId: item.id, ...text, answer: [{ valueDate: answer.date }] }
  if (answer.kind === 'capacity' && spec.kind === 'capacity') {
    const parts: (QuestionnaireResponseItem | undefined)[] = [
      answer.level === undefined
        ? undefined
        : {
            linkId: partLinkId(item.id, 'level'),
            ...texts(PART_LABELS.level),
            answer: [{ valueCoding: coding(instrumentId, item.id, spec.levels, answer.level) }],
          },
      ...spec.quantities.map((q) => {
        const value = answer.quantities?.[q.id]
        return value === undefined
          ? undefined
          : {
              linkId: partLinkId(item.id, q.id),
              ...texts(q.label),
              answer: [{ valueQuantity: quantity(value, q.unit) }],
            }
      }),
      textItem(partLinkId(item.id, 'possible'), PART_LABELS.possible, answer.possible),
      textItem(partLinkId(item.id, 'conditions'), PART_LABELS.conditions, answer.conditions),
    ]
    const present = parts.filter((p) => p !== undefined)
    return { linkId: item.id, ...text, ...(present.length ? { item: present } : {}) }
  }
  // An answer of another kind than its item's cannot be written; loadAssessment refuses it anyway.
  return undefined
}

/** Reads answers back, collecting every problem with its JSON path into the response. */
export class AnswerReader {
  readonly issues: ValidationIssue[] = []

  constructor(private readonly instrumentId: string) {}

  private fail(path: readonly PathSegment[], nl: string, en: string): undefined {
    this.issues.push(issue(path, nl, en))
    return undefined
  }

  private single(
    qr: QuestionnaireResponseItem,
    path: readonly PathSegment[],
  ): QuestionnaireResponseAnswer | undefined {
    const answers = Array.isArray(qr.answer) ? qr.answer : []
    if (answers.length > 1 || (answers.length === 0 && qr.answer !== undefined))
      return this.fail(
        [...path, 'answer'],
        `Verwacht één antwoord bij "${qr.linkId}", gevonden: ${answers.length}`,
        `Expected one answer to "${qr.linkId}", found ${answers.length}`,
      )
    return answers[0]
  }

  private code(
    answer: QuestionnaireResponseAnswer,
    path: readonly PathSegment[],
    itemId: string,
    options: readonly Option[],
  ): string | undefined {
    const c = answer.valueCoding
    if (!c || typeof c !== 'object')
      return this.fail(
        path,
        `Verwacht een valueCoding bij "${itemId}"`,
        `Expected a valueCoding for "${itemId}"`,
      )
    const system = optionSystem(this.instrumentId, itemId)
    if (c.system !== system)
      return this.fail(
        [...path, 'valueCoding', 'system'],
        `Codesysteem ${JSON.stringify(c.system)} hoort niet bij "${itemId}" (verwacht "${system}")`,
        `Code system ${JSON.stringify(c.system)} does not belong to "${itemId}" (expected "${system}")`,
      )
    if (typeof c.code !== 'string' || !options.some((o) => o.code === c.code)) {
      const known = options.map((o) => o.code).join(', ')
      return this.fail(
        [...path, 'valueCoding', 'code'],
        `Onbekende code ${JSON.stringify(c.code)} bij "${itemId}" (bekend: ${known})`,
        `Unknown code ${JSON.stringify(c.code)} for "${itemId}" (known: ${known})`,
      )
    }
    return c.code
  }

  private quantity(
    answer: QuestionnaireResponseAnswer,
    path: readonly PathSegment[],
    linkId: string,
    unit: Unit,
  ): number | undefined {
    const q = answer.valueQuantity
    if (!q || typeof q !== 'object' || typeof q.value !== 'number')
      return this.fail(
        path,
        `Verwacht een valueQuantity met een getal bij "${linkId}"`,
        `Expected a valueQuantity with a number for "${linkId}"`,
      )
    const ucum = UCUM_UNITS[unit]
    if (q.system !== UCUM_SYSTEM || q.code !== ucum)
      return this.fail(
        [...path, 'valueQuantity'],
        `Eenheid ${JSON.stringify(q.code)} (${JSON.stringify(q.system)}) past niet bij "${linkId}": verwacht UCUM "${ucum}"`,
        `Unit ${JSON.stringify(q.code)} (${JSON.stringify(q.system)}) does not fit "${linkId}": expected UCUM "${ucum}"`,
      )
    return q.value
  }

  private string(
    answer: QuestionnaireResponseAnswer,
    path: readonly PathSegment[],
    linkId: string,
    field: 'valueString' | 'valueDate' = 'valueString',
  ): string | undefined {
    const v = answer[field]
    if (typeof v !== 'string')
      return this.fail(
        path,
        `Verwacht een ${field} bij "${linkId}"`,
        `Expected a ${field} for "${linkId}"`,
      )
    return v
  }

  private unknown(path: readonly PathSegment[], linkId: unknown, where: string): undefined {
    return this.fail(
      [...path, 'linkId'],
      `Onbekende linkId ${JSON.stringify(linkId)} in ${where}`,
      `Unknown linkId ${JSON.stringify(linkId)} in ${where}`,
    )
  }

  /** The "namelijk" text nested in a chosen option's answer, if any. */
  private specify(
    item: Item,
    answer: QuestionnaireResponseAnswer,
    path: readonly PathSegment[],
  ): string | undefined {
    let text: string | undefined
    ;(Array.isArray(answer.item) ? answer.item : []).forEach((child, k) => {
      const at = [...path, 'item', k]
      if (child?.linkId !== partLinkId(item.id, 'specify'))
        return this.unknown(at, child?.linkId, item.id)
      const a = this.single(child, at)
      text = a ? this.string(a, [...at, 'answer', 0], child.linkId) : ''
    })
    return text
  }

  /** The answer in `qr`, an item of the response with this item's linkId at `path`. */
  read(
    item: Item,
    qr: QuestionnaireResponseItem,
    path: readonly PathSegment[],
  ): AnswerValue | undefined {
    const spec = item.answer
    const at0 = [...path, 'answer', 0]
    if (spec.kind !== 'capacity' && Array.isArray(qr.item) && qr.item.length)
      return this.fail(
        [...path, 'item'],
        `"${item.id}" is een vraag: geneste items horen onder zijn antwoord`,
        `"${item.id}" is a question: nested items belong below its answer`,
      )
    switch (spec.kind) {
      case 'single': {
        const a = this.single(qr, path)
        const choice = a && this.code(a, at0, item.id, spec.options)
        if (!a || choice === undefined) return undefined
        const specify = this.specify(item, a, at0)
        return { kind: 'single', choice, ...(specify === undefined ? {} : { specify }) }
      }
      case 'multiple': {
        const answers = Array.isArray(qr.answer) ? qr.answer : []
        if (!answers.length) return undefined
        const choices: string[] = []
        const specify: Record<string, string> = {}
        answers.forEach((a, k) => {
          const at = [...path, 'answer', k]
          const code = this.code(a, at, item.id, spec.options)
          if (code === undefined) return
          choices.push(code)
          const text = this.specify(item, a, at)
          if (text !== undefined) specify[code] = text
        })
        return {
          kind: 'multiple',
          choices,
          ...(Object.keys(specify).length ? { specify } : {}),
        } satisfies AnswerOf<'multiple'>
      }
      case 'quantity': {
        const a = this.single(qr, path)
        const value = a && this.quantity(a, at0, item.id, spec.unit)
        return value === undefined ? undefined : { kind: 'quantity', value }
      }
      case 'text': {
        const a = this.single(qr, path)
        // An item without an answer is an empty text (FHIR has no empty strings).
        const text = a ? this.string(a, at0, item.id) : qr.answer === undefined ? '' : undefined
        return text === undefined ? undefined : { kind: 'text', text }
      }
      case 'date': {
        const a = this.single(qr, path)
        const date = a && this.string(a, at0, item.id, 'valueDate')
        return date === undefined ? undefined : { kind: 'date', date }
      }
      case 'capacity': {
        if (qr.answer !== undefined)
          return this.fail(
            [...path, 'answer'],
            `"${item.id}" is een groep: de antwoorden horen bij zijn onderdelen`,
            `"${item.id}" is a group: the answers belong to its parts`,
          )
        const out: AnswerOf<'capacity'> = { kind: 'capacity' }
        const quantities: Record<string, number> = {}
        ;(Array.isArray(qr.item) ? qr.item : []).forEach((child, k) => {
          const at = [...path, 'item', k]
          const part = typeof child?.linkId === 'string' ? child.linkId : ''
          const a = () => this.single(child, at)
          const q = spec.quantities.find((x) => partLinkId(item.id, x.id) === part)
          if (part === partLinkId(item.id, 'level')) {
            const answer = a()
            const level = answer && this.code(answer, [...at, 'answer', 0], item.id, spec.levels)
            if (level !== undefined) out.level = level
          } else if (q) {
            const answer = a()
            const value = answer && this.quantity(answer, [...at, 'answer', 0], part, q.unit)
            if (value !== undefined) quantities[q.id] = value
          } else if (
            part === partLinkId(item.id, 'possible') ||
            part === partLinkId(item.id, 'conditions')
          ) {
            const answer = a()
            const text = answer
              ? this.string(answer, [...at, 'answer', 0], part)
              : child.answer === undefined
                ? ''
                : undefined
            if (text !== undefined)
              out[part.endsWith('/possible') ? 'possible' : 'conditions'] = text
          } else this.unknown(at, child?.linkId, item.id)
        })
        return Object.keys(quantities).length ? { ...out, quantities } : out
      }
    }
  }
}
