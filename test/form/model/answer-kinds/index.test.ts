import { describe, expect, it } from 'vitest'
import { FORM_ANSWER_KINDS, formAnswerKind } from '../../../../src/form/model/answer-kinds'
import { SPEC_KINDS } from '../../../helpers/answer-kinds'

// A kind missing here fails `npm run typecheck` (`satisfies FormAnswerKindRegistry`).
describe('FORM_ANSWER_KINDS', () => {
  it('has form values for every answer kind, and no other', () => {
    expect(Object.keys(FORM_ANSWER_KINDS).sort()).toEqual(SPEC_KINDS)
  })

  it('names a main input for every kind, each a different one', () => {
    const inputs = Object.values(FORM_ANSWER_KINDS).map((k) => k.mainInput)
    expect(new Set(inputs).size).toBe(inputs.length)
  })
})

describe('formAnswerKind', () => {
  it('reads an empty input as no answer, and a typed one as the answer', () => {
    const spec = { kind: 'text', multiline: false, maxLength: 10 } as const
    expect(formAnswerKind('text').toAnswer(spec, { text: ' ' })).toBeUndefined()
    expect(formAnswerKind('text').toAnswer(spec, { text: 'ja' })).toEqual({
      kind: 'text',
      text: 'ja',
    })
  })
})

describe('FORM_ANSWER_KINDS dateInputs', () => {
  it('names a typed date input for the date kind only', () => {
    expect(SPEC_KINDS.filter((k) => FORM_ANSWER_KINDS[k].dateInputs.length)).toEqual(['date'])
    expect(FORM_ANSWER_KINDS.date.dateInputs).toEqual([FORM_ANSWER_KINDS.date.mainInput])
  })
})
