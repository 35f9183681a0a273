/**
 * Where the export's canonical urls live. `https://bar-studio.example/fhir` is a placeholder base
 * (RFC 2606 `.example`): change it here, in one place, once the project has a registered base.
 */
export const FHIR_BASE = 'https://bar-studio.example/fhir'

/** The canonical url of an instrument's Questionnaire, the same for every version of it. */
export function questionnaireUrl(instrumentId: string): string {
  return `${FHIR_BASE}/Questionnaire/${instrumentId}`
}

/**
 * The code system of one item's options (or a capacity's levels): option codes are unique only
 * within their item (FML "0" is Norm in every rubriek), so each item has a system of its own.
 */
export function optionSystem(instrumentId: string, itemId: string): string {
  return `${questionnaireUrl(instrumentId)}/options/${itemId}`
}

/** The extension on a QuestionnaireResponse with what FHIR has no element for (meta, sign-off). */
export const ASSESSMENT_EXTENSION = `${FHIR_BASE}/StructureDefinition/assessment`

export const ICF_SYSTEM = 'http://hl7.org/fhir/sid/icf'
export const UCUM_SYSTEM = 'http://unitsofmeasure.org'
export const TRANSLATION_EXTENSION = 'http://hl7.org/fhir/StructureDefinition/translation'
export const ITEM_WEIGHT_EXTENSION = 'http://hl7.org/fhir/StructureDefinition/itemWeight'
export const UNIT_EXTENSION = 'http://hl7.org/fhir/StructureDefinition/questionnaire-unit'
export const ITEM_CONTROL_EXTENSION =
  'http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl'
export const ITEM_CONTROL_SYSTEM = 'http://hl7.org/fhir/questionnaire-item-control'

/** Parts of a capacity item, each its own question: `<itemId>/level`, `<itemId>/<quantityId>`, ... */
export function partLinkId(itemId: string, part: string): string {
  return `${itemId}/${part}`
}
