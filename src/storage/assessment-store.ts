import { openDB, type DBSchema, type IDBPDatabase } from 'idb'
import type { Assessment } from '../core/assessment/assessment-schema'
import {
  assessmentRecord,
  comparisonRecord,
  DATA_KEY,
  openAssessment,
  openComparison,
  sealAssessment,
  sealComparison,
  type AssessmentRecord,
  type ComparisonRecord,
  type KeyRecord,
  type SavedComparison,
} from './sealed-records'
import { LockedError } from './storage-error'
import { forgetTabKey, learnState, tabKey, type TabKey } from './tab-key'
import { UPGRADE_STEPS, type StoredAssessment, type UpgradeStep } from './upgrade-steps'

export type { StoredAssessment } from './upgrade-steps'
export type { SavedComparison } from './sealed-records'

export interface StudioDb extends DBSchema {
  assessments: { key: string; value: AssessmentRecord; indexes: { updatedAt: string } }
  comparisons: { key: string; value: ComparisonRecord }
  keys: { key: string; value: KeyRecord }
  instruments: { key: string; value: LibraryRecord }
  builderDrafts: { key: string; value: BuilderDraftRecord }
}

/** An instrument version in the browser's library (instrument-library.ts). */
export interface LibraryRecord {
  /** Where it would live below schemas/: `bar/1.2.0.json`. */
  path: string
  /** The instrument file as saved or imported. */
  json: unknown
  addedAt: string
  origin: 'builder' | 'import'
}

/** The builder's draft of a new version and its history, as plain JSON (builder-drafts.ts). */
export interface BuilderDraftRecord {
  id: string
  savedAt: string
  state: unknown
}

export const DB_NAME = 'bar-studio'
/** One version per named upgrade step. */
export const DB_VERSION = UPGRADE_STEPS.length

let db: Promise<IDBPDatabase<StudioDb>> | undefined

/**
 * The database with records as stored (sealed when encryption is on), for the storage modules
 * that work on the key store or on all records at once (encryption-state.ts, unlock.ts,
 * encryption-settings.ts). Everything else uses the functions below, which seal and open records.
 */
export function openDatabase() {
  return open()
}

function open() {
  db ??= new Promise<IDBPDatabase<StudioDb>>((resolve, reject) => {
    let refused = false
    openDB<StudioDb>(DB_NAME, DB_VERSION, {
      async upgrade(database, oldVersion, _newVersion, tx) {
        // Steps see the schema of their own time, not today's: untyped.
        const [oldDb, oldTx] = [database, tx] as unknown as Parameters<UpgradeStep['run']>
        for (const step of UPGRADE_STEPS.slice(oldVersion)) await step.run(oldDb, oldTx)
      },
      // An older tab of this app keeps the database open: say so instead of waiting forever.
      blocked() {
        refused = true
        reject(new DOMException('IndexedDB upgrade blocked by another tab', 'BlockedError'))
      },
      // Another tab wants a newer schema: let it, and open again on next use.
      blocking() {
        void closeStore()
      },
    }).then((opened) => (refused ? opened.close() : resolve(opened)), reject)
  })
  db.catch(() => (db = undefined))
  return db
}

/** Closes the database; the next call opens it again. */
export async function closeStore(): Promise<void> {
  const current = db
  db = undefined
  if (current) (await current.catch(() => undefined))?.close()
}

/** What other tabs hear about: an assessment saved (with its new revision) or deleted. */
export type StorageChange =
  { kind: 'saved'; id: string; revision: number } | { kind: 'deleted'; id: string }

const CHANNEL = 'bar-studio-storage'
const TAB = typeof crypto !== 'undefined' ? crypto.randomUUID() : String(Math.random())
let channel: BroadcastChannel | undefined

function announce(change: StorageChange) {
  if (typeof BroadcastChannel === 'undefined') return
  channel ??= new BroadcastChannel(CHANNEL)
  channel.postMessage({ ...change, tab: TAB })
}

/** Calls `listener` for every save and deletion made in another tab; returns an unsubscribe. */
export function onStorageChange(listener: (change: StorageChange) => void): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => {}
  const listen = new BroadcastChannel(CHANNEL)
  listen.onmessage = (e: MessageEvent<StorageChange & { tab: string }>) => {
    if (e.data.tab !== TAB) listener(e.data)
  }
  return () => listen.close()
}

/** Encryption was turned off in another tab since this one unlocked: retry without a key. */
class KeyGoneError extends Error {}

/**
 * Checks, inside the transaction that reads or writes, that this tab holds the data key in use,
 * or that none is in use and this tab holds none: a locked tab never writes plain records, and a
 * tab whose key was replaced in another tab never writes under the old one.
 */
function checkKey(record: KeyRecord | undefined, key: TabKey | undefined) {
  if (record ? key && record.keyId === key.keyId : !key) return
  if (!record) {
    if (key) forgetTabKey(key, 'off')
    throw new KeyGoneError()
  }
  // The app may still think encryption is off here: it now asks for the passphrase.
  if (key) forgetTabKey(key, 'locked')
  else learnState('locked')
  throw new LockedError()
}

/**
 * Runs a storage operation with this tab's key, taken now (not after a later lock). Sealing and
 * opening happen before and after the operation's transaction, never inside it: a transaction
 * commits as soon as it waits for anything but IndexedDB (crypto.subtle, for one).
 */
async function withTabKey<T>(operation: (key: TabKey | undefined) => Promise<T>): Promise<T> {
  const key = tabKey()
  try {
    return await operation(key)
  } catch (e) {
    if (!(e instanceof KeyGoneError)) throw e
    return operation(undefined)
  }
}

const sealing = (key: TabKey | undefined, assessment: Assessment) =>
  key ? sealAssessment(key.key, assessment) : Promise.resolve(undefined)

/** Every saved record, most recently saved first. */
export async function listStoredAssessments(): Promise<StoredAssessment[]> {
  return withTabKey(async (key) => {
    const tx = (await open()).transaction(['assessments', 'keys'])
    checkKey(await tx.objectStore('keys').get(DATA_KEY), key)
    const all = await tx.objectStore('assessments').index('updatedAt').getAll()
    await tx.done
    return Promise.all(all.reverse().map((r) => openAssessment(key?.key, r)))
  })
}

/**
 * Every saved assessment, most recently saved first, unchecked: screens use listCheckedAssessments
 * (checked-assessments.ts), which runs each through the import loader.
 */
export async function listAssessments(): Promise<Assessment[]> {
  return (await listStoredAssessments()).flatMap((r) => (r.assessment ? [r.assessment] : []))
}

export async function getStoredAssessment(id: string): Promise<StoredAssessment | undefined> {
  return withTabKey(async (key) => {
    const tx = (await open()).transaction(['assessments', 'keys'])
    checkKey(await tx.objectStore('keys').get(DATA_KEY), key)
    const record = await tx.objectStore('assessments').get(id)
    await tx.done
    return record && openAssessment(key?.key, record)
  })
}

export async function getAssessment(id: string): Promise<Assessment | undefined> {
  return (await getStoredAssessment(id))?.assessment
}

/** Writes an assessment whatever is stored under its id (a new draft, a restore); returns its revision. */
export async function putAssessment(assessment: Assessment): Promise<number> {
  const revision = await withTabKey(async (key) => {
    const sealed = await sealing(key, assessment)
    const tx = (await open()).transaction(['assessments', 'keys'], 'readwrite')
    checkKey(await tx.objectStore('keys').get(DATA_KEY), key)
    const store = tx.objectStore('assessments')
    const revision = ((await store.get(assessment.id))?.revision ?? 0) + 1
    await store.put(assessmentRecord(assessment, revision, sealed))
    await tx.done
    return revision
  })
  announce({ kind: 'saved', id: assessment.id, revision })
  return revision
}

/**
 * Adds an assessment only if its id is new; returns false when the id is taken. A restore passes
 * the revision the back-up had.
 */
export async function addAssessment(assessment: Assessment, revision = 1): Promise<boolean> {
  const added = await withTabKey(async (key) => {
    const sealed = await sealing(key, assessment)
    const tx = (await open()).transaction(['assessments', 'keys'], 'readwrite')
    checkKey(await tx.objectStore('keys').get(DATA_KEY), key)
    const store = tx.objectStore('assessments')
    if (await store.getKey(assessment.id)) {
      await tx.done
      return false
    }
    await store.add(assessmentRecord(assessment, revision, sealed))
    await tx.done
    return true
  })
  if (added) announce({ kind: 'saved', id: assessment.id, revision })
  return added
}

export type SaveResult =
  | { ok: true; revision: number }
  | { ok: false; reason: 'stale'; current: StoredAssessment }
  | { ok: false; reason: 'deleted' }

/**
 * Saves an edit of the revision it was based on. Refused, in the same transaction, when another
 * tab saved in between (`stale`) or deleted the assessment (`deleted`): nothing is overwritten.
 */
export async function saveAssessment(
  assessment: Assessment,
  baseRevision: number,
): Promise<SaveResult> {
  const result = await withTabKey(async (key): Promise<SaveResult> => {
    const sealed = await sealing(key, assessment)
    const tx = (await open()).transaction(['assessments', 'keys'], 'readwrite')
    checkKey(await tx.objectStore('keys').get(DATA_KEY), key)
    const store = tx.objectStore('assessments')
    const current = await store.get(assessment.id)
    if (current && current.revision === baseRevision)
      await store.put(assessmentRecord(assessment, baseRevision + 1, sealed))
    await tx.done
    if (!current) return { ok: false, reason: 'deleted' }
    if (current.revision !== baseRevision)
      return { ok: false, reason: 'stale', current: await openAssessment(key?.key, current) }
    return { ok: true, revision: baseRevision + 1 }
  })
  if (result.ok) announce({ kind: 'saved', id: assessment.id, revision: result.revision })
  return result
}

/** Deletes an assessment and the motivations of every comparison it is part of. */
export async function deleteAssessment(id: string): Promise<void> {
  await withTabKey(async (key) => {
    const tx = (await open()).transaction(['assessments', 'comparisons', 'keys'], 'readwrite')
    checkKey(await tx.objectStore('keys').get(DATA_KEY), key)
    await tx.objectStore('assessments').delete(id)
    const comparisons = tx.objectStore('comparisons')
    for (const c of await comparisons.getAll())
      if (c.baId === id || c.vaId === id) await comparisons.delete(c.id)
    await tx.done
  })
  announce({ kind: 'deleted', id })
}

export function comparisonId(baId: string, vaId: string) {
  return `${baId}__${vaId}`
}

export async function getComparison(
  baId: string,
  vaId: string,
): Promise<SavedComparison | undefined> {
  return withTabKey(async (key) => {
    const tx = (await open()).transaction(['comparisons', 'keys'])
    checkKey(await tx.objectStore('keys').get(DATA_KEY), key)
    const record = await tx.objectStore('comparisons').get(comparisonId(baId, vaId))
    await tx.done
    return record && openComparison(key?.key, record)
  })
}

export async function listComparisons(): Promise<SavedComparison[]> {
  return withTabKey(async (key) => {
    const tx = (await open()).transaction(['comparisons', 'keys'])
    checkKey(await tx.objectStore('keys').get(DATA_KEY), key)
    const all = await tx.objectStore('comparisons').getAll()
    await tx.done
    return Promise.all(all.map((r) => openComparison(key?.key, r)))
  })
}

const sealingNotes = (key: TabKey | undefined, comparison: SavedComparison) =>
  key ? sealComparison(key.key, comparison) : Promise.resolve(undefined)

/** Adds a comparison only if its id is new; returns false when the id is taken. */
export async function addComparison(comparison: SavedComparison): Promise<boolean> {
  return withTabKey(async (key) => {
    const sealed = await sealingNotes(key, comparison)
    const tx = (await open()).transaction(['comparisons', 'keys'], 'readwrite')
    checkKey(await tx.objectStore('keys').get(DATA_KEY), key)
    const store = tx.objectStore('comparisons')
    if (await store.getKey(comparison.id)) {
      await tx.done
      return false
    }
    await store.add(comparisonRecord(comparison, sealed))
    await tx.done
    return true
  })
}

export async function putComparison(comparison: SavedComparison): Promise<void> {
  await withTabKey(async (key) => {
    const sealed = await sealingNotes(key, comparison)
    const tx = (await open()).transaction(['comparisons', 'keys'], 'readwrite')
    checkKey(await tx.objectStore('keys').get(DATA_KEY), key)
    await tx.objectStore('comparisons').put(comparisonRecord(comparison, sealed))
    await tx.done
  })
}
