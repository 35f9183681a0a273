import './app.css'
import { Suspense, useCallback, useEffect, useState } from 'react'
import { createI18n } from '../i18n/i18n'
import { TextProvider, useText } from '../i18n/text'
import { lazyScreen, type LazyScreen } from '../ui/lazy-screen'
import { NotFoundScreen } from '../ui/not-found-screen'
import { ScreenBoundary } from '../ui/screen-boundary'
import { WithCatalogue } from '../ui/with-catalogue'
import { libraryFiles, onLibraryChange } from '../storage/instrument-library'
import {
  catalogueSource,
  pendingCatalogueSource,
  preloadShippedFiles,
  preloadShippedVersion,
  type CatalogueSource,
} from './catalogue'
import { LanguageSwitch } from './language-switch'
import { lookAtStorage, StorageGate } from './storage-gate'
import { UpdatePrompt } from './update-prompt'
import { useHashRoute, type Route } from './use-hash-route'

// Every screen is a chunk of its own, loaded when it is opened (the first one before the first
// render: `preloadScreen`), so the start-up holds only the app's frame.
const InstrumentsScreen = lazyScreen(() =>
  import('../features/instruments/instruments-screen').then((m) => m.InstrumentsScreen),
)
const FillInScreen = lazyScreen(() =>
  import('../features/fill-in/fill-in-screen').then((m) => m.FillInScreen),
)
const PreviewScreen = lazyScreen(() =>
  import('../features/fill-in/preview-screen').then((m) => m.PreviewScreen),
)
const AssessmentsScreen = lazyScreen(() =>
  import('../features/assessments/assessments-screen').then((m) => m.AssessmentsScreen),
)
const CompareScreen = lazyScreen(() =>
  import('../features/compare/compare-screen').then((m) => m.CompareScreen),
)
const ReportScreen = lazyScreen(() =>
  import('../features/report/report-screen').then((m) => m.ReportScreen),
)
const CohortScreen = lazyScreen(() =>
  import('../features/cohort/cohort-screen').then((m) => m.CohortScreen),
)
const BuilderStartScreen = lazyScreen(() =>
  import('../features/builder/builder-start').then((m) => m.BuilderStartScreen),
)
const BuilderScreen = lazyScreen(() =>
  import('../features/builder/builder-screen').then((m) => m.BuilderScreen),
)
const EncryptionScreen = lazyScreen(() =>
  import('../features/encryption/encryption-screen').then((m) => m.EncryptionScreen),
)

const SCREENS: Record<Exclude<Route['screen'], 'not-found'>, Pick<LazyScreen<never>, 'preload'>> = {
  instruments: InstrumentsScreen,
  assessments: AssessmentsScreen,
  'fill-in': FillInScreen,
  preview: PreviewScreen,
  compare: CompareScreen,
  report: ReportScreen,
  cohort: CohortScreen,
  encryption: EncryptionScreen,
  builder: BuilderScreen,
}

/** The screen whose code a route needs: the builder's start page is a chunk of its own. */
function screenOf(
  route: Exclude<Route, { screen: 'not-found' }>,
): Pick<LazyScreen<never>, 'preload'> {
  return route.screen === 'builder' && !route.id ? BuilderStartScreen : SCREENS[route.screen]
}

/** Screens that read the stored assessments: with encryption on, a locked tab unlocks first. */
const READS_STORAGE: ReadonlySet<Route['screen']> = new Set([
  'assessments',
  'fill-in',
  'compare',
  'report',
  'encryption',
  // The builder counts the saved assessments a new version affects.
  'builder',
])

/**
 * Loads the code of the screen `route` shows (and looks at the key store, if it reads the
 * storage). Called before the page's first render, so that the first screen draws at once
 * instead of behind a loading line React keeps for at least 300 ms.
 */
export function preloadScreen(route: Route): Promise<void> {
  if (route.screen === 'not-found') return Promise.resolve()
  // The instruments screen shows the shipped files themselves, the preview one version as a form:
  // those files load beside the screen's code. The other screens draw their heading and
  // introduction first and ask for what they need then.
  if (route.screen === 'instruments') preloadShippedFiles()
  if (route.screen === 'preview') preloadShippedVersion(route)
  return Promise.all([
    screenOf(route).preload(),
    READS_STORAGE.has(route.screen) && lookAtStorage(),
  ]).then(() => undefined)
}

interface ScreenProps {
  route: Route
  navigate: (hash: string) => void
  source: CatalogueSource
  /** Reads the instrument library again (after the builder saved a version, or an import). */
  reloadLibrary: () => Promise<void>
}

function Screen({ route, navigate, source, reloadLibrary }: ScreenProps) {
  const titleOf = (ref: { id: string; version: string }) =>
    source.known.find((k) => k.id === ref.id && k.version === ref.version)?.title
  switch (route.screen) {
    case 'instruments':
      return (
        <WithCatalogue load={source.whole}>
          {(catalogue) => (
            <InstrumentsScreen
              catalogue={catalogue}
              known={source.known}
              onLibraryChanged={reloadLibrary}
            />
          )}
        </WithCatalogue>
      )
    case 'assessments':
      return <AssessmentsScreen load={source.whole} navigate={navigate} />
    case 'fill-in':
      return (
        <FillInScreen
          key={route.assessmentId}
          catalogueFor={source.instrument}
          assessmentId={route.assessmentId}
          newerVersionOf={source.newerVersionOf}
          versionsFor={source.versions}
          titleOf={titleOf}
        />
      )
    case 'compare':
      return (
        <CompareScreen
          load={source.whole}
          baId={route.baId}
          vaId={route.vaId}
          navigate={navigate}
        />
      )
    case 'report':
      return <ReportScreen load={source.whole} />
    case 'cohort':
      return <CohortScreen catalogue={source.whole} />
    case 'encryption':
      return <EncryptionScreen catalogue={source.whole} />
    case 'builder':
      return route.id && route.version ? (
        <BuilderScreen
          load={source.whole}
          title={titleOf({ id: route.id, version: route.version })}
          open={{ id: route.id, version: route.version }}
          onLibraryChanged={reloadLibrary}
        />
      ) : (
        <BuilderStartScreen known={source.known} />
      )
    case 'preview':
      return (
        <PreviewScreen
          key={`${route.id}@${route.version}`}
          load={() => source.instrument(route)}
          id={route.id}
          version={route.version}
          title={titleOf(route)}
        />
      )
    case 'not-found':
      return <NotFoundScreen />
  }
}

/**
 * The catalogue source over the shipped files and the browser's instrument library, made again
 * whenever the library changes (here or in another tab). Undefined while the library is read.
 */
function useCatalogueSource(): [CatalogueSource, () => Promise<void>] {
  // Until the library is read, shipped instruments load at once and the rest waits for it.
  const [first] = useState(() => {
    const library = libraryFiles()
    return { library, source: pendingCatalogueSource(library) }
  })
  const [source, setSource] = useState<CatalogueSource>(first.source)
  const reload = useCallback(
    () =>
      libraryFiles().then(
        (files) => setSource(catalogueSource(files)),
        // No IndexedDB (or blocked by an older tab): the shipped instruments still work.
        () => setSource(catalogueSource([])),
      ),
    [],
  )
  useEffect(() => {
    // An empty library (the usual case) changes nothing: the first source already says so,
    // and a new one would make the open screen load its catalogue again.
    first.library.then(
      (files) => files.length > 0 && setSource(catalogueSource(files)),
      () => undefined,
    )
    return onLibraryChange(() => void reload())
  }, [first, reload])
  return [source, reload]
}

/** A new boundary per screen, and per assessment or instrument it shows; not per pair compared. */
function boundaryKey(route: Route): string {
  if (route.screen === 'fill-in') return `fill-in/${route.assessmentId}`
  if (route.screen === 'preview') return `preview/${route.id}/${route.version}`
  if (route.screen === 'builder') return `builder/${route.id ?? ''}/${route.version ?? ''}`
  return route.screen
}

function Shell() {
  const { t, lang } = useText()
  const [route, navigate] = useHashRoute()
  const [source, reloadLibrary] = useCatalogueSource()
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
        <a href="#/builder" aria-current={section === 'builder' ? 'page' : undefined}>
          {t('nav.builder')}
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
        <a href="#/cohort" aria-current={section === 'cohort' ? 'page' : undefined}>
          {t('nav.cohort')}
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
            {route.screen === 'not-found' ? (
              <NotFoundScreen />
            ) : READS_STORAGE.has(route.screen) ? (
              <StorageGate>
                <Screen
                  route={route}
                  navigate={navigate}
                  source={source}
                  reloadLibrary={reloadLibrary}
                />
              </StorageGate>
            ) : (
              <Screen
                route={route}
                navigate={navigate}
                source={source}
                reloadLibrary={reloadLibrary}
              />
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
