import { render } from '@testing-library/react'
import type { ReactElement } from 'react'
import { createI18n, type Language } from '../../src/i18n/i18n'
import { TextProvider } from '../../src/i18n/text'

/** Renders inside the app's i18n provider, Dutch unless asked otherwise. */
export function renderWithI18n(ui: ReactElement, lang: Language = 'nl') {
  const i18n = createI18n(lang)
  return { i18n, ...render(<TextProvider i18n={i18n}>{ui}</TextProvider>) }
}
