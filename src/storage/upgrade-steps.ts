import type { IDBPDatabase, IDBPTransaction } from 'idb'
import type { Assessment } from '../core/assessment/assessment-schema'

/**
 * An assessment as stored: the file format itself, wrapped with what only this browser needs.
 * The revision counts saves, so a tab that edits an older revision is refused instead of overwriting.
 */
export interface StoredAssessment {
  id: string
  revision: number
  /** A copy of `assessment.updatedAt`, for the index. */
  updatedAt: string
  /** Exactly what an export holds (`formatVersion: 1`); unknown until it is loaded again. */
  assessment: Assessment
}

type Db = IDBPDatabase<unknown>
type UpgradeTx = IDBPTransaction<unknown, string[], 'versionchange'>

export interface UpgradeStep {
  name: string
  run: (db: Db, tx: UpgradeTx) => Promise<void> | void
}

/** The IndexedDB schema's steps in order: database version n has run the first n. Never reorder. */
export const UPGRADE_STEPS: readonly UpgradeStep[] = [
  {
    name: 'createAssessments',
    run(db) {
      const store = db.createObjectStore('assessments', { keyPath: 'id' })
      store.createIndex('updatedAt', 'updatedAt')
    },
  },
  {
    name: 'createComparisons',
    run(db) {
      db.createObjectStore('comparisons', { keyPath: 'id' })
    },
  },
  {
    name: 'wrapAssessmentsWithRevision',
    async run(_db, tx) {
      let cursor = await tx.objectStore('assessments').openCursor()
      while (cursor) {
        const assessment = cursor.value as Assessment
        const record: StoredAssessment = {
          id: assessment.id,
          revision: 1,
          updatedAt: assessment.updatedAt,
          assessment,
        }
        await cursor.update(record)
        cursor = await cursor.continue()
      }
    },
  },
  {
    // Encryption at rest: the wrapped data key lives here, and only while encryption is on.
    name: 'createKeyStore',
    run(db) {
      db.createObjectStore('keys', { keyPath: 'id' })
    },
  },
  {
    // Instrument versions made in the builder or imported: plain JSON, no medical data.
    name: 'createInstrumentLibrary',
    run(db) {
      db.createObjectStore('instruments', { keyPath: 'path' })
    },
  },
  {
    // The builder's open draft and its undo history, so both survive a reload.
    name: 'createBuilderDrafts',
    run(db) {
      db.createObjectStore('builderDrafts', { keyPath: 'id' })
    },
  },
]
