import { readdirSync, readFileSync, statSync } from 'node:fs'
import { basename, join } from 'node:path'
import Papa from 'papaparse'
import { loadAssessment } from '../core/assessment/load-assessment'
import { compareAssessments, type Comparison } from '../core/compare/compare'
import type { Catalogue } from '../core/instrument/catalogue-data'
import { issue, type ValidationIssue } from '../core/issues/validation-issue'
import { cohortAgreement, type CohortGroup } from '../core/stats/cohort'

/** A pair that could not be compared, with where it came from and why. */
export interface SkippedPair {
  source: string
  issues: ValidationIssue[]
}

export interface CohortResult {
  groups: CohortGroup[]
  skipped: SkippedPair[]
}

/** The pairs of a folder (one `{ "ba": …, "va": … }` JSON file each) or of an NDJSON file (one per line). */
function readPairs(path: string): { source: string; json?: unknown; issues?: ValidationIssue[] }[] {
  const parse = (source: string, text: string) => {
    try {
      return { source, json: JSON.parse(text) as unknown }
    } catch (e) {
      return {
        source,
        issues: [
          issue(
            [],
            `Geen geldige JSON: ${(e as Error).message}`,
            `Not valid JSON: ${(e as Error).message}`,
          ),
        ],
      }
    }
  }
  if (statSync(path).isDirectory())
    return readdirSync(path)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f) => parse(f, readFileSync(join(path, f), 'utf8')))
  return readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .map((line, i) => ({ line, i }))
    .filter(({ line }) => line.trim() !== '')
    .map(({ line, i }) => parse(`${basename(path)}:${i + 1}`, line))
}

/**
 * Agreement over a cohort of BA/VA pairs: each pair is checked as an import is and compared as the
 * compare screen compares it; a pair that does not load or compare is skipped, with the reason.
 */
export function cohortFromPath(path: string, catalogue: Catalogue): CohortResult {
  const comparisons: Comparison[] = []
  const skipped: SkippedPair[] = []
  for (const pair of readPairs(path)) {
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
  return { groups: cohortAgreement(comparisons), skipped }
}

const round = (x: number | null | undefined) => (x === null || x === undefined ? '' : x.toFixed(4))

/** One CSV row per item and group: the figures a validation study reports, four decimals. */
export function cohortCsv(result: CohortResult): string {
  const rows = result.groups.flatMap((g) =>
    g.items.map((i) => ({
      instrument: g.instrument.id,
      version: g.instrument.version,
      item: i.item,
      rubriek: i.rubriek,
      scale: i.categories.join(' '),
      n: i.n,
      agreement: round(i.exactAgreement),
      within_one: round(i.withinOneAgreement),
      kappa: round(i.kappa.unweighted.kappa),
      kappa_se: round(i.kappa.unweighted.se),
      kappa_ci_low: round(i.kappa.unweighted.ci95?.[0]),
      kappa_ci_high: round(i.kappa.unweighted.ci95?.[1]),
      kappa_linear: round(i.kappa.linear.kappa),
      kappa_linear_se: round(i.kappa.linear.se),
      kappa_quadratic: round(i.kappa.quadratic.kappa),
      kappa_quadratic_se: round(i.kappa.quadratic.se),
      gwet_ac1: round(i.gwet.ac1),
      gwet_ac2_linear: round(i.gwet.ac2Linear),
      gwet_ac2_quadratic: round(i.gwet.ac2Quadratic),
      alpha_ordinal: round(i.alpha.ordinal),
      only_ba: i.missing.onlyA,
      only_va: i.missing.onlyB,
    })),
  )
  return `${Papa.unparse(rows, { newline: '\n' })}\n`
}
