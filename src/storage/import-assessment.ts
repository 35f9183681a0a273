import type { Assessment } from '../core/assessment/assessment-schema'
import { loadAssessment } from '../core/assessment/load-assessment'
import { checkSize, parseJsonBytes } from '../core/assessment/safe-json'
import type { Instrument } from '../core/instrument/meta-schema'
import type { ValidationIssue } from '../core/issues/validation-issue'
import { issue } from '../core/issues/validation-issue'
import canonicalize from 'canonicalize'
import { addAssessment, getAssessment } from './assessment-store'

/**
 * `added`: a new record; `renamed`: added under a new id, its own being taken by another assessment;
 * `same`: this signed-off edition is stored already; `earlier`: the stored one has moved on from it.
 * Only `added` and `renamed` change what is stored.
 */
export type ImportResult = 'added' | 'renamed' | 'same' | 'earlier'

export type ImportOutcome =
  | { ok: true; assessment: Assessment; result: ImportResult }
  | { ok: false; issues: ValidationIssue[] }

/** The parts of an edition its sign-off stands for: equal parts are the same signed edition. */
function signedContent(a: Pick<Assessment, 'instrument' | 'meta' | 'answers' | 'released'>) {
  return canonicalize({
    instrument: a.instrument,
    meta: a.meta,
    answers: a.answers,
    released: a.released,
  })
}

/** How an imported signed-off assessment stands to the stored one with the same id, if at all. */
function recognise(imported: Assessment, stored: Assessment): 'same' | 'earlier' | undefined {
  const signed = imported.signedOff
  if (!signed || imported.status === 'concept') return undefined
  const content = signedContent(imported)
  const sameEdition = (e: {
    edition: number
    signedOff?: { at: string }
    instrument: Assessment['instrument']
    meta: Assessment['meta']
    answers: Assessment['answers']
    released: string[]
  }) =>
    e.edition === imported.edition && e.signedOff?.at === signed.at && signedContent(e) === content
  if (stored.status !== 'concept' && sameEdition(stored)) return 'same'
  if (stored.history.some(sameEdition)) return 'earlier'
  return undefined
}

/**
 * Reads a file as an assessment (our JSON, or a FHIR QuestionnaireResponse) and adds it as a new draft. Its bytes are read as the command line
 * reads them (parseJsonBytes). Nothing that is saved already changes: a signed-off edition that is
 * stored already (as it is, or as an earlier edition of the stored one) is recognised and not added
 * again; any other assessment whose id is taken is added under a new id.
 */
export async function importAssessmentFile(
  file: Blob,
  instruments: readonly Instrument[],
  newId: () => string = () => crypto.randomUUID(),
): Promise<ImportOutcome> {
  const size = checkSize(file.size)
  if (!size.ok) return size
  let bytes: Uint8Array
  try {
    bytes = new Uint8Array(await file.arrayBuffer())
  } catch {
    return {
      ok: false,
      issues: [issue([], 'Het bestand kon niet gelezen worden', 'The file could not be read')],
    }
  }
  const json = parseJsonBytes(bytes)
  if (!json.ok) return json
  // A FHIR QuestionnaireResponse is read by the FHIR code, loaded only for such a file.
  const isResponse =
    (json.value as { resourceType?: unknown } | null)?.resourceType === 'QuestionnaireResponse'
  const loaded = isResponse
    ? (await import('../core/fhir')).fromQuestionnaireResponse(json.value, instruments)
    : loadAssessment(json.value, instruments)
  if (!loaded.ok) return loaded
  const assessment = loaded.value.assessment
  if (await addAssessment(assessment)) return { ok: true, assessment, result: 'added' }
  const stored = await getAssessment(assessment.id)
  const known = stored && recognise(assessment, stored)
  if (stored && known) return { ok: true, assessment: stored, result: known }
  const copy = { ...assessment, id: newId() }
  await addAssessment(copy)
  return { ok: true, assessment: copy, result: 'renamed' }
}
