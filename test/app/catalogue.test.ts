import { describe, expect, it } from 'vitest'
import { catalogueSource, pendingCatalogueSource, shippedPaths } from '../../src/app/catalogue'
import { carryCrosswalk } from '../../src/core/compare/carry-crosswalk'
import { nextBar } from '../helpers/next-version'

const versions = (c: { instruments: { id: string; version: string }[] }) =>
  c.instruments.map((i) => `${i.id} ${i.version}`)

describe('catalogueSource', () => {
  it('knows every shipped version from the build-time index, without loading a file', () => {
    const source = catalogueSource([])
    expect(source.known.map((k) => `${k.id} ${k.version} ${k.origin}`)).toEqual([
      'bar 1.0.0 shipped',
      'bar 1.1.0 shipped',
      'bar 1.2.0 shipped',
      'fml 1.0.0 shipped',
    ])
    expect(shippedPaths).toContain('vocabulary/1.0.0.json')
    expect(source.newerVersionOf({ id: 'bar', version: '1.0.0' })).toBe('1.2.0')
    expect(source.newerVersionOf({ id: 'bar', version: '1.1.0' })).toBe('1.2.0')
    expect(source.newerVersionOf({ id: 'bar', version: '1.2.0' })).toBeUndefined()
  })

  it('loads one instrument with its vocabulary only, the same catalogue on every call', async () => {
    const source = catalogueSource([])
    const one = await source.instrument({ id: 'fml', version: '1.0.0' })
    expect(versions(one)).toEqual(['fml 1.0.0'])
    expect(one.vocabularies.map((v) => v.version)).toEqual(['1.0.0'])
    expect(await source.instrument({ id: 'fml', version: '1.0.0' })).toBe(one)
    // An unknown version brings the versions there are, to name them; an unknown instrument none.
    expect(versions(await source.instrument({ id: 'fml', version: '9.9.9' }))).toEqual([
      'fml 1.0.0',
    ])
    expect(versions(await source.instrument({ id: 'izp', version: '1.0.0' }))).toEqual([])
  })

  it('adds the library versions, checked against the shipped ones, to every catalogue', async () => {
    const source = catalogueSource([{ path: 'bar/1.2.1.json', json: nextBar() }])
    expect(source.known.at(-2)).toMatchObject({ id: 'bar', version: '1.2.1', origin: 'library' })
    expect(source.newerVersionOf({ id: 'bar', version: '1.2.0' })).toBe('1.2.1')
    const whole = await source.whole()
    expect(versions(whole)).toEqual([
      'bar 1.0.0',
      'bar 1.1.0',
      'bar 1.2.0',
      'bar 1.2.1',
      'fml 1.0.0',
    ])
    expect(whole.problems).toEqual([])
    expect(whole.crosswalks.length).toBe(3)
    expect(versions(await source.instrument({ id: 'bar', version: '1.2.1' }))).toContain(
      'bar 1.2.1',
    )
  })

  it('takes a crosswalk carried to a library version, so that version compares with the FML', async () => {
    const shippedWhole = await catalogueSource([]).whole()
    const from = shippedWhole.crosswalks.find((c) => c.from.version === '1.2.0')
    const fml = shippedWhole.instruments.find((i) => i.id === 'fml')
    if (!from || !fml) throw new Error('shipped crosswalk and FML')
    const carried = carryCrosswalk(from, nextBar(), fml)
    if (!carried.ok) throw new Error('carried')
    const whole = await catalogueSource([
      { path: 'bar/1.2.1.json', json: nextBar() },
      { path: 'crosswalk/bar-1.2.1__fml-1.0.0.json', json: carried.value },
    ]).whole()
    expect(whole.problems).toEqual([])
    expect(whole.crosswalks.map((c) => c.id)).toContain('bar-1.2.1__fml-1.0.0')
  })

  it('reports a broken library file as a problem and keeps everything else usable', async () => {
    const broken = { ...nextBar(), migration: undefined }
    const whole = await catalogueSource([{ path: 'bar/1.2.1.json', json: broken }]).whole()
    expect(versions(whole)).toEqual(['bar 1.0.0', 'bar 1.1.0', 'bar 1.2.0', 'fml 1.0.0'])
    expect(whole.problems.map((p) => p.path)).toEqual(['bar/1.2.1.json'])
  })

  it('never lets a library file replace a shipped one', async () => {
    const impostor = { ...nextBar(), version: '1.1.0' }
    const source = catalogueSource([{ path: 'bar/1.1.0.json', json: impostor }])
    const whole = await source.whole()
    const label = (v: string) =>
      whole.instruments
        .find((i) => i.version === v)
        ?.sections.flatMap((s) => s.items)
        .find((i) => i.id === 'fysiek.tillen')?.label.nl
    expect(label('1.1.0')).not.toContain('herzien')
    expect(source.known.filter((k) => k.origin === 'library')).toEqual([])
  })
})

describe('pendingCatalogueSource', () => {
  it('loads a shipped instrument without waiting for the library', async () => {
    const never = new Promise<never>(() => {})
    const one = await pendingCatalogueSource(never).instrument({ id: 'bar', version: '1.1.0' })
    expect(versions(one)).toEqual(['bar 1.1.0'])
  })

  it('waits for the library for a version not shipped, and for the whole catalogue', async () => {
    let give: (files: { path: string; json: unknown }[]) => void = () => {}
    const library = new Promise<{ path: string; json: unknown }[]>((r) => (give = r))
    const source = pendingCatalogueSource(library)
    const later = source.instrument({ id: 'bar', version: '1.2.1' })
    expect(source.instrument({ id: 'bar', version: '1.2.1' })).toBe(later)
    give([{ path: 'bar/1.2.1.json', json: nextBar() }])
    expect(versions(await later)).toContain('bar 1.2.1')
    expect(versions(await source.whole())).toContain('bar 1.2.1')
  })

  it('works with the shipped files alone when the library cannot be read', async () => {
    const source = pendingCatalogueSource(Promise.reject(new Error('blocked')))
    expect(versions(await source.whole())).toEqual([
      'bar 1.0.0',
      'bar 1.1.0',
      'bar 1.2.0',
      'fml 1.0.0',
    ])
  })
})
