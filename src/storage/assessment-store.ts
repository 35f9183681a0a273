import { openDB, type DBSchema, type IDBPDatabase } from 'idb'
import type { Assessment } from '../core/assessment/assessment-schema'
import { UPGRADE_STEPS, type StoredAssessment, type UpgradeStep } from './upgrade-steps'

export type { StoredAssessment } from './upgrade-steps'

/** The verzekeringsarts's and bedrijfsarts's assessments compared, with a motivation per difference. */
export interface SavedComparison {
  /** `<ba id>__<va id>` */
  id: string
  baId: string
  vaId: string
  /** "motivering" by item id */
  notes: Record<string, string>
  updatedAt: string
}

export interface StudioDb extends DBSchema {
  assessments: { key: string; value: StoredAssessment; indexes: { updatedAt: string } }
  comparisons: { key: string; value: SavedComparison }
}

export const DB_NAME = 'bar-studio'
/** One version per named upgrade step. */
export const DB_VERSION = UPGRADE_STEPS.length

let db: Promise<IDBPDatabase<StudioDb>> | undefined

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

function stored(assessment: Assessment, revision: number): StoredAssessment {
  return { id: assessment.id, revision, updatedAt: assessment.updatedAt, assessment }
}

/** Every saved record, most recently saved first. */
export async function listStoredAssessments(): Promise<StoredAssessment[]> {
  const all = await (await open()).getAllFromIndex('assessments', 'updatedAt')
  return all.reverse()
}

/**
 * Every saved assessment, most recently saved first, unchecked: screens use listCheckedAssessments
 * (checked-assessments.ts), which runs each through the import loader.
 */
export async function listAssessments(): Promise<Assessment[]> {
  return (await listStoredAssessments()).flatMap((r) => (r.assessment ? [r.assessment] : []))
}

export async function getStoredAssessment(id: string): Promise<StoredAssessment | undefined> {
  return (await open()).get('assessments', id)
}

export async function getAssessment(id: string): Promise<Assessment | undefined> {
  return (await getStoredAssessment(id))?.assessment
}

/** Writes an assessment whatever is stored under its id (a new draft, a restore); returns its revision. */
export async function putAssessment(assessment: Assessment): Promise<number> {
  const tx = (await open()).transaction('assessments', 'readwrite')
  const revision = ((await tx.store.get(assessment.id))?.revision ?? 0) + 1
  await tx.store.put(stored(assessment, revision))
  await tx.done
  announce({ kind: 'saved', id: assessment.id, revision })
  return revision
}

/**
 * Adds an assessment only if its id is new; returns false when the id is taken. A restore passes
 * the revision the back-up had.
 */
export async function addAssessment(assessment: Assessment, revision = 1): Promise<boolean> {
  const tx = (await open()).transaction('assessments', 'readwrite')
  if (await tx.store.getKey(assessment.id)) {
    await tx.done
    return false
  }
  await tx.store.add(stored(assessment, revision))
  await tx.done
  announce({ kind: 'saved', id: assessment.id, revision })
  return true
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
  const tx = (await open()).transaction('assessments', 'readwrite')
  const current = await tx.store.get(assessment.id)
  let result: SaveResult
  if (!current) result = { ok: false, reason: 'deleted' }
  else if (current.revision !== baseRevision) result = { ok: false, reason: 'stale', current }
  else {
    result = { ok: true, revision: baseRevision + 1 }
    await tx.store.put(stored(assessment, result.revision))
  }
  await tx.done
  if (result.ok) announce({ kind: 'saved', id: assessment.id, revision: result.revision })
  return result
}

/** Deletes an assessment and the motivations of every comparison it is part of. */
export async function deleteAssessment(id: string): Promise<void> {
  const tx = (await open()).transaction(['assessments', 'comparisons'], 'readwrite')
  await tx.objectStore('assessments').delete(id)
  const comparisons = tx.objectStore('comparisons')
  for (const c of await comparisons.getAll())
    if (c.baId === id || c.vaId === id) await comparisons.delete(c.id)
  await tx.done
  announce({ kind: 'deleted', id })
}

export function comparisonId(baId: string, vaId: string) {
  return `${baId}__${vaId}`
}

export async function getComparison(
  baId: string,
  vaId: string,
): Promise<SavedComparison | undefined> {
  return (await open()).get('comparisons', comparisonId(baId, vaId))
}

export async function listComparisons(): Promise<SavedComparison[]> {
  return (await open()).getAll('comparisons')
}

/** Adds a comparison only if its id is new; returns false when the id is taken. */
export async function addComparison(comparison: SavedComparison): Promise<boolean> {
  const tx = (await open()).transaction('comparisons', 'readwrite')
  if (await tx.store.getKey(comparison.id)) {
    await tx.done
    return false
  }
  await tx.store.add(comparison)
  await tx.done
  return true
}

export async function putComparison(comparison: SavedComparison): Promise<void> {
  await (await open()).put('comparisons', comparison)
}
