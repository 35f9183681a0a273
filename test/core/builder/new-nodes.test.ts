import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  ANSWER_KINDS,
  blankText,
  defaultAnswer,
  freshCode,
  freshId,
  newItem,
  newOption,
  newSection,
  nextRank,
} from '../../../src/core/builder/new-nodes'
import { answerSpecSchema } from '../../../src/core/instrument/meta-schema'

const filled = (value: unknown): unknown =>
  JSON.parse(
    JSON.stringify(value).replaceAll('"nl":""', '"nl":"x"').replaceAll('"en":""', '"en":"x"'),
  )

describe('freshId', () => {
  it('takes the stem when it is free, else the first free numbered one', () => {
    expect(freshId('nieuw-item', new Set())).toBe('nieuw-item')
    expect(freshId('nieuw-item', new Set(['nieuw-item']))).toBe('nieuw-item-2')
    expect(freshId('nieuw-item', new Set(['nieuw-item', 'nieuw-item-2', 'nieuw-item-4']))).toBe(
      'nieuw-item-3',
    )
  })

  it('never gives a taken id', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'a-2', 'a-3', 'a-4', 'b')), (taken) => {
        expect(taken).not.toContain(freshId('a', new Set(taken)))
      }),
    )
  })
})

describe('freshCode', () => {
  it('numbers options from 1, skipping codes in use', () => {
    expect(freshCode(new Set())).toBe('optie-1')
    expect(freshCode(new Set(['optie-1', 'optie-3']))).toBe('optie-2')
  })
})

describe('defaultAnswer', () => {
  it('gives each kind the spec it starts with', () => {
    expect(defaultAnswer('text')).toEqual({ kind: 'text', multiline: false, maxLength: 2000 })
    expect(defaultAnswer('quantity')).toEqual({
      kind: 'quantity',
      unit: 'hours-per-day',
      min: 0,
      max: 24,
    })
    expect(defaultAnswer('date')).toEqual({ kind: 'date' })
    expect(defaultAnswer('single')).toEqual({
      kind: 'single',
      options: [
        { code: 'optie-1', label: { nl: '', en: '' } },
        { code: 'optie-2', label: { nl: '', en: '' } },
      ],
    })
    expect(defaultAnswer('capacity')).toMatchObject({ kind: 'capacity', quantities: [] })
    expect(defaultAnswer('multiple')).toMatchObject({ kind: 'multiple' })
  })

  it('is a valid spec of every kind once its blank texts are written', () => {
    for (const kind of ANSWER_KINDS) {
      expect(answerSpecSchema.safeParse(filled(defaultAnswer(kind))).success, kind).toBe(true)
      if (kind === 'single' || kind === 'capacity')
        expect(answerSpecSchema.safeParse(defaultAnswer(kind)).success, kind).toBe(false)
    }
  })

  it('gives a new object each time', () => {
    expect(defaultAnswer('single')).not.toBe(defaultAnswer('single'))
    expect(blankText()).not.toBe(blankText())
  })
})

describe('nextRank', () => {
  it('ranks a new option one above the highest when all are ranked, else not at all', () => {
    expect(nextRank([newOption('a', 0), newOption('b', 3)])).toBe(4)
    expect(nextRank([newOption('a', 0), newOption('b')])).toBeUndefined()
    expect(nextRank([newOption('a'), newOption('b')])).toBeUndefined()
    expect(nextRank([])).toBeUndefined()
  })
})

describe('newItem', () => {
  it('makes an item with a blank label and the default answer of its kind', () => {
    expect(newItem('x', 'date')).toEqual({
      id: 'x',
      label: { nl: '', en: '' },
      answer: { kind: 'date' },
    })
  })
})

describe('newSection', () => {
  it('makes a section holding the item, in a domain when given', () => {
    const it1 = newItem('x', 'text')
    expect(newSection('s', it1)).toEqual({ id: 's', label: { nl: '', en: '' }, items: [it1] })
    expect(newSection('s', it1, 'fysiek').domain).toBe('fysiek')
  })
})
