import { startTransition, use, useEffect, useState, type ReactNode } from 'react'
import type { Catalogue } from '../core/instrument/catalogue-data'
import { useText } from '../i18n/text'
import { afterPaint } from './after-paint'

/** Catalogues already loaded: shown at once, without suspending. */
const loaded = new WeakMap<Promise<Catalogue>, Catalogue>()
/** Whether a screen has been shown with its catalogue since the page loaded. */
let screenShown = false

/**
 * Renders `children` with the catalogue once it has loaded: a screen draws its heading and
 * introduction at once and puts what needs its instruments in here. `load` asks for the catalogue
 * (the source makes each one once, so asking again gives the same promise).
 *
 * Moving to another screen suspends (the current screen stays until the next is ready: the route
 * changes in a transition). The first screen of the page does not: React keeps a Suspense
 * fallback for at least 300 ms, which at start would delay the form by that much for a file that
 * loads in a few milliseconds. It asks for its files after its first paint (`afterPaint`), so the
 * first words on the screen never wait behind those downloads on a slow line.
 */
export function WithCatalogue({
  load,
  children,
}: {
  load: () => Promise<Catalogue>
  children: (catalogue: Catalogue) => ReactNode
}) {
  const { t } = useText()
  // Drawn again when the first catalogue arrives; one component throughout, so the screen
  // inside is never made afresh (its state, a draft in the builder, stays).
  const [, setArrived] = useState(0)
  const [error, setError] = useState<unknown>()
  const waiting = !screenShown
  useEffect(() => {
    if (!waiting) return
    let live = true
    void afterPaint().then(() => {
      if (!live) return
      const asked = load()
      asked.then(
        (catalogue) => {
          loaded.set(asked, catalogue)
          screenShown = true
          // What needs the catalogue draws in a transition, which React renders in slices: a
          // long form or list does not hold the page in one long task (nothing in it existed).
          if (live) startTransition(() => setArrived((n) => n + 1))
        },
        (e: unknown) => live && setError(e),
      )
    })
    return () => {
      live = false
    }
  }, [load, waiting])
  // A failure goes to the screen's boundary, as with `use`.
  if (error !== undefined) throw error
  if (waiting) return <p role="status">{t('form.loading')}</p>
  const asked = load()
  return children(loaded.get(asked) ?? use(asked))
}

/**
 * A screen's heading and introduction, drawn at once, and below them what needs the catalogue,
 * once it has loaded: the page's first screen shows its words without waiting for the
 * instrument files.
 */
export function ScreenWithCatalogue({
  title,
  intro,
  load,
  children,
}: {
  title: string
  intro: string
  load: () => Promise<Catalogue>
  children: (catalogue: Catalogue) => ReactNode
}) {
  return (
    <>
      <h1>{title}</h1>
      <p className="lead">{intro}</p>
      <WithCatalogue load={load}>{children}</WithCatalogue>
    </>
  )
}
