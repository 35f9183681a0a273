import { use, useSyncExternalStore, type ReactNode } from 'react'
import { encryptionState, onEncryptionChange } from '../storage/encryption-state'
import { knownState, learnState } from '../storage/tab-key'
import { lazyScreen } from '../ui/lazy-screen'

// Loaded only when the storage is encrypted and this tab is locked.
const UnlockScreen = lazyScreen(() =>
  import('../features/encryption/unlock-screen').then((m) => m.UnlockScreen),
)

let look: { promise: Promise<void>; done: boolean } | undefined

/** Marked settled the way React marks a promise it has read, so use() returns at once. */
const SETTLED = Object.assign(Promise.resolve(), { status: 'fulfilled', value: undefined })

/**
 * The first look at the key store in this visit, shared by every gate until it is done. Once done
 * its promise is marked settled as React marks one it has read: a gate that first renders after
 * the look (the page's first screen, see `lookAtStorage`) does not suspend on it.
 */
function firstLook(): Promise<void> {
  if (!look || look.done) {
    const current = {
      done: false,
      promise: encryptionState().then(
        () => undefined,
        () => learnState('unavailable'),
      ),
    }
    void current.promise.then(() => {
      current.done = true
      Object.assign(current.promise, { status: 'fulfilled', value: undefined })
    })
    look = current
  }
  return look.promise
}

/**
 * Looks at the key store before the page's first render: its first screen then draws at once,
 * where suspending would show a loading line that React keeps for at least 300 ms.
 */
export function lookAtStorage(): Promise<void> {
  return knownState() === undefined ? firstLook() : Promise.resolve()
}

/**
 * Stands before every screen that reads the storage: with encryption on and this tab locked, it
 * asks for the passphrase first. With encryption off it costs one small read per visit (the key
 * store), and none after; while it reads, the screen before stays (it suspends, inside the
 * route's transition). When the storage cannot be read the screen comes, and says so itself.
 */
export function StorageGate({ children }: { children: ReactNode }) {
  const state = useSyncExternalStore(onEncryptionChange, knownState)
  // On every render, not only while unknown: React expects use() again once it suspended on it.
  use(state === undefined ? firstLook() : (look?.promise ?? SETTLED))
  if (state === 'locked') return <UnlockScreen />
  return children
}
