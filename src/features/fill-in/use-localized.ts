import { useTranslation } from 'react-i18next'
import type { Localized } from '../../core/instrument/meta-schema'
import { isLanguage, type Language } from '../../i18n/i18n'

/** The current UI language and a picker for instrument wording in it. */
export function useLocalized(): [(text: Localized) => string, Language] {
  const { i18n } = useTranslation()
  const lang = isLanguage(i18n.language) ? i18n.language : 'nl'
  return [(text: Localized) => text[lang], lang]
}
