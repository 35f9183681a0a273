import { describe, expect, it } from 'vitest'
import { choiceReport } from '../../../src/core/answer-kinds/answer-report'
import type { Option } from '../../../src/core/instrument/base-schema'

/** FML numbers its options (FML: code 0 = Norm). */
const fml: Option[] = [
  { code: '0', label: { nl: 'Norm', en: 'Norm' }, rank: 0 },
  {
    code: '1',
    label: { nl: 'Beperkt', en: 'Limited' },
    description: { nl: 'Hooguit 2 minuten.', en: 'At most 2 minutes.' },
    rank: 1,
  },
]

/** The BAR names its options by a slug that is an id, not a number. */
const bar: Option[] = [
  { code: 'neutraal', label: { nl: 'Neutraal', en: 'Neutral' } },
  {
    code: 'gedeeltelijk-herstel',
    label: { nl: 'Gedeeltelijk herstel verwacht', en: 'Partial recovery expected' },
    rank: 1,
  },
]

describe('choiceReport', () => {
  it('shows a numbered option by its number and label, as the FML does', () => {
    const r = choiceReport(['1'], fml, 'nl', [])
    expect(r).toEqual({
      answer: '1 Beperkt',
      description: 'Hooguit 2 minuten.',
      details: [],
      limited: true,
    })
    expect(choiceReport(['0', '1'], fml, 'en', []).answer).toBe('0 Norm; 1 Limited')
  })

  it('shows an option with a slug for a code by its label alone, never the slug', () => {
    expect(choiceReport(['gedeeltelijk-herstel'], bar, 'nl', []).answer).toBe(
      'Gedeeltelijk herstel verwacht',
    )
    const neutral = choiceReport(['neutraal'], bar, 'en', [])
    expect(neutral).toEqual({ answer: 'Neutral', details: [], limited: false })
    expect(choiceReport(['neutraal', 'gedeeltelijk-herstel'], bar, 'nl', []).answer).toBe(
      'Neutraal; Gedeeltelijk herstel verwacht',
    )
  })

  it('shows a code the options do not hold as it is, and keeps the details given', () => {
    const details = [{ kind: 'specify' as const, field: 'specify', text: 'namelijk dit' }]
    expect(choiceReport(['onbekend'], bar, 'nl', details)).toEqual({
      answer: 'onbekend',
      details,
      limited: false,
    })
    expect(choiceReport(['1'], undefined, 'nl', []).answer).toBe('1')
  })
})
