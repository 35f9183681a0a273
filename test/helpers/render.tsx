import { render } from '@testing-library/react'
import type { ReactElement } from 'react'
import { I18nextProvider } from 'react-i18next'
import { createI18n, type Language } from '../../src/i18n/i18n'

/** Renders inside the app's i18n provider, Dutch unless asked otherwise. */
export function renderWithI18n(ui: ReactElement, lang: Language = 'nl') {
  const i18n = createI18n(lang)
  return { i18n, ...render(<I18nextProvider i18n={i18n}>{ui}</I18nextProvider>) }
}
