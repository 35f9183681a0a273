import en from './locales/en.json'
import nl from './locales/nl.json'

export const LANGUAGES = ['nl', 'en'] as const
export type Language = (typeof LANGUAGES)[number]

export const resources = { nl: { translation: nl }, en: { translation: en } } as const

export function isLanguage(value: unknown): value is Language {
  return value === 'nl' || value === 'en'
}

/** The raw text of `key` (`form.clearLabel`) in `lng`, placeholders and all; undefined if none. */
export function template(lng: Language, key: string): unknown {
  let node: unknown = resources[lng].translation
  for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part]
  return node
}
