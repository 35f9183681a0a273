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
