import type { LoadResult } from '../issues/validation-issue'
import { issue } from '../issues/validation-issue'
import { buildCatalogue } from './catalogue'
import type { Catalogue, SchemaFile } from './catalogue-data'
import { compareSemver, versionedPath } from './catalogue-data'
import { loadInstrument } from './load-instrument'
import type { Instrument } from './meta-schema'

/**
 * Checks an instrument file before it joins the browser's library (saved by the builder or
 * imported): validated as a shipped file is, against the versions already known, with the same
 * messages. Versions form one chain: a new version follows the latest and is never a copy of a
 * published one.
 * @example
 * const r = checkLibraryFile(json, catalogue)
 * if (r.ok) addToLibrary({ path: r.value.path, json, ... })
 */
export function checkLibraryFile(
  json: unknown,
  catalogue: Catalogue,
): LoadResult<{ path: string; instrument: Instrument }> {
  const declared = json as { id?: unknown; version?: unknown } | null
  const id = typeof declared?.id === 'string' ? declared.id : undefined
  const version = typeof declared?.version === 'string' ? declared.version : undefined
  if (id === undefined || version === undefined) {
    const r = loadInstrument(json, undefined)
    return r.ok ? { ok: false, issues: [] } : r
  }
  const path = versionedPath(id, version)
  const sameId = catalogue.instruments.filter((i) => i.id === id)
  if (sameId.some((i) => i.version === version))
    return {
      ok: false,
      issues: [
        issue(
          ['version'],
          `${id} ${version} bestaat al. Een gepubliceerde versie verandert nooit: geef deze een hoger versienummer`,
          `${id} ${version} already exists. A published version never changes: give this one a higher version number`,
        ),
      ],
    }
  const latest = sameId
    .map((i) => i.version)
    .sort(compareSemver)
    .at(-1)
  if (latest && compareSemver(version, latest) < 0)
    return {
      ok: false,
      issues: [
        issue(
          ['version'],
          `${id} ${version} ligt vóór de nieuwste versie ${latest}: een nieuwe versie volgt op de nieuwste`,
          `${id} ${version} comes before the latest version ${latest}: a new version follows the latest`,
        ),
      ],
    }
  // The known files as they are (trusted), and this one checked against them.
  const known: SchemaFile[] = [
    ...sameId.map((i) => ({ path: versionedPath(i.id, i.version), json: i })),
    ...catalogue.vocabularies.map((v) => ({
      path: versionedPath('vocabulary', v.version),
      json: v,
    })),
  ]
  const built = buildCatalogue([...known, { path, json }], new Set(known.map((f) => f.path)))
  const problem = built.problems.find((p) => p.path === path)
  if (problem) return { ok: false, issues: problem.issues }
  const instrument = built.instruments.find((i) => i.id === id && i.version === version)
  return instrument
    ? { ok: true, value: { path, instrument } }
    : { ok: false, issues: [issue([], 'Onbekend probleem', 'Unknown problem')] }
}
