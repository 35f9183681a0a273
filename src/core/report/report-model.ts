import { answerKind, hasKind } from '../answer-kinds'
import type { AnswerValue, Assessment } from '../assessment/assessment-schema'
import { isAnswered } from '../assessment/progress'
import type { Comparison } from '../compare/compare'
import { itemIndex } from '../instrument/item-index'
import type { Instrument, Item, Vocabulary } from '../instrument/meta-schema'
import { buildComparisonView, type ComparisonView, type Translate } from './comparison-view'
import { formatDate } from './format'

type Lang = 'nl' | 'en'

export interface ReportDetail {
  /** A key for the renderer's translation (quantities carry their own label). */
  kind: 'quantity' | 'possible' | 'conditions' | 'specify'
  label?: string
  text: string
}

export interface ReportItem {
  id: string
  /** The FML number (I.1) where the instrument numbers its items. */
  code?: string
  label: string
  /** The chosen option or level, or the value, as text. */
  answer: string
  /** The standard text of a chosen FML option. */
  description?: string
  details: ReportDetail[]
  /** The option is a limitation (rank above 0): listed in the critical FML. */
  limited: boolean
}

export interface ReportSection {
  id: string
  /** Shown before the heading where the instrument numbers its sections (FML rubriek "IV"). */
  code?: string
  label: string
  items: ReportItem[]
}

export interface ReportGroup {
  id: string
  label: string
  sections: ReportSection[]
}

/** An instrument version the report names; `capturedIn`: the version the answers were given in. */
export interface ReportInstrument {
  id: string
  version: string
  title: string
  /** Set for an assessment migrated from an earlier version (its `captured` answers). */
  capturedIn?: string
}

export interface ReportInstrumentPart {
  role: 'bar' | 'fml-derived' | 'fml-va' | 'fml' | 'other'
  instrument: ReportInstrument
  author: { role: Assessment['meta']['authorRole']; name: string; date: string }
  groups: ReportGroup[]
  /** FML only: the items with a limitation, in order. */
  critical: ReportItem[]
  /** Derived FML only: items the BAR cannot inform, with the reason. */
  notDerivable: { id: string; label: string; reason: string }[]
}

export interface ReportModel {
  lang: Lang
  cover: {
    employee: string
    authorRole: Assessment['meta']['authorRole']
    authorName: string
    assessmentDate: string
    validUntil?: string
    instruments: ReportInstrument[]
    language: Lang
  }
  parts: ReportInstrumentPart[]
  /** The same view of the comparison the compare screen and the CLI show. */
  comparison?: ComparisonView
  glossary: { id: string; term: string; definition: string; icf?: string[] }[]
  footer: {
    appVersion: string
    /** "BAR 1.1.0, ingevuld in 1.0.0; FML 1.0.0". */
    instruments: string
    crosswalk?: string
    fingerprint: string
  }
}

function reportItem(
  item: Item,
  answer: AnswerValue,
  lang: Lang,
  unit: (u: string) => string,
): ReportItem {
  const spec = hasKind(item.answer, answer.kind) ? item.answer : undefined
  const shown = answerKind(answer.kind).report(answer, spec, lang, unit)
  return {
    id: item.id,
    ...(item.code !== undefined ? { code: item.code } : {}),
    label: item.label[lang],
    answer: shown.answer,
    ...(shown.description ? { description: shown.description } : {}),
    details: shown.details,
    limited: shown.limited,
  }
}

function part(
  role: ReportInstrumentPart['role'],
  assessment: Assessment,
  instrument: Instrument,
  lang: Lang,
  unit: (u: string) => string,
): ReportInstrumentPart {
  const bySection = (sections: Instrument['sections']): ReportSection[] =>
    sections.map((s) => ({
      id: s.id,
      ...(s.code !== undefined ? { code: s.code } : {}),
      label: s.label[lang],
      items: s.items.flatMap((item) => {
        const a = assessment.answers[item.id]
        return a && isAnswered(a) ? [reportItem(item, a, lang, unit)] : []
      }),
    }))
  const groups: ReportGroup[] = instrument.domains
    ? instrument.domains.map((d) => ({
        id: d.id,
        label: d.label[lang],
        sections: bySection(instrument.sections.filter((s) => s.domain === d.id)),
      }))
    : [
        {
          id: instrument.id,
          label: instrument.title[lang],
          sections: bySection(instrument.sections),
        },
      ]
  const index = itemIndex(instrument)
  const isFml = role.startsWith('fml')
  return {
    role,
    instrument: {
      id: instrument.id,
      version: instrument.version,
      title: instrument.title[lang],
      ...(assessment.captured ? { capturedIn: assessment.captured.instrument.version } : {}),
    },
    author: {
      role: assessment.meta.authorRole,
      name: assessment.meta.authorName,
      date: formatDate(assessment.meta.assessmentDate, lang),
    },
    groups,
    critical: isFml
      ? groups.flatMap((g) => g.sections.flatMap((s) => s.items.filter((i) => i.limited)))
      : [],
    notDerivable: Object.entries(assessment.derivation?.notDerivable ?? {}).map(([id, reason]) => ({
      id,
      label: index.items.get(id)?.label[lang] ?? id,
      reason: reason[lang],
    })),
  }
}

function roleOf(instrument: Instrument, assessment: Assessment): ReportInstrumentPart['role'] {
  if (instrument.family === 'bar') return 'bar'
  if (instrument.family === 'fml')
    return assessment.derivation
      ? 'fml-derived'
      : assessment.meta.authorRole === 'verzekeringsarts'
        ? 'fml-va'
        : 'fml'
  return 'other'
}

/**
 * The report as plain data in one language: cover, the assessment by domain, the FML (derived from a
 * BAR and/or the verzekeringsarts's), the comparison, and a glossary of the terms the report uses.
 * The PDF and the on-screen preview both render this; neither recomputes it.
 */
export function buildReportModel(args: {
  lang: Lang
  main: { assessment: Assessment; instrument: Instrument }
  /** The FML derived from a BAR main assessment, if any. */
  derived?: {
    assessment: Assessment
    instrument: Instrument
    crosswalk: { id: string; version: string }
  }
  other?: { assessment: Assessment; instrument: Instrument }
  comparison?: Comparison
  motivations?: Readonly<Record<string, string>>
  vocabulary: Vocabulary
  /** A translator fixed to the report's language (units, the comparison's wording). */
  t: Translate
  appVersion: string
  fingerprint: string
}): ReportModel {
  const { lang, main } = args
  const unit = (u: string) => (u ? args.t(`units.${u}`) : '')
  const parts = [
    part(roleOf(main.instrument, main.assessment), main.assessment, main.instrument, lang, unit),
  ]
  if (args.derived)
    parts.push(part('fml-derived', args.derived.assessment, args.derived.instrument, lang, unit))
  if (args.other)
    parts.push(
      part(
        roleOf(args.other.instrument, args.other.assessment),
        args.other.assessment,
        args.other.instrument,
        lang,
        unit,
      ),
    )

  const comparison =
    args.comparison &&
    buildComparisonView(args.comparison, {
      lang,
      t: args.t,
      unitLabel: unit,
      ...(args.motivations ? { motivations: args.motivations } : {}),
    })

  const usedTerms = new Set<string>()
  for (const p of [main, args.derived, args.other]) {
    if (!p) continue
    const index = itemIndex(p.instrument)
    for (const id of Object.keys(p.assessment.answers))
      for (const t of index.items.get(id)?.terms ?? []) usedTerms.add(t)
  }
  const glossary = args.vocabulary.terms
    .filter((t) => usedTerms.has(t.id))
    .map((t) => ({
      id: t.id,
      term: t.term[lang],
      definition: t.definition[lang],
      ...(t.icf ? { icf: t.icf } : {}),
    }))
    .sort((a, b) => a.term.localeCompare(b.term, lang))

  const instruments = parts.map((p) => p.instrument)
  const unique = [
    ...new Map(instruments.map((i) => [`${i.id}@${i.version}@${i.capturedIn}`, i])).values(),
  ]
  const named = (i: ReportInstrument) => {
    const name = `${i.id.toUpperCase()} ${i.version}`
    return i.capturedIn
      ? args.t('report.footer.capturedIn', { instrument: name, version: i.capturedIn })
      : name
  }
  const m = main.assessment.meta
  return {
    lang,
    cover: {
      employee: m.employee,
      authorRole: m.authorRole,
      authorName: m.authorName,
      assessmentDate: formatDate(m.assessmentDate, lang),
      ...(m.validUntil ? { validUntil: formatDate(m.validUntil, lang) } : {}),
      instruments: unique,
      language: main.assessment.language,
    },
    parts,
    ...(comparison ? { comparison } : {}),
    glossary,
    footer: {
      appVersion: args.appVersion,
      // A semicolon between instruments: a migrated one's own text has a comma.
      instruments: unique.map(named).join('; '),
      ...(args.derived
        ? { crosswalk: `${args.derived.crosswalk.id} ${args.derived.crosswalk.version}` }
        : {}),
      fingerprint: args.fingerprint,
    },
  }
}
