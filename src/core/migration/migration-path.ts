import { compareSemver, latestVersions } from '../instrument/catalogue-data'
import type { Instrument } from '../instrument/meta-schema'
import type { LoadResult } from '../issues/validation-issue'
import { issue } from '../issues/validation-issue'

/**
 * The versions an assessment passes through from `from` to `to`, both included, each later one
 * carrying the migration from the one before it.
 * @example
 * const r = migrationPath(catalogue.instruments, 'bar', '1.0.0', '1.1.0') // bar 1.0.0, bar 1.1.0
 */
export function migrationPath(
  instruments: readonly Instrument[],
  id: string,
  from: string,
  to: string,
): LoadResult<Instrument[]> {
  const versions = instruments
    .filter((i) => i.id === id)
    .sort((a, b) => compareSemver(a.version, b.version))
  const known = versions.map((i) => i.version).join(', ') || '-'
  const start = versions.findIndex((i) => i.version === from)
  const end = versions.findIndex((i) => i.version === to)
  const fail = (nl: string, en: string): LoadResult<Instrument[]> => ({
    ok: false,
    issues: [issue([], nl, en)],
  })
  if (start < 0)
    return fail(
      `Versie ${from} van ${id} is niet bekend (bekend: ${known})`,
      `Version ${from} of ${id} is not known (known: ${known})`,
    )
  if (end < 0)
    return fail(
      `Naar versie ${to} van ${id} kan niet: die is niet bekend (bekend: ${known})`,
      `Cannot migrate to version ${to} of ${id}: it is not known (known: ${known})`,
    )
  if (end < start)
    return fail(
      `Een beoordeling gaat niet terug naar een eerdere versie (${id} ${from} naar ${to})`,
      `An assessment does not go back to an earlier version (${id} ${from} to ${to})`,
    )
  const chain = versions.slice(start, end + 1)
  for (let k = 1; k < chain.length; k++) {
    const prev = chain[k - 1] as Instrument
    const next = chain[k] as Instrument
    if (next.migration?.from !== prev.version)
      return fail(
        `${id} ${next.version} zegt niet hoe antwoorden van ${prev.version} overgaan (geen migratie vanaf ${prev.version})`,
        `${id} ${next.version} does not say how answers of ${prev.version} carry over (no migration from ${prev.version})`,
      )
  }
  return { ok: true, value: chain }
}

/** The latest version of the instrument `ref` names when it is newer than `ref`: the upgrade to offer. */
export function newerVersion<T extends { id: string; version: string } = Instrument>(
  instruments: readonly T[],
  ref: { id: string; version: string },
): T | undefined {
  const latest = latestVersions(instruments).find((i) => i.id === ref.id)
  return latest && compareSemver(latest.version, ref.version) > 0 ? latest : undefined
}
