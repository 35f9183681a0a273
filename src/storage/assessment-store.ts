import { openDB, type DBSchema, type IDBPDatabase } from 'idb'
import type { Assessment } from '../core/assessment/assessment-schema'

interface StudioDb extends DBSchema {
  assessments: { key: string; value: Assessment; indexes: { updatedAt: string } }
}

const DB_NAME = 'bar-studio'

let db: Promise<IDBPDatabase<StudioDb>> | undefined

function open() {
  db ??= openDB<StudioDb>(DB_NAME, 1, {
    upgrade(database) {
      const store = database.createObjectStore('assessments', { keyPath: 'id' })
      store.createIndex('updatedAt', 'updatedAt')
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

export async function deleteAssessment(id: string): Promise<void> {
  await (await open()).delete('assessments', id)
}
