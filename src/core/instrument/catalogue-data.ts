import type { Crosswalk } from '../compare/crosswalk-schema'
import type { ValidationIssue } from '../issues/validation-issue'
import { declareRolesFromIds } from './legacy-roles'
import type { Instrument, Vocabulary } from './meta-schema'

/** A file below schemas/, named by its path relative to that folder, e.g. `bar/1.0.0.json`. */
export interface SchemaFile {
  path: string
  json: unknown
}

export interface FileProblem {
  path: string
  issues: ValidationIssue[]
}

export interface Catalogue {
  instruments: Instrument[]
  vocabularies: Vocabulary[]
  crosswalks: Crosswalk[]
  problems: FileProblem[]
}

const VERSIONED = /^([a-z][a-z0-9-]*)\/([^/]+)\.json$/

/** Where a versioned file lives below schemas/: `bar/1.0.0.json`, `vocabulary/1.0.0.json`. */
export function versionedPath(id: string, version: string): string {
  return `${id}/${version}.json`
}

/** The kinds of versioned file below schemas/, by folder. */
export function schemaFileKind(path: string): 'vocabulary' | 'instrument' | 'crosswalk' | 'other' {
  const m = VERSIONED.exec(path)
  if (!m) return 'other'
  if (m[1] === 'vocabulary') return 'vocabulary'
  if (m[1] === 'crosswalk') return 'crosswalk'
  return 'instrument'
}

export function findVocabulary(vocabularies: readonly Vocabulary[], version: string) {
  return vocabularies.find((v) => v.version === version)
}

/**
 * Orders instrument versions by id, then by version. Ids are ASCII slugs, compared code point by
 * code point: the same order on every machine, and no collator to load (`localeCompare` without a
 * collator cost 35 ms of the start-up at CPU 4x, the first time ICU's collation was read).
 */
export function compareVersionRefs(
  a: { id: string; version: string },
  b: { id: string; version: string },
): number {
  if (a.id !== b.id) return a.id < b.id ? -1 : 1
  return compareSemver(a.version, b.version)
}

/** Orders semantic versions by precedence (semver.org §11), pre-releases before releases. */
export function compareSemver(a: string, b: string): number {
  const [coreA, preA] = splitPrerelease(a)
  const [coreB, preB] = splitPrerelease(b)
  const na = coreA.split('.').map(Number)
  const nb = coreB.split('.').map(Number)
  for (let i = 0; i < 3; i++) {
    const d = (na[i] ?? 0) - (nb[i] ?? 0)
    if (d !== 0) return d
  }
  if (preA === preB) return 0
  if (preA === undefined) return 1
  if (preB === undefined) return -1
  return preA.localeCompare(preB, 'en', { numeric: true })
}

/**
 * The newest version of each instrument, the one new assessments start on: the highest release,
 * or the highest pre-release when an instrument has no release yet.
 */
export function latestVersions<T extends { id: string; version: string } = Instrument>(
  instruments: readonly T[],
): T[] {
  const latest = new Map<string, T>()
  for (const i of instruments) {
    const best = latest.get(i.id)
    const rank = (x: T) => (x.version.includes('-') ? 0 : 1)
    if (
      !best ||
      rank(i) > rank(best) ||
      (rank(i) === rank(best) && compareSemver(i.version, best.version) > 0)
    )
      latest.set(i.id, i)
  }
  return [...latest.values()]
}

function splitPrerelease(version: string): [string, string | undefined] {
  const dash = version.indexOf('-')
  return dash < 0 ? [version, undefined] : [version.slice(0, dash), version.slice(dash + 1)]
}

/**
 * The catalogue of files already validated by `buildCatalogue` at build time (the app's Vite build
 * fails on any problem), read without validating again, so the app starts without parsing them.
 */
export function trustedCatalogue(files: readonly SchemaFile[]): Catalogue {
  const of = (kind: ReturnType<typeof schemaFileKind>) =>
    files.filter((f) => schemaFileKind(f.path) === kind).map((f) => f.json)
  const instruments = (of('instrument') as Instrument[])
    .map(declareRolesFromIds)
    .sort(compareVersionRefs)
  return {
    instruments,
    vocabularies: of('vocabulary') as Vocabulary[],
    crosswalks: of('crosswalk') as Crosswalk[],
    problems: [],
  }
}
