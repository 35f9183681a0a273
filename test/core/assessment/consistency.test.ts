import { describe, expect, it } from 'vitest'
import type { Answers } from '../../../src/core/assessment/assessment-schema'
import { checkConsistency } from '../../../src/core/assessment/consistency'
import { many, one } from '../../helpers/assessments'
import { shippedPair } from '../../helpers/shipped-pair'

const { bar, fml } = shippedPair()
const pairs = (answers: Answers) =>
  checkConsistency(fml, answers).map((c) => `${c.item} > ${c.excludes}`)

describe('checkConsistency', () => {
  it('finds I.8 "Nee, geen specifieke voorwaarden" beside I.7 "tempo duidelijk verlaagd"', () => {
    const found = checkConsistency(fml, { 'I.8': many('0'), 'I.7': one('1') })
    expect(found).toHaveLength(1)
    expect(found[0]).toMatchObject({ item: 'I.8', excludes: 'I.7' })
    expect(found[0]?.exclusion.reason.nl).toBeTruthy()
    expect(found[0]?.exclusion.reason.en).toBeTruthy()
  })

  it('finds IV.3 Norm beside a limited IV.4, and II.12 "Nee" beside a strongly limited II.9', () => {
    expect(pairs({ 'IV.3': many('0'), 'IV.4': one('2') })).toEqual(['IV.3 > IV.4'])
    expect(pairs({ 'II.12': many('0'), 'II.9': one('2') })).toEqual(['II.12 > II.9'])
  })

  it('finds V.6 Norm beside a limited bending (IV.9) or trunk rotation (IV.11)', () => {
    expect(pairs({ 'V.6': one('0'), 'IV.9': one('1'), 'IV.11': one('1') })).toEqual([
      'V.6 > IV.9',
      'V.6 > IV.11',
    ])
  })

  it('finds hours per week above five times the hours per day (VI.3 against VI.2)', () => {
    expect(pairs({ 'VI.3': one('0'), 'VI.2': one('1') })).toEqual(['VI.3 > VI.2'])
    // Two of the hour rules break here; one warning is said for the pair.
    expect(pairs({ 'VI.3': one('1'), 'VI.2': one('3') })).toEqual(['VI.3 > VI.2'])
  })

  it('accepts answers that go together', () => {
    expect(pairs({ 'I.8': many('4'), 'I.7': one('1') })).toEqual([])
    expect(pairs({ 'I.8': many('0'), 'I.7': one('0') })).toEqual([])
    // "Sterk beperkt" only: a limited collaboration may go without specific conditions.
    expect(pairs({ 'II.12': many('0'), 'II.9': one('1') })).toEqual([])
    expect(pairs({ 'VI.3': one('2'), 'VI.2': one('2') })).toEqual([])
    expect(pairs({ 'VI.3': one('3'), 'VI.2': one('1') })).toEqual([])
  })

  it('lets unanswered items break nothing: a claim that is not ticked claims nothing', () => {
    expect(pairs({})).toEqual([])
    expect(pairs({ 'VI.2': one('4') })).toEqual([])
    expect(pairs({ 'I.7': one('1'), 'IV.4': one('3'), 'II.9': one('2') })).toEqual([])
    expect(pairs({ 'I.8': many('0'), 'IV.3': many('0'), 'VI.3': one('0') })).toEqual([])
  })

  it('finds nothing in an instrument that declares no exclusions', () => {
    expect(
      checkConsistency(bar, { 'fysiek.tillen': { kind: 'capacity', level: 'licht' } }),
    ).toEqual([])
  })
})
