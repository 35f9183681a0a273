import { describe, expect, it } from 'vitest'
import { KIND_INPUTS, kindInputs } from '../../../src/form/kinds'
import { SPEC_KINDS } from '../../helpers/answer-kinds'

// A kind missing here fails `npm run typecheck` (`satisfies KindInputsRegistry`).
describe('KIND_INPUTS', () => {
  it('renders every answer kind, and no other', () => {
    expect(Object.keys(KIND_INPUTS).sort()).toEqual(SPEC_KINDS)
    for (const k of Object.values(KIND_INPUTS)) expect(typeof k.inputs).toBe('function')
  })

  it('renders choices and capacities as groups, single inputs as labelled ones', () => {
    const groups = SPEC_KINDS.filter((k) => KIND_INPUTS[k].group)
    expect(groups).toEqual(['capacity', 'multiple', 'single'])
  })
})

describe('kindInputs', () => {
  it('returns the inputs of a kind', () => {
    expect(kindInputs('date')).toBe(KIND_INPUTS.date)
  })
})

describe('KIND_INPUTS members', () => {
  const levels = [
    { code: 'geen', label: { nl: 'Geen', en: 'None' } },
    { code: 'licht', label: { nl: 'Licht', en: 'Slight' } },
  ]

  it('gives a clear button to the kinds answered with radios, which cannot be unticked', () => {
    expect(SPEC_KINDS.filter((k) => KIND_INPUTS[k].clearable)).toEqual(['capacity', 'single'])
  })

  it('shares a capacity’s levels as the section’s scale, and no choice’s options', () => {
    expect(kindInputs('capacity').sharedScale({ kind: 'capacity', levels, quantities: [] })).toBe(
      levels,
    )
    expect(kindInputs('single').sharedScale({ kind: 'single', options: levels })).toBeUndefined()
    expect(kindInputs('date').sharedScale({ kind: 'date' })).toBeUndefined()
  })
})
