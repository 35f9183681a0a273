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
 * the form's mount time. Texts with plain `{{name}}` placeholders and no plural are filled in from
 * `template` directly; anything else goes to i18next. Made once per language, so a remembered text
 * is never of another language.
 */
export function memoizedT(t: TFunction, template: (key: string) => unknown): TFunction {
  const made = new Map<string, string>()
  const memo = (key: string, options?: Record<string, unknown>) => {
    const id = options === undefined ? key : `${key}\u0000${JSON.stringify(options)}`
    let text = made.get(id)
    if (text === undefined) {
      text = fill(template(key), options) ?? (t as Translate)(key, options)
      made.set(id, text)
    }
    return text
  }
  return memo as unknown as TFunction
}

type Translate = (key: string, options?: Record<string, unknown>) => string

const PLACEHOLDER = /\{\{\s*(\w+)\s*\}\}/g

function fill(raw: unknown, options: Record<string, unknown> | undefined): string | undefined {
  if (typeof raw !== 'string' || raw.includes('$t(')) return undefined
  if (options && ('count' in options || 'context' in options)) return undefined
  let complete = true
  const text = raw.replace(PLACEHOLDER, (whole, name: string) => {
    const value = options?.[name]
    if (typeof value === 'string' || typeof value === 'number') return String(value)
    complete = false
    return whole
  })
  return complete ? text : undefined
}
