import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'
import { LANGUAGE_STORAGE_KEY, takeEarlyLanguage } from './early-language'
import { isLanguage, LANGUAGES, resources, type Language } from './resources'

export { isLanguage, LANGUAGES, type Language }

function storedLanguage(): Language {
  let v = takeEarlyLanguage()
  if (v === undefined)
    try {
      v = globalThis.localStorage?.getItem(LANGUAGE_STORAGE_KEY) ?? undefined
    } catch {
      // storage blocked: Dutch
    }
  return isLanguage(v) ? v : 'nl'
}

/** Creates an initialised i18next instance; Dutch unless the user chose English before. */
export function createI18n(lng: Language = storedLanguage()) {
  const instance = i18next.createInstance()
  void instance.use(initReactI18next).init({
    resources,
    lng,
    fallbackLng: false,
    supportedLngs: LANGUAGES,
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  })
  return instance
}

export function rememberLanguage(lng: Language) {
  try {
    globalThis.localStorage?.setItem(LANGUAGE_STORAGE_KEY, lng)
  } catch {
    // private mode: the choice just lasts for this visit
  }
}
