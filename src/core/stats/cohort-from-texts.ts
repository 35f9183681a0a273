import { loadAssessment } from '../assessment/load-assessment'
import { compareAssessments, type Comparison, type Side } from '../compare/compare'
import { compareSemver, type Catalogue } from '../instrument/catalogue-data'
import type { Instrument } from '../instrument/meta-schema'
import { issue, type LoadResult, type ValidationIssue } from '../issues/validation-issue'
import { migrate } from '../migration/migrate'
import { cohortAgreement, cohortPair, type CohortGroup, type CohortPair } from './cohort'

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
  /**
   * The line number in its file of the text's first line (1 unless given): a large NDJSON file
   * is read as several texts, and a pair is still named by its line in the file.
   */
  firstLine?: number
}

interface ParsedPair {
  source: string
  /** The pair's own text (its line of NDJSON), to read it again where it must be migrated. */
  text: string
  json?: unknown
  issues?: ValidationIssue[]
}

function parsePair(source: string, text: string): ParsedPair {
  try {
    return { source, text, json: JSON.parse(text) as unknown }
  } catch (e) {
    const reason = (e as Error).message
    return {
      source,
      text,
      issues: [issue([], `Geen geldige JSON: ${reason}`, `Not valid JSON: ${reason}`)],
    }
  }
}

/** The pairs of the texts, each named by its source (`pairs.ndjson:3` for a line of NDJSON). */
function* readPairs(sources: Iterable<PairText>): Generator<ParsedPair> {
  // One pair at a time: a cohort's parsed pairs together are many times its text.
  for (const { source, text, ndjson, firstLine = 1 } of sources) {
    if (!(ndjson ?? /\.(ndjson|jsonl)$/i.test(source))) {
      yield parsePair(source, text)
      continue
    }
    const lines = text.split(/\r?\n/)
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i] as string
      if (line.trim() !== '') yield parsePair(`${source}:${firstLine + i}`, line)
    }
  }
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

/** The highest version of each instrument id among `instruments` (a pre-release counts as its place in semver). */
function highestVersions(instruments: Iterable<Instrument>): Map<string, Instrument> {
  const highest = new Map<string, Instrument>()
  for (const instrument of instruments) {
    const known = highest.get(instrument.id)
    if (!known || compareSemver(instrument.version, known.version) > 0)
      highest.set(instrument.id, instrument)
  }
  return highest
}

/** Both sides of a parsed pair loaded as an import is, or the problems, each under `$.ba` or `$.va`. */
function loadPair(pair: ParsedPair, catalogue: Catalogue): LoadResult<LoadedPair> {
  if (pair.issues) return { ok: false, issues: pair.issues }
  const raw = pair.json as { ba?: unknown; va?: unknown } | null
  const ba = loadAssessment(raw?.ba, catalogue.instruments)
  const va = loadAssessment(raw?.va, catalogue.instruments)
  if (ba.ok && va.ok)
    return { ok: true, value: { source: pair.source, ba: ba.value, va: va.value } }
  const prefix = (side: string, issues: ValidationIssue[]) =>
    issues.map((i) => ({ ...i, path: i.path.replace(/^\$/, `$.${side}`) }))
  return {
    ok: false,
    issues: [...(ba.ok ? [] : prefix('ba', ba.issues)), ...(va.ok ? [] : prefix('va', va.issues))],
  }
}

/**
 * Each pair checked as an import is and compared as the compare screen compares it; a pair that
 * does not load or compare is skipped, with the reason. Pairs compared on an earlier version of an
 * instrument than other pairs of the cohort are migrated to the latest version first where a
 * migration leads there (read again from their text: only the ranks of each pair are kept); the
 * others stay on their version (and count on unchanged items only). The sources are read once, in
 * turn: they may be a generator reading a large file piece by piece.
 */
export function comparePairs(
  sources: Iterable<PairText>,
  catalogue: Catalogue,
): { pairs: CohortPair[]; skipped: SkippedPair[] } {
  // A pair on the catalogue's latest version of its instrument is never migrated (no pair can be
  // on a later one), so its text is let go; only the others' are kept, to be read again.
  const newest = highestVersions(catalogue.instruments)
  const compared: { parsed?: ParsedPair; pair: CohortPair }[] = []
  const skipped: SkippedPair[] = []
  for (const parsed of readPairs(sources)) {
    const loaded = loadPair(parsed, catalogue)
    if (!loaded.ok) {
      skipped.push({ source: parsed.source, issues: loaded.issues })
      continue
    }
    const c = compareOnce(loaded.value, catalogue)
    if (!c.ok) {
      skipped.push({ source: parsed.source, issues: c.issues })
      continue
    }
    const pair = cohortPair(c.value, inPairMigration(c.value))
    const onNewest = newest.get(pair.instrument.id)?.version === pair.instrument.version
    // Only the text is kept of what was parsed: a whole parsed pair is many times its ranks.
    compared.push(
      onNewest ? { pair } : { parsed: { source: parsed.source, text: parsed.text }, pair },
    )
  }
  const latest = highestVersions(compared.map(({ pair }) => pair.instrument))
  const pairs = compared.map(({ parsed, pair }): CohortPair => {
    const target = latest.get(pair.instrument.id) as Instrument
    if (pair.instrument.version === target.version || !parsed) return pair
    const again = loadPair(parsePair(parsed.source, parsed.text), catalogue)
    const brought = again.ok ? bringTo(again.value, target, catalogue) : undefined
    return brought ? cohortPair(brought, pair.instrument.version) : pair
  })
  return { pairs, skipped }
}

/**
 * Agreement over a cohort of BA/VA pairs given as texts: the one computation of the CLI (which
 * reads the files) and of the cohort screen (whose worker gets the chosen files' texts).
 */
export function cohortFromTexts(sources: Iterable<PairText>, catalogue: Catalogue): CohortResult {
  const { pairs, skipped } = comparePairs(sources, catalogue)
  return { groups: cohortAgreement(pairs), skipped }
}
