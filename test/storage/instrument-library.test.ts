import 'fake-indexeddb/auto'
import { beforeEach, describe, expect, it } from 'vitest'
import { addToLibrary, libraryFiles, listLibrary } from '../../src/storage/instrument-library'
import { addInstrumentToLibrary, importInstrumentFile } from '../../src/storage/library-import'
import { shippedCatalogue } from '../helpers/instruments'
import { nextBar } from '../helpers/next-version'
import { freshStore, storeHash } from '../helpers/raw-store'

beforeEach(freshStore)

const catalogue = shippedCatalogue()
const fileOf = (json: unknown) => new Blob([JSON.stringify(json)], { type: 'application/json' })

describe('addToLibrary', () => {
  it('keeps a version once: the same path again is refused and the first stays', async () => {
    const record = {
      path: 'bar/1.2.1.json',
      json: nextBar(),
      addedAt: '2026-12-02T00:00:00.000Z',
      origin: 'builder' as const,
    }
    expect(await addToLibrary(record)).toBe(true)
    expect(await addToLibrary({ ...record, json: nextBar('1.2.1', 'Anders') })).toBe(false)
    const [only] = await libraryFiles()
    expect(JSON.stringify(only?.json)).toContain('Tillen en dragen (herzien)')
  })
})

describe('importInstrumentFile', () => {
  it('adds a valid next version, which the library then lists', async () => {
    const r = await importInstrumentFile(fileOf(nextBar()), catalogue)
    expect(r.ok && r.path).toBe('bar/1.2.1.json')
    expect((await listLibrary()).map((x) => [x.path, x.origin])).toEqual([
      ['bar/1.2.1.json', 'import'],
    ])
  })

  it('refuses a file that is not JSON, naming the problem, and changes nothing stored', async () => {
    await importInstrumentFile(fileOf(nextBar()), catalogue)
    const before = await storeHash()
    const r = await importInstrumentFile(new Blob(['{"id": "bar",']), catalogue)
    expect(r.ok).toBe(false)
    expect(r.ok ? '' : r.issues[0]?.message.nl).toMatch(/JSON/)
    expect(await storeHash()).toBe(before)
  })

  it('refuses an invalid instrument with the messages of a shipped file, and stores nothing', async () => {
    const broken = nextBar()
    broken.sections[0]!.items = []
    const r = await importInstrumentFile(fileOf(broken), catalogue)
    expect(r.ok ? [] : r.issues.map((i) => i.path)).toContain('$.sections[0].items')
    expect(await listLibrary()).toEqual([])
  })

  it('refuses a version already in the library, as for a shipped one', async () => {
    const cat = shippedCatalogue()
    expect((await addInstrumentToLibrary(nextBar(), cat, 'builder')).ok).toBe(true)
    const again = await addInstrumentToLibrary(nextBar(), cat, 'import')
    expect(again.ok ? '' : again.issues[0]?.message.en).toBe(
      "bar/1.2.1.json is already in this browser's library",
    )
  })
})
