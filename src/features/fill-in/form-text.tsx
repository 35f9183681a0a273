import { createContext, useContext } from 'react'
import type { TFunction } from 'i18next'
import type { Localized } from '../../core/instrument/meta-schema'
import type { Language } from '../../i18n/i18n'

export interface FormText {
  t: TFunction
  lang: Language
  /** Instrument wording in the current language. */
  l: (text: Localized) => string
}

/**
 * The form's translator, read from context: one i18next subscription for the whole form instead of
 * one per input, which matters with hundreds of inputs on screen.
 */
export const FormTextContext = createContext<FormText | undefined>(undefined)

export function useFormText(): FormText {
  const value = useContext(FormTextContext)
  if (!value) throw new Error('useFormText outside the assessment form')
  return value
}

/**
 * The same translator, remembering each text it made: an item's labels repeat across a hundred
 * items ("Antwoord wissen", units, ranges), and i18next's lookup and interpolation were a sixth of
 * the form's mount time. Made once per language, so a cached text can never be of another language.
 */
export function memoizedT(t: TFunction): TFunction {
  const made = new Map<string, string>()
  const memo = (key: string, options?: Record<string, unknown>) => {
    const id = options === undefined ? key : `${key}\u0000${JSON.stringify(options)}`
    let text = made.get(id)
    if (text === undefined) {
      text = (t as (k: string, o?: Record<string, unknown>) => string)(key, options)
      made.set(id, text)
    }
    return text
  }
  return memo as unknown as TFunction
}
