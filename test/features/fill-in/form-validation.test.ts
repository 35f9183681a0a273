import { describe, expect, it } from 'vitest'
import type { Answers } from '../../../src/core/assessment/assessment-schema'
import { buildValidators, validAnswers } from '../../../src/features/fill-in/form-validation'
import { fieldModels, itemKey, toFormItems } from '../../../src/features/fill-in/form-values'
import { shipped } from '../../helpers/instruments'

const bar = shipped('bar')
const fields = fieldModels(bar)
const validators = buildValidators(bar)
const key = (id: string) => itemKey(fields.find((f) => f.item.id === id)!)

const saved: Answers = {
  'fysiek.tillen': {
    kind: 'capacity',
    level: 'matig',
    quantities: { 'max-load': 7.5, frequency: 10 },
    possible: 'Tilt kratten tot 7,5 kg.',
    conditions: 'Met tilhulp.',
  },
}

describe('validAnswers', () => {
  it('keeps the last saved value of a field with a typo and saves the rest of the item', () => {
    const items = toFormItems(fields, saved, 'nl')
    const k = key('fysiek.tillen')
    items[k] = { ...items[k], q0: '1O', conditions: 'Met tilhulp; niet boven schouderhoogte.' }
    const r = validAnswers(fields, items, validators, saved)
    expect(r.invalid).toBe(1)
    expect(r.answers['fysiek.tillen']).toEqual({
      kind: 'capacity',
      level: 'matig',
      quantities: { 'max-load': 7.5, frequency: 10 },
      possible: 'Tilt kratten tot 7,5 kg.',
      conditions: 'Met tilhulp; niet boven schouderhoogte.',
    })
  })

  it('leaves out a field with an error that was never saved, and keeps the valid fields', () => {
    const items = toFormItems(fields, {}, 'nl')
    const k = key('fysiek.tillen')
    items[k] = { ...items[k], level: 'licht', q0: 'abc', q1: '20', possible: 'Licht werk' }
    const r = validAnswers(fields, items, validators, {})
    expect(r.invalid).toBe(1)
    expect(r.answers['fysiek.tillen']).toEqual({
      kind: 'capacity',
      level: 'licht',
      quantities: { frequency: 20 },
      possible: 'Licht werk',
    })
  })

  it('saves a valid change in full and counts nothing held back', () => {
    const items = toFormItems(fields, saved, 'nl')
    const k = key('fysiek.tillen')
    items[k] = { ...items[k], q0: '12,5' }
    const r = validAnswers(fields, items, validators, saved)
    expect(r.invalid).toBe(0)
    expect(r.answers['fysiek.tillen']).toMatchObject({ quantities: { 'max-load': 12.5 } })
  })
})
