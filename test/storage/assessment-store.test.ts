import 'fake-indexeddb/auto'
import { deleteDB, openDB } from 'idb'
import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import type { Assessment } from '../../src/core/assessment/assessment-schema'
import {
  addAssessment,
  closeStore,
  DB_NAME,
  deleteAssessment,
  getAssessment,
  getComparison,
  getStoredAssessment,
  listAssessments,
  onStorageChange,
  putAssessment,
  putComparison,
  saveAssessment,
  type StorageChange,
} from '../../src/storage/assessment-store'
import { readJson, root } from '../helpers/files'

const bar = readJson(join(root, 'public/examples/bar-example.json')) as Assessment
const fml = readJson(join(root, 'public/examples/fml-example.json')) as Assessment

beforeEach(async () => {
  await closeStore()
  await deleteDB(DB_NAME)
})

const withAuthor = (a: Assessment, authorName: string): Assessment => ({
  ...a,
  meta: { ...a.meta, authorName },
})

describe('assessment store', () => {
  it('lists the most recently saved first, and never overwrites with add', async () => {
    await putAssessment(bar)
    await putAssessment(fml)
    expect((await listAssessments()).map((a) => a.id).slice(0, 2)).toEqual([fml.id, bar.id])
    expect(await addAssessment({ ...bar, meta: { ...bar.meta, authorName: 'X' } })).toBe(false)
    expect((await getAssessment(bar.id))?.meta.authorName).toBe(bar.meta.authorName)
  })

  it('deleting an assessment also deletes the motivations of its comparisons, and nothing else', async () => {
    const other = { ...fml, id: '44444444-4444-4444-8444-444444444444' }
    await putAssessment(bar)
    await putAssessment(fml)
    await putAssessment(other)
    const now = new Date().toISOString()
    await putComparison({
      id: `${bar.id}__${fml.id}`,
      baId: bar.id,
      vaId: fml.id,
      notes: { 'IV.13': 'a' },
      updatedAt: now,
    })
    await putComparison({
      id: `${other.id}__${fml.id}`,
      baId: other.id,
      vaId: fml.id,
      notes: { 'IV.13': 'b' },
      updatedAt: now,
    })
    await deleteAssessment(bar.id)
    expect(await getAssessment(bar.id)).toBeUndefined()
    expect(await getComparison(bar.id, fml.id)).toBeUndefined()
    expect((await getComparison(other.id, fml.id))?.notes).toEqual({ 'IV.13': 'b' })
    expect(await getAssessment(fml.id)).toEqual(fml)
  })

  it('keeps the assessment exactly as its file format, with the revision beside it', async () => {
    await addAssessment(bar)
    const record = await getStoredAssessment(bar.id)
    expect(record?.revision).toBe(1)
    expect(record?.assessment).toEqual(bar)
    expect(record?.assessment).not.toHaveProperty('revision')
  })
})

describe('saveAssessment', () => {
  it('saves an edit of the current revision and counts it', async () => {
    await addAssessment(bar)
    expect(await saveAssessment(withAuthor(bar, 'A'), 1)).toEqual({ ok: true, revision: 2 })
    expect(await saveAssessment(withAuthor(bar, 'A2'), 2)).toEqual({ ok: true, revision: 3 })
    expect((await getAssessment(bar.id))?.meta.authorName).toBe('A2')
  })

  it('refuses an edit of an older revision, keeping what the other tab saved', async () => {
    await addAssessment(bar)
    // Both tabs opened revision 1; tab B saves first.
    expect((await saveAssessment(withAuthor(bar, 'B'), 1)).ok).toBe(true)
    const refused = await saveAssessment({ ...bar, meta: { ...bar.meta, employee: 'A' } }, 1)
    expect(refused).toMatchObject({ ok: false, reason: 'stale', current: { revision: 2 } })
    const kept = await getAssessment(bar.id)
    expect(kept?.meta.authorName).toBe('B')
    expect(kept?.meta.employee).toBe(bar.meta.employee)
  })

  it('never brings a deleted assessment back', async () => {
    await addAssessment(bar)
    await deleteAssessment(bar.id)
    expect(await saveAssessment(withAuthor(bar, 'B'), 1)).toEqual({ ok: false, reason: 'deleted' })
    expect(await getAssessment(bar.id)).toBeUndefined()
    expect(await listAssessments()).toEqual([])
  })

  it('lets only one of two saves of the same revision through', async () => {
    await addAssessment(bar)
    const results = await Promise.all([
      saveAssessment(withAuthor(bar, 'A'), 1),
      saveAssessment(withAuthor(bar, 'B'), 1),
    ])
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect((await getStoredAssessment(bar.id))?.revision).toBe(2)
  })
})

describe('onStorageChange', () => {
  it('tells another tab about saves and deletions, not the tab that made them', async () => {
    const heard: StorageChange[] = []
    const other = new BroadcastChannel('bar-studio-storage')
    other.onmessage = (e: MessageEvent<StorageChange>) => heard.push(e.data)
    const own: StorageChange[] = []
    const stop = onStorageChange((c) => own.push(c))
    await addAssessment(bar)
    await saveAssessment(withAuthor(bar, 'A'), 1)
    await deleteAssessment(bar.id)
    await expect.poll(() => heard.length).toBe(3)
    expect(heard).toMatchObject([
      { kind: 'saved', id: bar.id, revision: 1 },
      { kind: 'saved', id: bar.id, revision: 2 },
      { kind: 'deleted', id: bar.id },
    ])
    expect(own).toEqual([])
    stop()
    other.close()
  })
})

describe('opening the database', () => {
  it('says it is blocked when an older tab keeps the old version open, and opens once it is closed', async () => {
    const older = await openDB(DB_NAME, 2, {
      upgrade(db) {
        db.createObjectStore('assessments', { keyPath: 'id' }).createIndex('updatedAt', 'updatedAt')
        db.createObjectStore('comparisons', { keyPath: 'id' })
      },
    })
    await expect(listAssessments()).rejects.toMatchObject({ name: 'BlockedError' })
    older.close()
    expect(await listAssessments()).toEqual([])
  })
})
