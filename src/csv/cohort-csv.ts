import Papa from 'papaparse'
import type { CohortResult } from '../core/stats/cohort-from-texts'

const round = (x: number | null | undefined) => (x === null || x === undefined ? '' : x.toFixed(4))

/**
 * One CSV row per item and group: the figures a validation study reports, four decimals. Shared
 * by the CLI and the cohort screen (papaparse runs in both).
 */
export function cohortCsv(result: Pick<CohortResult, 'groups'>): string {
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
      // Pairs migrated to this version first, and pairs of an earlier version (no migration) that
      // count on this item because it is unchanged: how each row came about.
      pairs_migrated: g.migrated,
      pairs_unchanged_only: g.unchangedOnly?.items.includes(i.item) ? g.unchangedOnly.pairs : 0,
    })),
  )
  return `${Papa.unparse(rows, { newline: '\n' })}\n`
}
