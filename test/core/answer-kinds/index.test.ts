import { describe, expect, it } from 'vitest'
import { ANSWER_KINDS, answerKind } from '../../../src/core/answer-kinds'
import { answerValueSchema } from '../../../src/core/assessment/assessment-schema'
import { SPEC_KINDS } from '../../helpers/answer-kinds'

// A kind missing from ANSWER_KINDS fails `npm run typecheck` (`satisfies AnswerKindRegistry`);
// this test says the same at run time, against the schemas the JSON Schemas are made from.
describe('ANSWER_KINDS', () => {
  it('has one module for every kind of the meta-schema, and no other', () => {
    expect(Object.keys(ANSWER_KINDS).sort()).toEqual(SPEC_KINDS)
  })

  it('covers the same kinds as the assessment value schema', () => {
    expect(answerValueSchema.options.map((o) => o.shape.kind.value).sort()).toEqual(SPEC_KINDS)
  })

  it('gives every module all its parts', () => {
    for (const module of Object.values(ANSWER_KINDS))
      for (const part of ['answerSchema', 'text', 'isAnswered', 'chosenCodes'] as const)
        expect(typeof module[part]).toBe('function')
  })
})

describe('answerKind', () => {
  it('returns the module of an answer kind', () => {
    expect(answerKind('capacity')).toBe(ANSWER_KINDS.capacity)
    expect(answerKind('multiple').chosenCodes({ kind: 'multiple', choices: ['a', 'b'] })).toEqual([
      'a',
      'b',
    ])
  })

  it('reads a blank text as not answered', () => {
    expect(answerKind('text').isAnswered({ kind: 'text', text: '  ' })).toBe(false)
    expect(answerKind('text').isAnswered({ kind: 'text', text: 'x' })).toBe(true)
  })
})
