import './app.css'
import { Suspense, useEffect, useState } from 'react'
import { FillInScreen, PreviewScreen } from '../features/fill-in/fill-in-screen'
import { InstrumentsScreen } from '../features/instruments/instruments-screen'
import { createI18n } from '../i18n/i18n'
import { TextProvider, useText } from '../i18n/text'
import { lazyScreen } from '../ui/lazy-screen'
import { NotFoundScreen } from '../ui/not-found-screen'
import { ScreenBoundary } from '../ui/screen-boundary'
import { instrumentCatalogue, newerVersionOf, versionsCatalogue, wholeCatalogue } from './catalogue'
import { LanguageSwitch } from './language-switch'
import { StorageGate } from './storage-gate'
import { UpdatePrompt } from './update-prompt'
import { useHashRoute, type Route } from './use-hash-route'

// The form loads with the app; the other screens are chunks of their own, loaded when opened.
const AssessmentsScreen = lazyScreen(() =>
  import('../features/assessments/assessments-screen').then((m) => m.AssessmentsScreen),
)
const CompareScreen = lazyScreen(() =>
  import('../features/compare/compare-screen').then((m) => m.CompareScreen),
)
const ReportScreen = lazyScreen(() =>
  import('../features/report/report-screen').then((m) => m.ReportScreen),
)
const EncryptionScreen = lazyScreen(() =>
  import('../features/encryption/encryption-screen').then((m) => m.EncryptionScreen),
)

/** Screens that read the stored assessments: with encryption on, a locked tab unlocks first. */
const READS_STORAGE: ReadonlySet<Route['screen']> = new Set([
  'assessments',
  'fill-in',
  'compare',
  'report',
  'encryption',
])

function Screen({ route, navigate }: { route: Route; navigate: (hash: string) => void }) {
  switch (route.screen) {
    case 'instruments':
      return <InstrumentsScreen catalogue={wholeCatalogue()} />
    case 'assessments':
      return <AssessmentsScreen catalogue={wholeCatalogue()} navigate={navigate} />
    case 'fill-in':
      return (
        <FillInScreen
          key={route.assessmentId}
          catalogueFor={instrumentCatalogue}
          assessmentId={route.assessmentId}
          newerVersionOf={newerVersionOf}
          versionsFor={versionsCatalogue}
        />
      )
    case 'compare':
      return (
        <CompareScreen
          catalogue={wholeCatalogue()}
          baId={route.baId}
          vaId={route.vaId}
          navigate={navigate}
        />
      )
    case 'report':
      return <ReportScreen catalogue={wholeCatalogue()} />
    case 'encryption':
      return <EncryptionScreen catalogue={wholeCatalogue()} />
    case 'preview':
      return (
        <PreviewScreen
          key={`${route.id}@${route.version}`}
          catalogue={instrumentCatalogue(route)}
          id={route.id}
          version={route.version}
        />
      )
    case 'not-found':
      return <NotFoundScreen />
  }
}

/** A new boundary per screen, and per assessment or instrument it shows; not per pair compared. */
function boundaryKey(route: Route): string {
  if (route.screen === 'fill-in') return `fill-in/${route.assessmentId}`
  if (route.screen === 'preview') return `preview/${route.id}/${route.version}`
  return route.screen
}

function Shell() {
  const { t, lang } = useText()
  const [route, navigate] = useHashRoute()
  const section =
    route.screen === 'fill-in' || route.screen === 'encryption' ? 'assessments' : route.screen
  useEffect(() => {
    document.documentElement.lang = lang
    document.title = t('app.name')
  }, [lang, t])
  return (
    <>
      <a
        className="skip-link"
        href="#main"
        onClick={(e) => {
          // Focus only: the hash names the screen, and an in-page hash would replace it.
          e.preventDefault()
          document.getElementById('main')?.focus()
        }}
      >
        {t('app.skipToContent')}
      </a>
      <header className="app-header">
        <div className="brand">
          <p className="app-name">{t('app.name')}</p>
          <p className="tagline">{t('app.tagline')}</p>
        </div>
        <LanguageSwitch />
      </header>
      <UpdatePrompt />
      <nav aria-label={t('nav.label')} className="app-nav">
        <a
          href="#/"
          aria-current={section === 'instruments' || section === 'preview' ? 'page' : undefined}
        >
          {t('nav.instruments')}
        </a>
        <a href="#/assessments" aria-current={section === 'assessments' ? 'page' : undefined}>
          {t('nav.assessments')}
        </a>
        <a href="#/compare" aria-current={section === 'compare' ? 'page' : undefined}>
          {t('nav.compare')}
        </a>
        <a href="#/report" aria-current={section === 'report' ? 'page' : undefined}>
          {t('nav.report')}
        </a>
      </nav>
      <main
        id="main"
        tabIndex={-1}
        className={
          ['assessments', 'instruments', 'not-found', 'encryption'].includes(route.screen)
            ? undefined
            : 'wide'
        }
      >
        <Suspense fallback={<p role="status">{t('form.loading')}</p>}>
          {/*
           * One per screen: a failure is shown in its place, and opening another screen starts afresh.
           * Inside the Suspense, which stays: the next screen's chunk loads behind the current one.
           */}
          <ScreenBoundary key={boundaryKey(route)}>
            {READS_STORAGE.has(route.screen) ? (
              <StorageGate>
                <Screen route={route} navigate={navigate} />
              </StorageGate>
            ) : (
              <Screen route={route} navigate={navigate} />
            )}
          </ScreenBoundary>
        </Suspense>
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
    <TextProvider i18n={i18n}>
      <Shell />
    </TextProvider>
  )
}
