import { describe, expect, it } from 'vitest'
import { isAnswered, progress } from '../../../src/core/assessment/progress'
import { isVisible, withoutHidden } from '../../../src/core/assessment/visibility'
import { minimalInstrument } from '../../helpers/instruments'

const instrument = minimalInstrument()
const items = instrument.sections[0]?.items ?? []
const toelichting = items.find((i) => i.id === 'toelichting')!

describe('isVisible', () => {
  it('shows an item only while its controlling item has one of the named options', () => {
    expect(isVisible(toelichting, {})).toBe(false)
    expect(isVisible(toelichting, { keuze: { kind: 'single', choice: 'ja' } })).toBe(false)
    expect(isVisible(toelichting, { keuze: { kind: 'single', choice: 'nee', specify: 'x' } })).toBe(
      true,
    )
  })

  it('always shows an item without a condition', () => {
    expect(isVisible(items[0]!, {})).toBe(true)
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
