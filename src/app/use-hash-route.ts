import { startTransition, useCallback, useEffect, useState } from 'react'

export type Route =
  | { screen: 'instruments' }
  | { screen: 'assessments' }
  | { screen: 'fill-in'; assessmentId: string }
  | { screen: 'preview'; id: string; version: string }
  | { screen: 'compare'; baId: string; vaId: string }
  | { screen: 'report' }
  /** Agreement over a cohort of BA/VA pairs read from files. */
  | { screen: 'cohort' }
  | { screen: 'encryption' }
  /** The instrument builder: a draft of the version after `id` `version`, or the draft left open. */
  | { screen: 'builder'; id?: string; version?: string }
  | { screen: 'not-found' }

/** A hash such as `#main` points into the page; only `#/...` names a screen. */
function isScreenHash(hash: string): boolean {
  return hash.startsWith('#/')
}

/** Reads the hash path, e.g. `#/assessments/<id>`; a path naming no screen, or malformed, is not found. */
export function parseRoute(hash: string): Route {
  if (!isScreenHash(hash)) return { screen: 'instruments' }
  let parts: string[]
  try {
    parts = hash.slice(2).split('/').filter(Boolean).map(decodeURIComponent)
  } catch {
    // decodeURIComponent throws on a lone or cut-off escape ("%", "%E2%8").
    return { screen: 'not-found' }
  }
  if (parts.length === 0) return { screen: 'instruments' }
  if (parts[0] === 'assessments' && parts.length === 1) return { screen: 'assessments' }
  if (parts[0] === 'assessments' && parts[1]) return { screen: 'fill-in', assessmentId: parts[1] }
  if (parts[0] === 'report') return { screen: 'report' }
  if (parts[0] === 'cohort' && parts.length === 1) return { screen: 'cohort' }
  if (parts[0] === 'encryption' && parts.length === 1) return { screen: 'encryption' }
  if (parts[0] === 'compare') {
    const side = (s: string | undefined) => (s && s !== '-' ? s : '')
    return { screen: 'compare', baId: side(parts[1]), vaId: side(parts[2]) }
  }
  if (parts[0] === 'builder' && parts.length === 1) return { screen: 'builder' }
  if (parts[0] === 'builder' && parts[1] && parts[2] && parts.length === 3)
    return { screen: 'builder', id: parts[1], version: parts[2] }
  if (parts[0] === 'preview' && parts[1] && parts[2])
    return { screen: 'preview', id: parts[1], version: parts[2] }
  return { screen: 'not-found' }
}

export function useHashRoute(): [Route, (hash: string) => void] {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash))
  useEffect(() => {
    const onChange = () => {
      // An in-page link (the skip link) keeps the screen.
      if (window.location.hash && !isScreenHash(window.location.hash)) return
      // A transition: the current screen stays until the next one (a chunk of its own) has loaded,
      // instead of a loading line that React then keeps for at least 300 ms.
      startTransition(() => setRoute(parseRoute(window.location.hash)))
      document.getElementById('main')?.focus({ preventScroll: false })
    }
    window.addEventListener('hashchange', onChange)
    return () => window.removeEventListener('hashchange', onChange)
  }, [])
  const navigate = useCallback((hash: string) => {
    window.location.hash = hash
  }, [])
  return [route, navigate]
}
