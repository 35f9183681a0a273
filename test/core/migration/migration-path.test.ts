import { describe, expect, it } from 'vitest'
import { latestVersions } from '../../../src/core/instrument/catalogue-data'
import type { Instrument } from '../../../src/core/instrument/meta-schema'
import { migrationPath, newerVersion } from '../../../src/core/migration/migration-path'
import { shippedCatalogue } from '../../helpers/instruments'
import { demoChain } from '../../helpers/migration-chain'

const demo = demoChain()

describe('migrationPath', () => {
  it('lists the versions from one to the other, both included', () => {
    const r = migrationPath(demo, 'demo', '1.0.0', '2.0.0')
    expect(r.ok && r.value.map((i) => i.version)).toEqual(['1.0.0', '1.1.0', '2.0.0'])
    const same = migrationPath(demo, 'demo', '1.1.0', '1.1.0')
    expect(same.ok && same.value.map((i) => i.version)).toEqual(['1.1.0'])
  })

  it('says which versions are known when one is not', () => {
    const r = migrationPath(demo, 'demo', '0.1.0', '2.0.0')
    expect(r.ok ? [] : r.issues.map((i) => i.message)).toEqual([
      {
        nl: 'Versie 0.1.0 van demo is niet bekend (bekend: 1.0.0, 1.1.0, 2.0.0)',
        en: 'Version 0.1.0 of demo is not known (known: 1.0.0, 1.1.0, 2.0.0)',
      },
    ])
  })
})

describe('latestVersions and newerVersion', () => {
  const release = (version: string) => ({ ...(demo[0] as Instrument), version })

  it('give the newest release of each instrument, a pre-release only when there is no release', () => {
    const { instruments } = shippedCatalogue()
    expect(latestVersions(instruments).map((i) => `${i.id} ${i.version}`)).toEqual([
      'bar 1.2.0',
      'fml 1.0.0',
    ])
    expect(latestVersions([release('1.0.0'), release('2.0.0-rc.1')]).map((i) => i.version)).toEqual(
      ['1.0.0'],
    )
    expect(latestVersions([release('2.0.0-rc.1'), release('2.0.0-rc.2')])[0]?.version).toBe(
      '2.0.0-rc.2',
    )
  })

  it('offers the upgrade only to an assessment of an older version', () => {
    expect(newerVersion(demo, { id: 'demo', version: '1.0.0' })?.version).toBe('2.0.0')
    expect(newerVersion(demo, { id: 'demo', version: '2.0.0' })).toBeUndefined()
    expect(newerVersion(demo, { id: 'other', version: '1.0.0' })).toBeUndefined()
  })
})
