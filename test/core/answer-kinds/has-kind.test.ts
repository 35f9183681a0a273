import { describe, expect, it } from 'vitest'
import { hasKind } from '../../../src/core/answer-kinds'
import type { AnswerValue } from '../../../src/core/assessment/assessment-schema'

describe('hasKind', () => {
  it('says whether an answer or a spec is of the kind', () => {
    const answer = { kind: 'capacity', level: 'licht' } as AnswerValue
    expect(hasKind(answer, 'capacity')).toBe(true)
    expect(hasKind(answer, 'single')).toBe(false)
    expect(hasKind({ kind: 'date' }, 'date')).toBe(true)
  })

  it('reads a missing answer as of no kind', () => {
    expect(hasKind(undefined as AnswerValue | undefined, 'capacity')).toBe(false)
    expect(hasKind(null as AnswerValue | null, 'text')).toBe(false)
  })
})
