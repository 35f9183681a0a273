import { describe, expect, it } from 'vitest'
import type { Answers } from '../../src/core/assessment/assessment-schema'
import { buildValidators, checkItem, validAnswers } from '../../src/form/form-validation'
import { fieldModels, itemKey, toFormItems } from '../../src/form/model/form-values'
import { quantityKey } from '../../src/form/model/item-values'
import { shipped } from '../helpers/instruments'

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
    items[k] = {
      ...items[k],
      [quantityKey('max-load')]: '1O',
      conditions: 'Met tilhulp; niet boven schouderhoogte.',
    }
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
    items[k] = {
      ...items[k],
      level: 'licht',
      [quantityKey('max-load')]: 'abc',
      [quantityKey('frequency')]: '20',
      possible: 'Licht werk',
    }
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
    items[k] = { ...items[k], [quantityKey('max-load')]: '12,5' }
    const r = validAnswers(fields, items, validators, saved)
    expect(r.invalid).toBe(0)
    expect(r.answers['fysiek.tillen']).toMatchObject({ quantities: { 'max-load': 12.5 } })
  })
})

describe('validAnswers with a typed date', () => {
  const withDate: Answers = {
    ...saved,
    'prognose.herevaluatie': { kind: 'date', date: '2026-12-21' },
  }

  it('shows the saved date day first in the language, and saves it unchanged', () => {
    const items = toFormItems(fields, withDate, 'nl')
    expect(items[key('prognose.herevaluatie')]).toEqual({ date: '21-12-2026' })
    expect(toFormItems(fields, withDate, 'en')[key('prognose.herevaluatie')]).toEqual({
      date: '21/12/2026',
    })
    const r = validAnswers(fields, items, validators, withDate)
    expect(r).toEqual({ answers: withDate, invalid: 0 })
  })

  it('saves a date typed day first as YYYY-MM-DD', () => {
    const items = toFormItems(fields, withDate, 'nl')
    items[key('prognose.herevaluatie')] = { date: '5-3-2027' }
    const r = validAnswers(fields, items, validators, withDate)
    expect(r.invalid).toBe(0)
    expect(r.answers['prognose.herevaluatie']).toEqual({ kind: 'date', date: '2027-03-05' })
  })

  it('keeps the saved date when the typed one does not exist or is not a date', () => {
    for (const typed of ['31-02-2026', '21-12-26', 'morgen']) {
      const items = toFormItems(fields, withDate, 'nl')
      items[key('prognose.herevaluatie')] = { date: typed }
      const r = validAnswers(fields, items, validators, withDate)
      expect(r.invalid, typed).toBe(1)
      expect(r.answers, typed).toEqual(withDate)
    }
  })

  it('saves no date where a typo stands and none was saved before', () => {
    const items = toFormItems(fields, saved, 'nl')
    items[key('prognose.herevaluatie')] = { date: '31-02-2026' }
    const r = validAnswers(fields, items, validators, saved)
    expect(r.invalid).toBe(1)
    expect(r.answers).toEqual(saved)
  })

  it('removes the saved date when the field is emptied', () => {
    const items = toFormItems(fields, withDate, 'nl')
    items[key('prognose.herevaluatie')] = { date: ' ' }
    expect(validAnswers(fields, items, validators, withDate)).toEqual({
      answers: saved,
      invalid: 0,
    })
  })
})

describe('checkItem', () => {
  const field = fields.find((f) => f.item.id === 'prognose.herevaluatie')!

  it('says what is wrong with a typed date as typed, on the date input', () => {
    expect(checkItem(field, { date: '31-02-2026' }, validators).errors).toEqual([
      {
        name: `${field.name}.date`,
        message: {
          nl: '31-02-2026 bestaat niet: kijk de dag en de maand na',
          en: '31-02-2026 does not exist: check the day and the month',
        },
      },
    ])
    expect(checkItem(field, { date: '05/03/2027' }, validators).errors).toEqual([])
  })
})
