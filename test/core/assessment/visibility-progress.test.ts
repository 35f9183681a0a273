import { describe, expect, it } from 'vitest'
import type { Answers } from '../../../src/core/assessment/assessment-schema'
import { isAnswered, progress } from '../../../src/core/assessment/progress'
import { isVisible, withoutHidden } from '../../../src/core/assessment/visibility'
import { minimalInstrument } from '../../helpers/instruments'

const instrument = minimalInstrument()
const items = instrument.sections[0]?.items ?? []
const toelichting = items.find((i) => i.id === 'toelichting')!

describe('isVisible', () => {
  it('shows an item only while its controlling item has one of the named options', () => {
    expect(isVisible(toelichting, {}, instrument)).toBe(false)
    expect(isVisible(toelichting, { keuze: { kind: 'single', choice: 'ja' } }, instrument)).toBe(
      false,
    )
    expect(
      isVisible(
        toelichting,
        { keuze: { kind: 'single', choice: 'nee', specify: 'x' } },
        instrument,
      ),
    ).toBe(true)
  })

  it('hides an item whose controlling item is hidden itself, down the whole chain', () => {
    // "meer" shown when "keuze" is "nee"; "uren" when "meer" has "1": a chain of two.
    const chained = structuredClone(instrument)
    const list = chained.sections[0]!.items
    const meer = list.find((i) => i.id === 'meer')!
    const uren = list.find((i) => i.id === 'uren')!
    meer.visibleWhen = { item: 'keuze', anyOf: ['nee'] }
    uren.visibleWhen = { item: 'meer', anyOf: ['1'] }
    const nee: Answers = {
      keuze: { kind: 'single', choice: 'nee' },
      meer: { kind: 'multiple', choices: ['1'] },
    }
    expect(isVisible(uren, nee, chained)).toBe(true)
    // "keuze" changed to "ja": "meer" keeps its stored choice but is hidden, and so is "uren".
    const ja: Answers = { ...nee, keuze: { kind: 'single', choice: 'ja' } }
    expect(isVisible(meer, ja, chained)).toBe(false)
    expect(isVisible(uren, ja, chained)).toBe(false)
    expect(
      Object.keys(withoutHidden(chained, { ...ja, uren: { kind: 'quantity', value: 4 } })),
    ).toEqual(['keuze'])
  })

  it('always shows an item without a condition', () => {
    expect(isVisible(items[0]!, {}, instrument)).toBe(true)
  })
})

describe('withoutHidden', () => {
  it('drops the answer of an item whose condition no longer holds, and keeps the rest', () => {
    const answers = {
      keuze: { kind: 'single' as const, choice: 'ja' },
      toelichting: { kind: 'text' as const, text: 'was nee' },
    }
    expect(withoutHidden(instrument, answers)).toEqual({ keuze: answers.keuze })
  })
})

describe('progress', () => {
  it('counts answered and open items among the visible ones, per section', () => {
    const p = progress(instrument, { keuze: { kind: 'single', choice: 'nee', specify: 'x' } })
    expect(p[0]).toMatchObject({ sectionId: 's1', answered: 1, total: 6 })
    expect(p[0]?.open.map((i) => i.id)).toEqual(['tillen', 'toelichting', 'meer', 'uren', 'datum'])
    expect(progress(instrument, {})[0]).toMatchObject({ answered: 0, total: 5 })
  })
})

describe('isAnswered', () => {
  it('needs a level for a capacity and non-blank text for a text', () => {
    expect(isAnswered({ kind: 'capacity', possible: 'iets' })).toBe(false)
    expect(isAnswered({ kind: 'capacity', level: 'geen' })).toBe(true)
    expect(isAnswered({ kind: 'text', text: '  ' })).toBe(false)
    expect(isAnswered(undefined)).toBe(false)
  })
})
