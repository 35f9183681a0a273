import { answerKind, hasKind } from '../answer-kinds'
import type { AnswerValue, Assessment, Derivation } from '../assessment/assessment-schema'
import { ASSESSMENT_FORMAT, ASSESSMENT_FORMAT_VERSION } from '../assessment/constants'
import { checkConsistency } from '../assessment/consistency'
import { chosenCodes } from '../assessment/visibility'
import { itemIndex } from '../instrument/item-index'
import { itemQuantities } from '../instrument/item-quantities'
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
 * What an option claims in one unit against a measured value: met, not met, or nothing (the option
 * states no threshold in that unit). A Norm that states no number is met from `normFrom`.
 */
function verdict(
  option: Option,
  unit: Threshold['unit'],
  value: number,
  normFrom?: DeriveRule['normFrom'],
): boolean | undefined {
  const th = option.thresholds?.find((t) => t.unit === unit)
  if (th) return meetsClaim(th, value)
  if (option.rank === 0 && normFrom?.unit === unit) return value >= normFrom.value
  return undefined
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
  if (!ordered.some((o) => o.thresholds?.some((t) => t.unit === unit))) return undefined
  const met = ordered.find((o) => verdict(o, unit, value, normFrom) === true)
  return met
    ? { option: met, belowLowest: false }
    : { option: ordered.at(-1) as Option, belowLowest: value > 0 }
}

type Lang = 'nl' | 'en'
const both = (f: (lang: Lang) => string): Localized => ({ nl: f('nl'), en: f('en') })
/** A text made only when a note needs it: most derived items get none. */
type Lazy = (lang: Lang) => string

interface Pick {
  option: Option
  /** What gave it, for the note: the level, or a quantity and its value. */
  because: Lazy
  belowLowest?: boolean
}

type Reading =
  | { kind: 'silent' }
  | { kind: 'conclusion' }
  | { kind: 'not-derivable'; reason: Localized }
  | { kind: 'picks'; picks: Pick[]; measures: Measure[] }

/** A BAR quantity in the unit of the FML thresholds it is read against (times the factor). */
interface Measure {
  unit: Threshold['unit']
  value: number
  because: Lazy
}

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
  if (!hasKind(answer, 'capacity')) return { kind: 'silent' }
  // The BAR states no work capacity at present: its conclusion, compared before any item, covers
  // what the work-time item would give.
  if (args.noCapacityItem === src.item) return { kind: 'conclusion' }
  const options = choiceOptions(target) ?? []
  const byCode = (code: string) => options.find((o) => o.code === code)
  const picks: Pick[] = []
  const quantityLabel = (d: Dimension) =>
    itemQuantities(barItem).find((q) => q.id === d.quantity)?.label
  const given = (src.dimensions ?? []).flatMap((d) => {
    const value = answer.quantities?.[d.quantity]
    return value === undefined ? [] : [{ d, value }]
  })
  const measures: Measure[] = given.map(({ d, value }) => {
    const label = quantityLabel(d)
    return {
      unit: d.unit,
      value: value * (d.factor ?? 1),
      because: (lang: Lang) =>
        `${label?.[lang] ?? d.quantity} ${formatNumber(value, lang)}${d.factor ? ` × ${formatNumber(d.factor, lang)}` : ''}`,
    }
  })
  const ordered = byCapability(options)
  const levelCode = answer.level === undefined ? undefined : src.levels[answer.level]
  const levelOption = levelCode === undefined ? undefined : byCode(levelCode)
  for (const m of measures) {
    const picked = pickByThreshold(options, m.unit, m.value, rule.normFrom)
    if (!picked) continue
    // Below the lowest number the FML states, the options that state none in this unit remain
    // (IV.15 "Beperkt", "Sterk beperkt"): the level chooses among them; without it, the most
    // restrictive, flagged.
    const lowest = ordered.findLastIndex((o) => o.thresholds?.some((t) => t.unit === m.unit))
    if (picked.belowLowest && levelOption && ordered.indexOf(levelOption) > lowest)
      picks.push({ option: levelOption, because: m.because })
    else picks.push({ option: picked.option, belowLowest: picked.belowLowest, because: m.because })
  }
  if (answer.level !== undefined) {
    const code = src.levels[answer.level]
    const level = levelLabel(barItem, answer.level)
    const option = code === undefined ? undefined : byCode(code)
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
      because: (lang) => `BAR ${barItem.label[lang]}: ${level[lang]}`,
    })
  } else {
    // Without a level, every dimension the rule reads must be stated: an option also claims the
    // frequency or duration it ties to a weight. A dimension read through a factor is only a cap
    // (FML VI.3: five times the hours per day), not a claim of the option.
    const missing = (src.dimensions ?? []).filter((d) => !d.factor && !given.some((g) => g.d === d))
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
  return picks.length ? { kind: 'picks', picks, measures } : { kind: 'silent' }
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
  const measures = readings.flatMap((r) => (r.reading.kind === 'picks' ? r.reading.measures : []))
  const unmet = (o: Option) =>
    measures.filter((m) => verdict(o, m.unit, m.value, rule.normFrom) === false)
  // An option also claims what it ties to the measure it was picked by (FML IV.13 "about 5 kg, up
  // to 50 times an hour"): go on to more restrictive options until one claims no more than the BAR.
  const overChosen = unmet(chosen.option)
  const last = ordered.at(-1) as Option
  const escalate = overChosen.length > 0 && chosen.option !== last
  const fits = escalate
    ? ordered.slice(ordered.indexOf(chosen.option) + 1).find((o) => unmet(o).length === 0)
    : undefined
  const option = escalate ? (fits ?? last) : chosen.option
  const silent = readings.filter((r) => r.reading.kind === 'silent')
  // A Norm rests on every BAR item the rule reads: one left open may hold a limitation.
  if (option.rank === 0 && silent.length)
    return {
      notDerivable: both((lang) => {
        const names = silent.map((r) => barItems.get(r.src.item)?.label[lang] ?? r.src.item)
        return lang === 'nl'
          ? `Norm volgt alleen als de BAR ook ${names.join(', ')} beoordeelt; dat is niet ingevuld.`
          : `Norm follows only when the BAR also assesses ${names.join(', ')}; that is not filled in.`
      }),
    }
  const notes: Localized[] = []
  const differing = all.filter((p) => p.option !== chosen.option)
  if (differing.length && !escalate)
    notes.push(
      both((lang) => {
        const list = [chosen, ...differing]
          .map((p) => `${p.because(lang)} → ${p.option.code} ${p.option.label[lang]}`)
          .join('; ')
        return lang === 'nl'
          ? `De BAR-gegevens wijzen naar verschillende opties (${list}): de meest beperkende is gekozen.`
          : `The BAR's data point to different options (${list}): the most restrictive was chosen.`
      }),
    )
  const named = (o: Option, lang: Lang) => `${o.code} ${o.label[lang]}`
  const listed = (ms: Measure[], lang: Lang) => ms.map((m) => m.because(lang)).join(', ')
  // Even the most restrictive option may claim more than a BAR quantity (IV.13 "about 2 kg, up to
  // 100 times an hour"): flagged, unless the BAR states none at all (0).
  const stillOver = unmet(option)
  const below = !escalate && chosen.belowLowest === true
  const over = !below && stillOver.length > 0 && !stillOver.some((m) => m.value === 0)
  if (escalate && fits)
    notes.push(
      both((lang) =>
        lang === 'nl'
          ? `${named(chosen.option, lang)} claimt meer dan de BAR noemt (${listed(overChosen, lang)}): ${named(fits, lang)} is gekozen.`
          : `${named(chosen.option, lang)} claims more than the BAR states (${listed(overChosen, lang)}): ${named(fits, lang)} was chosen.`,
      ),
    )
  if (over)
    notes.push(
      both((lang) =>
        lang === 'nl'
          ? `Geen FML-optie blijft binnen wat de BAR noemt (${listed(stillOver, lang)}): de meest beperkende optie is gekozen; controleer dit.`
          : `No FML option stays within what the BAR states (${listed(stillOver, lang)}): the most restrictive option was chosen; check this.`,
      ),
    )
  if (below)
    notes.push(
      both((lang) =>
        lang === 'nl'
          ? `${chosen.because('nl')} ligt onder de laagste grens die de FML noemt: de meest beperkende optie is gekozen; controleer dit.`
          : `${chosen.because('en')} is below the lowest threshold the FML states: the most restrictive option was chosen; check this.`,
      ),
    )
  const note = notes.length ? both((lang) => notes.map((n) => n[lang]).join(' ')) : rule.note
  return {
    code: option.code,
    sources: readings.filter((r) => r.reading.kind === 'picks').map((r) => r.src.item),
    rule: measures.length ? 'threshold' : 'level-map',
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
  const details = hasKind(a, 'capacity')
    ? [a.possible, a.conditions].filter(Boolean).join(' ')
    : hasKind(a, 'single')
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
    const answer = answerKind(t.answer.kind).choose(picked.code, specify)
    // Only a choice is derived; a crosswalk to any other kind of item (a capacity) gives nothing.
    if (!answer) continue
    answers[t.id] = answer
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
    formatVersion: ASSESSMENT_FORMAT_VERSION,
    id: args.id,
    instrument: { id: target.id, version: target.version },
    language: bar.language,
    meta: { ...bar.meta },
    answers,
    createdAt: stamp,
    updatedAt: stamp,
    // Made by the app, never signed off by anyone; its texts are the BAR's, private here.
    status: 'concept',
    edition: 1,
    released: [],
    history: [],
    derivation: {
      from: { assessmentId: bar.id, instrument: bar.instrument },
      crosswalk: { id: crosswalk.id, version: crosswalk.version },
      items,
      notDerivable,
    },
  }
}
