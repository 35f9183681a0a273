import type { Assessment } from '../assessment/assessment-schema'
import { itemIndex } from '../instrument/item-index'
import type { Instrument } from '../instrument/meta-schema'
import { assessmentParts, RESPONSE_STATUS } from './assessment-extension'
import type { QuestionnaireResponse, QuestionnaireResponseItem } from './fhir-types'
import { ASSESSMENT_EXTENSION, questionnaireUrl } from './fhir-urls'
import { AnswerReader, answerItem } from './qr-answers'
import { sameJson } from './same-json'
import { texts } from './wording'

/**
 * An assessment as a FHIR R4 QuestionnaireResponse to `toQuestionnaire(instrument)`: one group per
 * section with answers, the Dutch texts of the instrument, codings and UCUM quantities; what FHIR
 * has no element for travels in the `assessment` extension, so `fromQuestionnaireResponse` gives
 * the same assessment back.
 * @example toQuestionnaireResponse(a, bar).questionnaire // → '…/Questionnaire/bar|1.2.0'
 */
export function toQuestionnaireResponse(
  assessment: Assessment,
  instrument: Instrument,
): QuestionnaireResponse {
  const index = itemIndex(instrument)
  // Answers the items cannot carry exactly (a "namely" text beside an option without one) also go
  // whole into the extension, which the import prefers.
  const kept: Assessment['answers'] = {}
  for (const [id, answer] of Object.entries(assessment.answers)) {
    const item = index.items.get(id)
    const written = item && answerItem(instrument.id, item, answer)
    const reader = new AnswerReader(instrument.id)
    const back = item && written ? reader.read(item, written, []) : undefined
    if (reader.issues.length || !sameJson(back, answer)) kept[id] = answer
  }
  const sections = instrument.sections.flatMap((section): QuestionnaireResponseItem[] => {
    const items = section.items.flatMap((item) => {
      const answer = assessment.answers[item.id]
      const written = answer && answerItem(instrument.id, item, answer)
      return written ? [written] : []
    })
    return items.length ? [{ linkId: section.id, ...texts(section.label), item: items }] : []
  })
  const { authorName, employee } = assessment.meta
  return {
    resourceType: 'QuestionnaireResponse',
    id: assessment.id,
    language: assessment.language,
    extension: [{ url: ASSESSMENT_EXTENSION, extension: assessmentParts(assessment, kept) }],
    identifier: { system: 'urn:ietf:rfc:3986', value: `urn:uuid:${assessment.id}` },
    questionnaire: `${questionnaireUrl(instrument.id)}|${instrument.version}`,
    status: RESPONSE_STATUS[assessment.status],
    ...(employee ? { subject: { display: employee } } : {}),
    authored: assessment.updatedAt,
    ...(authorName ? { author: { display: authorName } } : {}),
    ...(sections.length ? { item: sections } : {}),
  }
}
