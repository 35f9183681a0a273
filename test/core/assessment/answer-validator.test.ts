import { describe, expect, it } from 'vitest'
import { answersSchema } from '../../../src/core/assessment/answer-validator'
import { fromZodError } from '../../../src/core/issues/zod-issues'
import { minimalInstrument } from '../../helpers/instruments'

const instrument = minimalInstrument()

function check(answers: unknown) {
  const r = answersSchema(instrument).safeParse(answers, { reportInput: true })
  return r.success ? [] : fromZodError(r.error).map((i) => `${i.path} ${i.message.en}`)
}

function dutch(answers: unknown) {
  const r = answersSchema(instrument).safeParse(answers, { reportInput: true })
  return r.success ? [] : fromZodError(r.error).map((i) => i.message.nl)
}

describe('answersSchema', () => {
  it('accepts an empty draft and a full answer of every kind', () => {
    expect(check({})).toEqual([])
    expect(
      check({
        tillen: {
          kind: 'capacity',
          level: 'licht',
          quantities: { 'max-load': 12.5 },
          possible: 'Tilt 12 kg',
          conditions: 'Tilhulp',
        },
        keuze: { kind: 'single', choice: 'nee', specify: 'Omdat' },
        toelichting: { kind: 'text', text: 'Vrije tekst' },
        meer: { kind: 'multiple', choices: ['1', '2'] },
        uren: { kind: 'quantity', value: 20.5 },
        datum: { kind: 'date', date: '2026-11-23' },
      }),
    ).toEqual([])
  })

  it('single: refuses an option code the item does not have', () => {
    expect(check({ keuze: { kind: 'single', choice: 'misschien' } })).toEqual([
      '$.keuze.choice Invalid option: expected one of "ja"|"nee"',
    ])
  })

  it('single: requires the "namely" text where the option needs it, in both languages', () => {
    expect(check({ keuze: { kind: 'single', choice: 'nee', specify: '  ' } })).toEqual([
      '$.keuze.specify This choice needs a "namely" text',
    ])
    expect(dutch({ keuze: { kind: 'single', choice: 'nee' } })).toEqual([
      'Vul bij deze keuze "namelijk" in',
    ])
    expect(check({ keuze: { kind: 'single', choice: 'ja' } })).toEqual([])
  })

  it('multiple: refuses an exclusive option combined with others, duplicates and empty lists', () => {
    expect(check({ meer: { kind: 'multiple', choices: ['0', '1'] } })).toEqual([
      '$.meer.choices Choice "0" cannot be combined with other choices',
    ])
    expect(check({ meer: { kind: 'multiple', choices: ['1', '1'] } })).toEqual([
      '$.meer.choices A choice is listed twice',
    ])
    expect(check({ meer: { kind: 'multiple', choices: [] } })[0]).toMatch(
      /^\$\.meer\.choices Too small/,
    )
  })

  it('quantity: checks bounds and step', () => {
    expect(check({ uren: { kind: 'quantity', value: 61 } })).toEqual([
      '$.uren.value Must be between 0 and 60',
    ])
    expect(check({ uren: { kind: 'quantity', value: -1 } })).toHaveLength(1)
    expect(check({ uren: { kind: 'quantity', value: 20.3 } })).toEqual([
      '$.uren.value Must be a multiple of 0.5',
    ])
    expect(check({ uren: { kind: 'quantity', value: 0 } })).toEqual([])
    expect(check({ uren: { kind: 'quantity', value: 60 } })).toEqual([])
    expect(check({ uren: { kind: 'quantity', value: '20' } })).toEqual([
      '$.uren.value Invalid input: expected number, received string',
    ])
  })

  it('capacity: checks level codes, quantity ids and quantity bounds', () => {
    expect(
      check({
        tillen: { kind: 'capacity', level: 'enorm', quantities: { 'max-load': 80, gewicht: 1 } },
      }),
    ).toEqual([
      '$.tillen.level Invalid option: expected one of "geen"|"licht"|"ernstig"',
      '$.tillen.quantities Unknown field: gewicht',
    ])
    expect(
      check({ tillen: { kind: 'capacity', level: 'licht', quantities: { 'max-load': 80 } } }),
    ).toEqual(['$.tillen.quantities["max-load"] Must be between 0 and 50'])
  })

  it('text: refuses text longer than the item allows', () => {
    expect(check({ toelichting: { kind: 'text', text: 'x'.repeat(501) } })[0]).toMatch(
      /^\$\.toelichting\.text Too big/,
    )
  })

  it('date: refuses a date that does not exist', () => {
    expect(check({ datum: { kind: 'date', date: '2026-02-30' } })).toEqual([
      '$.datum.date Invalid ISO date',
    ])
  })

  it('refuses answers for unknown items and answers of the wrong kind', () => {
    expect(check({ 'X.99': { kind: 'text', text: 'x' } })).toEqual([
      '$["X.99"] Unknown item "X.99" in test 1.0.0',
    ])
    expect(check({ keuze: { kind: 'text', text: 'ja' } })).toEqual([
      '$.keuze.kind Wrong answer kind: "text", expected "single"',
    ])
  })
})
