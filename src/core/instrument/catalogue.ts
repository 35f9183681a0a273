import type { ValidationIssue } from '../issues/validation-issue'
import { issue } from '../issues/validation-issue'
import type { Crosswalk } from '../compare/crosswalk-schema'
import { loadCrosswalk } from '../compare/load-crosswalk'
import type { Catalogue, FileProblem, SchemaFile } from './catalogue-data'
import { compareVersionRefs, findVocabulary, schemaFileKind, versionedPath } from './catalogue-data'
import type { Instrument, Vocabulary } from './meta-schema'
import { declareRolesFromIds } from './legacy-roles'
import { loadInstrument, loadVocabulary } from './load-instrument'

const CROSSWALK_NAME = /^crosswalk\/([a-z][a-z0-9-]*)-([^_]+)__([a-z][a-z0-9-]*)-([^_]+)\.json$/

function pathMismatch(path: string, id: string, version: string): ValidationIssue[] {
  const expected = versionedPath(id, version)
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

/** The id and version a file says it has, read before it is validated. */
function declared(json: unknown): { id: string; version: string } {
  const j = json as { id?: unknown; version?: unknown } | null
  return {
    id: typeof j?.id === 'string' ? j.id : '',
    version: typeof j?.version === 'string' ? j.version : '',
  }
}

/** A later version says how answers of the version before it carry over; a first version cannot. */
function versionOrder(
  instrument: Instrument,
  prevVersion: string | undefined,
  previous: Instrument | undefined,
): ValidationIssue[] {
  const { id, version, migration } = instrument
  if (prevVersion === undefined)
    return migration
      ? [
          issue(
            ['migration', 'from'],
            `Migratie vanaf ${migration.from}, maar ${id} ${migration.from} staat niet in schemas/`,
            `Migration from ${migration.from}, but ${id} ${migration.from} is not in schemas/`,
          ),
        ]
      : []
  if (!previous)
    return [
      issue(
        ['migration'],
        `${id} ${prevVersion} heeft problemen, dus de migratie ervandaan kan niet gecontroleerd worden`,
        `${id} ${prevVersion} has problems, so the migration from it cannot be checked`,
      ),
    ]
  if (!migration)
    return [
      issue(
        [],
        `${id} ${version} volgt op ${prevVersion}: zeg met "migration" (from: ${prevVersion}, steps) hoe antwoorden overgaan`,
        `${id} ${version} follows ${prevVersion}: say with "migration" (from: ${prevVersion}, steps) how answers carry over`,
      ),
    ]
  return []
}

/**
 * Loads every versioned instrument and vocabulary file, each instrument against the vocabulary
 * version it names and the migration from its previous version. Files with problems are left out
 * and reported, the rest are usable. Files named in `trusted` were validated before (the app's
 * shipped files, at build time) and are taken as they are; the others are checked against them.
 * @example
 * buildCatalogue([...shipped, ...library], new Set(shipped.map((f) => f.path)))
 */
export function buildCatalogue(
  files: readonly SchemaFile[],
  trusted: ReadonlySet<string> = new Set(),
): Catalogue {
  const problems: FileProblem[] = []
  const vocabularies: Vocabulary[] = []
  const instruments: Instrument[] = []
  const sorted = [...files].sort((a, b) => a.path.localeCompare(b.path))
  for (const file of sorted.filter((f) => schemaFileKind(f.path) === 'vocabulary')) {
    if (trusted.has(file.path)) {
      vocabularies.push(file.json as Vocabulary)
      continue
    }
    const r = loadVocabulary(file.json)
    const issues = r.ok ? pathMismatch(file.path, r.value.id, r.value.version) : r.issues
    if (r.ok && issues.length === 0) vocabularies.push(r.value)
    else problems.push({ path: file.path, issues })
  }
  // Versions of one instrument in order, so each is checked against the migration from the one before.
  const instrumentFiles = sorted
    .filter((f) => schemaFileKind(f.path) === 'instrument')
    .map((file) => ({ file, ...declared(file.json) }))
    .sort(compareVersionRefs)
  const loaded = new Map<SchemaFile, Instrument>()
  instrumentFiles.forEach(({ file, id }, n) => {
    const before = instrumentFiles[n - 1]
    const prev = before?.id === id ? before : undefined
    const previous = prev && loaded.get(prev.file)
    const wanted = (file.json as { vocabulary?: { version?: unknown } } | null)?.vocabulary?.version
    const vocabulary = typeof wanted === 'string' ? findVocabulary(vocabularies, wanted) : undefined
    if (trusted.has(file.path)) {
      const instrument = declareRolesFromIds(file.json as Instrument)
      instruments.push(instrument)
      loaded.set(file, instrument)
      return
    }
    const r = loadInstrument(file.json, vocabulary, previous)
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
    if (r.ok) issues = [...issues, ...versionOrder(r.value, prev?.version, previous)]
    if (r.ok && issues.length === 0) {
      instruments.push(r.value)
      loaded.set(file, r.value)
    } else problems.push({ path: file.path, issues })
  })
  instruments.sort(compareVersionRefs)
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
    if (trusted.has(file.path)) {
      crosswalks.push(file.json as Crosswalk)
      continue
    }
    const r = loadCrosswalk(file.json, from, to)
    if (r.ok) crosswalks.push(r.value)
    else problems.push({ path: file.path, issues: r.issues })
  }
  return { instruments, vocabularies, crosswalks, problems }
}
