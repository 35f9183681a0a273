import { lazy, type ComponentType } from 'react'

/** A screen's code could not be loaded (the server unreachable, a new version deployed). */
export class ScreenLoadError extends Error {
  override name = 'ScreenLoadError'
}

let retries = 0
/** Lets every screen whose code failed to load try again when it next renders. */
export function retryFailedScreens() {
  retries++
}

/** A screen whose code is loaded when it is first shown, or before, by `preload`. */
export type LazyScreen<P extends object> = ComponentType<P> & {
  /**
   * Loads the screen's code; once it has loaded the screen renders at once, without suspending
   * (React would keep a Suspense fallback on the page's first screen for at least 300 ms).
   */
  preload(): Promise<void>
}

/**
 * React.lazy, but a failed load is tried again after `retryFailedScreens` (the error boundary's
 * retry, or leaving the failed screen) instead of failing for good: React keeps a lazy component's
 * rejection forever, so a retry gets a fresh one. Until then, React's own re-render after an error
 * sees the same failure, and the boundary can say so.
 */
export function lazyScreen<P extends object>(load: () => Promise<ComponentType<P>>): LazyScreen<P> {
  let loaded: ComponentType<P> | undefined
  const loadOnce = () =>
    load().then((component) => {
      loaded = component
      return component
    })
  const make = () => {
    const entry = {
      retry: retries,
      failed: false,
      Component: lazy(() =>
        loadOnce().then(
          (component) => ({ default: component }),
          (cause: unknown) => {
            entry.failed = true
            throw new ScreenLoadError(String(cause), { cause })
          },
        ),
      ),
    }
    return entry
  }
  let current: ReturnType<typeof make> | undefined
  function LazyScreen(props: P) {
    if (loaded) {
      const Loaded = loaded
      return <Loaded {...props} />
    }
    if (!current || (current.failed && current.retry !== retries)) current = make()
    const { Component } = current
    return <Component {...props} />
  }
  LazyScreen.preload = () => (loaded ? Promise.resolve() : loadOnce().then(() => undefined))
  return LazyScreen
}
