import 'fake-indexeddb/auto'
import { deleteDB, openDB } from 'idb'
import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import type { Assessment } from '../../src/core/assessment/assessment-schema'
import {
  closeStore,
  DB_NAME,
  DB_VERSION,
  getComparison,
  getStoredAssessment,
  listAssessments,
  saveAssessment,
} from '../../src/storage/assessment-store'
import { encryptionState } from '../../src/storage/encryption-state'
import { UPGRADE_STEPS } from '../../src/storage/upgrade-steps'
import { readJson, root } from '../helpers/files'

const bar = readJson(join(root, 'public/examples/bar-example.json')) as Assessment
const fml = readJson(join(root, 'public/examples/fml-example.json')) as Assessment

/** A database as the app left it at `version`, made by the first `version` steps. */
async function databaseAt(version: number) {
  const db = await openDB(DB_NAME, version, {
    async upgrade(database, oldVersion, _newVersion, tx) {
      for (const step of UPGRADE_STEPS.slice(oldVersion, version)) await step.run(database, tx)
    },
  })
  return db
}

beforeEach(async () => {
  await closeStore()
  await deleteDB(DB_NAME)
})

describe('UPGRADE_STEPS', () => {
  it('has one uniquely named step per database version', () => {
    expect(UPGRADE_STEPS.map((s) => s.name)).toEqual([
      'createAssessments',
      'createComparisons',
      'wrapAssessmentsWithRevision',
      'createKeyStore',
      'createInstrumentLibrary',
      'createBuilderDrafts',
    ])
    expect(DB_VERSION).toBe(UPGRADE_STEPS.length)
  })

  it('createComparisons: a version 1 database keeps every assessment', async () => {
    const db = await databaseAt(1)
    await db.put('assessments', bar)
    await db.put('assessments', fml)
    db.close()
    expect((await listAssessments()).map((a) => a.id).sort()).toEqual([bar.id, fml.id].sort())
    expect(await getComparison(bar.id, fml.id)).toBeUndefined()
  })

  it('wrapAssessmentsWithRevision: a version 2 database keeps every assessment and motivation', async () => {
    const db = await databaseAt(2)
    await db.put('assessments', bar)
    await db.put('assessments', fml)
    const comparison = {
      id: `${bar.id}__${fml.id}`,
      baId: bar.id,
      vaId: fml.id,
      notes: { 'IV.13': 'Gemotiveerd' },
      updatedAt: bar.updatedAt,
    }
    await db.put('comparisons', comparison)
    db.close()
    const record = await getStoredAssessment(bar.id)
    expect(record).toEqual({ id: bar.id, revision: 1, updatedAt: bar.updatedAt, assessment: bar })
    expect((await getStoredAssessment(fml.id))?.assessment).toEqual(fml)
    expect(await getComparison(bar.id, fml.id)).toEqual(comparison)
    // An upgraded record takes part in revision checks like any other.
    expect((await saveAssessment(bar, 1)).ok).toBe(true)
    expect((await saveAssessment(bar, 1)).ok).toBe(false)
  })

  it('wrapAssessmentsWithRevision: an empty version 2 database upgrades to an empty list', async () => {
    ;(await databaseAt(2)).close()
    expect(await listAssessments()).toEqual([])
  })

  it('createKeyStore: a version 3 database keeps every record and motivation, with encryption off', async () => {
    const db = await databaseAt(3)
    const record = { id: bar.id, revision: 2, updatedAt: bar.updatedAt, assessment: bar }
    await db.put('assessments', record)
    const comparison = {
      id: `${bar.id}__${fml.id}`,
      baId: bar.id,
      vaId: fml.id,
      notes: { 'IV.13': 'Gemotiveerd' },
      updatedAt: bar.updatedAt,
    }
    await db.put('comparisons', comparison)
    db.close()
    expect(await getStoredAssessment(bar.id)).toEqual(record)
    expect(await getComparison(bar.id, fml.id)).toEqual(comparison)
    expect(await encryptionState()).toBe('off')
    // The new store is there and empty.
    await closeStore()
    const upgraded = await openDB(DB_NAME, DB_VERSION)
    expect([...upgraded.objectStoreNames].sort()).toEqual([
      'assessments',
      'builderDrafts',
      'comparisons',
      'instruments',
      'keys',
    ])
    expect(await upgraded.count('keys')).toBe(0)
    upgraded.close()
  })

  it('createInstrumentLibrary and createBuilderDrafts: a version 4 database keeps its records and gains two empty stores', async () => {
    const db = await databaseAt(4)
    const record = { id: bar.id, revision: 3, updatedAt: bar.updatedAt, assessment: bar }
    await db.put('assessments', record)
    db.close()
    expect(await getStoredAssessment(bar.id)).toEqual(record)
    await closeStore()
    const upgraded = await openDB(DB_NAME, DB_VERSION)
    expect(await upgraded.count('instruments')).toBe(0)
    expect(await upgraded.count('builderDrafts')).toBe(0)
    upgraded.close()
  })
})
