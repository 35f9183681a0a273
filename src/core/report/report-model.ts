import { answerKind, hasKind } from '../answer-kinds'
import type { AnswerValue, Assessment } from '../assessment/assessment-schema'
import { isAnswered } from '../assessment/progress'
import type { Comparison } from '../compare/compare'
import { itemIndex } from '../instrument/item-index'
import type { Instrument, Item, Vocabulary } from '../instrument/meta-schema'
import { buildComparisonView, type ComparisonView, type Translate } from './comparison-view'
import { formatDate, formatDateTime, unitLabelFrom } from './format'
import { mayReadSection, textRef, type Reader } from './readers'
import { editionChanges, type EditionChange } from '../assessment/sign-off'
import type { AssessmentStatus } from '../assessment/constants'

type Lang = 'nl' | 'en'

export interface ReportDetail {
  /** A key for the renderer's translation (quantities carry their own label). */
  kind: 'quantity' | 'possible' | 'conditions' | 'specify'
  label?: string
  text: string
  /** Set on a free text: the field it was typed in (`possible`), released per field. */
  field?: string
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
  /** The employee's report: the terms this item is the first to use, explained where they appear. */
  explained?: { term: string; definition: string }[]
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

/** Where the assessment stands: concept, or signed off by whom and when, and its edition. */
export interface ReportStatus {
  status: AssessmentStatus
  edition: number
  signedOff?: { name: string; role: Assessment['meta']['authorRole']; date: string; at: string }
}

/** What changed since the previous signed-off edition, as far as this report's reader may see. */
export interface ReportChanges {
  /** The edition compared with. */
  since: number
  sinceSignedOn: string
  rows: EditionChange[]
}

export interface ReportModel {
  lang: Lang
  /** Who the report is for: professionals read it in full, the employer and employee a part. */
  audience: Reader
  status: ReportStatus
  changes?: ReportChanges
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

/** Which answers and free texts one reader's report shows. */
interface Disclosure {
  section: (sectionId: string) => boolean
  /** A free text of an item, by its field. */
  text: (itemId: string, field: string) => boolean
}

/**
 * The disclosure for a reader: professionals see everything; the employer and the employee the
 * sections meant for them, and of their free texts only those the author released.
 */
function disclosure(reader: Reader, instrumentId: string, released: readonly string[]): Disclosure {
  if (reader === 'professional') return { section: () => true, text: () => true }
  const open = new Set(released)
  return {
    section: (id) => mayReadSection(reader, instrumentId, id),
    text: (item, field) => open.has(textRef(item, field)),
  }
}

function reportItem(
  item: Item,
  answer: AnswerValue,
  lang: Lang,
  unit: (u: string) => string,
  shows: Disclosure,
): ReportItem | undefined {
  const spec = hasKind(item.answer, answer.kind) ? item.answer : undefined
  const shown = answerKind(answer.kind).report(answer, spec, lang, unit)
  if (shown.free && !shows.text(item.id, 'text')) return undefined
  return {
    id: item.id,
    ...(item.code !== undefined ? { code: item.code } : {}),
    label: item.label[lang],
    answer: shown.answer,
    ...(shown.description ? { description: shown.description } : {}),
    details: shown.details.filter((d) => d.field === undefined || shows.text(item.id, d.field)),
    limited: shown.limited,
  }
}

function part(
  role: ReportInstrumentPart['role'],
  assessment: Assessment,
  instrument: Instrument,
  lang: Lang,
  unit: (u: string) => string,
  reader: Reader = 'professional',
): ReportInstrumentPart {
  const shows = disclosure(reader, instrument.id, assessment.released)
  const bySection = (sections: Instrument['sections']): ReportSection[] =>
    sections
      .filter((s) => shows.section(s.id))
      .map((s) => ({
        id: s.id,
        ...(s.code !== undefined ? { code: s.code } : {}),
        label: s.label[lang],
        items: s.items.flatMap((item) => {
          const a = assessment.answers[item.id]
          const shown = a && isAnswered(a) ? reportItem(item, a, lang, unit, shows) : undefined
          return shown ? [shown] : []
        }),
      }))
  const groups: ReportGroup[] = instrument.domains
    ? instrument.domains.flatMap((d) => {
        const sections = bySection(instrument.sections.filter((s) => s.domain === d.id))
        return sections.length ? [{ id: d.id, label: d.label[lang], sections }] : []
      })
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
  /** Who reads it; professionals by default. The employer and employee get the main part only. */
  audience?: Reader
  /** Every instrument version the main assessment's earlier editions name (for what changed). */
  instruments?: readonly Instrument[]
  comparison?: Comparison
  motivations?: Readonly<Record<string, string>>
  vocabulary: Vocabulary
  /** A translator fixed to the report's language (units, the comparison's wording). */
  t: Translate
  appVersion: string
  fingerprint: string
}): ReportModel {
  const { lang, main } = args
  const unit = unitLabelFrom(args.t)
  const audience = args.audience ?? 'professional'
  const full = audience === 'professional'
  const parts = [
    part(
      roleOf(main.instrument, main.assessment),
      main.assessment,
      main.instrument,
      lang,
      unit,
      audience,
    ),
  ]
  // The derived FML, the other party's assessment and the comparison are for professionals.
  const derived = full ? args.derived : undefined
  const other = full ? args.other : undefined
  const comparisonIn = full ? args.comparison : undefined
  if (derived) parts.push(part('fml-derived', derived.assessment, derived.instrument, lang, unit))
  if (other)
    parts.push(
      part(
        roleOf(other.instrument, other.assessment),
        other.assessment,
        other.instrument,
        lang,
        unit,
      ),
    )

  const comparison =
    comparisonIn &&
    buildComparisonView(comparisonIn, {
      lang,
      t: args.t,
      unitLabel: unit,
      ...(args.motivations ? { motivations: args.motivations } : {}),
    })

  const usedTerms = new Set<string>()
  const mainIndex = itemIndex(main.instrument)
  if (full)
    for (const p of [main, derived, other]) {
      if (!p) continue
      const index = itemIndex(p.instrument)
      for (const id of Object.keys(p.assessment.answers))
        for (const t of index.items.get(id)?.terms ?? []) usedTerms.add(t)
    }
  else
    // Only the terms of what this reader's report shows.
    for (const g of parts[0]?.groups ?? [])
      for (const s of g.sections)
        for (const item of s.items)
          for (const t of mainIndex.items.get(item.id)?.terms ?? []) usedTerms.add(t)
  if (audience === 'employee') {
    // Plain language: each term explained in place, where the report first uses it.
    const terms = new Map(args.vocabulary.terms.map((t) => [t.id, t]))
    const seen = new Set<string>()
    for (const g of parts[0]?.groups ?? [])
      for (const s of g.sections)
        for (const item of s.items) {
          const explained = (mainIndex.items.get(item.id)?.terms ?? []).flatMap((id) => {
            const t = terms.get(id)
            if (!t || seen.has(id)) return []
            seen.add(id)
            return [{ term: t.term[lang], definition: t.definition[lang] }]
          })
          if (explained.length) item.explained = explained
        }
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
  const a = main.assessment
  const status: ReportStatus = {
    status: a.status,
    edition: a.edition,
    ...(a.signedOff
      ? {
          signedOff: {
            name: a.signedOff.name,
            role: a.signedOff.role,
            date: formatDate(a.signedOff.date, lang),
            at: formatDateTime(a.signedOff.at, lang),
          },
        }
      : {}),
  }
  const previous = a.history.at(-1)
  let changes: ReportChanges | undefined
  if (previous) {
    const shows = disclosure(audience, main.instrument.id, a.released)
    const shownBefore = disclosure(audience, main.instrument.id, previous.released)
    const sectionOf = new Map(
      main.instrument.sections.flatMap((s) => s.items.map((i) => [i.id, s.id] as const)),
    )
    changes = {
      since: previous.edition,
      sinceSignedOn: formatDate(previous.signedOff.date, lang),
      rows: editionChanges({
        before: previous,
        after: a,
        instruments: [...(args.instruments ?? []), main.instrument],
        lang,
        unitLabel: unit,
        // A reader sees a change of what their report shows, and a free text released on both sides.
        shows: (id, field) => {
          const section = sectionOf.get(id)
          if (section === undefined || !shows.section(section)) return false
          return field === undefined || (shows.text(id, field) && shownBefore.text(id, field))
        },
      }),
    }
  }
  return {
    lang,
    audience,
    status,
    ...(changes ? { changes } : {}),
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
      ...(derived ? { crosswalk: `${derived.crosswalk.id} ${derived.crosswalk.version}` } : {}),
      fingerprint: args.fingerprint,
    },
  }
}
