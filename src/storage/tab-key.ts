/** The data key this tab unlocked: in memory only (a non-extractable CryptoKey), never stored. */
export interface TabKey {
  keyId: string
  key: CryptoKey
}

/**
 * What this tab last learned about encryption: off, on and unlocked here, on and locked here, or
 * the storage could not be read. Undefined while it has to look (at start, after another tab
 * changed encryption).
 */
export type KnownState = 'off' | 'unlocked' | 'locked' | 'unavailable'

let current: TabKey | undefined
let known: KnownState | undefined
const listeners = new Set<() => void>()

/** Calls `listener` whenever the known state changes in this tab; returns an unsubscribe. */
export function onKeyStateChange(listener: () => void): () => void {
  listeners.add(listener)
  return () => {
    listeners.delete(listener)
  }
}

export function knownState(): KnownState | undefined {
  return known
}

/** Records what this tab learned (undefined: look again) and tells the listeners. */
export function learnState(state: KnownState | undefined) {
  if (known === state) return
  known = state
  for (const listener of [...listeners]) listener()
}

export function tabKey(): TabKey | undefined {
  return current
}

export function setTabKey(key: TabKey) {
  current = key
  // Listeners hear of a new key even when the state stays 'unlocked'.
  known = undefined
  learnState('unlocked')
}

/** "Vergrendelen": this tab forgets its key; the passphrase is needed again. */
export function lock() {
  if (!current) return
  current = undefined
  learnState('locked')
}

/**
 * Forgets `key` if this tab still holds it: it is no longer the data key in use, because
 * encryption is now off, or on with another key.
 */
export function forgetTabKey(key: TabKey, now: 'off' | 'locked') {
  if (current !== key) return
  current = undefined
  learnState(now)
}
