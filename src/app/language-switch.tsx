import { useLayoutEffect, useRef } from 'react'
import { useText } from '../i18n/text'
import { LANGUAGES, rememberLanguage } from '../i18n/i18n'

interface Anchor {
  el: Element
  top: number
}

/** What should stay in place on screen: the item (or control) with focus, else the first item in view. */
function anchorNow(): Anchor | undefined {
  const active = document.activeElement
  const inMain = active?.closest('main') ? active : null
  const el =
    inMain?.closest('[data-item-id]') ??
    inMain ??
    [...document.querySelectorAll('main [data-item-id], main h2')].find(
      (e) => e.getBoundingClientRect().bottom > 0,
    )
  return el ? { el, top: el.getBoundingClientRect().top } : undefined
}

/**
 * Two toggle buttons; each is named in its own language so a user can always find theirs. A switch
 * leaves focus where it was and keeps what is in view in place, though every label changes length.
 */
export function LanguageSwitch() {
  const { t, i18n, lang } = useText()
  const anchor = useRef<Anchor | undefined>(undefined)
  // After the commit that re-labelled the page, before it is painted.
  useLayoutEffect(() => {
    const was = anchor.current
    anchor.current = undefined
    if (!was?.el.isConnected) return
    const moved = was.el.getBoundingClientRect().top - was.top
    if (moved) window.scrollBy(0, moved)
  }, [lang])
  return (
    <div role="group" aria-label={t('language.label')} className="language-switch">
      {LANGUAGES.map((lng) => (
        <button
          key={lng}
          type="button"
          lang={lng}
          aria-pressed={lang === lng}
          // A click does not take focus away from the field being filled in.
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => {
            if (lng !== lang) {
              anchor.current = anchorNow()
              void i18n.changeLanguage(lng)
            }
            rememberLanguage(lng)
          }}
        >
          {t(`language.${lng}`)}
        </button>
      ))}
    </div>
  )
}
