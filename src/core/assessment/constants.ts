/** The `format` of an assessment file, so a file can be recognised before it is validated. */
export const ASSESSMENT_FORMAT = 'bar-studio/assessment'

export const AUTHOR_ROLES = ['bedrijfsarts', 'verzekeringsarts'] as const
export type AuthorRole = (typeof AUTHOR_ROLES)[number]
