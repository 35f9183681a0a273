import { describe, expect, it } from 'vitest'
import type { SideConclusion } from '../../../src/core/compare/conclusion'
import {
  compareConclusions,
  completenessOf,
  conclusionOf,
  normAnswer,
  normForOpenItems,
} from '../../../src/core/compare/conclusion'
import { itemIndex } from '../../../src/core/instrument/item-index'
import type { Item } from '../../../src/core/instrument/meta-schema'
import { DERIVED, assessmentOf, capacity, many, one } from '../../helpers/assessments'
import { minimalInstrument } from '../../helpers/instruments'
import { shippedPair } from '../../helpers/shipped-pair'

const { bar, fml } = shippedPair()
const fmlWith = (answers: Parameters<typeof assessmentOf>[1]) => assessmentOf(fml, answers)
const barWith = (answers: Parameters<typeof assessmentOf>[1]) => assessmentOf(bar, answers)
const item = (id: string) => itemIndex(fml).items.get(id) as Item

describe('completenessOf', () => {
  it('reads the FML completeness item: onvolledig, volledig or kritisch', () => {
    const cover = one('ja')
    for (const [code, expected] of [
      ['onvolledig', 'incomplete'],
      ['volledig', 'complete'],
      ['kritisch', 'critical'],
    ] as const)
      expect(
        completenessOf(
          fml,
          fmlWith({ 'voorblad.conclusie': cover, 'voorblad.volledigheid': one(code) }),
        ),
      ).toBe(expected)
  })

  it('counts an FML whose cover conclusion is answered as complete unless it is marked incomplete', () => {
    expect(completenessOf(fml, fmlWith({ 'voorblad.conclusie': one('ja') }))).toBe('complete')
    expect(completenessOf(fml, fmlWith({ 'voorblad.conclusie': one('nee') }))).toBe('complete')
    expect(completenessOf(fml, fmlWith({ 'I.1': one('1') }))).toBe('incomplete')
    expect(completenessOf(fml, fmlWith({}))).toBe('incomplete')
  })

  it('counts a derived FML as incomplete: a BAR never states Norm by omission', () => {
    const derived = {
      ...fmlWith({ 'voorblad.conclusie': one('ja'), 'voorblad.volledigheid': one('volledig') }),
      derivation: {
        from: { assessmentId: DERIVED.id, instrument: { id: 'bar', version: '1.0.0' } },
        crosswalk: { id: 'bar-1.0.0__fml-1.0.0', version: '1.0.0' },
        items: {},
        notDerivable: {},
      },
    }
    expect(completenessOf(fml, derived)).toBe('incomplete')
  })

  it('is undefined for an instrument without a cover conclusion (a BAR)', () => {
    expect(completenessOf(bar, barWith({ 'werktijd.uren': capacity('geen') }))).toBeUndefined()
  })
})

describe('conclusionOf', () => {
  it('reads the FML cover: "nee" is no capacity, with its grounds as details', () => {
    const c = conclusionOf(
      fml,
      fmlWith({
        'voorblad.conclusie': one('nee'),
        'voorblad.gronden-geen-mogelijkheden': one('bedlegerig'),
      }),
    )
    expect(c).toEqual({
      state: 'no-capacity',
      kind: 'cover',
      item: 'voorblad.conclusie',
      answer: one('nee'),
      details: [{ item: 'voorblad.gronden-geen-mogelijkheden', answer: one('bedlegerig') }],
    })
  })

  it('reads the FML cover "ja" as capacity, and an unanswered cover as open', () => {
    expect(conclusionOf(fml, fmlWith({ 'voorblad.conclusie': one('ja') }))?.state).toBe('capacity')
    expect(conclusionOf(fml, fmlWith({ 'I.1': one('0') }))).toMatchObject({
      state: 'open',
      answer: null,
    })
  })

  it('reads a BAR "volledige beperking" on work hours as no work capacity, with the prognosis', () => {
    const c = conclusionOf(
      bar,
      barWith({
        'werktijd.uren': capacity('volledig'),
        'prognose.termijn': one('3-6-maanden'),
      }),
    )
    expect(c).toMatchObject({ state: 'no-capacity', kind: 'work-capacity', item: 'werktijd.uren' })
    expect(c?.details).toEqual([{ item: 'prognose.termijn', answer: one('3-6-maanden') }])
  })

  it('reads 0 hours a day or a week as no work capacity, even without a level', () => {
    const zero: Record<string, number>[] = [
      { 'per-day': 0 },
      { 'per-week': 0 },
      { 'per-day': 4, 'per-week': 0 },
    ]
    for (const q of zero) {
      const c = conclusionOf(bar, barWith({ 'werktijd.uren': capacity(undefined, q) }))
      expect(c?.state, JSON.stringify(q)).toBe('no-capacity')
      expect(c?.answer, JSON.stringify(q)).toEqual(capacity(undefined, q))
    }
  })

  it('reads a BAR with a lesser level or some hours as capacity, and without the item as open', () => {
    expect(conclusionOf(bar, barWith({ 'werktijd.uren': capacity('ernstig') }))?.state).toBe(
      'capacity',
    )
    expect(
      conclusionOf(bar, barWith({ 'werktijd.uren': capacity(undefined, { 'per-day': 2 }) }))?.state,
    ).toBe('capacity')
    expect(conclusionOf(bar, barWith({}))?.state).toBe('open')
  })

  it('is undefined for an instrument that declares no conclusion', () => {
    const minimal = minimalInstrument()
    expect(conclusionOf(minimal, assessmentOf(minimal, {}))).toBeUndefined()
  })
})

describe('compareConclusions', () => {
  const side = (state: SideConclusion['state']): SideConclusion => ({
    state,
    kind: 'cover',
    item: 'voorblad.conclusie',
    answer: null,
    details: [],
  })

  it('puts no capacity above any stated capacity, in both directions', () => {
    expect(compareConclusions(side('no-capacity'), side('capacity'))).toBe('ba-more-restrictive')
    expect(compareConclusions(side('capacity'), side('no-capacity'))).toBe('va-more-restrictive')
  })

  it('agrees on equal conclusions', () => {
    expect(compareConclusions(side('capacity'), side('capacity'))).toBe('agree')
    expect(compareConclusions(side('no-capacity'), side('no-capacity'))).toBe('agree')
  })

  it('leaves a conclusion only one side states to that side, and two open ones open', () => {
    expect(compareConclusions(side('no-capacity'), side('open'))).toBe('only-ba')
    expect(compareConclusions(undefined, side('capacity'))).toBe('only-va')
    expect(compareConclusions(side('open'), undefined)).toBe('open')
    expect(compareConclusions(undefined, undefined)).toBe('open')
  })
})

describe('normAnswer', () => {
  it('gives the rank-0 option of a single or multiple choice item', () => {
    expect(normAnswer(item('I.1'))).toEqual(one('0'))
    expect(normAnswer(item('I.8'))).toEqual(many('0'))
  })

  it('gives nothing for an unranked item, a cover item or a BAR capacity', () => {
    expect(normAnswer(item('IV.1'))).toBeUndefined()
    expect(normAnswer(item('voorblad.conclusie'))).toBeUndefined()
    expect(normAnswer(itemIndex(bar).items.get('fysiek.tillen') as Item)).toBeUndefined()
  })
})

describe('normForOpenItems', () => {
  it('gives Norm for every open ranked item outside the cover, keeping the answers given', () => {
    const norm = normForOpenItems(fml, { 'I.1': one('2'), 'voorblad.conclusie': one('ja') })
    expect(norm['I.1']).toBeUndefined()
    expect(norm['I.2']).toEqual(one('0'))
    expect(norm['I.5']).toEqual(many('0'))
    expect(norm['VI.3']).toEqual(one('0'))
    expect(norm['IV.1']).toBeUndefined()
    expect(Object.keys(norm).some((id) => id.startsWith('voorblad'))).toBe(false)
    // 64 items, 2 unranked (IV.1, IV.2), 1 answered.
    expect(Object.keys(norm)).toHaveLength(61)
  })

  it('leaves open a Norm that an answer already given excludes', () => {
    const norm = normForOpenItems(fml, { 'I.7': one('1'), 'VI.2': one('3') })
    expect(norm['I.8']).toBeUndefined()
    expect(norm['VI.3']).toBeUndefined()
    expect(norm['I.9']).toEqual(one('0'))
  })

  it('gives nothing for an instrument without a cover conclusion', () => {
    expect(normForOpenItems(bar, {})).toEqual({})
  })
})
