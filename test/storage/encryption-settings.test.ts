import 'fake-indexeddb/auto'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Assessment } from '../../src/core/assessment/assessment-schema'
import {
  addAssessment,
  addComparison,
  deleteAssessment,
  getAssessment,
  getComparison,
  getStoredAssessment,
  listAssessments,
  listComparisons,
  listStoredAssessments,
  putAssessment,
  putComparison,
  saveAssessment,
} from '../../src/storage/assessment-store'
import {
  changePassphrase,
  turnOffEncryption,
  turnOnEncryption,
} from '../../src/storage/encryption-settings'
import { encryptionState } from '../../src/storage/encryption-state'
import { unlock } from '../../src/storage/unlock'
import { PBKDF2_ITERATIONS } from '../../src/storage/key-wrapping'
import { lock, tabKey } from '../../src/storage/tab-key'
import { readJson, root } from '../helpers/files'
import { freshStore, rawRecords, rawStoreContains, storeHash } from '../helpers/raw-store'

const PASSPHRASE = 'een lange wachtwoordzin'
const EMPLOYEE = 'MARKER-PSEUDONYM-7Q'
const NOTE = 'MARKER-MOTIVATION-9Z'
const bar = {
  ...(readJson(join(root, 'public/examples/bar-example.json')) as Assessment),
}
bar.meta = { ...bar.meta, employee: EMPLOYEE }
const fml = readJson(join(root, 'public/examples/fml-example.json')) as Assessment
const comparison = {
  id: `${bar.id}__${fml.id}`,
  baId: bar.id,
  vaId: fml.id,
  notes: { 'IV.13': NOTE },
  updatedAt: '2026-11-20T10:00:00.000Z',
}

beforeEach(freshStore)
afterEach(() => {
  vi.restoreAllMocks()
})

async function storeAll() {
  await addAssessment(bar)
  await addAssessment(fml)
  await saveAssessment({ ...fml, meta: { ...fml.meta, authorName: 'Dr. V' } }, 1)
  await putComparison(comparison)
}

/** Everything as the screens see it, in a stable order. */
async function contents() {
  const records = (await listStoredAssessments()).sort((a, b) => a.id.localeCompare(b.id))
  return JSON.stringify({ records, comparisons: await listComparisons() })
}

describe('turnOnEncryption', { timeout: 30_000 }, () => {
  it('seals every record: raw IndexedDB keeps no pseudonym or motivation, only ids, revisions and times', async () => {
    await storeAll()
    expect(await rawStoreContains(EMPLOYEE)).toBe(true)
    expect(await rawStoreContains(NOTE)).toBe(true)

    expect(await turnOnEncryption(PASSPHRASE)).toEqual({ assessments: 2, comparisons: 1 })

    expect(await rawStoreContains(EMPLOYEE)).toBe(false)
    expect(await rawStoreContains(NOTE)).toBe(false)
    expect(await rawStoreContains('Dr. V')).toBe(false)
    const raw = await rawRecords()
    for (const r of raw.assessments)
      expect(Object.keys(r as object).sort()).toEqual(['id', 'revision', 'sealed', 'updatedAt'])
    for (const r of raw.comparisons)
      expect(Object.keys(r as object).sort()).toEqual(['baId', 'id', 'sealed', 'updatedAt', 'vaId'])
    // Only the wrapped data key is stored, with its salt and iteration count.
    expect(raw.keys).toHaveLength(1)
    expect(raw.keys[0]).toMatchObject({
      id: 'data-key',
      kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: PBKDF2_ITERATIONS },
    })
    expect(Object.keys(raw.keys[0] as object).sort()).toEqual(['id', 'kdf', 'keyId', 'wrapped'])
    expect(await encryptionState()).toBe('unlocked')
  })

  it('leaves every read and write working as before while unlocked, and every write sealed', async () => {
    await storeAll()
    await turnOnEncryption(PASSPHRASE)

    expect(await getAssessment(bar.id)).toEqual(bar)
    expect((await getStoredAssessment(fml.id))?.revision).toBe(2)
    expect((await listAssessments()).map((a) => a.id).sort()).toEqual([bar.id, fml.id].sort())
    expect(await getComparison(bar.id, fml.id)).toEqual(comparison)
    expect(await listComparisons()).toEqual([comparison])

    const later = { ...bar, meta: { ...bar.meta, authorName: 'MARKER-LATER' } }
    expect(await saveAssessment(later, 1)).toEqual({ ok: true, revision: 2 })
    const stale = await saveAssessment(bar, 1)
    expect(stale).toMatchObject({ ok: false, reason: 'stale', current: { assessment: later } })
    expect(await putAssessment(bar)).toBe(3)
    const copy = { ...fml, id: '66666666-6666-4666-8666-666666666666' }
    expect(await addAssessment(copy)).toBe(true)
    expect(await addAssessment(copy)).toBe(false)
    const notes = { 'IV.13': 'MARKER-NEW-NOTE' }
    await putComparison({ ...comparison, notes })
    expect(await addComparison({ ...comparison, id: `${copy.id}__${fml.id}`, baId: copy.id })).toBe(
      true,
    )
    expect((await getComparison(bar.id, fml.id))?.notes).toEqual(notes)
    expect(await rawStoreContains('MARKER-LATER')).toBe(false)
    expect(await rawStoreContains('MARKER-NEW-NOTE')).toBe(false)
    expect(await rawStoreContains(EMPLOYEE)).toBe(false)

    await deleteAssessment(copy.id)
    expect(await getAssessment(copy.id)).toBeUndefined()
    expect(await listComparisons()).toHaveLength(1)
  })

  it('leaves the store as it was when sealing fails part-way', async () => {
    await storeAll()
    const before = await storeHash()
    const encrypt = crypto.subtle.encrypt.bind(crypto.subtle)
    let calls = 0
    vi.spyOn(crypto.subtle, 'encrypt').mockImplementation((...args) =>
      ++calls === 2 ? Promise.reject(new Error('interrupted')) : encrypt(...args),
    )
    await expect(turnOnEncryption(PASSPHRASE)).rejects.toThrow('interrupted')
    vi.restoreAllMocks()
    expect(await storeHash()).toBe(before)
    expect(await encryptionState()).toBe('off')
    expect(tabKey()).toBeUndefined()
  })

  it('leaves the store as it was when a write of the transaction is refused', async () => {
    await storeAll()
    const before = await storeHash()
    const put = IDBObjectStore.prototype.put
    let calls = 0
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (
      this: IDBObjectStore,
      ...args
    ) {
      if (++calls === 2) throw new DOMException('cannot clone', 'DataCloneError')
      return put.apply(this, args)
    })
    await expect(turnOnEncryption(PASSPHRASE)).rejects.toMatchObject({ name: 'DataCloneError' })
    vi.restoreAllMocks()
    expect(await storeHash()).toBe(before)
    expect(await encryptionState()).toBe('off')
  })

  it('seals an edit another tab saved while it was sealing, instead of writing over it', async () => {
    await storeAll()
    const encrypt = crypto.subtle.encrypt.bind(crypto.subtle)
    let interleaved = false
    vi.spyOn(crypto.subtle, 'encrypt').mockImplementation(async (...args) => {
      if (!interleaved) {
        interleaved = true
        // As another tab would, before this one writes what it sealed.
        await saveAssessment({ ...fml, meta: { ...fml.meta, authorName: 'Elsewhere' } }, 2)
      }
      return encrypt(...args)
    })
    await turnOnEncryption(PASSPHRASE)
    expect(interleaved).toBe(true)
    expect((await getStoredAssessment(fml.id))?.assessment.meta.authorName).toBe('Elsewhere')
    expect(await rawStoreContains('Elsewhere')).toBe(false)
  })

  it('refuses when encryption is on already', async () => {
    await turnOnEncryption(PASSPHRASE)
    await expect(turnOnEncryption('another passphrase')).rejects.toMatchObject({
      name: 'EncryptionChangedError',
    })
  })
})

describe('turnOffEncryption', { timeout: 30_000 }, () => {
  it('refuses a wrong passphrase and changes nothing', async () => {
    await storeAll()
    await turnOnEncryption(PASSPHRASE)
    const before = await storeHash()
    await expect(turnOffEncryption('een verkeerde wachtwoordzin')).rejects.toMatchObject({
      name: 'WrongPassphraseError',
    })
    expect(await storeHash()).toBe(before)
    expect(await encryptionState()).toBe('unlocked')
  })

  it('on, off and on again keeps every record byte-identical in content', async () => {
    await storeAll()
    const plain = await rawRecords()
    const seen = await contents()

    await turnOnEncryption(PASSPHRASE)
    expect(await contents()).toBe(seen)
    expect(await turnOffEncryption(PASSPHRASE)).toEqual({ assessments: 2, comparisons: 1 })
    expect(JSON.stringify(await rawRecords())).toBe(JSON.stringify(plain))
    expect(await encryptionState()).toBe('off')
    expect(tabKey()).toBeUndefined()

    await turnOnEncryption('een andere wachtwoordzin')
    expect(await contents()).toBe(seen)
    lock()
    await unlock('een andere wachtwoordzin')
    expect(await contents()).toBe(seen)
  })

  it('stops before writing anything when one record does not open (damaged)', async () => {
    await storeAll()
    await turnOnEncryption(PASSPHRASE)
    const { closeStore, DB_NAME, DB_VERSION } = await import('../../src/storage/assessment-store')
    const { openDB } = await import('idb')
    await closeStore()
    const db = await openDB(DB_NAME, DB_VERSION)
    const record = await db.get('assessments', fml.id)
    record.sealed.data[3] ^= 1
    await db.put('assessments', record)
    db.close()
    const before = await storeHash()
    await expect(turnOffEncryption(PASSPHRASE)).rejects.toMatchObject({
      name: 'UnreadableRecordError',
    })
    expect(await storeHash()).toBe(before)
    expect(await encryptionState()).toBe('unlocked')
  })
})

describe('changePassphrase', { timeout: 30_000 }, () => {
  it('rewraps only the data key: the records stay as they are, and only the new passphrase unlocks', async () => {
    await storeAll()
    await turnOnEncryption(PASSPHRASE)
    const before = await rawRecords()
    await changePassphrase(PASSPHRASE, 'de nieuwe wachtwoordzin')
    const after = await rawRecords()
    expect(JSON.stringify(after.assessments)).toBe(JSON.stringify(before.assessments))
    expect(JSON.stringify(after.comparisons)).toBe(JSON.stringify(before.comparisons))
    expect(JSON.stringify(after.keys)).not.toBe(JSON.stringify(before.keys))
    // This tab stays unlocked with the same data key.
    expect(await getAssessment(bar.id)).toEqual(bar)

    lock()
    await expect(unlock(PASSPHRASE)).rejects.toMatchObject({ name: 'WrongPassphraseError' })
    await unlock('de nieuwe wachtwoordzin')
    expect(await getComparison(bar.id, fml.id)).toEqual(comparison)
  })

  it('refuses a wrong current passphrase and changes nothing', async () => {
    await storeAll()
    await turnOnEncryption(PASSPHRASE)
    const before = await storeHash()
    await expect(
      changePassphrase('niet de goede zin', 'de nieuwe wachtwoordzin'),
    ).rejects.toMatchObject({ name: 'WrongPassphraseError' })
    expect(await storeHash()).toBe(before)
  })
})
