import type { AnswerOf, Answers, Assessment } from '../../src/core/assessment/assessment-schema'
import type { AuthorRole } from '../../src/core/assessment/constants'
import { newAssessment } from '../../src/core/assessment/new-assessment'
import type { Instrument } from '../../src/core/instrument/meta-schema'

export const NOW = new Date('2026-11-23T12:00:00Z')
/** The identity a derived assessment gets in tests. */
export const DERIVED = { id: '99999999-9999-4999-8999-999999999999', now: NOW }
export const BA_ID = '11111111-1111-4111-8111-111111111111'
export const VA_ID = '22222222-2222-4222-8222-222222222222'

/** An assessment of `instrument` with these answers, written by the role that normally fills it in. */
export function assessmentOf(
  instrument: Instrument,
  answers: Answers,
  options: { id?: string; role?: AuthorRole } = {},
): Assessment {
  const role = options.role ?? instrument.authorRoles[0] ?? 'bedrijfsarts'
  return {
    ...newAssessment({
      instrument,
      id: options.id ?? (role === 'bedrijfsarts' ? BA_ID : VA_ID),
      now: NOW,
      language: 'nl',
      authorRole: role,
    }),
    answers,
  }
}

export const one = (choice: string): AnswerOf<'single'> => ({ kind: 'single', choice })
export const many = (...choices: string[]): AnswerOf<'multiple'> => ({ kind: 'multiple', choices })
export const capacity = (
  level?: string,
  quantities?: Record<string, number>,
): AnswerOf<'capacity'> => ({
  kind: 'capacity',
  ...(level === undefined ? {} : { level }),
  ...(quantities === undefined ? {} : { quantities }),
})
