import { describe, expect, it } from 'vitest'
import { checkLibraryFile } from '../../../src/core/instrument/library-file'
import { shippedCatalogue } from '../../helpers/instruments'
import { nextBar } from '../../helpers/next-version'

const catalogue = shippedCatalogue()
const messages = (r: ReturnType<typeof checkLibraryFile>) =>
  r.ok ? [] : r.issues.map((i) => i.message.en)

describe('checkLibraryFile', () => {
  it('accepts a next version of the latest BAR, with the path it would have in schemas/', () => {
    const r = checkLibraryFile(nextBar(), catalogue)
    expect(r.ok && r.value.path).toBe('bar/1.2.1.json')
    expect(r.ok && r.value.instrument.family).toBe('bar')
  })

  it('refuses a version that is already published, saying it never changes', () => {
    const copy = { ...nextBar(), version: '1.2.0' }
    expect(messages(checkLibraryFile(copy, catalogue))).toEqual([
      'bar 1.2.0 already exists. A published version never changes: give this one a higher version number',
    ])
  })

  it('refuses a version between published ones: versions form one chain', () => {
    const between = { ...nextBar(), version: '1.1.5', migration: { from: '1.1.0', steps: [] } }
    expect(messages(checkLibraryFile(between, catalogue))).toEqual([
      'bar 1.1.5 comes before the latest version 1.2.0: a new version follows the latest',
    ])
  })

  it('refuses a next version without a migration, with the message of a shipped file', () => {
    const bare: Record<string, unknown> = { ...nextBar() }
    delete bare.migration
    expect(messages(checkLibraryFile(bare, catalogue)).join(' ')).toMatch(
      /bar 1\.2\.1 follows 1\.2\.0: say with "migration"/,
    )
  })

  it('reports every meta-schema problem of a broken file, bilingual', () => {
    const broken = nextBar()
    ;(broken.sections[0] as { label: unknown }).label = { nl: '', en: 'x' }
    const r = checkLibraryFile(broken, catalogue)
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.issues[0]?.path).toBe('$.sections[0].label.nl')
      expect(r.issues[0]?.message.nl).not.toBe(r.issues[0]?.message.en)
    }
  })

  it('refuses something that is not an instrument at all', () => {
    const r = checkLibraryFile({ hello: 'world' }, catalogue)
    expect(r.ok).toBe(false)
    expect(messages(r).length).toBeGreaterThan(0)
  })
})
