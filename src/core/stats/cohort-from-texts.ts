import { loadAssessment } from '../assessment/load-assessment'
import { compareAssessments, type Comparison, type Side } from '../compare/compare'
import { compareSemver, type Catalogue } from '../instrument/catalogue-data'
import type { Instrument } from '../instrument/meta-schema'
import { issue, type ValidationIssue } from '../issues/validation-issue'
import { migrate } from '../migration/migrate'
import { cohortAgreement, type CohortGroup, type CohortPair } from './cohort'

/** A pair that could not be compared, with where it came from and why. */
export interface SkippedPair {
  source: string
  issues: ValidationIssue[]
}

export interface CohortResult {
  groups: CohortGroup[]
  skipped: SkippedPair[]
}

/**
 * A text holding BA/VA pairs: one `{ "ba": …, "va": … }` JSON document, or NDJSON (one pair a
 * line). `ndjson` defaults to whether the source is named `.ndjson` or `.jsonl`.
 */
export interface PairText {
  source: string
  text: string
  ndjson?: boolean
}

interface ParsedPair {
  source: string
  json?: unknown
  issues?: ValidationIssue[]
}

function parsePair(source: string, text: string): ParsedPair {
  try {
    return { source, json: JSON.parse(text) as unknown }
  } catch (e) {
    const reason = (e as Error).message
    return {
      source,
      issues: [issue([], `Geen geldige JSON: ${reason}`, `Not valid JSON: ${reason}`)],
    }
  }
}

/** The pairs of the texts, each named by its source (`pairs.ndjson:3` for a line of NDJSON). */
function readPairs(sources: readonly PairText[]): ParsedPair[] {
  return sources.flatMap(({ source, text, ndjson }) => {
    if (!(ndjson ?? /\.(ndjson|jsonl)$/i.test(source))) return [parsePair(source, text)]
    return text
      .split(/\r?\n/)
      .map((line, i) => ({ line, i }))
      .filter(({ line }) => line.trim() !== '')
      .map(({ line, i }) => parsePair(`${source}:${i + 1}`, line))
  })
}

interface LoadedPair {
  source: string
  ba: Side
  va: Side
}

function compareOnce(pair: LoadedPair, catalogue: Catalogue) {
  return compareAssessments(pair.ba, pair.va, catalogue, {
    id: '00000000-0000-4000-8000-000000000003',
    now: new Date(pair.ba.assessment.updatedAt),
  })
}

/** The version a comparison was on before a side was migrated within the pair, if one was. */
function inPairMigration(c: Comparison): string | undefined {
  return c.migrated?.report.from
}

/**
 * The pair compared again with every side on `target`'s instrument migrated to `target` first (a
 * copy; nothing stored changes); undefined where a migration or the comparison fails.
 */
function bringTo(
  pair: LoadedPair,
  target: Instrument,
  catalogue: Catalogue,
): Comparison | undefined {
  const bring = (side: Side): Side | undefined => {
    if (side.instrument.id !== target.id || side.instrument.version === target.version) return side
    const r = migrate(side.assessment, target.version, catalogue.instruments, {
      now: new Date(side.assessment.updatedAt),
    })
    return r.ok ? { assessment: r.value.assessment, instrument: target } : undefined
  }
  const ba = bring(pair.ba)
  const va = bring(pair.va)
  if (!ba || !va) return undefined
  const c = compareOnce({ source: pair.source, ba, va }, catalogue)
  return c.ok && c.value.instrument.version === target.version ? c.value : undefined
}

/**
 * Each pair checked as an import is and compared as the compare screen compares it; a pair that
 * does not load or compare is skipped, with the reason. Pairs compared on an earlier version of an
 * instrument than other pairs of the cohort are migrated to the latest version first where a
 * migration leads there; the others stay on their version (and count on unchanged items only).
 */
export function comparePairs(
  sources: readonly PairText[],
  catalogue: Catalogue,
): { pairs: CohortPair[]; skipped: SkippedPair[] } {
  const compared: { loaded: LoadedPair; comparison: Comparison }[] = []
  const skipped: SkippedPair[] = []
  for (const pair of readPairs(sources)) {
    if (pair.issues) {
      skipped.push({ source: pair.source, issues: pair.issues })
      continue
    }
    const raw = pair.json as { ba?: unknown; va?: unknown } | null
    const ba = loadAssessment(raw?.ba, catalogue.instruments)
    const va = loadAssessment(raw?.va, catalogue.instruments)
    if (!ba.ok || !va.ok) {
      const prefix = (side: string, issues: ValidationIssue[]) =>
        issues.map((i) => ({ ...i, path: i.path.replace(/^\$/, `$.${side}`) }))
      skipped.push({
        source: pair.source,
        issues: [
          ...(ba.ok ? [] : prefix('ba', ba.issues)),
          ...(va.ok ? [] : prefix('va', va.issues)),
        ],
      })
      continue
    }
    const loaded = { source: pair.source, ba: ba.value, va: va.value }
    const c = compareOnce(loaded, catalogue)
    if (c.ok) compared.push({ loaded, comparison: c.value })
    else skipped.push({ source: pair.source, issues: c.issues })
  }
  const latest = new Map<string, Instrument>()
  for (const { comparison } of compared) {
    const i = comparison.instrument
    const known = latest.get(i.id)
    if (!known || compareSemver(i.version, known.version) > 0) latest.set(i.id, i)
  }
  const pairs = compared.map(({ loaded, comparison }): CohortPair => {
    const target = latest.get(comparison.instrument.id) as Instrument
    const from = inPairMigration(comparison)
    if (comparison.instrument.version === target.version)
      return from ? { comparison, migratedFrom: from } : { comparison }
    const brought = bringTo(loaded, target, catalogue)
    return brought
      ? { comparison: brought, migratedFrom: comparison.instrument.version }
      : { comparison }
  })
  return { pairs, skipped }
}

/**
 * Agreement over a cohort of BA/VA pairs given as texts: the one computation of the CLI (which
 * reads the files) and of the cohort screen (whose worker gets the chosen files' texts).
 */
export function cohortFromTexts(sources: readonly PairText[], catalogue: Catalogue): CohortResult {
  const { pairs, skipped } = comparePairs(sources, catalogue)
  return { groups: cohortAgreement(pairs), skipped }
}
