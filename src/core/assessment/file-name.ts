import type { Assessment } from './assessment-schema'

/** The file name an assessment is exported under: `BAR-<pseudonym>-<date>.json`. */
export function assessmentFileName(assessment: Assessment, extension = 'json') {
  const who =
    assessment.meta.employee
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^A-Za-z0-9.-]+/g, '-')
      // No "..", and no leading dot or dash: a pseudonym never reads as a path or a hidden file.
      .replace(/\.{2,}/g, '.')
      .replace(/^[-.]+|-+$/g, '')
      .slice(0, 40) || 'anoniem'
  return `${assessment.instrument.id.toUpperCase()}-${who}-${assessment.meta.assessmentDate}.${extension}`
}

/** The exported text: stable key order as saved, two-space indentation, final newline. */
export function assessmentJson(assessment: Assessment) {
  return `${JSON.stringify(assessment, null, 2)}\n`
}
