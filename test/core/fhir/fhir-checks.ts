import { Fhir } from 'fhir'
import fhirpath from 'fhirpath'
import r4 from 'fhirpath/fhir-context/r4'
import type {
  Questionnaire,
  QuestionnaireItem,
  QuestionnaireResponse,
  QuestionnaireResponseItem,
} from '../../../src/core/fhir/fhir-types'

const fhir = new Fhir()

/** FHIR.js's errors for a resource (its structure, cardinalities, codes of required value sets). */
export function fhirJsErrors(resource: object): string[] {
  const result = fhir.validate(resource)
  return (result.messages ?? [])
    .filter((m) => m.severity === 'error')
    .map((m) => `${m.location}: ${m.message}`)
}

const evaluate = (resource: object, expr: string) =>
  fhirpath.evaluate(resource, expr, { resource }, r4) as unknown[]

/** Each R4 invariant (and a few of our own rules), as FHIRPath over the whole resource. */
const QUESTIONNAIRE_RULES: Record<string, string> = {
  'que-0 name is computable': "name.matches('^[A-Z]([A-Za-z0-9_]){0,254}$')",
  'every item has a linkId (FHIR.js misses nested ones)': 'repeat(item).all(linkId.exists())',
  'que-2 linkIds are unique': 'repeat(item).linkId.isDistinct()',
  'que-1 groups have items, display items have none':
    "repeat(item).all((type = 'group' implies item.exists()) and (type = 'display' implies item.empty()))",
  'que-3 display items have no code': "repeat(item).where(type = 'display').all(code.empty())",
  'que-4 answerOption or answerValueSet, not both':
    'repeat(item).all(answerOption.empty() or answerValueSet.empty())',
  'que-5 options only on choice-like items':
    "repeat(item).all((type = 'choice' or type = 'open-choice' or type = 'decimal' or type = 'integer' or type = 'date' or type = 'dateTime' or type = 'time' or type = 'string' or type = 'quantity') or (answerValueSet.empty() and answerOption.empty()))",
  'que-6 required and repeats not on display items':
    "repeat(item).where(type = 'display').all(required.empty() and repeats.empty())",
  'que-7 exists takes a boolean':
    "repeat(item).enableWhen.all(operator = 'exists' implies (answer is Boolean))",
  'que-8 no initial on groups or display':
    "repeat(item).where(type = 'group' or type = 'display').all(initial.empty())",
  'que-9 display items are not readOnly':
    "repeat(item).where(type = 'display').all(readOnly.empty())",
  'que-10 maxLength only on simple types':
    "repeat(item).all((type in ('boolean' | 'decimal' | 'integer' | 'string' | 'text' | 'url' | 'open-choice')) or maxLength.empty())",
  'que-11 no initial beside answerOption':
    'repeat(item).all(answerOption.empty() or initial.empty())',
  'que-12 several enableWhen need enableBehavior':
    'repeat(item).all(enableWhen.count() > 1 implies enableBehavior.exists())',
  'que-13 one initial unless repeating': 'repeat(item).all(repeats = true or initial.count() <= 1)',
  'no | or # in linkIds':
    "repeat(item).all(linkId.contains('|').not() and linkId.contains('#').not())",
  'no | or # in the url': "url.contains('|').not() and url.contains('#').not()",
  'every text has an English translation':
    "repeat(item).all(text.extension('http://hl7.org/fhir/StructureDefinition/translation').extension('lang').value = 'en') and title.extension('http://hl7.org/fhir/StructureDefinition/translation').exists()",
  'every option display has an English translation':
    "repeat(item).answerOption.all(value.display.extension('http://hl7.org/fhir/StructureDefinition/translation').exists())",
  'enableWhen names an existing question':
    '%resource.repeat(item).enableWhen.all(question in %resource.repeat(item).linkId)',
}

/** The rules a Questionnaire breaks, by name. */
export function questionnaireFailures(q: Questionnaire): string[] {
  const broken = Object.entries(QUESTIONNAIRE_RULES)
    .filter(([, expr]) => evaluate(q, expr)[0] !== true)
    .map(([name]) => name)
  // enableWhen codes are among the controlling question's options.
  const byLinkId = new Map(allItems(q.item).map((i) => [i.linkId, i]))
  for (const item of byLinkId.values())
    for (const w of item.enableWhen ?? []) {
      const target = byLinkId.get(w.question)
      const codes = (target?.answerOption ?? []).map((o) => o.valueCoding)
      if (!codes.some((c) => c.system === w.answerCoding.system && c.code === w.answerCoding.code))
        broken.push(
          `enableWhen of ${item.linkId}: ${w.answerCoding.code} is no option of ${w.question}`,
        )
    }
  return broken
}

function allItems(items: readonly QuestionnaireItem[] | undefined): QuestionnaireItem[] {
  return (items ?? []).flatMap((i) => [i, ...allItems(i.item)])
}

const RESPONSE_RULES: Record<string, string> = {
  'every item has a linkId': 'repeat(item | answer.item).all(linkId.exists())',
  'qrs-1 nested items below item or answer, not both':
    'repeat(item | answer.item).all((answer.exists() and item.exists()).not())',
  'qrs-2 repeated answers combined in one item':
    'repeat(answer | item).select(item.select(linkId).isDistinct()).allTrue()',
}

/**
 * The rules a response breaks against its Questionnaire: the invariants, and every item's linkId,
 * place, answer type, codes and units as the Questionnaire has them.
 */
export function responseFailures(qr: QuestionnaireResponse, q: Questionnaire): string[] {
  const broken = Object.entries(RESPONSE_RULES)
    .filter(([, expr]) => evaluate(qr, expr)[0] !== true)
    .map(([name]) => name)
  if (qr.questionnaire !== `${q.url}|${q.version}`) broken.push(`questionnaire ${qr.questionnaire}`)
  const check = (
    items: readonly QuestionnaireResponseItem[] | undefined,
    within: QuestionnaireItem[],
  ) => {
    for (const r of items ?? []) {
      const def = within.find((d) => d.linkId === r.linkId)
      if (!def) {
        broken.push(`linkId ${r.linkId} is not in the Questionnaire at this place`)
        continue
      }
      if (r.text !== undefined && r.text !== def.text) broken.push(`${r.linkId}: text differs`)
      const answers = r.answer ?? []
      if (answers.length > 1 && !def.repeats)
        broken.push(`${r.linkId}: several answers, not repeating`)
      for (const a of answers) {
        const ok =
          def.type === 'choice'
            ? (def.answerOption ?? []).some(
                (o) =>
                  o.valueCoding.system === a.valueCoding?.system &&
                  o.valueCoding.code === a.valueCoding?.code,
              )
            : def.type === 'quantity'
              ? a.valueQuantity?.code === def.extension?.[0]?.valueCoding?.code &&
                a.valueQuantity?.system === 'http://unitsofmeasure.org'
              : def.type === 'string' || def.type === 'text'
                ? typeof a.valueString === 'string'
                : def.type === 'date'
                  ? typeof a.valueDate === 'string'
                  : false
        if (!ok)
          broken.push(`${r.linkId}: answer ${JSON.stringify(a)} does not fit type ${def.type}`)
        check(a.item, def.item ?? [])
      }
      if (def.type !== 'group' && r.item?.length) broken.push(`${r.linkId}: items below a question`)
      check(r.item, def.item ?? [])
    }
  }
  check(qr.item, q.item)
  return broken
}
