import type { AnswerValue, Assessment, Derivation } from '../assessment/assessment-schema'
import { ASSESSMENT_FORMAT } from '../assessment/constants'
import { checkConsistency } from '../assessment/consistency'
import { chosenCodes } from '../assessment/visibility'
import { itemIndex } from '../instrument/item-index'
import { choiceOptions } from '../instrument/choice-options'
import type { Instrument, Item, Localized, Option, Threshold } from '../instrument/meta-schema'
import { formatNumber } from '../report/format'
import { conclusionOf } from './conclusion'
import type { Crosswalk, DeriveRule, Dimension, RuleSource } from './crosswalk-schema'

const capabilityOrder = new WeakMap<readonly Option[], Option[]>()

/** Options from most to least capable: by rank where ranked, else in file order. Cached per list. */
export function byCapability(options: readonly Option[]): Option[] {
  let ordered = capabilityOrder.get(options)
  if (!ordered) {
    ordered = options
      .map((o, i) => ({ o, i }))
      .sort((a, b) => (a.o.rank ?? 0) - (b.o.rank ?? 0) || a.i - b.i)
      .map((x) => x.o)
    capabilityOrder.set(options, ordered)
  }
  return ordered
}

/**
 * Whether a BAR value meets what an option claims in one unit. "About 10 kg" and "at most 5 times
 * an hour" claim that much; "at least 8 hours" claims more than 8; "less than 5 minutes" claims
 * no capacity at all, so any value meets it.
 */
export function meetsClaim(threshold: Threshold, value: number): boolean {
  switch (threshold.comparator) {
    case 'about':
    case 'at-most':
      return value >= threshold.value
    case 'at-least':
    case 'more-than':
      return value > threshold.value
    case 'less-than':
      return true
  }
}

/**
 * The most capable option whose claim in `unit` a measured capacity meets. A Norm that states no
 * number is met from `normFrom`. Below every stated claim: the most restrictive option, flagged
 * unless the BAR states none at all (0).
 * @example pickByThreshold(fmlIV13.options, 'kg', 12) // → { option: "1" (~10 kg), belowLowest: false }
 */
export function pickByThreshold(
  options: readonly Option[],
  unit: Threshold['unit'],
  value: number,
  normFrom?: DeriveRule['normFrom'],
): { option: Option; belowLowest: boolean } | undefined {
  const ordered = byCapability(options)
  const stated = (o: Option) => o.thresholds?.find((t) => t.unit === unit)
  const last = ordered.findLastIndex((o) => stated(o) !== undefined)
  if (last < 0) return undefined
  for (const o of ordered.slice(0, last + 1)) {
    const th = stated(o)
    if (
      th
        ? meetsClaim(th, value)
        : o.rank === 0 && normFrom?.unit === unit && value >= normFrom.value
    )
      return { option: o, belowLowest: false }
  }
  return { option: ordered.at(-1) as Option, belowLowest: value > 0 }
}

type Lang = 'nl' | 'en'
const both = (f: (lang: Lang) => string): Localized => ({ nl: f('nl'), en: f('en') })

interface Pick {
  option: Option
  /** What gave it, for the note: the level, or a quantity and its value. */
  because: Localized
  belowLowest?: boolean
}

type Reading =
  | { kind: 'silent' }
  | { kind: 'conclusion' }
  | { kind: 'not-derivable'; reason: Localized }
  | { kind: 'picks'; picks: Pick[]; quantities: boolean }

function levelLabel(item: Item, code: string): Localized {
  return choiceOptions(item)?.find((o) => o.code === code)?.label ?? { nl: code, en: code }
}

/** What one BAR item says about the FML item: an option per level and per stated dimension. */
function readSource(args: {
  src: RuleSource
  rule: DeriveRule
  barItem: Item
  target: Item
  answer: AnswerValue | undefined
  noCapacityItem: string | undefined
}): Reading {
  const { src, rule, barItem, target, answer } = args
  if (answer?.kind !== 'capacity') return { kind: 'silent' }
  // The BAR states no work capacity at present: its conclusion, compared before any item, covers
  // what the work-time item would give.
  if (args.noCapacityItem === src.item) return { kind: 'conclusion' }
  const options = choiceOptions(target) ?? []
  const byCode = new Map(options.map((o) => [o.code, o]))
  const picks: Pick[] = []
  const quantityLabel = (d: Dimension) =>
    barItem.answer.kind === 'capacity'
      ? barItem.answer.quantities.find((q) => q.id === d.quantity)?.label
      : undefined
  const given = (src.dimensions ?? []).flatMap((d) => {
    const value = answer.quantities?.[d.quantity]
    return value === undefined ? [] : [{ d, value }]
  })
  for (const { d, value } of given) {
    const picked = pickByThreshold(options, d.unit, value * (d.factor ?? 1), rule.normFrom)
    if (!picked) continue
    const label = quantityLabel(d)
    picks.push({
      option: picked.option,
      belowLowest: picked.belowLowest,
      because: both(
        (lang) =>
          `${label?.[lang] ?? d.quantity} ${formatNumber(value, lang)}${d.factor ? ` × ${formatNumber(d.factor, lang)}` : ''}`,
      ),
    })
  }
  if (answer.level !== undefined) {
    const code = src.levels[answer.level]
    const level = levelLabel(barItem, answer.level)
    const option = code === undefined ? undefined : byCode.get(code)
    if (!option)
      return {
        kind: 'not-derivable',
        reason: rule.note ?? {
          nl: `Niveau "${level.nl}" van BAR ${barItem.label.nl} is niet uit te drukken in dit FML-item`,
          en: `Level "${level.en}" of BAR ${barItem.label.en} cannot be expressed in this FML item`,
        },
      }
    if (src.needsQuantity && !given.length && option.rank !== 0)
      return {
        kind: 'not-derivable',
        reason: rule.note ?? {
          nl: `BAR ${barItem.label.nl} noemt het niveau maar niet de hoeveelheid waaruit dit item volgt`,
          en: `BAR ${barItem.label.en} gives the level but not the quantity this item follows from`,
        },
      }
    picks.push({
      option,
      because: both((lang) => `BAR ${barItem.label[lang]}: ${level[lang]}`),
    })
  } else {
    // Without a level, every dimension the rule reads must be stated: an option also claims the
    // frequency or duration it ties to a weight.
    const missing = (src.dimensions ?? []).filter((d) => !given.some((g) => g.d === d))
    if (missing.length && given.length)
      return {
        kind: 'not-derivable',
        reason: both((lang) =>
          lang === 'nl'
            ? `BAR ${barItem.label.nl} noemt geen niveau en niet: ${missing.map((d) => quantityLabel(d)?.nl ?? d.quantity).join(', ')}; elke FML-optie noemt dat wel`
            : `BAR ${barItem.label.en} gives no level and not: ${missing.map((d) => quantityLabel(d)?.en ?? d.quantity).join(', ')}; every FML option states it`,
        ),
      }
  }
  return picks.length ? { kind: 'picks', picks, quantities: given.length > 0 } : { kind: 'silent' }
}

interface Derived {
  code: string
  sources: string[]
  rule: 'threshold' | 'level-map'
  note?: Localized
}

function applyRule(
  rule: DeriveRule,
  target: Item,
  bar: Assessment,
  barItems: ReadonlyMap<string, Item>,
  noCapacityItem: string | undefined,
): Derived | { notDerivable: Localized } | undefined {
  const readings = rule.sources.map((src) => ({
    src,
    reading: readSource({
      src,
      rule,
      barItem: barItems.get(src.item) as Item,
      target,
      answer: bar.answers[src.item],
      noCapacityItem,
    }),
  }))
  if (readings[0]?.reading.kind === 'silent') return undefined
  if (readings.some((r) => r.reading.kind === 'conclusion')) return undefined
  const refused = readings.find((r) => r.reading.kind === 'not-derivable')?.reading
  if (refused?.kind === 'not-derivable') return { notDerivable: refused.reason }
  const ordered = byCapability(choiceOptions(target) ?? [])
  const all = readings.flatMap((r) => (r.reading.kind === 'picks' ? r.reading.picks : []))
  const restrictive = (p: Pick) => ordered.indexOf(p.option)
  const chosen = all.reduce((a, b) => (restrictive(b) > restrictive(a) ? b : a))
  const notes: Localized[] = []
  const differing = all.filter((p) => p.option !== chosen.option)
  if (differing.length)
    notes.push(
      both((lang) => {
        const list = [chosen, ...differing]
          .map((p) => `${p.because[lang]} → ${p.option.code} ${p.option.label[lang]}`)
          .join('; ')
        return lang === 'nl'
          ? `De BAR-gegevens wijzen naar verschillende opties (${list}): de meest beperkende is gekozen.`
          : `The BAR's data point to different options (${list}): the most restrictive was chosen.`
      }),
    )
  if (chosen.belowLowest)
    notes.push(
      both((lang) =>
        lang === 'nl'
          ? `${chosen.because.nl} ligt onder de laagste grens die de FML noemt: de meest beperkende optie is gekozen; controleer dit.`
          : `${chosen.because.en} is below the lowest threshold the FML states: the most restrictive option was chosen; check this.`,
      ),
    )
  const note = notes.length ? both((lang) => notes.map((n) => n[lang]).join(' ')) : rule.note
  return {
    code: chosen.option.code,
    sources: readings.filter((r) => r.reading.kind === 'picks').map((r) => r.src.item),
    rule: readings.some((r) => r.reading.kind === 'picks' && r.reading.quantities)
      ? 'threshold'
      : 'level-map',
    ...(note ? { note } : {}),
  }
}

/** The "namely" text of a derived option that needs one: the BAR item, its level and what it says. */
function specifyText(
  bar: Assessment,
  barItems: ReadonlyMap<string, Item>,
  sourceId: string,
): string {
  const lang = bar.language
  const item = barItems.get(sourceId)
  const a = bar.answers[sourceId]
  const level = chosenCodes(a)[0]
  const levelText =
    item && level ? choiceOptions(item)?.find((o) => o.code === level)?.label[lang] : undefined
  const details =
    a?.kind === 'capacity'
      ? [a.possible, a.conditions].filter(Boolean).join(' ')
      : a?.kind === 'single'
        ? (a.specify ?? '')
        : ''
  const name = item ? item.label[lang] : ''
  const head = lang === 'nl' ? `Afgeleid uit BAR ${name}` : `Derived from BAR ${name}`
  return [`${head}${levelText ? ` (${levelText})` : ''}`, details]
    .filter(Boolean)
    .join(': ')
    .slice(0, 2000)
}

/**
 * Derives an FML assessment from a BAR assessment through a crosswalk. A derived option never claims
 * more capacity than the BAR states on any dimension the option names; what the BAR cannot inform
 * stays unanswered and is listed; what the BAR's conclusion (no work capacity at present) covers is
 * left to that conclusion. The result never holds answers the FML declares exclusive of each other.
 */
export function deriveAssessment(args: {
  source: Assessment
  sourceInstrument: Instrument
  target: Instrument
  crosswalk: Crosswalk
  id: string
  now: Date
}): Assessment {
  const { source: bar, sourceInstrument, target, crosswalk } = args
  const barItems = itemIndex(sourceInstrument).items
  const targetItems = itemIndex(target).items
  const conclusion = conclusionOf(sourceInstrument, bar)
  const noCapacityItem = conclusion?.state === 'no-capacity' ? conclusion.item : undefined
  const answers: Assessment['answers'] = {}
  const items: Derivation['items'] = {}
  const notDerivable: Derivation['notDerivable'] = {}
  for (const rule of crosswalk.rules) {
    const t = targetItems.get(rule.target)
    if (!t) continue
    if (rule.kind === 'not-derivable') {
      notDerivable[t.id] = rule.reason
      continue
    }
    const picked = applyRule(rule, t, bar, barItems, noCapacityItem)
    if (!picked) continue
    if ('notDerivable' in picked) {
      notDerivable[t.id] = picked.notDerivable
      continue
    }
    const option = choiceOptions(t)?.find((o) => o.code === picked.code)
    const specify = option?.specify
      ? specifyText(bar, barItems, picked.sources[0] as string)
      : undefined
    answers[t.id] =
      t.answer.kind === 'multiple'
        ? {
            kind: 'multiple',
            choices: [picked.code],
            ...(specify ? { specify: { [picked.code]: specify } } : {}),
          }
        : { kind: 'single', choice: picked.code, ...(specify ? { specify } : {}) }
    items[t.id] = {
      sources: picked.sources,
      rule: picked.rule,
      ...(picked.note ? { note: picked.note } : {}),
    }
  }
  // A claim the FML says excludes a derived limitation (I.8 "Nee" beside a slowed pace) is not
  // derived: the BAR's limitation stands, the claim is left to the verzekeringsarts.
  for (const c of checkConsistency(target, answers)) {
    if (!answers[c.item]) continue
    delete answers[c.item]
    delete items[c.item]
    notDerivable[c.item] = c.exclusion.reason
  }
  const stamp = args.now.toISOString()
  return {
    format: ASSESSMENT_FORMAT,
    formatVersion: 1,
    id: args.id,
    instrument: { id: target.id, version: target.version },
    language: bar.language,
    meta: { ...bar.meta },
    answers,
    createdAt: stamp,
    updatedAt: stamp,
    derivation: {
      from: { assessmentId: bar.id, instrument: bar.instrument },
      crosswalk: { id: crosswalk.id, version: crosswalk.version },
      items,
      notDerivable,
    },
  }
}
