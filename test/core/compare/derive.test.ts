import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Assessment } from '../../../src/core/assessment/assessment-schema'
import { answersSchema } from '../../../src/core/assessment/answer-validator'
import type { Crosswalk } from '../../../src/core/compare/crosswalk-schema'
import { deriveAssessment, pickByThreshold } from '../../../src/core/compare/derive'
import { choiceOptions } from '../../../src/core/instrument/choice-options'
import type { Item } from '../../../src/core/instrument/meta-schema'
import { readJson, root } from '../../helpers/files'
import { shipped } from '../../helpers/instruments'

const bar = shipped('bar')
const fml = shipped('fml')
const fmlItem = (id: string) =>
  fml.sections.flatMap((s) => s.items).find((i) => i.id === id) as Item
const pick = (id: string, unit: Parameters<typeof pickByThreshold>[1], value: number) => {
  const r = pickByThreshold(choiceOptions(fmlItem(id)) ?? [], unit, value)
  return r && `${r.option.code}${r.belowLowest ? ' below' : ''}`
}

describe('pickByThreshold', () => {
  it('IV.13 lifting (floors, kg): on a threshold gives that option, between two the more restrictive', () => {
    expect(pick('IV.13', 'kg', 20)).toBe('0')
    expect(pick('IV.13', 'kg', 15)).toBe('0')
    expect(pick('IV.13', 'kg', 14.5)).toBe('1')
    expect(pick('IV.13', 'kg', 12)).toBe('1')
    expect(pick('IV.13', 'kg', 10)).toBe('1')
    expect(pick('IV.13', 'kg', 9.99)).toBe('2')
    expect(pick('IV.13', 'kg', 5)).toBe('2')
    expect(pick('IV.13', 'kg', 2)).toBe('3')
  })

  it('IV.13 lifting: below the lowest threshold gives the most restrictive option, flagged', () => {
    expect(pick('IV.13', 'kg', 1)).toBe('3 below')
    expect(pick('IV.13', 'kg', 0)).toBe('3 below')
  })

  it('I.1 attention (a floor, then ceilings, minutes): never claims more than the BAR states', () => {
    expect(pick('I.1', 'minutes', 45)).toBe('0')
    expect(pick('I.1', 'minutes', 30)).toBe('0')
    expect(pick('I.1', 'minutes', 29)).toBe('1')
    expect(pick('I.1', 'minutes', 6)).toBe('1')
    expect(pick('I.1', 'minutes', 5)).toBe('2')
    expect(pick('I.1', 'minutes', 1)).toBe('2')
  })

  it('VI.2 hours per day: at least 8 is the norm, 5 hours maps to about 4', () => {
    expect(pick('VI.2', 'hours-per-day', 9)).toBe('0')
    expect(pick('VI.2', 'hours-per-day', 8)).toBe('0')
    expect(pick('VI.2', 'hours-per-day', 7)).toBe('2')
    expect(pick('VI.2', 'hours-per-day', 6)).toBe('2')
    expect(pick('VI.2', 'hours-per-day', 5)).toBe('3')
    expect(pick('VI.2', 'hours-per-day', 1)).toBe('4 below')
  })

  it('IV.19 climbing: below the lowest height goes to the next, unmeasured, more restrictive option', () => {
    expect(pick('IV.19', 'm', 5)).toBe('0')
    expect(pick('IV.19', 'm', 3)).toBe('1')
    expect(pick('IV.19', 'm', 0.5)).toBe('2')
  })

  it('finds nothing when no option states a threshold in the unit', () => {
    expect(pick('IV.13', 'minutes', 5)).toBeUndefined()
  })
})

const L = (nl: string, en: string) => ({ nl, en })
const crosswalk: Crosswalk = {
  id: 'bar-1.0.0__fml-1.0.0',
  version: '1.0.0',
  from: { id: 'bar', version: '1.0.0' },
  to: { id: 'fml', version: '1.0.0' },
  title: L('Test', 'Test'),
  provenance: { summary: L('t', 't'), sources: [{ title: 't' }], verified: [], reconstructed: [] },
  rules: [
    {
      kind: 'threshold',
      target: 'IV.13',
      source: { item: 'fysiek.tillen', quantity: 'max-load' },
      unit: 'kg',
      fallback: {
        item: 'fysiek.tillen',
        levels: { geen: '0', licht: '1', matig: '2', ernstig: '3', volledig: '3' },
      },
    },
    {
      kind: 'threshold',
      target: 'IV.14',
      source: { item: 'fysiek.dragen', quantity: 'max-load' },
      unit: 'kg',
      fallback: {
        item: 'fysiek.dragen',
        levels: { geen: '0', licht: '1', matig: '2', ernstig: '3', volledig: '3' },
      },
    },
    {
      kind: 'level-map',
      target: 'II.1',
      source: {
        item: 'sociaal.zien',
        levels: { geen: '0', licht: '1', matig: '1', ernstig: '1', volledig: '1' },
      },
    },
    {
      kind: 'level-map',
      target: 'I.5',
      source: { item: 'mentaal.plannen-organiseren', levels: { geen: '0' } },
    },
    {
      kind: 'not-derivable',
      target: 'IV.1',
      reason: L('De BAR legt dominantie niet vast', 'The BAR does not record dominance'),
    },
  ],
}

function barWith(answers: Assessment['answers']): Assessment {
  const example = readJson(join(root, 'public/examples/bar-example.json')) as Assessment
  return { ...example, answers }
}

function derive(answers: Assessment['answers']) {
  return deriveAssessment({
    source: barWith(answers),
    sourceInstrument: bar,
    target: fml,
    crosswalk,
    id: '99999999-9999-4999-8999-999999999999',
    now: new Date('2026-11-23T12:00:00Z'),
  })
}

describe('deriveAssessment', () => {
  it('threshold rule: "lifts at most 12 kg" gives IV.13 option 1 (~10 kg), naming its source', () => {
    const d = derive({
      'fysiek.tillen': { kind: 'capacity', level: 'licht', quantities: { 'max-load': 12 } },
    })
    expect(d.answers['IV.13']).toEqual({ kind: 'single', choice: '1' })
    expect(d.derivation?.items['IV.13']).toEqual({ sources: ['fysiek.tillen'], rule: 'threshold' })
  })

  it('threshold rule without a quantity falls back to the level map', () => {
    const d = derive({ 'fysiek.dragen': { kind: 'capacity', level: 'matig' } })
    expect(d.answers['IV.14']).toEqual({ kind: 'single', choice: '2' })
    expect(d.derivation?.items['IV.14']?.rule).toBe('level-map')
  })

  it('threshold rule below the lowest threshold notes that the most restrictive option was chosen', () => {
    const d = derive({
      'fysiek.tillen': { kind: 'capacity', level: 'ernstig', quantities: { 'max-load': 1 } },
    })
    expect(d.answers['IV.13']).toEqual({ kind: 'single', choice: '3' })
    expect(d.derivation?.items['IV.13']?.note?.en).toMatch(/below the FML's lowest threshold/)
  })

  it('level map: writes the "namely" text an FML option requires, from the BAR', () => {
    const d = derive({
      'sociaal.zien': { kind: 'capacity', level: 'matig', conditions: 'Groot beeldscherm' },
    })
    expect(d.answers['II.1']).toEqual({
      kind: 'single',
      choice: '1',
      specify: 'Afgeleid uit BAR Zien (Matige beperking): Groot beeldscherm',
    })
  })

  it('level map: a level the FML item cannot express stays unanswered and is listed as not derivable', () => {
    const d = derive({ 'mentaal.plannen-organiseren': { kind: 'capacity', level: 'matig' } })
    expect(d.answers['I.5']).toBeUndefined()
    expect(d.derivation?.notDerivable['I.5']?.en).toBe(
      'Level "Moderate limitation" cannot be expressed in this FML item',
    )
    expect(
      derive({ 'mentaal.plannen-organiseren': { kind: 'capacity', level: 'geen' } }).answers['I.5'],
    ).toEqual({
      kind: 'multiple',
      choices: ['0'],
    })
  })

  it('not-derivable rule: the item stays unanswered with the reason', () => {
    const d = derive({})
    expect(d.answers['IV.1']).toBeUndefined()
    expect(d.derivation?.notDerivable['IV.1']?.nl).toBe('De BAR legt dominantie niet vast')
  })

  it('an unanswered BAR item leaves its FML item unanswered', () => {
    expect(derive({}).answers).toEqual({})
  })

  it('produces an FML assessment that the FML validator accepts', () => {
    const example = readJson(join(root, 'public/examples/bar-example.json')) as Assessment
    const d = derive(example.answers)
    expect(d.instrument).toEqual({ id: 'fml', version: '1.0.0' })
    expect(answersSchema(fml).safeParse(d.answers).success).toBe(true)
    expect(d.derivation?.from).toEqual({
      assessmentId: example.id,
      instrument: { id: 'bar', version: '1.0.0' },
    })
  })
})
