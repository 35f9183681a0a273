import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { loadAssessment } from '../core/assessment/load-assessment'
import type { Catalogue } from '../core/instrument/catalogue-data'
import type { Answers } from '../core/assessment/assessment-schema'
import { deriveAssessment } from '../core/compare/derive'
import { itemQuantities } from '../core/instrument/item-quantities'
import type { Instrument, NamedQuantity, Option } from '../core/instrument/meta-schema'
import { mulberry32 } from '../core/stats/mulberry32'

const examplesDir = join(dirname(fileURLToPath(import.meta.url)), '../../public/examples')

type Json = Record<string, unknown>

export interface SyntheticCohortOptions {
  /** How many BA/VA pairs to make. */
  pairs: number
  /** Seed of the generator (a 32-bit integer); the same seed gives the same cohort. */
  seed?: number
  catalogue: Catalogue
  /**
   * Whether a few BAR capacity levels vary too (true by default). With the BA side fixed every
   * pair's derived FML is the same, and kappa (which needs both raters to vary) is undefined.
   */
  varyBa?: boolean
}

/** How often a pair is made again when a variation does not load, before it is left out. */
const ATTEMPTS = 10

/** A version 4 UUID drawn from `random`: reproducible, unlike crypto.randomUUID. */
function uuid(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16))
  hex[12] = '4'
  hex[16] = ((parseInt(hex[16] as string, 16) & 0x3) | 0x8).toString(16)
  const h = hex.join('')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`
}

/** An FML single-choice item whose ranked options (without `specify`) the verzekeringsarts may move between. */
interface FmlVariable {
  id: string
  /** Codes by rank, lowest (Norm) first. */
  codes: string[]
}

/** A BAR capacity item the generator may set: its levels by rank and its quantities. */
interface BarVariable {
  id: string
  levels: string[]
  quantities: readonly NamedQuantity[]
}

const rankedCodes = (options: readonly Option[]) =>
  options
    .filter((o) => o.rank !== undefined && !o.specify)
    .sort((a, b) => (a.rank as number) - (b.rank as number))
    .map((o) => o.code)

function fmlVariables(instrument: Instrument): FmlVariable[] {
  return instrument.sections.flatMap((s) =>
    s.items.flatMap((item): FmlVariable[] => {
      if (item.answer.kind !== 'single') return []
      const codes = rankedCodes(item.answer.options)
      return codes.length > 1 ? [{ id: item.id, codes }] : []
    }),
  )
}

/** The BAR capacity items the example answers: those are the ones a BA of the cohort rates. */
function barVariables(instrument: Instrument, answers: Json): BarVariable[] {
  return instrument.sections.flatMap((s) =>
    s.items.flatMap((item): BarVariable[] => {
      const answer = answers[item.id] as Json | undefined
      if (item.answer.kind !== 'capacity' || answer?.kind !== 'capacity') return []
      const levels = rankedCodes(item.answer.levels)
      return levels.length > 1 ? [{ id: item.id, levels, quantities: itemQuantities(item) }] : []
    }),
  )
}

/** A value of the quantity within its bounds, on its step, around `value` (half to one and a half). */
function near(value: number, q: NamedQuantity, random: () => number): number {
  const step = q.step ?? 1
  const drawn = Math.round((value * (0.5 + random())) / step) * step
  return Math.min(q.max, Math.max(q.min, +drawn.toFixed(6)))
}

/**
 * One employee's BAR: each capacity item the example rates gets a level drawn around the
 * example's (often the same, sometimes a step or two away), its quantities scaled with it; the
 * texts of a changed item are left out, since they described the example's level.
 */
function employeeBar(answers: Json, items: readonly BarVariable[], random: () => number): Json {
  const out = structuredClone(answers)
  for (const item of items) {
    const answer = out[item.id] as Json
    const at = item.levels.indexOf(answer.level as string)
    if (at < 0 || random() < 0.35) continue
    const shift = Math.round((random() * 2 - 1) * 2)
    const level = item.levels[Math.max(0, Math.min(item.levels.length - 1, at + shift))] as string
    const given = (answer.quantities ?? {}) as Record<string, number>
    const quantities = Object.fromEntries(
      item.quantities.flatMap((q) => {
        const v = given[q.id]
        return v === undefined ? [] : [[q.id, near(v, q, random)]]
      }),
    )
    out[item.id] = {
      kind: 'capacity',
      level,
      ...(Object.keys(quantities).length ? { quantities } : {}),
    }
  }
  return out
}

/**
 * The verzekeringsarts's FML of the same employee: the FML the BAR derives, where it derives one,
 * else the example's answer, and then about one item in five judged a step more or less
 * restrictive (within the ranked options without `specify`).
 */
function employeeFml(
  derived: Answers,
  example: Json,
  items: readonly FmlVariable[],
  random: () => number,
): Json {
  const out: Json = { ...structuredClone(example), ...structuredClone(derived) }
  for (const item of items) {
    const answer = out[item.id] as Json | undefined
    if (answer?.kind !== 'single' || 'specify' in answer || random() >= 0.2) continue
    const at = item.codes.indexOf(answer.choice as string)
    if (at < 0) continue
    const to = at === 0 ? 1 : at === item.codes.length - 1 ? at - 1 : at + (random() < 0.5 ? -1 : 1)
    out[item.id] = { kind: 'single', choice: item.codes[to] }
  }
  return out
}

/**
 * A synthetic cohort of valid BA/VA pairs from the shipped examples (the BAR of the bedrijfsarts,
 * the FML of the verzekeringsarts), each pair one employee: the BAR's levels and quantities are
 * drawn around the example's, and the FML follows what that BAR derives with about one item in
 * five a step apart, so that agreement is high but not perfect and varies by item, as in a study.
 * Everything is drawn from the seed, ids too. Every assessment is checked with loadAssessment; a
 * pair that does not load is drawn again, and left out after a few attempts. With `varyBa` false
 * every BAR is the example's.
 */
export function syntheticCohort({
  pairs,
  seed = 1,
  catalogue,
  varyBa = true,
}: SyntheticCohortOptions): Json[] {
  const bar = JSON.parse(readFileSync(join(examplesDir, 'bar-example.json'), 'utf8')) as Json
  const fml = JSON.parse(readFileSync(join(examplesDir, 'fml-example.json'), 'utf8')) as Json
  const load = (json: Json, name: string) => {
    const r = loadAssessment(json, catalogue.instruments)
    if (!r.ok) throw new Error(`public/examples/${name} does not load`)
    return r.value
  }
  const barInstrument = load(bar, 'bar-example.json').instrument
  const fmlInstrument = load(fml, 'fml-example.json').instrument
  const crosswalk = catalogue.crosswalks.find(
    (c) =>
      c.from.id === barInstrument.id &&
      c.from.version === barInstrument.version &&
      c.to.id === fmlInstrument.id &&
      c.to.version === fmlInstrument.version,
  )
  if (!crosswalk) throw new Error('no crosswalk from the example BAR to the example FML')
  const barItems = varyBa ? barVariables(barInstrument, bar.answers as Json) : []
  const fmlItems = fmlVariables(fmlInstrument)
  const random = mulberry32(seed)
  const out: Json[] = []
  for (let p = 0; p < pairs; p++) {
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const ba: Json = {
        ...structuredClone(bar),
        id: uuid(random),
        answers: employeeBar(bar.answers as Json, barItems, random),
      }
      const baLoaded = loadAssessment(ba, catalogue.instruments)
      if (!baLoaded.ok) continue
      const derived = deriveAssessment({
        source: baLoaded.value.assessment,
        sourceInstrument: barInstrument,
        target: fmlInstrument,
        crosswalk,
        id: '00000000-0000-4000-8000-000000000000',
        now: new Date(baLoaded.value.assessment.updatedAt),
      })
      const va: Json = {
        ...structuredClone(fml),
        id: uuid(random),
        answers: employeeFml(derived.answers, fml.answers as Json, fmlItems, random),
      }
      if (loadAssessment(va, catalogue.instruments).ok) {
        out.push({ ba, va })
        break
      }
    }
  }
  return out
}

/** The cohort as NDJSON, one pair a line. */
export function syntheticCohortNdjson(options: SyntheticCohortOptions): string {
  return syntheticCohort(options)
    .map((pair) => JSON.stringify(pair))
    .join('\n')
    .concat('\n')
}
