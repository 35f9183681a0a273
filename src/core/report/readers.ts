/**
 * Who may read what. Professionals (bedrijfsarts, verzekeringsarts, arbeidsdeskundige) read an
 * assessment in full. Under the AVG and medical confidentiality the employer may receive the
 * functional limitations and possibilities, the conditions for work, the work-time advice and the
 * expected course, never diagnosis, cause, treatment or history; the employee reads the same and
 * their own view. A section not named here is for professionals only: private by default, so a
 * section a new instrument version adds reaches no other reader until it is named.
 */
export const READERS = ['professional', 'employer', 'employee'] as const
export type Reader = (typeof READERS)[number]

const BOTH = ['employer', 'employee'] as const

/** By instrument id, then section id: the readers beyond professionals. */
const SECTION_READERS: Readonly<Record<string, Readonly<Record<string, readonly Reader[]>>>> = {
  bar: {
    mentaal: BOTH,
    sociaal: BOTH,
    fysiek: BOTH,
    werktijd: BOTH,
    // Course, horizon, expected hours and re-evaluation; its free text only when released.
    prognose: BOTH,
    'visie-werknemer': ['employee'],
    // werkfactoren and persoonlijke-factoren: professionals only.
  },
  fml: {
    // The rubrieken are functional; the cover (its grounds, the verzekeringsarts's) is not.
    I: BOTH,
    II: BOTH,
    III: BOTH,
    IV: BOTH,
    V: BOTH,
    VI: BOTH,
  },
}

/** Whether `reader` may read the answers of a section of an instrument. */
export function mayReadSection(reader: Reader, instrumentId: string, sectionId: string): boolean {
  return (
    reader === 'professional' || (SECTION_READERS[instrumentId]?.[sectionId] ?? []).includes(reader)
  )
}

/** The readers beyond professionals of a section: where a free text can be released to. */
export function sectionReaders(instrumentId: string, sectionId: string): Reader[] {
  return READERS.filter((r) => r !== 'professional' && mayReadSection(r, instrumentId, sectionId))
}

/** The key of one free text of an answer: `werktijd.uren#conditions`. */
export function textRef(itemId: string, field: string): string {
  return `${itemId}#${field}`
}
