import { openDB, type DBSchema, type IDBPDatabase } from 'idb'
import type { Assessment } from '../core/assessment/assessment-schema'

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

interface StudioDb extends DBSchema {
  assessments: { key: string; value: Assessment; indexes: { updatedAt: string } }
  comparisons: { key: string; value: SavedComparison }
}

const DB_NAME = 'bar-studio'

let db: Promise<IDBPDatabase<StudioDb>> | undefined

function open() {
  db ??= openDB<StudioDb>(DB_NAME, 2, {
    upgrade(database, oldVersion) {
      if (oldVersion < 1) {
        const store = database.createObjectStore('assessments', { keyPath: 'id' })
        store.createIndex('updatedAt', 'updatedAt')
      }
      if (oldVersion < 2) database.createObjectStore('comparisons', { keyPath: 'id' })
    },
  })
  return db
}

/** Every saved assessment, most recently saved first. */
export async function listAssessments(): Promise<Assessment[]> {
  const all = await (await open()).getAllFromIndex('assessments', 'updatedAt')
  return all.reverse()
}

export async function getAssessment(id: string): Promise<Assessment | undefined> {
  return (await open()).get('assessments', id)
}

export async function putAssessment(assessment: Assessment): Promise<void> {
  await (await open()).put('assessments', assessment)
}

/** Adds an assessment only if its id is new; returns false when the id is taken. */
export async function addAssessment(assessment: Assessment): Promise<boolean> {
  const tx = (await open()).transaction('assessments', 'readwrite')
  if (await tx.store.getKey(assessment.id)) {
    await tx.done
    return false
  }
  await tx.store.add(assessment)
  await tx.done
  return true
}

/** Deletes an assessment and the motivations of every comparison it is part of. */
export async function deleteAssessment(id: string): Promise<void> {
  const tx = (await open()).transaction(['assessments', 'comparisons'], 'readwrite')
  await tx.objectStore('assessments').delete(id)
  const comparisons = tx.objectStore('comparisons')
  for (const c of await comparisons.getAll())
    if (c.baId === id || c.vaId === id) await comparisons.delete(c.id)
  await tx.done
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

export async function putComparison(comparison: SavedComparison): Promise<void> {
  await (await open()).put('comparisons', comparison)
}
