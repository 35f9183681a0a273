import type { i18n as I18n, TFunction } from 'i18next'
import { createContext, useContext, useMemo, type ReactNode } from 'react'
import { I18nextProvider, useTranslation } from 'react-i18next'
import type { Localized } from '../core/instrument/meta-schema'
import { memoizedT } from './memoized-t'
import { isLanguage, type Language } from './resources'

export interface Text {
  /** Remembers its texts per language: see `memoizedT`. */
  t: TFunction
  lang: Language
  /** Instrument wording (nl and en in the schema files) in the current language. */
  l: (text: Localized) => string
  i18n: I18n
}

const TextContext = createContext<Text | undefined>(undefined)

function TextSource({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation()
  const lang = isLanguage(i18n.language) ? i18n.language : 'nl'
  const value = useMemo<Text>(
    () => ({ t: memoizedT(t, lang), lang, l: (text) => text[lang], i18n }),
    [t, lang, i18n],
  )
  return <TextContext.Provider value={value}>{children}</TextContext.Provider>
}

/**
 * i18next for the app, read by every screen through `useText`: one subscription to the language
 * instead of one per component, and a translator that does not look a text up twice.
 */
export function TextProvider({ i18n, children }: { i18n: I18n; children: ReactNode }) {
  return (
    <I18nextProvider i18n={i18n}>
      <TextSource>{children}</TextSource>
    </I18nextProvider>
  )
}

/** The UI language, its translator, and a picker for instrument wording in it. */
export function useText(): Text {
  const value = useContext(TextContext)
  if (!value) throw new Error('useText outside TextProvider')
  return value
}
