import 'fake-indexeddb/auto'
import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import type { Assessment } from '../../src/core/assessment/assessment-schema'
import {
  addAssessment,
  getComparison,
  getStoredAssessment,
  listAssessments,
  putComparison,
  saveAssessment,
} from '../../src/storage/assessment-store'
import {
  backupJson,
  BACKUP_FORMAT,
  isBackup,
  makeBackup,
  restoreBackup,
} from '../../src/storage/backup'
import { turnOnEncryption } from '../../src/storage/encryption-settings'
import { readJson, root } from '../helpers/files'
import { freshStore, rawStoreContains } from '../helpers/raw-store'
import { shippedCatalogue } from '../helpers/instruments'

const instruments = shippedCatalogue().instruments
const bar = readJson(join(root, 'public/examples/bar-example.json')) as Assessment
const fml = readJson(join(root, 'public/examples/fml-example.json')) as Assessment
const comparison = {
  id: `${bar.id}__${fml.id}`,
  baId: bar.id,
  vaId: fml.id,
  notes: { 'IV.13': 'Verschil door nieuwe informatie van de specialist' },
  updatedAt: '2026-11-20T10:00:00.000Z',
}

const clear = freshStore

beforeEach(clear)

async function storeAll() {
  await addAssessment(bar)
  await addAssessment(fml)
  await saveAssessment({ ...fml, meta: { ...fml.meta, authorName: 'Dr. V' } }, 1)
  await putComparison(comparison)
}

/** A back-up as it leaves the browser: written as text, read back as JSON. */
async function exported() {
  return JSON.parse(backupJson(await makeBackup(instruments, new Date('2026-12-01T12:00:00Z'))))
}

describe('makeBackup', () => {
  it('holds every assessment with its revision and every comparison with its motivations', async () => {
    await storeAll()
    const backup = await exported()
    expect(backup).toMatchObject({ format: BACKUP_FORMAT, formatVersion: 1 })
    expect(isBackup(backup)).toBe(true)
    expect(isBackup(bar)).toBe(false)
    expect(
      backup.assessments.map((a: { revision: number; assessment: Assessment }) => [
        a.assessment.id,
        a.revision,
      ]),
    ).toEqual(
      expect.arrayContaining([
        [bar.id, 1],
        [fml.id, 2],
      ]),
    )
    expect(backup.comparisons).toEqual([comparison])
  })
})

describe('restoreBackup', () => {
  it('restores everything into an empty browser, motivations and revisions included', async () => {
    await storeAll()
    const backup = await exported()
    await clear()
    expect(await restoreBackup(backup, instruments)).toEqual({
      ok: true,
      value: { assessments: 2, comparisons: 1, present: 0 },
    })
    expect((await getStoredAssessment(fml.id))?.revision).toBe(2)
    expect((await getStoredAssessment(fml.id))?.assessment.meta.authorName).toBe('Dr. V')
    expect((await getComparison(bar.id, fml.id))?.notes).toEqual(comparison.notes)
  })

  it('skips what is present with the same id and revision, and never overwrites another revision', async () => {
    await storeAll()
    const backup = await exported()
    expect(await restoreBackup(backup, instruments)).toEqual({
      ok: true,
      value: { assessments: 0, comparisons: 0, present: 3 },
    })
    expect(await listAssessments()).toHaveLength(2)

    // The BAR moved on after the back-up: it stays as it is, the back-up's version comes in as a copy.
    await saveAssessment({ ...bar, meta: { ...bar.meta, authorName: 'Later' } }, 1)
    const r = await restoreBackup(backup, instruments, () => '55555555-5555-4555-8555-555555555555')
    expect(r).toEqual({ ok: true, value: { assessments: 1, comparisons: 0, present: 2 } })
    expect((await getStoredAssessment(bar.id))?.assessment.meta.authorName).toBe('Later')
    expect(
      (await getStoredAssessment('55555555-5555-4555-8555-555555555555'))?.assessment.meta
        .authorName,
    ).toBe(bar.meta.authorName)
  })

  it('refuses a back-up with one invalid assessment and writes nothing of it', async () => {
    await storeAll()
    const backup = await exported()
    backup.assessments[1].assessment.answers = { 'IV.13': { kind: 'capacity', level: 99 } }
    await clear()
    const r = await restoreBackup(backup, instruments)
    expect(r.ok).toBe(false)
    expect(!r.ok && r.issues[0]?.path).toMatch(/^\$\.assessments\[1\]\.assessment\.answers/)
    expect(await listAssessments()).toEqual([])
    expect(await getComparison(bar.id, fml.id)).toBeUndefined()
  })

  it('refuses a file of another format version with a message in both languages', async () => {
    const r = await restoreBackup(
      { format: BACKUP_FORMAT, formatVersion: 2, exportedAt: '', assessments: [], comparisons: [] },
      instruments,
    )
    expect(r.ok).toBe(false)
    expect(!r.ok && r.issues[0]).toMatchObject({ path: '$.formatVersion' })
  })
})

describe('back-up with encryption on', { timeout: 30_000 }, () => {
  it('"Alles exporteren" writes the same plain file as without encryption', async () => {
    await storeAll()
    const plain = await exported()
    await turnOnEncryption('een lange wachtwoordzin')
    expect(await exported()).toEqual(plain)
  })

  it('importing a back-up into an encrypted store seals every record it restores', async () => {
    await storeAll()
    const backup = await exported()
    await clear()
    await turnOnEncryption('een lange wachtwoordzin')
    expect(await restoreBackup(backup, instruments)).toEqual({
      ok: true,
      value: { assessments: 2, comparisons: 1, present: 0 },
    })
    expect((await getComparison(bar.id, fml.id))?.notes).toEqual(comparison.notes)
    expect((await getStoredAssessment(fml.id))?.assessment.meta.authorName).toBe('Dr. V')
    expect(await rawStoreContains('Dr. V')).toBe(false)
    expect(await rawStoreContains(comparison.notes['IV.13'])).toBe(false)
    expect(await rawStoreContains(bar.meta.authorName)).toBe(false)
  })
})
