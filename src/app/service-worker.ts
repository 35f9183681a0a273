/*
 * Offline use: after the first visit a service worker (vite-plugin-pwa's Workbox precache) serves
 * every file of the app, the PDF worker and its fonts included, from this browser. A new version
 * waits until the user chooses to load it (UpdatePrompt), so a form is never reloaded under the
 * user's hands.
 *
 * Only the state lives here: registration is imported lazily from main.tsx, after the first
 * screen, so the start-up code does not grow.
 */
import { useSyncExternalStore } from 'react'

interface UpdateState {
  /** A new version is installed and waits. */
  waiting: boolean
  /** Activates the waiting version and reloads the page. */
  update?: () => Promise<void>
}

let state: UpdateState = { waiting: false }
const listeners = new Set<() => void>()

function set(next: UpdateState) {
  state = next
  listeners.forEach((l) => l())
}

/** What the update prompt shows. */
export function useUpdateState(): UpdateState {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l)
      return () => listeners.delete(l)
    },
    () => state,
  )
}

/** "Later": the waiting version is loaded the next time the app is opened. */
export function postponeUpdate() {
  set({ waiting: false })
}

/** An hour: how often a long-open tab looks for a new version. */
const UPDATE_CHECK_MS = 60 * 60 * 1000

/** Registers the service worker (built app only). */
export async function registerServiceWorker(): Promise<void> {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return
  const { registerSW } = await import('virtual:pwa-register')
  const update = registerSW({
    immediate: true,
    onNeedRefresh: () => set({ waiting: true, update: () => update(true) }),
    // The app works on without it, online: say so to whoever looks at the console.
    onRegisterError: (e: unknown) => console.warn('Offline use is not available:', e),
    onRegisteredSW(_url, registration) {
      // Offline, the check fails: it is tried again an hour later.
      if (registration)
        setInterval(() => registration.update().catch(() => undefined), UPDATE_CHECK_MS)
    },
  })
}
