import { openDatabase } from './assessment-store'
import { unwrapDataKey } from './key-wrapping'
import { DATA_KEY } from './sealed-records'
import { learnState, setTabKey } from './tab-key'

/**
 * Opens the data key with the passphrase and keeps it in this tab's memory. Throws
 * WrongPassphraseError, and changes nothing, when the passphrase does not open it.
 */
export async function unlock(passphrase: string): Promise<void> {
  const record = await (await openDatabase()).get('keys', DATA_KEY)
  // Turned off in another tab meanwhile: nothing to unlock.
  if (!record) return learnState('off')
  setTabKey({ keyId: record.keyId, key: await unwrapDataKey(record, passphrase) })
}
