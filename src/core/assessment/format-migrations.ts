import { ASSESSMENT_FORMAT_VERSION } from './constants'

/**
 * A named change of the assessment file's own format (not of an instrument): every file this app
 * or its command line ever wrote is brought to today's format by these steps, oldest first, before
 * it is validated. A step takes the JSON of its `from` version and returns that of `from + 1`.
 */
export interface FormatStep {
  name: string
  from: number
  run(json: Record<string, unknown>): Record<string, unknown>
}

export const FORMAT_STEPS: readonly FormatStep[] = [
  {
    /** Format 2 adds concept/definitief, editions, the history and released free texts. */
    name: 'format-1-to-2-status-and-release',
    from: 1,
    run: (json) => ({
      ...json,
      formatVersion: 2,
      // A file from before sign-off existed was never signed off: a concept, with nothing released.
      status: 'concept',
      edition: 1,
      released: [],
      history: [],
    }),
  },
]

/**
 * The assessment JSON in today's format: an older `formatVersion` passes through each step from it
 * on; anything else (today's format, a newer or missing version, not an object) is returned as it
 * is, for the validator to judge and word.
 * @example upgradeAssessmentFormat({ format: 'bar-studio/assessment', formatVersion: 1, … }).formatVersion // → 2
 */
export function upgradeAssessmentFormat(input: unknown): unknown {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return input
  let json = input as Record<string, unknown>
  const version = json.formatVersion
  // Only a format that was ever written: a whole number from 1 up to today's.
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return input
  if (version >= ASSESSMENT_FORMAT_VERSION) return input
  for (const step of FORMAT_STEPS) if (step.from >= version) json = step.run(json)
  return json
}

/** The names of the steps a file of `formatVersion` goes through, for reports and tests. */
export function formatStepsFrom(formatVersion: number): string[] {
  return FORMAT_STEPS.filter((s) => s.from >= formatVersion).map((s) => s.name)
}
