/** The `format` of an assessment file, so a file can be recognised before it is validated. */
export const ASSESSMENT_FORMAT = 'bar-studio/assessment'

/** The `formatVersion` this app writes; older files are brought to it by format-migrations.ts. */
export const ASSESSMENT_FORMAT_VERSION = 2

/**
 * Where an assessment stands: `concept` until its author signs it off; `definitief` once signed;
 * `gewijzigd` once an amendment of a signed assessment is signed in its turn.
 */
export const ASSESSMENT_STATUSES = ['concept', 'definitief', 'gewijzigd'] as const
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number]

export const AUTHOR_ROLES = ['bedrijfsarts', 'verzekeringsarts'] as const
export type AuthorRole = (typeof AUTHOR_ROLES)[number]
