import type { Localized, Option } from '../instrument/meta-schema'
import type { Coding, PrimitiveExtensions } from './fhir-types'
import { optionSystem, TRANSLATION_EXTENSION } from './fhir-urls'

/** The English wording of a Dutch primitive, as FHIR's `translation` extension. */
export function translation(text: Localized): PrimitiveExtensions {
  return {
    extension: [
      {
        url: TRANSLATION_EXTENSION,
        extension: [
          { url: 'lang', valueCode: 'en' },
          { url: 'content', valueString: text.en },
        ],
      },
    ],
  }
}

/** An item's `text` in Dutch with its English translation: the Questionnaire's and the response's. */
export function texts(label: Localized): { text: string; _text: PrimitiveExtensions } {
  return { text: label.nl, _text: translation(label) }
}

/** The coding of one option (or capacity level) of an item: its own system, the Dutch label. */
export function optionCoding(instrumentId: string, itemId: string, option: Option): Coding {
  return {
    system: optionSystem(instrumentId, itemId),
    code: option.code,
    display: option.label.nl,
    _display: translation(option.label),
  }
}

/** The questions of a capacity's parts and of a choice's "namely", the same in every instrument. */
export const PART_LABELS = {
  level: { nl: 'Mate van beperking', en: 'Degree of limitation' },
  possible: { nl: 'Wat is nog mogelijk', en: 'What is still possible' },
  conditions: { nl: 'Voorwaarden', en: 'Conditions' },
  specify: { nl: 'Namelijk', en: 'Namely' },
} as const satisfies Record<string, Localized>
