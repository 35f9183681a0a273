import { readdirSync, readFileSync, statSync } from 'node:fs'
import { basename, join } from 'node:path'
import type { Catalogue } from '../core/instrument/catalogue-data'
import { cohortFromTexts, type CohortResult, type PairText } from '../core/stats/cohort-from-texts'

export type { CohortResult, SkippedPair } from '../core/stats/cohort-from-texts'
export { cohortCsv } from '../csv/cohort-csv'

/** The texts of a folder (one `{ "ba": …, "va": … }` JSON file each) or of an NDJSON file. */
function readTexts(path: string): PairText[] {
  if (statSync(path).isDirectory())
    return readdirSync(path)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f) => ({ source: f, text: readFileSync(join(path, f), 'utf8'), ndjson: false }))
  return [{ source: basename(path), text: readFileSync(path, 'utf8'), ndjson: true }]
}

/**
 * Agreement over a cohort of BA/VA pairs: each pair is checked as an import is and compared as the
 * compare screen compares it; a pair that does not load or compare is skipped, with the reason.
 */
export function cohortFromPath(path: string, catalogue: Catalogue): CohortResult {
  return cohortFromTexts(readTexts(path), catalogue)
}
