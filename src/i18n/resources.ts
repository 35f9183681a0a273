import en from './locales/en.json'
import nl from './locales/nl.json'

export const LANGUAGES = ['nl', 'en'] as const
export type Language = (typeof LANGUAGES)[number]

export const resources = { nl: { translation: nl }, en: { translation: en } } as const

export function isLanguage(value: unknown): value is Language {
  return value === 'nl' || value === 'en'
}
