import { itemIndex } from '../instrument/item-index'
import type { Localized, Option } from '../instrument/base-schema'
import type { Instrument, Item, Section } from '../instrument/meta-schema'
import type {
  AnswerOption,
  Coding,
  EnableWhen,
  Extension,
  Questionnaire,
  QuestionnaireItem,
} from './fhir-types'
import {
  ICF_SYSTEM,
  ITEM_CONTROL_EXTENSION,
  ITEM_CONTROL_SYSTEM,
  ITEM_WEIGHT_EXTENSION,
  optionSystem,
  partLinkId,
  questionnaireUrl,
  UCUM_SYSTEM,
  UNIT_EXTENSION,
} from './fhir-urls'
import { UCUM_UNITS } from './ucum-units'
import { optionCoding, PART_LABELS, texts, translation } from './wording'
import type { Unit } from '../instrument/units'

export function unitCoding(unit: Unit): Coding {
  return { system: UCUM_SYSTEM, code: UCUM_UNITS[unit], display: UCUM_UNITS[unit] }
}

/** The linkId a condition on `item` reads: the item, or a capacity's level question. */
export function controllingLinkId(item: Item): string {
  return item.answer.kind === 'capacity' ? partLinkId(item.id, 'level') : item.id
}

function answerOptions(instrumentId: string, itemId: string, options: readonly Option[]) {
  return options.map((o): AnswerOption => {
    const valueCoding = optionCoding(instrumentId, itemId, o)
    return o.rank === undefined
      ? { valueCoding }
      : { valueCoding, extension: [{ url: ITEM_WEIGHT_EXTENSION, valueDecimal: o.rank }] }
  })
}

function helpItem(item: Item): QuestionnaireItem[] {
  if (!item.help) return []
  const control: Extension = {
    url: ITEM_CONTROL_EXTENSION,
    valueCodeableConcept: { coding: [{ system: ITEM_CONTROL_SYSTEM, code: 'help' }] },
  }
  return [
    {
      linkId: partLinkId(item.id, 'help'),
      ...texts(item.help),
      type: 'display',
      extension: [control],
    },
  ]
}

/** The "namelijk" text of a choice, asked below the answer when an option asks for one. */
function specifyItem(instrumentId: string, item: Item, options: readonly Option[]) {
  const needs = options.filter((o) => o.specify)
  if (!needs.length) return []
  const specify: QuestionnaireItem = {
    linkId: partLinkId(item.id, 'specify'),
    ...texts(PART_LABELS.specify),
    type: 'string',
    maxLength: 2000,
    enableWhen: needs.map((o) => ({
      question: item.id,
      operator: '=',
      answerCoding: { system: optionSystem(instrumentId, item.id), code: o.code },
    })),
  }
  if (needs.length > 1) specify.enableBehavior = 'any'
  return [specify]
}

function enableWhen(instrument: Instrument, item: Item): Partial<QuestionnaireItem> {
  const c = item.visibleWhen
  if (!c) return {}
  const controlling = itemIndex(instrument).items.get(c.item)
  const question = controlling ? controllingLinkId(controlling) : c.item
  const conditions = c.anyOf.map((code): EnableWhen => ({
    question,
    operator: '=',
    answerCoding: { system: optionSystem(instrument.id, c.item), code },
  }))
  return conditions.length > 1
    ? { enableWhen: conditions, enableBehavior: 'any' }
    : { enableWhen: conditions }
}

function questionItem(instrument: Instrument, item: Item): QuestionnaireItem {
  const a = item.answer
  const base: QuestionnaireItem = {
    linkId: item.id,
    ...(item.code ? { prefix: item.code } : {}),
    ...texts(item.label),
    type: 'group',
    ...(item.icf ? { code: item.icf.map((code) => ({ system: ICF_SYSTEM, code })) } : {}),
    ...(item.required ? { required: true } : {}),
    ...enableWhen(instrument, item),
  }
  const children = (more: QuestionnaireItem[]) => {
    const all = [...helpItem(item), ...more]
    return all.length ? { item: all } : {}
  }
  switch (a.kind) {
    case 'single':
    case 'multiple':
      return {
        ...base,
        type: 'choice',
        ...(a.kind === 'multiple' ? { repeats: true } : {}),
        answerOption: answerOptions(instrument.id, item.id, a.options),
        ...children(specifyItem(instrument.id, item, a.options)),
      }
    case 'quantity':
      return {
        ...base,
        type: 'quantity',
        extension: [{ url: UNIT_EXTENSION, valueCoding: unitCoding(a.unit) }],
        ...children([]),
      }
    case 'text':
      return {
        ...base,
        type: a.multiline ? 'text' : 'string',
        maxLength: a.maxLength,
        ...children([]),
      }
    case 'date':
      return { ...base, type: 'date', ...children([]) }
    case 'capacity': {
      // A BAR capacity is several answers: a group of one question per part.
      const level: QuestionnaireItem = {
        linkId: partLinkId(item.id, 'level'),
        ...texts(PART_LABELS.level),
        type: 'choice',
        ...(item.required ? { required: true } : {}),
        answerOption: answerOptions(instrument.id, item.id, a.levels),
      }
      const quantities = a.quantities.map((q): QuestionnaireItem => ({
        linkId: partLinkId(item.id, q.id),
        ...texts(q.label),
        type: 'quantity',
        extension: [{ url: UNIT_EXTENSION, valueCoding: unitCoding(q.unit) }],
      }))
      const free = (part: 'possible' | 'conditions', label: Localized): QuestionnaireItem => ({
        linkId: partLinkId(item.id, part),
        ...texts(label),
        type: 'text',
        maxLength: 5000,
      })
      return {
        ...base,
        ...children([
          level,
          ...quantities,
          free('possible', PART_LABELS.possible),
          free('conditions', PART_LABELS.conditions),
        ]),
      }
    }
  }
}

function sectionItem(instrument: Instrument, section: Section): QuestionnaireItem {
  const description: QuestionnaireItem[] = section.description
    ? [
        {
          linkId: partLinkId(section.id, 'description'),
          ...texts(section.description),
          type: 'display',
        },
      ]
    : []
  return {
    linkId: section.id,
    ...(section.code ? { prefix: section.code } : {}),
    ...texts(section.label),
    type: 'group',
    item: [...description, ...section.items.map((item) => questionItem(instrument, item))],
  }
}

/** A computable name (FHIR inv-0: starts with a capital, then letters, digits and `_`): `BAR`. */
function computableName(id: string): string {
  return id.toUpperCase().replace(/-/g, '_')
}

/**
 * The instrument as a FHIR R4 Questionnaire, in Dutch with English translations: one group per
 * section (linkId = section id), one question per item (linkId = item id), a capacity as a group
 * of its parts (`<itemId>/level`, `/<quantityId>`, `/possible`, `/conditions`).
 * @example toQuestionnaire(bar).url // → 'https://bar-studio.example/fhir/Questionnaire/bar'
 */
export function toQuestionnaire(instrument: Instrument): Questionnaire {
  return {
    resourceType: 'Questionnaire',
    id: `${instrument.id}-${instrument.version}`,
    language: 'nl',
    url: questionnaireUrl(instrument.id),
    version: instrument.version,
    name: computableName(instrument.id),
    title: instrument.title.nl,
    _title: translation(instrument.title),
    // A pre-release (1.3.0-rc.1) is a draft; a release is in use.
    status: instrument.version.includes('-') ? 'draft' : 'active',
    ...(instrument.description
      ? {
          description: instrument.description.nl,
          _description: translation(instrument.description),
        }
      : {}),
    item: instrument.sections.map((s) => sectionItem(instrument, s)),
  }
}
