import type { Instrument } from './meta-schema'

const NUMBERED_ITEM = /^[A-Z0-9]+(\.\d+)+$/
const ROMAN_SECTION = /^[IVX]+$/

/**
 * Named instrument-format step "declareRolesFromIds": instrument files written before `family`,
 * a section's `role` and the display `code` existed (BAR 1.0.0 and 1.1.0, FML 1.0.0, all published
 * and so never edited) get them from the rules the app applied to ids until then: the id `bar` or
 * `fml` named the family, the section `voorblad` was the FML cover, and a numbered id (FML "IV.13",
 * rubriek "IV") was shown. A file that states its `family` is taken as it is: its ids are only ids.
 * Returns the instrument itself when there is nothing to add, otherwise a copy.
 */
export function declareRolesFromIds(instrument: Instrument): Instrument {
  if (instrument.family !== undefined) return instrument
  const family = instrument.id === 'bar' || instrument.id === 'fml' ? instrument.id : 'other'
  return {
    ...instrument,
    family,
    sections: instrument.sections.map((section) => ({
      ...section,
      ...(ROMAN_SECTION.test(section.id) && section.code === undefined ? { code: section.id } : {}),
      ...(section.id === 'voorblad' && section.role === undefined
        ? { role: 'cover' as const }
        : {}),
      items: section.items.map((item) =>
        NUMBERED_ITEM.test(item.id) && item.code === undefined ? { ...item, code: item.id } : item,
      ),
    })),
  }
}
