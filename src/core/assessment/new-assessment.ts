import type { Instrument } from '../instrument/meta-schema'
import type { Assessment } from './assessment-schema'
import type { AuthorRole } from './constants'
import { ASSESSMENT_FORMAT, ASSESSMENT_FORMAT_VERSION } from './constants'

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
    formatVersion: ASSESSMENT_FORMAT_VERSION,
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
    status: 'concept',
    edition: 1,
    released: [],
    history: [],
  }
}

/**
 * A copy with a new id and fresh times, answers, details and released texts kept: a new concept of
 * its own, without the source's sign-off or history (those belong to the source).
 */
export function duplicateAssessment(
  source: Assessment,
  id: string,
  now: Date,
  suffix: string,
): Assessment {
  const stamp = now.toISOString()
  const copy: Assessment = {
    ...structuredClone(source),
    id,
    meta: { ...source.meta, employee: `${source.meta.employee} ${suffix}`.trim() },
    createdAt: stamp,
    updatedAt: stamp,
    status: 'concept',
    edition: 1,
    history: [],
  }
  delete copy.signedOff
  return copy
}
