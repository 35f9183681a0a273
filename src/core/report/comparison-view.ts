import type { AnswerValue } from '../assessment/assessment-schema'
import type { Comparison } from '../compare/compare'
import type { Completeness, ConclusionStatus, SideConclusion } from '../compare/conclusion'
import type { DiffRow, Implied, Status } from '../compare/diff'
import { itemIndex } from '../instrument/item-index'
import type { Instrument, Item } from '../instrument/meta-schema'
import type { KappaResult } from '../stats/kappa'
import { answerText } from './answer-text'
import { formatPercent, formatStatistic, type UnitLabel } from './format'

type Lang = 'nl' | 'en'

/** A translator fixed to one language: i18next's `t` for the screen, the PDF and the CLI alike. */
export type Translate = (key: string, options?: Record<string, unknown>) => string

export interface ComparisonCell {
  text: string
  /** Nothing on this side: shown muted. */
  empty: boolean
  implied?: Implied
}

export interface ComparisonRowView {
  id: string
  /** The displayed number (FML I.1). */
  code?: string
  label: string
  section: string
  ba: ComparisonCell
  va: ComparisonCell
  status: Status
  statusText: string
  note?: string
  /** Source items of a derived side, as labels. */
  sources?: string
  motivation?: string
}

export interface ConclusionSideView {
  state: SideConclusion['state']
  /** "Geen duurzaam benutbare mogelijkheden", "Geen arbeidsmogelijkheden op dit moment", … */
  text: string
  /** The answer it rests on, and the grounds or the prognosis: from when. */
  details: { label: string; text: string }[]
}

export interface KappaView {
  /** "Schaal 0–3, 13 items (gepoold)". */
  label: string
  linear: string
  quadratic: string
}

/**
 * A comparison as the reader sees it, in one language: the conclusion first, warnings about the
 * sides, the summary, and the rows. The compare screen, the PDF and the CLI render this; none of
 * them recomputes or rewords it.
 */
export interface ComparisonView {
  lang: Lang
  warnings: string[]
  conclusion: {
    status: ConclusionStatus
    headline: string
    ba?: ConclusionSideView
    va?: ConclusionSideView
  }
  completeness: { ba?: string; va?: string }
  derived?: string
  /** "BA-beoordeling voor de vergelijking bijgewerkt van BAR 1.0.0 naar 1.1.0 (…)", said above the result. */
  migrated?: string
  summary: {
    counts: Record<Status, number>
    /** "34 items vergeleken · 14 door één kant open gelaten · 16 niet vergelijkbaar". */
    lines: string[]
    agreement: string
    /** Why there is no agreement figure, when the conclusions differ. */
    withheld?: string
    kappa: KappaView[]
    bySection: { id: string; label: string; counts: Record<Status, number> }[]
  }
  sections: { id: string; label: string }[]
  rows: ComparisonRowView[]
}

function cell(
  item: Item,
  value: AnswerValue | null,
  implied: Implied | undefined,
  lang: Lang,
  t: Translate,
  unit: UnitLabel,
  status: Status,
): ComparisonCell {
  if (implied === 'no-capacity')
    return { text: t('compare.implied.noCapacity'), empty: false, implied }
  const text = answerText(item, value, lang, unit)
  if (implied === 'norm')
    return { text: `${text} (${t('compare.implied.norm')})`, empty: false, implied }
  if (text) return { text, empty: false }
  return {
    text: t(status === 'not-comparable' ? 'compare.notDerivable' : 'compare.unanswered'),
    empty: true,
  }
}

function conclusionSide(
  c: SideConclusion | undefined,
  instrument: Instrument,
  lang: Lang,
  t: Translate,
  unit: UnitLabel,
): ConclusionSideView | undefined {
  if (!c) return undefined
  const items = itemIndex(instrument).items
  const detail = (id: string, answer: AnswerValue | null) => {
    const item = items.get(id) as Item
    return { label: item.label[lang], text: answerText(item, answer, lang, unit) }
  }
  return {
    state: c.state,
    text: t(`compare.conclusion.${c.kind}.${c.state}`),
    details: [
      ...(c.answer ? [detail(c.item, c.answer)] : []),
      ...c.details.map((d) => detail(d.item, d.answer)),
    ],
  }
}

function kappaText(k: KappaResult, lang: Lang, t: Translate): string {
  if (k.kappa === null || !k.ci95) return formatStatistic(null, lang)
  return t('compare.summary.kappaValue', {
    value: formatStatistic(k.kappa, lang),
    low: formatStatistic(k.ci95[0], lang),
    high: formatStatistic(k.ci95[1], lang),
  })
}

/** What bringing one side to the other's version did, in one sentence with the counts. */
function migratedNote(m: NonNullable<Comparison['migrated']>, t: Translate): string {
  const count = (outcome: string) => m.report.entries.filter((e) => e.outcome === outcome).length
  return t(`compare.migrated.${m.side}`, {
    instrument: m.report.instrument.toUpperCase(),
    from: m.report.from,
    to: m.report.to,
    counts: t('compare.migrated.counts', {
      count: count('moved'),
      transformed: count('transformed'),
      dropped: count('dropped'),
    }),
  })
}

const COMPLETENESS_KEY: Record<Completeness, string> = {
  incomplete: 'compare.completeness.incomplete',
  complete: 'compare.completeness.complete',
  critical: 'compare.completeness.critical',
}

/**
 * Builds the reader's view of a comparison in one language.
 * @example
 * const t = createFixedT('nl')
 * const view = buildComparisonView(comparison, { lang: 'nl', t, unitLabel: unitLabelFrom(t) })
 * view.conclusion.headline // "De conclusies verschillen: de bedrijfsarts is beperkender"
 */
export function buildComparisonView(
  c: Comparison,
  args: {
    lang: Lang
    t: Translate
    unitLabel: UnitLabel
    motivations?: Readonly<Record<string, string>>
  },
): ComparisonView {
  const { lang, t, unitLabel: unit } = args
  const index = itemIndex(c.instrument)
  const sourceInstrument = c.derived ? c.sides[c.derived.side] : undefined
  const sourceItems = sourceInstrument ? itemIndex(sourceInstrument).items : undefined
  const sections = c.instrument.sections.map((s) => ({
    id: s.id,
    label: `${s.code !== undefined ? `${s.code} ` : ''}${s.label[lang]}`,
  }))
  const sectionLabel = new Map(sections.map((s) => [s.id, s.label]))
  const rows = c.rows.map((r: DiffRow): ComparisonRowView => {
    const item = index.items.get(r.item) as Item
    const code = item.code
    const motivation = args.motivations?.[r.item]?.trim()
    return {
      id: r.item,
      ...(code ? { code } : {}),
      label: item.label[lang],
      section: r.section,
      ba: cell(item, r.ba, r.baImplied, lang, t, unit, r.status),
      va: cell(item, r.va, r.vaImplied, lang, t, unit, r.status),
      status: r.status,
      statusText: t(`compare.status.${r.status}`),
      ...(r.note ? { note: r.note[lang] } : {}),
      ...(r.sources
        ? { sources: r.sources.map((id) => sourceItems?.get(id)?.label[lang] ?? id).join(', ') }
        : {}),
      ...(motivation ? { motivation } : {}),
    }
  })
  const s = c.summary
  const completeness = (x: Completeness | undefined) => (x ? t(COMPLETENESS_KEY[x]) : undefined)
  const baCompleteness = completeness(c.completeness.ba)
  const vaCompleteness = completeness(c.completeness.va)
  const baConclusion = conclusionSide(c.conclusion.ba, c.sides.ba, lang, t, unit)
  const vaConclusion = conclusionSide(c.conclusion.va, c.sides.va, lang, t, unit)
  return {
    lang,
    warnings: c.warnings.map((w) => w.message[lang]),
    conclusion: {
      status: c.conclusion.status,
      headline: t(`compare.conclusion.headline.${c.conclusion.status}`),
      ...(baConclusion ? { ba: baConclusion } : {}),
      ...(vaConclusion ? { va: vaConclusion } : {}),
    },
    completeness: {
      ...(baCompleteness ? { ba: baCompleteness } : {}),
      ...(vaCompleteness ? { va: vaCompleteness } : {}),
    },
    ...(c.derived
      ? {
          derived: t('compare.derivedNote', {
            crosswalk: c.derived.crosswalk.id,
            version: c.derived.crosswalk.version,
            fml: c.instrument.version,
          }),
        }
      : {}),
    ...(c.migrated ? { migrated: migratedNote(c.migrated, t) } : {}),
    summary: {
      counts: s.counts,
      lines: [
        t('compare.summary.compared', { count: s.compared }),
        ...(s.openOneSide ? [t('compare.summary.openOneSide', { count: s.openOneSide })] : []),
        ...(s.notComparable
          ? [t('compare.summary.notComparable', { count: s.notComparable })]
          : []),
      ],
      agreement: formatPercent(s.agreement, lang),
      ...(s.withheld ? { withheld: t('compare.summary.withheld') } : {}),
      kappa: s.kappa.map((k) => ({
        label: t(k.pooled ? 'compare.summary.kappaPooled' : 'compare.summary.kappaScale', {
          scale: `${k.scale[0]}–${k.scale.at(-1)}`,
          count: k.items,
        }),
        linear: kappaText(k.linear, lang, t),
        quadratic: kappaText(k.quadratic, lang, t),
      })),
      bySection: s.bySection.map((b) => ({
        id: b.section,
        label: sectionLabel.get(b.section) ?? b.section,
        counts: b.counts,
      })),
    },
    sections,
    rows,
  }
}
