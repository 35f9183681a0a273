import '@fontsource/inter/400.css'
import '@fontsource/inter/600.css'
import './app.css'
import { useEffect, useState } from 'react'
import { I18nextProvider, useTranslation } from 'react-i18next'
import { InstrumentsScreen } from '../features/instruments/instruments-screen'
import { createI18n } from '../i18n/i18n'
import { catalogue } from './catalogue'
import { LanguageSwitch } from './language-switch'

function Shell() {
  const { t, i18n } = useTranslation()
  useEffect(() => {
    document.documentElement.lang = i18n.language
    document.title = t('app.name')
  }, [i18n.language, t])
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="app-header">
        <div className="brand">
          <p className="app-name">{t('app.name')}</p>
          <p className="tagline">{t('app.tagline')}</p>
        </div>
        <LanguageSwitch />
      </header>
      <nav aria-label={t('nav.label')} className="app-nav">
        <a href="#/" aria-current="page">
          {t('nav.instruments')}
        </a>
      </nav>
      <main id="main" tabIndex={-1}>
        <InstrumentsScreen catalogue={catalogue} />
      </main>
      <footer className="app-footer">
        <p>{t('app.privacy')}</p>
      </footer>
    </>
  )
}

export function App() {
  const [i18n] = useState(() => createI18n())
  return (
    <I18nextProvider i18n={i18n}>
      <Shell />
    </I18nextProvider>
  )
}
