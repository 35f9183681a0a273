import { openDatabase } from './assessment-store'
import { DATA_KEY } from './sealed-records'
import { forgetTabKey, learnState, onKeyStateChange, tabKey } from './tab-key'

/** Off; on and this tab holds the data key; on and this tab does not (the passphrase is needed). */
export type EncryptionState = 'off' | 'unlocked' | 'locked'

/** Looks at the key store (one small read) and records what it found for this tab. */
export async function encryptionState(): Promise<EncryptionState> {
  const record = await (await openDatabase()).get('keys', DATA_KEY)
  const key = tabKey()
  const state = !record ? 'off' : key?.keyId === record.keyId ? 'unlocked' : 'locked'
  if (key && state !== 'unlocked') forgetTabKey(key, state)
  else learnState(state)
  return state
}

const CHANNEL = 'bar-studio-encryption'
const TAB = crypto.randomUUID()
let sender: BroadcastChannel | undefined
let receiver: BroadcastChannel | undefined

/** Tells the other tabs that encryption was turned on or off, or the passphrase changed. */
export function announceEncryptionChange() {
  if (typeof BroadcastChannel === 'undefined') return
  sender ??= new BroadcastChannel(CHANNEL)
  sender.postMessage({ tab: TAB })
}

/**
 * Calls `listener` when this tab's encryption state changes: a key unlocked, locked or found stale
 * here, or (after a look at the key store) encryption changed in another tab. Returns an
 * unsubscribe.
 */
export function onEncryptionChange(listener: () => void): () => void {
  if (!receiver && typeof BroadcastChannel !== 'undefined') {
    receiver = new BroadcastChannel(CHANNEL)
    receiver.onmessage = (e: MessageEvent<{ tab?: unknown }>) => {
      // Look again; until then what this tab knew stands (and every read and write checks anyway).
      if (e.data.tab !== TAB) encryptionState().catch(() => learnState('unavailable'))
    }
  }
  return onKeyStateChange(listener)
}
