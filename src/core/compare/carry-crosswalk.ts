import { cloneJson } from '../assessment/clone-json'
import type { Instrument, MigrationStep, OptionMap } from '../instrument/meta-schema'
import type { LoadResult } from '../issues/validation-issue'
import type { Crosswalk, CrosswalkRule, RuleSource } from './crosswalk-schema'
import { loadCrosswalk } from './load-crosswalk'

/** Where the answers of one item of the old version end up: items of the new one and their codes. */
interface Carried {
  item: string
  options?: OptionMap
}

/** Follows one source item through the steps: its new id and option map, or nothing (dropped). */
function follow(item: string, steps: readonly MigrationStep[]): Carried | undefined {
  let at: Carried | undefined = { item }
  for (const step of steps) {
    if (!at) return undefined
    const id: string = at.item
    switch (step.kind) {
      case 'rename':
      case 'move':
        if (step.from === id) at = { ...at, item: step.to }
        break
      case 'mapOptions':
        if (step.item === id) at = { ...at, options: { ...at.options, ...step.options } }
        break
      case 'drop':
        if (step.item === id) at = undefined
        break
      case 'merge':
        if (step.from.includes(id)) at = { ...at, item: step.to }
        break
      case 'split':
        // The rule reads the first part copied as it was; others need a person's judgement.
        if (step.from === id) {
          const copy = step.to.find((t) => t.carry === 'copy')
          at = copy ? { ...at, item: copy.item } : undefined
        }
        break
    }
  }
  return at
}

/** The source's level map with the old level codes replaced as the migration maps them. */
function mapLevels(levels: RuleSource['levels'], options: OptionMap | undefined) {
  if (!options) return levels
  return Object.fromEntries(
    Object.entries(levels).flatMap(([code, to]) => {
      const next = options[code]
      if (next === undefined) return [[code, to]]
      return typeof next === 'string' ? [[next, to]] : []
    }),
  )
}

function carryRule(
  rule: CrosswalkRule,
  steps: readonly MigrationStep[],
  next: Instrument,
): CrosswalkRule {
  if (rule.kind !== 'derive') return rule
  const sources = rule.sources.flatMap((source) => {
    const at = follow(source.item, steps)
    if (!at) return []
    const levels = mapLevels(source.levels, at.options)
    return Object.keys(levels).length ? [{ ...source, item: at.item, levels }] : []
  })
  if (sources.length) return { ...rule, sources }
  return {
    kind: 'not-derivable',
    target: rule.target,
    reason: {
      nl: `De ${next.id.toUpperCase()}-items waaruit dit item werd afgeleid, zijn vervallen in versie ${next.version}`,
      en: `The ${next.id.toUpperCase()} items this item was derived from were removed in version ${next.version}`,
    },
  }
}

/**
 * The crosswalk of an instrument's previous version carried to its next version: each rule reads
 * its source items under their new ids and level codes, through the next version's migration; a
 * rule whose sources are all gone becomes "not derivable" with the reason; new items are not
 * read (a person adds rules for them). Checked against both instruments like a shipped crosswalk.
 * @example
 * const r = carryCrosswalk(barToFml110, bar120, fml100)
 * if (r.ok) save(`crosswalk/${r.value.id}.json`, r.value)
 */
export function carryCrosswalk(
  crosswalk: Crosswalk,
  next: Instrument,
  target: Instrument,
): LoadResult<Crosswalk> {
  const steps = next.migration?.steps ?? []
  const id = `${next.id}-${next.version}__${target.id}-${target.version}`
  const note = {
    nl: `Overgenomen uit ${crosswalk.id} door de instrumentbouwer: de regels lezen de hernoemde items onder hun nieuwe kenmerk, regels van vervallen items zijn niet af te leiden, en nieuwe items worden (nog) niet gelezen.`,
    en: `Carried over from ${crosswalk.id} by the instrument builder: the rules read renamed items under their new ids, rules of removed items are not derivable, and new items are not read (yet).`,
  }
  const carried: Crosswalk = {
    ...cloneJson(crosswalk),
    id,
    from: { id: next.id, version: next.version },
    title: {
      nl: `Vertaaltabel ${next.id.toUpperCase()} ${next.version} naar ${target.id.toUpperCase()} ${target.version}`,
      en: `Crosswalk from ${next.id.toUpperCase()} ${next.version} to ${target.id.toUpperCase()} ${target.version}`,
    },
    rules: crosswalk.rules.map((r) => carryRule(r, steps, next)),
  }
  carried.provenance = {
    ...carried.provenance,
    reconstructed: [...carried.provenance.reconstructed, note],
  }
  return loadCrosswalk(carried, next, target)
}
