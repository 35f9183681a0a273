import type { Instrument } from '../instrument/meta-schema'
import type { Assessment } from './assessment-schema'
import type { AuthorRole } from './constants'
import { ASSESSMENT_FORMAT } from './constants'

/** The calendar date at `now` where the user is (not in UTC: after midnight in the Netherlands it is already tomorrow). */
export function localIsoDate(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

/** An empty assessment of an instrument; id and clock come in so this stays pure and testable. */
export function newAssessment(args: {
  instrument: Instrument
  id: string
  now: Date
  language: 'nl' | 'en'
  authorRole: AuthorRole
}): Assessment {
  const stamp = args.now.toISOString()
  return {
    format: ASSESSMENT_FORMAT,
    formatVersion: 1,
    id: args.id,
    instrument: { id: args.instrument.id, version: args.instrument.version },
    language: args.language,
    meta: {
      authorRole: args.authorRole,
      authorName: '',
      employee: '',
      assessmentDate: localIsoDate(args.now),
    },
    answers: {},
    createdAt: stamp,
    updatedAt: stamp,
  }
}

/** A copy with a new id and fresh times, answers and details kept. */
export function duplicateAssessment(
  source: Assessment,
  id: string,
  now: Date,
  suffix: string,
): Assessment {
  const stamp = now.toISOString()
  return {
    ...structuredClone(source),
    id,
    meta: { ...source.meta, employee: `${source.meta.employee} ${suffix}`.trim() },
    createdAt: stamp,
    updatedAt: stamp,
  }
}
