import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  addAssessment,
  addComparison,
  deleteAssessment,
  getAssessment,
  getComparison,
  listAssessments,
  listComparisons,
  putAssessment,
  putComparison,
  saveAssessment,
} from '../../src/storage/assessment-store'
import { turnOffEncryption, turnOnEncryption } from '../../src/storage/encryption-settings'
import {
  announceEncryptionChange,
  encryptionState,
  onEncryptionChange,
} from '../../src/storage/encryption-state'
import { knownState, learnState, lock, setTabKey, tabKey } from '../../src/storage/tab-key'
import { bar, comparison, fml, PASSPHRASE } from '../helpers/stored-examples'
import { freshStore, rawStoreContains, storeHash } from '../helpers/raw-store'

beforeEach(freshStore)
afterEach(() => {
  vi.restoreAllMocks()
})

async function encrypted() {
  await addAssessment(bar)
  await putComparison(comparison)
  await turnOnEncryption(PASSPHRASE)
}

/** Every function that writes, each with something new to write. */
const WRITES = {
  putAssessment: () => putAssessment({ ...fml, meta: { ...fml.meta, employee: 'MARKER-LOCKED' } }),
  addAssessment: () => addAssessment({ ...fml, meta: { ...fml.meta, employee: 'MARKER-LOCKED' } }),
  saveAssessment: () =>
    saveAssessment({ ...bar, meta: { ...bar.meta, employee: 'MARKER-LOCKED' } }, 1),
  deleteAssessment: () => deleteAssessment(bar.id),
  putComparison: () => putComparison({ ...comparison, notes: { 'IV.13': 'MARKER-LOCKED' } }),
  addComparison: () =>
    addComparison({ ...comparison, id: 'x__y', notes: { 'IV.13': 'MARKER-LOCKED' } }),
}

const READS = {
  getAssessment: () => getAssessment(bar.id),
  listAssessments: () => listAssessments(),
  getComparison: () => getComparison(bar.id, fml.id),
  listComparisons: () => listComparisons(),
}

describe('encryptionState', { timeout: 30_000 }, () => {
  it('is off in a new browser, unlocked after turning on, locked after "Vergrendelen"', async () => {
    expect(await encryptionState()).toBe('off')
    expect(knownState()).toBe('off')
    await turnOnEncryption(PASSPHRASE)
    expect(await encryptionState()).toBe('unlocked')
    lock()
    expect(tabKey()).toBeUndefined()
    expect(knownState()).toBe('locked')
    expect(await encryptionState()).toBe('locked')
  })
})

describe('a locked store', { timeout: 30_000 }, () => {
  it('refuses every write and every read with LockedError, and nothing is written', async () => {
    await encrypted()
    lock()
    const before = await storeHash()
    for (const [name, write] of Object.entries(WRITES))
      await expect(write(), name).rejects.toMatchObject({ name: 'LockedError' })
    for (const [name, read] of Object.entries(READS))
      await expect(read(), name).rejects.toMatchObject({ name: 'LockedError' })
    expect(await storeHash()).toBe(before)
    expect(await rawStoreContains('MARKER-LOCKED')).toBe(false)
  })

  it('is refused also in a tab that still thinks encryption is off (turned on in another tab)', async () => {
    await encrypted()
    lock()
    learnState('off')
    const before = await storeHash()
    await expect(WRITES.putAssessment()).rejects.toMatchObject({ name: 'LockedError' })
    expect(await storeHash()).toBe(before)
    // The app now knows to ask for the passphrase.
    expect(knownState()).toBe('locked')
  })

  it('is refused in a tab holding a key that is no longer the one in use (off and on again elsewhere)', async () => {
    await encrypted()
    const old = tabKey()
    await turnOffEncryption(PASSPHRASE)
    await turnOnEncryption('een andere wachtwoordzin')
    if (old) setTabKey(old)
    const before = await storeHash()
    await expect(WRITES.putAssessment()).rejects.toMatchObject({ name: 'LockedError' })
    expect(await storeHash()).toBe(before)
    expect(tabKey()).toBeUndefined()
    expect(knownState()).toBe('locked')
  })
})

describe(
  'a tab whose key was dropped by turning encryption off in another tab',
  { timeout: 30_000 },
  () => {
    it('forgets the key and writes in the clear, as every tab does now', async () => {
      await encrypted()
      const old = tabKey()
      await turnOffEncryption(PASSPHRASE)
      if (old) setTabKey(old)
      await WRITES.putAssessment()
      expect(tabKey()).toBeUndefined()
      expect(knownState()).toBe('off')
      expect(await rawStoreContains('MARKER-LOCKED')).toBe(true)
    })
  },
)

describe('onEncryptionChange', { timeout: 30_000 }, () => {
  it('hears a change in another tab, and this tab looks at the key store again', async () => {
    await encrypted()
    lock()
    // As another tab: this one still believes it is unlocked.
    learnState('unlocked')
    const heard = vi.fn()
    const stop = onEncryptionChange(heard)
    const other = new BroadcastChannel('bar-studio-encryption')
    other.postMessage({ tab: 'another tab' })
    await vi.waitFor(() => expect(knownState()).toBe('locked'))
    expect(heard).toHaveBeenCalled()
    stop()
    other.close()
  })

  it('does not hear its own announcements', async () => {
    const heard = vi.fn()
    const stop = onEncryptionChange(heard)
    announceEncryptionChange()
    await new Promise((r) => setTimeout(r, 50))
    expect(heard).not.toHaveBeenCalled()
    stop()
  })
})
