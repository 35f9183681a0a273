import type { Assessment } from './assessment-schema'

/**
 * The file name an assessment is exported under: `BAR-<pseudonym>-<date>.json`; a report names its
 * reader too: `BAR-<pseudonym>-<date>-werkgever.pdf`.
 */
export function assessmentFileName(assessment: Assessment, extension = 'json', reader?: string) {
  const who =
    assessment.meta.employee
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^A-Za-z0-9.-]+/g, '-')
      // No "..", and no leading dot or dash: a pseudonym never reads as a path or a hidden file.
      .replace(/\.{2,}/g, '.')
      .replace(/^[-.]+|-+$/g, '')
      .slice(0, 40) || 'anoniem'
  const suffix = reader ? `-${reader}` : ''
  return `${assessment.instrument.id.toUpperCase()}-${who}-${assessment.meta.assessmentDate}${suffix}.${extension}`
}

/** The exported text: stable key order as saved, two-space indentation, final newline. */
export function assessmentJson(assessment: Assessment) {
  return `${JSON.stringify(assessment, null, 2)}\n`
}
