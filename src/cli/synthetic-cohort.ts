import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { loadAssessment } from '../core/assessment/load-assessment'
import type { Catalogue } from '../core/instrument/catalogue-data'
import type { Instrument } from '../core/instrument/meta-schema'
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

interface Variable {
  id: string
  /** The answer's field that holds the option: `choice` (FML single) or `level` (BAR capacity). */
  field: 'choice' | 'level'
  codes: string[]
}

/**
 * Items whose current answer can move to another ranked option without `specify`: an FML
 * single choice, or a BAR capacity answered with a level alone (no quantities or text to keep true).
 */
function variableItems(instrument: Instrument, answers: Json): Variable[] {
  return instrument.sections.flatMap((s) =>
    s.items.flatMap((item): Variable[] => {
      const answer = answers[item.id] as Record<string, unknown> | undefined
      if (!answer || 'specify' in answer) return []
      const spec = item.answer
      let options
      let field: Variable['field']
      if (spec.kind === 'single' && answer.kind === 'single') {
        options = spec.options
        field = 'choice'
      } else if (
        spec.kind === 'capacity' &&
        answer.kind === 'capacity' &&
        Object.keys(answer).every((k) => k === 'kind' || k === 'level')
      ) {
        options = spec.levels
        field = 'level'
      } else return []
      const current = options.find((o) => o.code === answer[field])
      if (!current || current.specify) return []
      const codes = options.filter((o) => o.rank !== undefined && !o.specify).map((o) => o.code)
      return codes.length > 1 ? [{ id: item.id, field, codes }] : []
    }),
  )
}

/** `answers` with 1 to 4 of the candidates moved to an option drawn from `random`. */
function vary(answers: Json, candidates: readonly Variable[], random: () => number): Json {
  const out = structuredClone(answers)
  const changes = 1 + Math.floor(random() * 4)
  for (let c = 0; c < changes && candidates.length; c++) {
    const item = candidates[Math.floor(random() * candidates.length)] as Variable
    const code = item.codes[Math.floor(random() * item.codes.length)] as string
    out[item.id] = { ...(out[item.id] as Json), [item.field]: code }
  }
  return out
}

/**
 * A synthetic cohort of valid BA/VA pairs from the shipped examples (the BAR of the bedrijfsarts,
 * the FML of the verzekeringsarts): each pair has new ids and a few FML single-choice answers (and,
 * unless `varyBa` is false, a few BAR capacity levels) moved to other ranked options of their item
 * without `specify`, all drawn from the seed. Every assessment is checked with
 * loadAssessment; a pair that does not load is drawn again, and left out after a few attempts.
 */
export function syntheticCohort({
  pairs,
  seed = 1,
  catalogue,
  varyBa = true,
}: SyntheticCohortOptions): Json[] {
  const bar = JSON.parse(readFileSync(join(examplesDir, 'bar-example.json'), 'utf8')) as Json
  const fml = JSON.parse(readFileSync(join(examplesDir, 'fml-example.json'), 'utf8')) as Json
  const instrumentOf = (json: Json, name: string) => {
    const r = loadAssessment(json, catalogue.instruments)
    if (!r.ok) throw new Error(`public/examples/${name} does not load`)
    return r.value.instrument
  }
  const fmlItems = variableItems(instrumentOf(fml, 'fml-example.json'), fml.answers as Json)
  const barItems = varyBa
    ? variableItems(instrumentOf(bar, 'bar-example.json'), bar.answers as Json)
    : []
  const random = mulberry32(seed)
  const out: Json[] = []
  for (let p = 0; p < pairs; p++) {
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const ba: Json = {
        ...structuredClone(bar),
        id: uuid(random),
        answers: varyBa
          ? vary(bar.answers as Json, barItems, random)
          : structuredClone(bar.answers),
      }
      const va: Json = {
        ...structuredClone(fml),
        id: uuid(random),
        answers: vary(fml.answers as Json, fmlItems, random),
      }
      if (
        loadAssessment(ba, catalogue.instruments).ok &&
        loadAssessment(va, catalogue.instruments).ok
      ) {
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
