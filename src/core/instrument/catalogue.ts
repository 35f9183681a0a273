import type { ValidationIssue } from '../issues/validation-issue'
import { issue } from '../issues/validation-issue'
import type { Crosswalk } from '../compare/crosswalk-schema'
import { loadCrosswalk } from '../compare/load-crosswalk'
import type { Instrument, Vocabulary } from './meta-schema'
import { loadInstrument, loadVocabulary } from './load-instrument'

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

/** The kinds of versioned file below schemas/, by folder. */
export function schemaFileKind(path: string): 'vocabulary' | 'instrument' | 'crosswalk' | 'other' {
  const m = VERSIONED.exec(path)
  if (!m) return 'other'
  if (m[1] === 'vocabulary') return 'vocabulary'
  if (m[1] === 'crosswalk') return 'crosswalk'
  return 'instrument'
}

const CROSSWALK_NAME = /^crosswalk\/([a-z][a-z0-9-]*)-([^_]+)__([a-z][a-z0-9-]*)-([^_]+)\.json$/

function pathMismatch(path: string, id: string, version: string): ValidationIssue[] {
  const expected = `${id}/${version}.json`
  return path === expected
    ? []
    : [
        issue(
          [],
          `Bestand hoort ${expected} te heten (id ${id}, versie ${version})`,
          `File should be named ${expected} (id ${id}, version ${version})`,
        ),
      ]
}

export function findVocabulary(vocabularies: readonly Vocabulary[], version: string) {
  return vocabularies.find((v) => v.version === version)
}

/**
 * Loads every versioned instrument and vocabulary file, each instrument against the vocabulary
 * version it names. Files with problems are left out and reported, the rest are usable.
 */
export function buildCatalogue(files: readonly SchemaFile[]): Catalogue {
  const problems: FileProblem[] = []
  const vocabularies: Vocabulary[] = []
  const instruments: Instrument[] = []
  const sorted = [...files].sort((a, b) => a.path.localeCompare(b.path))
  for (const file of sorted.filter((f) => schemaFileKind(f.path) === 'vocabulary')) {
    const r = loadVocabulary(file.json)
    const issues = r.ok ? pathMismatch(file.path, r.value.id, r.value.version) : r.issues
    if (r.ok && issues.length === 0) vocabularies.push(r.value)
    else problems.push({ path: file.path, issues })
  }
  for (const file of sorted.filter((f) => schemaFileKind(f.path) === 'instrument')) {
    const wanted = (file.json as { vocabulary?: { version?: unknown } } | null)?.vocabulary?.version
    const vocabulary = typeof wanted === 'string' ? findVocabulary(vocabularies, wanted) : undefined
    const r = loadInstrument(file.json, vocabulary)
    let issues = r.ok ? pathMismatch(file.path, r.value.id, r.value.version) : r.issues
    if (r.ok && !vocabulary)
      issues = [
        ...issues,
        issue(
          ['vocabulary', 'version'],
          `Begrippenlijst ${r.value.vocabulary.version} niet gevonden`,
          `Vocabulary ${r.value.vocabulary.version} not found`,
        ),
      ]
    if (r.ok && issues.length === 0) instruments.push(r.value)
    else problems.push({ path: file.path, issues })
  }
  instruments.sort((a, b) => a.id.localeCompare(b.id) || compareSemver(a.version, b.version))
  const crosswalks: Crosswalk[] = []
  for (const file of sorted.filter((f) => schemaFileKind(f.path) === 'crosswalk')) {
    const m = CROSSWALK_NAME.exec(file.path)
    const from = m && instruments.find((i) => i.id === m[1] && i.version === m[2])
    const to = m && instruments.find((i) => i.id === m[3] && i.version === m[4])
    if (!from || !to) {
      problems.push({
        path: file.path,
        issues: [
          issue(
            [],
            'Bestandsnaam moet <van>-<versie>__<naar>-<versie>.json zijn, met twee bekende instrumenten',
            'File name must be <from>-<version>__<to>-<version>.json, naming two known instruments',
          ),
        ],
      })
      continue
    }
    const r = loadCrosswalk(file.json, from, to)
    if (r.ok) crosswalks.push(r.value)
    else problems.push({ path: file.path, issues: r.issues })
  }
  return { instruments, vocabularies, crosswalks, problems }
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
  const instruments = (of('instrument') as Instrument[]).sort(
    (a, b) => a.id.localeCompare(b.id) || compareSemver(a.version, b.version),
  )
  return {
    instruments,
    vocabularies: of('vocabulary') as Vocabulary[],
    crosswalks: of('crosswalk') as Crosswalk[],
    problems: [],
  }
}
