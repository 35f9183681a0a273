import { useText } from '../i18n/text'
import { LANGUAGES, rememberLanguage } from '../i18n/i18n'

/** Two toggle buttons; each is named in its own language so a user can always find theirs. */
export function LanguageSwitch() {
  const { t, i18n, lang } = useText()
  return (
    <div role="group" aria-label={t('language.label')} className="language-switch">
      {LANGUAGES.map((lng) => (
        <button
          key={lng}
          type="button"
          lang={lng}
          aria-pressed={lang === lng}
          onClick={() => {
            void i18n.changeLanguage(lng)
            rememberLanguage(lng)
          }}
        >
          {t(`language.${lng}`)}
        </button>
      ))}
    </div>
  )
}
