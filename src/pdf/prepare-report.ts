import { compareAssessments, type Side } from '../core/compare/compare'
import { deriveAssessment } from '../core/compare/derive'
import type { Catalogue } from '../core/instrument/catalogue-data'
import { findVocabulary } from '../core/instrument/catalogue-data'
import type { LoadResult } from '../core/issues/validation-issue'
import { issue } from '../core/issues/validation-issue'
import type { Translate } from '../core/report/comparison-view'
import { buildReportModel, type ReportModel } from '../core/report/report-model'
import { fingerprint } from './fingerprint'
import type { Reader } from '../core/report/readers'

/**
 * Everything a report needs, from one assessment and optionally the other party's: the FML derived
 * from a BAR, the comparison, the vocabulary and the footer's fingerprint of the main assessment.
 */
export async function prepareReport(args: {
  main: Side
  other?: Side
  catalogue: Pick<Catalogue, 'crosswalks' | 'vocabularies' | 'instruments'>
  motivations?: Readonly<Record<string, string>>
  lang: 'nl' | 'en'
  /** Who the report is for; professionals by default. */
  audience?: Reader
  /** A translator fixed to the report's language. */
  t: Translate
  appVersion: string
}): Promise<LoadResult<ReportModel>> {
  const { catalogue } = args
  const full = (args.audience ?? 'professional') === 'professional'
  const { main } = args
  // The other party's assessment and the comparison are for professionals only.
  const other = full ? args.other : undefined
  const identity = {
    id: '00000000-0000-4000-8000-000000000002',
    now: new Date(main.assessment.updatedAt),
  }
  let derived
  const cw =
    full &&
    catalogue.crosswalks.find(
      (c) =>
        c.from.id === main.instrument.id &&
        c.from.version === main.instrument.version &&
        (!other || (c.to.id === other.instrument.id && c.to.version === other.instrument.version)),
    )
  const target =
    cw && catalogue.instruments.find((i) => i.id === cw.to.id && i.version === cw.to.version)
  if (cw && target)
    derived = {
      assessment: deriveAssessment({
        source: main.assessment,
        sourceInstrument: main.instrument,
        target,
        crosswalk: cw,
        ...identity,
      }),
      instrument: target,
      crosswalk: { id: cw.id, version: cw.version },
    }
  let comparison
  if (other) {
    const r = compareAssessments(main, other, catalogue, identity)
    if (!r.ok) return r
    comparison = r.value
  }
  const vocabulary = findVocabulary(catalogue.vocabularies, main.instrument.vocabulary.version)
  if (!vocabulary)
    return {
      ok: false,
      issues: [
        issue(
          [],
          `Begrippenlijst ${main.instrument.vocabulary.version} niet gevonden`,
          `Vocabulary ${main.instrument.vocabulary.version} not found`,
        ),
      ],
    }
  return {
    ok: true,
    value: buildReportModel({
      lang: args.lang,
      ...(args.audience ? { audience: args.audience } : {}),
      instruments: catalogue.instruments,
      main,
      ...(derived ? { derived } : {}),
      ...(other ? { other } : {}),
      ...(comparison ? { comparison } : {}),
      ...(args.motivations ? { motivations: args.motivations } : {}),
      vocabulary,
      t: args.t,
      appVersion: args.appVersion,
      fingerprint: await fingerprint(main.assessment),
    }),
  }
}
