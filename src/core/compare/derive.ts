import type { AnswerValue, Assessment, Derivation } from '../assessment/assessment-schema'
import { ASSESSMENT_FORMAT } from '../assessment/constants'
import { chosenCodes } from '../assessment/visibility'
import { itemIndex } from '../instrument/item-index'
import { choiceOptions } from '../instrument/choice-options'
import type { Instrument, Item, Localized, Option, Threshold } from '../instrument/meta-schema'
import type { Crosswalk, CrosswalkRule } from './crosswalk-schema'

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

type Candidate = { o: Option; th: Threshold }
const candidateCache = new WeakMap<readonly Option[], Map<string, Candidate[]>>()

/** The options stating a threshold in `unit`, most capable first. Cached per option list. */
function thresholdCandidates(options: readonly Option[], unit: Threshold['unit']): Candidate[] {
  let byUnit = candidateCache.get(options)
  if (!byUnit) candidateCache.set(options, (byUnit = new Map()))
  let list = byUnit.get(unit)
  if (!list) {
    list = byCapability(options).flatMap((o) => {
      const th = o.thresholds?.find((t) => t.unit === unit)
      return th ? [{ o, th }] : []
    })
    byUnit.set(unit, list)
  }
  return list
}

const CEILINGS: ReadonlySet<Threshold['comparator']> = new Set(['at-most', 'less-than'])

/**
 * The most capable option whose claim a measured capacity meets, among options stating a threshold
 * in `unit`. A floor ("~10 kg", "at least 30 min") claims its value; a ceiling ("at most 5 times")
 * claims more than the next option's value. Between two thresholds: the more restrictive option.
 * Below the lowest claim: the next more restrictive option, or the most restrictive one, flagged.
 * @example pickByThreshold(fmlIV13.options, 'kg', 12) // → option "1" (~10 kg)
 */
export function pickByThreshold(
  options: readonly Option[],
  unit: Threshold['unit'],
  value: number,
): { option: Option; belowLowest: boolean } | undefined {
  const candidates = thresholdCandidates(options, unit)
  for (let i = 0; i < candidates.length; i++) {
    const { o, th } = candidates[i] as (typeof candidates)[number]
    if (CEILINGS.has(th.comparator)) {
      const next = candidates[i + 1]
      if (!next || value > next.th.value) return { option: o, belowLowest: false }
    } else if (th.comparator === 'more-than' ? value > th.value : value >= th.value)
      return { option: o, belowLowest: false }
  }
  // Below every claim: the next more restrictive option after the last one with a threshold
  // (e.g. FML IV.19 "a single step-up"), or that last one, flagged, when there is none.
  const last = candidates.at(-1)
  if (!last) return undefined
  const ordered = byCapability(options)
  const after = ordered[ordered.indexOf(last.o) + 1]
  return after ? { option: after, belowLowest: false } : { option: last.o, belowLowest: true }
}

function label(item: Item | undefined, lang: 'nl' | 'en') {
  return item ? item.label[lang] : ''
}

interface Picked {
  code: string
  sources: string[]
  rule: 'threshold' | 'level-map'
  note?: Localized
}

function pickLevel(
  levels: Record<string, string>,
  sourceId: string,
  answer: AnswerValue | undefined,
): Picked | { unmapped: string } | undefined {
  const level = chosenCodes(answer)[0]
  if (level === undefined) return undefined
  const code = levels[level]
  return code === undefined ? { unmapped: level } : { code, sources: [sourceId], rule: 'level-map' }
}

function applyRule(
  rule: Exclude<CrosswalkRule, { kind: 'not-derivable' }>,
  target: Item,
  bar: Assessment,
) {
  if (rule.kind === 'level-map')
    return pickLevel(rule.source.levels, rule.source.item, bar.answers[rule.source.item])
  const a = bar.answers[rule.source.item]
  const value = a?.kind === 'capacity' ? a.quantities?.[rule.source.quantity] : undefined
  if (value !== undefined) {
    const picked = pickByThreshold(choiceOptions(target) ?? [], rule.unit, value)
    if (!picked) return undefined
    return {
      code: picked.option.code,
      sources: [rule.source.item],
      rule: 'threshold' as const,
      ...(picked.belowLowest
        ? {
            note: {
              nl: `De BAR noemt ${value}; dat ligt onder de laagste grens van de FML: de meest beperkende optie is gekozen`,
              en: `The BAR states ${value}, below the FML's lowest threshold: the most restrictive option was chosen`,
            },
          }
        : {}),
    }
  }
  return rule.fallback
    ? pickLevel(rule.fallback.levels, rule.fallback.item, bar.answers[rule.fallback.item])
    : undefined
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
  const levelLabel =
    item && level ? choiceOptions(item)?.find((o) => o.code === level)?.label[lang] : undefined
  const details =
    a?.kind === 'capacity'
      ? [a.possible, a.conditions].filter(Boolean).join(' ')
      : a?.kind === 'single'
        ? (a.specify ?? '')
        : ''
  const head =
    lang === 'nl'
      ? `Afgeleid uit BAR ${label(item, lang)}`
      : `Derived from BAR ${label(item, lang)}`
  return [`${head}${levelLabel ? ` (${levelLabel})` : ''}`, details]
    .filter(Boolean)
    .join(': ')
    .slice(0, 2000)
}

/**
 * Derives an FML assessment from a BAR assessment through a crosswalk. A derived option never claims
 * more capacity than the BAR states; what the BAR cannot inform stays unanswered and is listed.
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
    const picked = applyRule(rule, t, bar)
    if (!picked) continue
    if ('unmapped' in picked) {
      const levelLabel = choiceOptions(
        barItems.get(
          rule.kind === 'threshold' ? (rule.fallback?.item ?? rule.source.item) : rule.source.item,
        ) as Item,
      )?.find((o) => o.code === picked.unmapped)?.label
      notDerivable[t.id] = rule.note ?? {
        nl: `Niveau "${levelLabel?.nl ?? picked.unmapped}" is niet uit te drukken in dit FML-item`,
        en: `Level "${levelLabel?.en ?? picked.unmapped}" cannot be expressed in this FML item`,
      }
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
      ...(picked.note ? { note: picked.note } : rule.note ? { note: rule.note } : {}),
    }
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
