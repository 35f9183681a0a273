import { formatDateInput, parseDateInput } from '../../core/report/format'
import { inBothLanguages, type Bilingual } from '../../i18n/both-languages'
import type { Language } from '../../i18n/i18n'

export type { Bilingual } from '../../i18n/both-languages'

/** What is wrong with a typed date, in both languages; undefined when it is a date or left empty. */
export function dateTextProblem(text: string): Bilingual | undefined {
  const r = parseDateInput(text)
  if (r.ok || r.problem === 'empty') return undefined
  if (r.problem === 'impossible') {
    const typed = text.trim()
    return inBothLanguages('form.dateImpossible', () => ({ typed }))
  }
  return inBothLanguages('form.dateInvalid', (lang) => ({
    example: formatDateInput('2027-03-05', lang),
  }))
}

/** A typed date as the language writes it ("5-3-2027" → "05/03/2027"); other text as it is. */
export function dateTextIn(text: string, lang: Language): string {
  const r = parseDateInput(text)
  return r.ok ? formatDateInput(r.iso, lang) : text
}
