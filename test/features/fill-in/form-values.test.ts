import { describe, expect, it } from 'vitest'
import { answersSchema } from '../../../src/core/assessment/answer-validator'
import {
  fieldModels,
  parseNumber,
  toAnswers,
  toFormItems,
} from '../../../src/features/fill-in/form-values'
import { minimalInstrument, shipped } from '../../helpers/instruments'
import { readJson, root } from '../../helpers/files'
import { join } from 'node:path'
import type { Assessment } from '../../../src/core/assessment/assessment-schema'

describe('parseNumber', () => {
  it('reads a Dutch decimal comma, leaves empty input unanswered and marks garbage as NaN', () => {
    expect(parseNumber('7,5')).toBe(7.5)
    expect(parseNumber(' 12 ')).toBe(12)
    expect(parseNumber('')).toBeUndefined()
    expect(parseNumber('twaalf')).toBeNaN()
  })
})

describe('toAnswers / toFormItems', () => {
  it('round-trips the example BAR and FML answers through the form values unchanged', () => {
    for (const [id, file] of [
      ['bar', 'bar-example.json'],
      ['fml', 'fml-example.json'],
    ] as const) {
      const example = readJson(join(root, 'public/examples', file)) as Assessment
      const fields = fieldModels(shipped(id))
      expect(toAnswers(fields, toFormItems(fields, example.answers))).toEqual(example.answers)
      expect(toAnswers(fields, toFormItems(fields, example.answers, 'nl'))).toEqual(example.answers)
    }
  })

  it('turns typed values into answers of each kind that the validator accepts', () => {
    const instrument = minimalInstrument()
    const fields = fieldModels(instrument)
    const items = toFormItems(fields, {})
    items.f0 = { ...items.f0, level: 'licht', q0: '12,5', possible: 'Tilt licht', conditions: '' }
    items.f1 = { ...items.f1, choice: 'nee', s1: 'Omdat' }
    items.f2 = { text: 'Uitleg' }
    items.f3 = { ...items.f3, choices: ['2', '1'] }
    items.f4 = { value: '20' }
    items.f5 = { date: '2026-11-23' }
    const answers = toAnswers(fields, items)
    expect(answers).toEqual({
      tillen: {
        kind: 'capacity',
        level: 'licht',
        quantities: { 'max-load': 12.5 },
        possible: 'Tilt licht',
      },
      keuze: { kind: 'single', choice: 'nee', specify: 'Omdat' },
      toelichting: { kind: 'text', text: 'Uitleg' },
      meer: { kind: 'multiple', choices: ['1', '2'] },
      uren: { kind: 'quantity', value: 20 },
      datum: { kind: 'date', date: '2026-11-23' },
    })
    expect(answersSchema(instrument).safeParse(answers).success).toBe(true)
  })

  it('shows a saved decimal with a comma in Dutch', () => {
    const example = readJson(join(root, 'public/examples/bar-example.json')) as Assessment
    const fields = fieldModels(shipped('bar'))
    const tillen = fields.find((f) => f.item.id === 'fysiek.tillen')!
    expect(toFormItems(fields, example.answers, 'nl')[tillen.name.slice(6)]?.q0).toBe('7,5')
    expect(toFormItems(fields, example.answers, 'en')[tillen.name.slice(6)]?.q0).toBe('7.5')
  })

  it('leaves untouched items unanswered', () => {
    const fields = fieldModels(minimalInstrument())
    expect(toAnswers(fields, toFormItems(fields, {}))).toEqual({})
  })
})
