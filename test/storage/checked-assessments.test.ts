import 'fake-indexeddb/auto'
import { openDB } from 'idb'
import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import type { Assessment } from '../../src/core/assessment/assessment-schema'
import {
  addAssessment,
  closeStore,
  DB_NAME,
  DB_VERSION,
  getStoredAssessment,
} from '../../src/storage/assessment-store'
import {
  checkRecord,
  listCheckedAssessments,
  listValidAssessments,
} from '../../src/storage/checked-assessments'
import { turnOnEncryption } from '../../src/storage/encryption-settings'
import { readJson, root } from '../helpers/files'
import { shippedCatalogue } from '../helpers/instruments'
import { freshStore } from '../helpers/raw-store'

const instruments = shippedCatalogue().instruments
const bar = readJson(join(root, 'public/examples/bar-example.json')) as Assessment
const fml = readJson(join(root, 'public/examples/fml-example.json')) as Assessment

beforeEach(freshStore)

/** Writes a record past the store's checks, as an older app version or a bug might have. */
async function writeRaw(record: unknown) {
  await addAssessment(fml)
  await closeStore()
  const db = await openDB(DB_NAME, DB_VERSION)
  await db.put('assessments', record)
  db.close()
}

describe('listCheckedAssessments', () => {
  it('passes every stored assessment that loads as an import', async () => {
    await addAssessment(bar)
    await addAssessment(fml)
    const checked = await listCheckedAssessments(instruments)
    expect(checked.every((r) => r.ok)).toBe(true)
    expect((await listValidAssessments(instruments)).map((a) => a.id).sort()).toEqual(
      [bar.id, fml.id].sort(),
    )
  })

  it('lists a record that no longer validates with its problems, next to the valid ones', async () => {
    const broken = { ...bar, answers: { ...bar.answers, 'IV.13': { kind: 'capacity', level: 99 } } }
    await writeRaw({ id: bar.id, revision: 4, updatedAt: bar.updatedAt, assessment: broken })
    const checked = await listCheckedAssessments(instruments)
    expect(checked).toHaveLength(2)
    const bad = checked.find((r) => r.id === bar.id)
    expect(bad).toMatchObject({ ok: false, revision: 4, raw: broken })
    expect(bad?.ok === false && bad.issues.map((i) => i.path).join(' ')).toMatch(/answers/)
    expect(await listValidAssessments(instruments)).toEqual([fml])
  })

  it('lists a record without any assessment in it instead of crashing', async () => {
    await writeRaw({ id: 'odd', updatedAt: '2026-01-01T00:00:00Z' })
    const bad = (await listCheckedAssessments(instruments)).find((r) => r.id === 'odd')
    expect(bad?.ok).toBe(false)
    expect(bad?.ok === false && bad.issues[0]?.message.en).toBe(
      'This stored record holds no assessment',
    )
  })
})

describe('listCheckedAssessments with encryption on', { timeout: 30_000 }, () => {
  it('opens every sealed record, and lists one that does not open (damaged) with its problem', async () => {
    await addAssessment(bar)
    await addAssessment(fml)
    await turnOnEncryption('een lange wachtwoordzin')
    expect((await listValidAssessments(instruments)).map((a) => a.id).sort()).toEqual(
      [bar.id, fml.id].sort(),
    )
    await closeStore()
    const db = await openDB(DB_NAME, DB_VERSION)
    const record = await db.get('assessments', bar.id)
    record.sealed.data[0] ^= 1
    await db.put('assessments', record)
    db.close()
    const checked = await listCheckedAssessments(instruments)
    expect(checked).toHaveLength(2)
    const bad = checked.find((r) => r.id === bar.id)
    expect(bad).toMatchObject({ ok: false, revision: 1 })
    expect(bad?.ok === false && bad.issues[0]?.message.nl).toBe(
      'Dit opgeslagen record kon niet ontsleuteld worden (beschadigd)',
    )
    // Read alone, as the fill-in screen reads it: the same verdict.
    expect(checkRecord(await getStoredAssessment(bar.id), instruments)).toMatchObject({ ok: false })
  })
})

describe('checkRecord', () => {
  it('passes a stored record read alone, with its revision', async () => {
    await addAssessment(bar)
    expect(await getStoredAssessment('nope')).toBeUndefined()
    expect(checkRecord(await getStoredAssessment(bar.id), instruments)).toMatchObject({
      ok: true,
      revision: 1,
      assessment: bar,
    })
  })
})
