import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { answersSchema } from '../../../src/core/assessment/answer-validator'
import {
  dateInputNames,
  fieldModels,
  toAnswer,
  toAnswers,
  toFormItems,
  toMetaValues,
} from '../../../src/form/model/form-values'
import {
  nameSegment,
  parseNumber,
  quantityKey,
  specifyKey,
} from '../../../src/form/model/item-values'
import { minimalInstrument, shipped } from '../../helpers/instruments'
import { readJson, root } from '../../helpers/files'
import { join } from 'node:path'
import type { Assessment } from '../../../src/core/assessment/assessment-schema'

describe('input names', () => {
  it('are made from ids, so an item inserted before another leaves its answer where it was', () => {
    const instrument = shipped('fml')
    const answers = (readJson(join(root, 'public/examples/fml-example.json')) as Assessment).answers
    const before = toFormItems(fieldModels(instrument), answers)
    const [first, ...rest] = instrument.sections
    const inserted = structuredClone(first!.items[0]!)
    inserted.id = 'nieuw.item'
    const grown = {
      ...instrument,
      sections: [{ ...first!, items: [inserted, ...first!.items] }, ...rest],
    }
    const after = toFormItems(fieldModels(grown), answers)
    for (const [key, values] of Object.entries(before)) expect(after[key]).toEqual(values)
    expect(toAnswers(fieldModels(grown), after)).toEqual(answers)
  })

  it('turn every id into one segment react-hook-form reads as a key, never two ids into one', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 20, unit: 'binary' }),
        fc.string({ minLength: 1, maxLength: 20, unit: 'binary' }),
        (a, b) => {
          const sa = nameSegment('i', a)
          expect(sa).toMatch(/^i-[A-Za-z0-9_-]*$/)
          if (a !== b) expect(nameSegment('i', b)).not.toBe(sa)
        },
      ),
    )
    expect(nameSegment('i', 'IV.13')).toBe('i-IV_2e_13')
    expect(nameSegment('i', 'a_b')).not.toBe(nameSegment('i', 'a.b'))
  })
})

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
    const key = (id: string) => nameSegment('i', id)
    items[key('tillen')] = {
      ...items[key('tillen')],
      level: 'licht',
      [quantityKey('max-load')]: '12,5',
      possible: 'Tilt licht',
      conditions: '',
    }
    items[key('keuze')] = { ...items[key('keuze')], choice: 'nee', [specifyKey('nee')]: 'Omdat' }
    items[key('toelichting')] = { text: 'Uitleg' }
    items[key('meer')] = { ...items[key('meer')], choices: ['2', '1'] }
    items[key('uren')] = { value: '20' }
    items[key('datum')] = { date: '23-11-2026' }
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
    const maxLoad = quantityKey('max-load')
    expect(toFormItems(fields, example.answers, 'nl')[tillen.name.slice(6)]?.[maxLoad]).toBe('7,5')
    expect(toFormItems(fields, example.answers, 'en')[tillen.name.slice(6)]?.[maxLoad]).toBe('7.5')
  })

  it('leaves untouched items unanswered', () => {
    const fields = fieldModels(minimalInstrument())
    expect(toAnswers(fields, toFormItems(fields, {}))).toEqual({})
  })
})

describe('toAnswer (date)', () => {
  const datum = minimalInstrument().sections[0]!.items.find((i) => i.id === 'datum')!

  it('reads a date typed day first, in either language, as YYYY-MM-DD', () => {
    for (const typed of ['23-11-2026', '23/11/2026', ' 23.11.2026 ', '2026-11-23'])
      expect(toAnswer(datum, { date: typed }), typed).toEqual({ kind: 'date', date: '2026-11-23' })
  })

  it('leaves an empty date unanswered and passes a typo on as typed, for the validator to reject', () => {
    expect(toAnswer(datum, { date: '  ' })).toBeUndefined()
    expect(toAnswer(datum, { date: '31-02-2026' })).toEqual({ kind: 'date', date: '31-02-2026' })
  })
})

describe('toMetaValues', () => {
  const meta = {
    authorRole: 'bedrijfsarts',
    authorName: 'A',
    employee: 'W.V.',
    assessmentDate: '2026-11-02',
  } as const

  it('shows the dates day first as the language writes them', () => {
    expect(toMetaValues({ ...meta, validUntil: '2027-05-02' }, 'nl')).toMatchObject({
      assessmentDate: '02-11-2026',
      validUntil: '02-05-2027',
    })
    expect(toMetaValues(meta, 'en')).toMatchObject({ assessmentDate: '02/11/2026', validUntil: '' })
  })
})

describe('dateInputNames', () => {
  it("names the details' two date inputs and each date item's", () => {
    const fields = fieldModels(shipped('fml'))
    const dates = fields.filter((f) => f.item.answer.kind === 'date').map((f) => `${f.name}.date`)
    expect(dates).toHaveLength(2)
    expect(dateInputNames(fields)).toEqual(['meta.assessmentDate', 'meta.validUntil', ...dates])
  })
})
