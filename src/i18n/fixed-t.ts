import i18next, { type TFunction } from 'i18next'
import { resources, type Language } from './resources'

/** A translator fixed to one language, for work outside React (the PDF, the command line). */
export function createFixedT(lng: Language): TFunction {
  const instance = i18next.createInstance()
  void instance.init({
    resources,
    lng,
    fallbackLng: false,
    interpolation: { escapeValue: false },
    initAsync: false,
  })
  return instance.t
}
