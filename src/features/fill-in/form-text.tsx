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
