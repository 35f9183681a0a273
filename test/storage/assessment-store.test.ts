import 'fake-indexeddb/auto'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Assessment } from '../../src/core/assessment/assessment-schema'
import {
  addAssessment,
  deleteAssessment,
  getAssessment,
  getComparison,
  listAssessments,
  putAssessment,
  putComparison,
} from '../../src/storage/assessment-store'
import { readJson, root } from '../helpers/files'

const bar = readJson(join(root, 'public/examples/bar-example.json')) as Assessment
const fml = readJson(join(root, 'public/examples/fml-example.json')) as Assessment

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
})
