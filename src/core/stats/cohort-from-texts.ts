import { loadAssessment } from '../assessment/load-assessment'
import { compareAssessments, type Comparison } from '../compare/compare'
import type { Catalogue } from '../instrument/catalogue-data'
import { issue, type ValidationIssue } from '../issues/validation-issue'
import { cohortAgreement, type CohortGroup } from './cohort'

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

/**
 * Each pair checked as an import is and compared as the compare screen compares it; a pair that
 * does not load or compare is skipped, with the reason.
 */
export function comparePairs(
  sources: readonly PairText[],
  catalogue: Catalogue,
): { comparisons: Comparison[]; skipped: SkippedPair[] } {
  const comparisons: Comparison[] = []
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
    const c = compareAssessments(ba.value, va.value, catalogue, {
      id: '00000000-0000-4000-8000-000000000003',
      now: new Date(ba.value.assessment.updatedAt),
    })
    if (c.ok) comparisons.push(c.value)
    else skipped.push({ source: pair.source, issues: c.issues })
  }
  return { comparisons, skipped }
}

/**
 * Agreement over a cohort of BA/VA pairs given as texts: the one computation of the CLI (which
 * reads the files) and of the cohort screen (whose worker gets the chosen files' texts).
 */
export function cohortFromTexts(sources: readonly PairText[], catalogue: Catalogue): CohortResult {
  const { comparisons, skipped } = comparePairs(sources, catalogue)
  return { groups: cohortAgreement(comparisons), skipped }
}
