import type { ParseKeys, TFunction } from 'i18next'
import { createFixedT } from './fixed-t'
import type { Language } from './resources'

/** A message in both languages: the form keeps its errors so, and shows the one of the moment. */
export interface Bilingual {
  nl: string
  en: string
}

const fixed = new Map<Language, TFunction>()

function tIn(lang: Language): TFunction {
  let t = fixed.get(lang)
  if (!t) {
    t = createFixedT(lang)
    fixed.set(lang, t)
  }
  return t
}

/**
 * One translation key in both languages, with options per language where they differ (a date
 * written the language's way).
 */
export function inBothLanguages(
  key: ParseKeys,
  options: (lang: Language) => Record<string, string> = () => ({}),
): Bilingual {
  // The key is checked against the locale files above; the options are plain strings.
  const text = (lang: Language) =>
    (tIn(lang) as (k: string, o: object) => string)(key, options(lang))
  return { nl: text('nl'), en: text('en') }
}
