import type { IDBPDatabase } from 'idb'
import { openDatabase, type StudioDb } from './assessment-store'
import { announceEncryptionChange } from './encryption-state'
import { newDataKey, rewrapDataKey, unwrapDataKey } from './key-wrapping'
import {
  DATA_KEY,
  isSealed,
  openAssessmentStrictly,
  openComparison,
  sealAssessmentRecord,
  sealComparisonRecord,
  type AssessmentRecord,
  type ComparisonRecord,
  type KeyRecord,
} from './sealed-records'
import { learnState, setTabKey, tabKey, forgetTabKey } from './tab-key'

/** Another tab turned encryption on or off, or changed the passphrase, while this one was busy. */
export class EncryptionChangedError extends Error {
  override name = 'EncryptionChangedError'
  constructor() {
    super('Encryption was changed in another tab meanwhile')
  }
}

/** How many records were sealed (turned on) or opened (turned off). */
export interface EncryptionReport {
  assessments: number
  comparisons: number
}

/** Every record as stored, read in one transaction. */
interface Snapshot {
  key: KeyRecord | undefined
  assessments: AssessmentRecord[]
  comparisons: ComparisonRecord[]
}

type Db = IDBPDatabase<StudioDb>

/** A save in another tab between reading and writing sends the whole change round again. */
const ATTEMPTS = 5

async function snapshot(db: Db): Promise<Snapshot> {
  const tx = db.transaction(['assessments', 'comparisons', 'keys'])
  const [key, assessments, comparisons] = await Promise.all([
    tx.objectStore('keys').get(DATA_KEY),
    tx.objectStore('assessments').getAll(),
    tx.objectStore('comparisons').getAll(),
    tx.done,
  ])
  return { key, assessments, comparisons }
}

/** Records (typed arrays and all) as text that is equal when they are. */
function fingerprint(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    ArrayBuffer.isView(v) ? Array.from(new Uint8Array(v.buffer, v.byteOffset, v.byteLength)) : v,
  )
}

/**
 * Writes `next` in place of `before` in one transaction, so an interruption leaves all of
 * `before`. Nothing is written, and false returned, when the stores no longer hold `before`
 * (another tab saved meanwhile). The crypto is done by the caller: awaiting it here would let the
 * transaction commit half-way.
 */
async function replaceAll(db: Db, before: Snapshot, next: Snapshot): Promise<boolean> {
  const tx = db.transaction(['assessments', 'comparisons', 'keys'], 'readwrite')
  const keys = tx.objectStore('keys')
  const assessments = tx.objectStore('assessments')
  const comparisons = tx.objectStore('comparisons')
  const now: Snapshot = {
    key: await keys.get(DATA_KEY),
    assessments: await assessments.getAll(),
    comparisons: await comparisons.getAll(),
  }
  if (fingerprint(now) !== fingerprint(before)) {
    await tx.done
    return false
  }
  const writes: Promise<unknown>[] = [tx.done]
  try {
    for (const r of next.assessments) writes.push(assessments.put(r))
    for (const r of next.comparisons) writes.push(comparisons.put(r))
    writes.push(next.key ? keys.put(next.key) : keys.delete(DATA_KEY))
    await Promise.all(writes)
  } catch (e) {
    // A write refused at once (a record that cannot be cloned) would otherwise let the others commit.
    for (const w of writes) w.catch(() => {})
    try {
      tx.abort()
    } catch {
      // Already ended: aborted by the browser, so nothing was written.
    }
    throw e
  }
  return true
}

/**
 * Turns encryption on: a new data key, wrapped under `passphrase`, seals every record. All are
 * sealed in memory first and written in one transaction with the key, so an interruption leaves
 * the store as it was. This tab is unlocked afterwards.
 */
export async function turnOnEncryption(passphrase: string): Promise<EncryptionReport> {
  const db = await openDatabase()
  const { wrapped, key } = await newDataKey(passphrase)
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const before = await snapshot(db)
    if (before.key) throw new EncryptionChangedError()
    const next: Snapshot = {
      key: { id: DATA_KEY, ...wrapped },
      assessments: await Promise.all(
        before.assessments.map((r) => (isSealed(r) ? r : sealAssessmentRecord(key, r))),
      ),
      comparisons: await Promise.all(
        before.comparisons.map((r) => (isSealed(r) ? r : sealComparisonRecord(key, r))),
      ),
    }
    if (await replaceAll(db, before, next)) {
      setTabKey({ keyId: wrapped.keyId, key })
      announceEncryptionChange()
      return { assessments: before.assessments.length, comparisons: before.comparisons.length }
    }
  }
  throw new EncryptionChangedError()
}

function turnedOff() {
  const key = tabKey()
  if (key) forgetTabKey(key, 'off')
  else learnState('off')
}

/**
 * Turns encryption off: every record is opened in memory (a wrong passphrase, or a record that
 * does not open, stops it before anything is written), then all are written in the clear and the
 * wrapped key deleted, in one transaction.
 */
export async function turnOffEncryption(passphrase: string): Promise<EncryptionReport> {
  const db = await openDatabase()
  let before = await snapshot(db)
  if (!before.key) {
    turnedOff()
    return { assessments: 0, comparisons: 0 }
  }
  const { keyId } = before.key
  const key = await unwrapDataKey(before.key, passphrase)
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    if (before.key?.keyId !== keyId) throw new EncryptionChangedError()
    const next: Snapshot = {
      key: undefined,
      assessments: await Promise.all(
        before.assessments.map((r) => (isSealed(r) ? openAssessmentStrictly(key, r) : r)),
      ),
      comparisons: await Promise.all(before.comparisons.map((r) => openComparison(key, r))),
    }
    if (await replaceAll(db, before, next)) {
      turnedOff()
      announceEncryptionChange()
      return { assessments: before.assessments.length, comparisons: before.comparisons.length }
    }
    before = await snapshot(db)
  }
  throw new EncryptionChangedError()
}

/** Rewraps the data key under `next`; the records stay as they are. WrongPassphraseError if `current` is wrong. */
export async function changePassphrase(current: string, next: string): Promise<void> {
  const db = await openDatabase()
  const record = await db.get('keys', DATA_KEY)
  if (!record) throw new EncryptionChangedError()
  const rewrapped: KeyRecord = { id: DATA_KEY, ...(await rewrapDataKey(record, current, next)) }
  const tx = db.transaction('keys', 'readwrite')
  if (fingerprint(await tx.store.get(DATA_KEY)) !== fingerprint(record)) {
    await tx.done
    throw new EncryptionChangedError()
  }
  await Promise.all([tx.store.put(rewrapped), tx.done])
  announceEncryptionChange()
}
