import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadCrosswalk } from '../../../src/core/compare/load-crosswalk'
import { readJson, root } from '../../helpers/files'
import { shipped } from '../../helpers/instruments'

const bar = shipped('bar')
const fml = shipped('fml')
const shippedCrosswalk = () =>
  readJson(join(root, 'schemas/crosswalk/bar-1.0.0__fml-1.0.0.json')) as {
    rules: Record<string, unknown>[]
    from: { id: string; version: string }
  }

function problems(input: unknown) {
  const r = loadCrosswalk(input, bar, fml)
  return r.ok ? [] : r.issues.map((i) => `${i.path} ${i.message.en}`)
}

describe('loadCrosswalk', () => {
  it('accepts the shipped crosswalk: one rule for each of the 64 FML items, every kind used', () => {
    const r = loadCrosswalk(shippedCrosswalk(), bar, fml)
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.value.rules).toHaveLength(64)
    expect(new Set(r.value.rules.map((x) => x.kind))).toEqual(
      new Set(['threshold', 'level-map', 'not-derivable']),
    )
  })

  it('refuses a missing rule, naming the item', () => {
    const cw = shippedCrosswalk()
    cw.rules = cw.rules.filter((r) => r.target !== 'IV.13')
    expect(problems(cw)).toEqual([
      '$.rules One rule per item of fml in order required; missing: IV.13; unknown or duplicate: -',
    ])
  })

  it('refuses a source item, quantity or level that does not exist, and an option the FML item lacks', () => {
    const cw = shippedCrosswalk()
    const i = cw.rules.findIndex((r) => r.target === 'IV.13')
    cw.rules[i] = {
      kind: 'threshold',
      target: 'IV.13',
      source: { item: 'fysiek.tillen', quantity: 'gewicht' },
      unit: 'kg',
      fallback: { item: 'fysiek.tillen', levels: { heel: '0', geen: '7' } },
    }
    const j = cw.rules.findIndex((r) => r.target === 'II.1')
    cw.rules[j] = {
      kind: 'level-map',
      target: 'II.1',
      source: { item: 'sociaal.kijken', levels: { geen: '0' } },
    }
    expect(problems(cw)).toEqual([
      `$.rules[${j}].source.item Item "sociaal.kijken" does not exist in bar`,
      `$.rules[${i}].source.quantity Item "fysiek.tillen" has no quantity "gewicht"`,
      `$.rules[${i}].fallback.levels.heel Item "fysiek.tillen" has no level "heel"`,
      `$.rules[${i}].fallback.levels.geen Item "IV.13" has no option "7"`,
    ])
    expect(j).toBeLessThan(i)
  })

  it('refuses a threshold rule in a unit the FML item does not use', () => {
    const cw = shippedCrosswalk()
    const i = cw.rules.findIndex((r) => r.target === 'IV.13')
    cw.rules[i] = {
      kind: 'threshold',
      target: 'IV.13',
      source: { item: 'fysiek.zitten', quantity: 'continuous' },
      unit: 'minutes',
    }
    expect(problems(cw)).toEqual([
      `$.rules[${i}].unit No option of IV.13 states a threshold in minutes`,
    ])
  })

  it('refuses a crosswalk written for other instrument versions', () => {
    const cw = shippedCrosswalk()
    cw.from = { id: 'bar', version: '2.0.0' }
    expect(problems(cw)).toEqual(['$.from Expected bar 1.0.0, but the file names bar 2.0.0'])
  })
})
