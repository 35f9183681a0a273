import type { ReactNode } from 'react'
import type { PeerFrame } from '../content'

/**
 * What our preview screen shows around the form, as static markup with the app's classes: the
 * header, the main menu, the heading, the sidebar (sections with their counts, open items) and the
 * toolbar. The content-equal floor, the rjsf page and the SurveyJS page all draw it the same way,
 * so they differ only in the form.
 */
export function Chrome({ frame, children }: { frame: PeerFrame; children: ReactNode }) {
  const c = frame.chrome
  return (
    <>
      <a className="skip-link" href="#main">
        {c.skip}
      </a>
      <header className="app-header">
        <div className="brand">
          <p className="app-name">{c.appName}</p>
          <p className="tagline">{c.tagline}</p>
        </div>
        <div role="group" aria-label={c.languageLabel} className="language-switch">
          {c.languages.map((l, k) => (
            <button key={l} type="button" aria-pressed={k === 0}>
              {l}
            </button>
          ))}
        </div>
      </header>
      <nav aria-label={c.navLabel} className="app-nav">
        {c.nav.map((label, k) => (
          <a key={label} href="#" aria-current={k === 0 ? 'page' : undefined}>
            {label}
          </a>
        ))}
      </nav>
      <main id="main" tabIndex={-1} className="wide">
        <h1>{frame.heading}</h1>
        <div className="fill-in">
          <aside className="form-sidebar">
            <nav aria-label={c.sectionsNav} className="section-nav">
              <ol>
                {frame.sections.map((s) => (
                  <li key={s.id}>
                    <a href={`#section-${s.id}`}>
                      <span className="section-name">{s.label}</span>
                      <span className="section-progress" aria-hidden="true">
                        <progress max={s.items || 1} value={0} />
                        {`0/${s.items}`}
                      </span>
                    </a>
                  </li>
                ))}
              </ol>
            </nav>
            <details className="open-items">
              <summary>{c.open}</summary>
            </details>
            {c.norm && (
              <div className="norm-action">
                <button type="button">{c.norm}</button>
              </div>
            )}
          </aside>
          <div className="assessment-form">
            <div className="toolbar">
              <p className="save-status" role="status">
                {c.saveStatus}
              </p>
              <button type="button">
                {c.nextOpen} <kbd aria-hidden="true">{c.shortcuts.nextOpen}</kbd>
              </button>
              <button type="button">
                {c.nextError} <kbd aria-hidden="true">{c.shortcuts.nextError}</kbd>
              </button>
              <button type="button">{c.check}</button>
            </div>
            <p id="form-item-keys" className="hint item-keys">
              {c.itemKeys}
            </p>
            {children}
          </div>
        </div>
      </main>
    </>
  )
}
