/*
 * The small part of FHIR R4 (hl7.org/fhir/R4) that the export writes and the import reads: plain
 * JSON shapes, so core needs no FHIR library.
 */

export interface Extension {
  url: string
  extension?: Extension[]
  valueString?: string
  valueCode?: string
  valueDate?: string
  valueDateTime?: string
  valuePositiveInt?: number
  valueDecimal?: number
  valueCoding?: Coding
  valueCodeableConcept?: { coding: Coding[] }
}

/** A primitive's sibling (`_title`, `_text`, `_display`): its extensions. */
export interface PrimitiveExtensions {
  extension: Extension[]
}

export interface Coding {
  system?: string
  version?: string
  code?: string
  display?: string
  _display?: PrimitiveExtensions
}

export interface Quantity {
  value?: number
  unit?: string
  system?: string
  code?: string
}

export type QuestionnaireItemType =
  'group' | 'display' | 'choice' | 'quantity' | 'string' | 'text' | 'date'

export interface EnableWhen {
  question: string
  operator: '='
  answerCoding: Coding
}

export interface AnswerOption {
  valueCoding: Coding
  extension?: Extension[]
}

export interface QuestionnaireItem {
  linkId: string
  prefix?: string
  text?: string
  _text?: PrimitiveExtensions
  type: QuestionnaireItemType
  code?: Coding[]
  required?: boolean
  repeats?: boolean
  maxLength?: number
  enableWhen?: EnableWhen[]
  enableBehavior?: 'any' | 'all'
  answerOption?: AnswerOption[]
  extension?: Extension[]
  item?: QuestionnaireItem[]
}

export interface Questionnaire {
  resourceType: 'Questionnaire'
  id: string
  language: 'nl'
  url: string
  version: string
  name: string
  title: string
  _title: PrimitiveExtensions
  status: 'draft' | 'active'
  description?: string
  _description?: PrimitiveExtensions
  item: QuestionnaireItem[]
}

export interface QuestionnaireResponseAnswer {
  valueCoding?: Coding
  valueQuantity?: Quantity
  valueString?: string
  valueDate?: string
  item?: QuestionnaireResponseItem[]
}

export interface QuestionnaireResponseItem {
  linkId: string
  text?: string
  _text?: PrimitiveExtensions
  answer?: QuestionnaireResponseAnswer[]
  item?: QuestionnaireResponseItem[]
}

export type QuestionnaireResponseStatus =
  'in-progress' | 'completed' | 'amended' | 'entered-in-error' | 'stopped'

export interface QuestionnaireResponse {
  resourceType: 'QuestionnaireResponse'
  id: string
  language: 'nl' | 'en'
  extension?: Extension[]
  identifier: { system: string; value: string }
  questionnaire: string
  status: QuestionnaireResponseStatus
  subject?: { display: string }
  authored: string
  author?: { display: string }
  item?: QuestionnaireResponseItem[]
}
