import type { Instrument } from '../instrument/meta-schema'
import type { LoadResult, ValidationIssue } from '../issues/validation-issue'
import { issue } from '../issues/validation-issue'
import { fromZodError } from '../issues/zod-issues'
import { answersSchema } from './answer-validator'
import type { Assessment } from './assessment-schema'
import { assessmentSchema } from './assessment-schema'
import { ASSESSMENT_FORMAT } from './constants'
import { compareSemver } from '../instrument/catalogue-data'
import { findInstrument } from '../instrument/find-instrument'
import { upgradeAssessmentFormat } from './format-migrations'
import { editionIssues } from './sign-off'

function prefixed(issues: ValidationIssue[], prefix: string): ValidationIssue[] {
  return issues.map((i) => ({ ...i, path: i.path.replace(/^\$/, `$.${prefix}`) }))
}

/** Answers kept from before a migration: an earlier version of the same instrument, and valid there. */
function checkCaptured(
  assessment: Assessment,
  instruments: readonly Instrument[],
): ValidationIssue[] {
  const captured = assessment.captured
  if (!captured) return []
  const { id, version } = assessment.instrument
  const ref = captured.instrument
  if (ref.id !== id)
    return [
      issue(
        ['captured', 'instrument', 'id'],
        `De oorspronkelijke antwoorden horen bij "${ref.id}", niet bij "${id}"`,
        `The original answers belong to "${ref.id}", not to "${id}"`,
      ),
    ]
  if (compareSemver(ref.version, version) >= 0)
    return [
      issue(
        ['captured', 'instrument', 'version'],
        `De oorspronkelijke antwoorden moeten bij een eerdere versie dan ${version} horen, niet bij ${ref.version}`,
        `The original answers must belong to a version before ${version}, not to ${ref.version}`,
      ),
    ]
  const found = findInstrument(instruments, ref)
  if (!found.ok) return prefixed(found.issues, 'captured')
  const answers = answersSchema(found.value).safeParse(captured.answers, { reportInput: true })
  return answers.success ? [] : prefixed(fromZodError(answers.error), 'captured.answers')
}

/**
 * Validates unknown JSON as an assessment: the document, the instrument and version it names,
 * and every answer against that instrument. Returns every problem at once.
 * @example
 * const r = loadAssessment(json, catalogue.instruments)
 * if (r.ok) save(r.value.assessment)
 */
export function loadAssessment(
  file: unknown,
  instruments: readonly Instrument[],
): LoadResult<{ assessment: Assessment; instrument: Instrument }> {
  // A file of an earlier format is read as today's (format-migrations.ts) before it is checked.
  const input = upgradeAssessmentFormat(file)
  const format = (input as { format?: unknown } | null)?.format
  if (
    typeof input !== 'object' ||
    input === null ||
    Array.isArray(input) ||
    format !== ASSESSMENT_FORMAT
  ) {
    const isInstrument = typeof input === 'object' && input !== null && 'sections' in input
    return {
      ok: false,
      issues: [
        isInstrument
          ? issue(
              [],
              'Dit is een instrumentbestand, geen beoordeling',
              'This is an instrument file, not an assessment',
            )
          : issue(
              [],
              `Dit is geen beoordelingsbestand (het veld "format" moet "${ASSESSMENT_FORMAT}" zijn)`,
              `This is not an assessment file (the field "format" must be "${ASSESSMENT_FORMAT}")`,
            ),
      ],
    }
  }
  const parsed = assessmentSchema.safeParse(input, { reportInput: true })
  if (!parsed.success) {
    // Still check the answers against the instrument when the document names one we know.
    const issues = fromZodError(parsed.error)
    const raw = input as {
      instrument?: { id?: unknown; version?: unknown }
      answers?: unknown
    } | null
    const ref = raw?.instrument
    if (typeof ref?.id === 'string' && typeof ref.version === 'string') {
      const found = findInstrument(instruments, { id: ref.id, version: ref.version })
      if (found.ok && raw?.answers && typeof raw.answers === 'object') {
        const answers = answersSchema(found.value).safeParse(raw.answers, { reportInput: true })
        if (!answers.success) {
          const more = prefixed(fromZodError(answers.error), 'answers')
          const seen = new Set(issues.map((i) => i.path))
          issues.push(...more.filter((i) => !seen.has(i.path)))
        }
      } else if (!found.ok) issues.push(...found.issues)
    }
    return { ok: false, issues }
  }
  const found = findInstrument(instruments, parsed.data.instrument)
  if (!found.ok) return found
  const answers = answersSchema(found.value).safeParse(parsed.data.answers, { reportInput: true })
  if (!answers.success)
    return { ok: false, issues: prefixed(fromZodError(answers.error), 'answers') }
  const issues: ValidationIssue[] = [
    ...checkCaptured(parsed.data, instruments),
    ...editionIssues(parsed.data),
  ]
  const { assessmentDate, validUntil } = parsed.data.meta
  if (validUntil && validUntil < assessmentDate)
    issues.push(
      issue(
        ['meta', 'validUntil'],
        'Geldig tot ligt vóór de datum van de beoordeling',
        'Valid until is before the assessment date',
      ),
    )
  if (issues.length) return { ok: false, issues }
  return { ok: true, value: { assessment: parsed.data, instrument: found.value } }
}
