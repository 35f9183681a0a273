import 'fake-indexeddb/auto'
import { beforeEach, describe, expect, it } from 'vitest'
import {
  addAssessment,
  getAssessment,
  getComparison,
  putComparison,
} from '../../src/storage/assessment-store'
import { turnOnEncryption } from '../../src/storage/encryption-settings'
import { encryptionState } from '../../src/storage/encryption-state'
import { lock } from '../../src/storage/tab-key'
import { unlock } from '../../src/storage/unlock'
import { bar, comparison, fml, PASSPHRASE } from '../helpers/stored-examples'
import { freshStore, storeHash } from '../helpers/raw-store'

beforeEach(freshStore)

async function encrypted() {
  await addAssessment(bar)
  await putComparison(comparison)
  await turnOnEncryption(PASSPHRASE)
}

describe('unlock', { timeout: 30_000 }, () => {
  it('refuses a wrong passphrase with WrongPassphraseError, and changes nothing', async () => {
    await encrypted()
    lock()
    const before = await storeHash()
    await expect(unlock('een verkeerde wachtwoordzin')).rejects.toMatchObject({
      name: 'WrongPassphraseError',
    })
    expect(await storeHash()).toBe(before)
    expect(await encryptionState()).toBe('locked')
    await expect(getAssessment(bar.id)).rejects.toMatchObject({ name: 'LockedError' })
  })

  it('opens everything again with the right passphrase', async () => {
    await encrypted()
    lock()
    await unlock(PASSPHRASE)
    expect(await encryptionState()).toBe('unlocked')
    expect(await getAssessment(bar.id)).toEqual(bar)
    expect(await getComparison(bar.id, fml.id)).toEqual(comparison)
  })

  it('does nothing when encryption was turned off meanwhile', async () => {
    await unlock('whatever')
    expect(await encryptionState()).toBe('off')
  })
})
