import type { Assessment } from '../assessment/assessment-schema'
import type { Instrument } from '../instrument/meta-schema'
import type { LoadResult } from '../issues/validation-issue'
import { issue } from '../issues/validation-issue'
import type { Crosswalk } from './crosswalk-schema'
import { deriveAssessment } from './derive'
import type { Diff } from './diff'
import { diffSameInstrument } from './diff'
import { crosswalkTargets } from './load-crosswalk'

export interface Side {
  assessment: Assessment
  instrument: Instrument
}

export interface Comparison extends Diff {
  /** The instrument the rows are items of. */
  instrument: Instrument
  /** The FML derived from a BAR side, when one was needed. */
  derived?: { side: 'ba' | 'va'; assessment: Assessment; crosswalk: Crosswalk }
}

const targetCache = new WeakMap<Crosswalk, ReadonlySet<string>>()

function targetIds(cw: Crosswalk, target: Instrument): ReadonlySet<string> {
  let ids = targetCache.get(cw)
  if (!ids) {
    ids = new Set(crosswalkTargets(target).map((i) => i.id))
    targetCache.set(cw, ids)
  }
  return ids
}

/**
 * Compares the bedrijfsarts's assessment with the verzekeringsarts's. The same instrument and version
 * compares directly; a BAR against an FML goes through the crosswalk's derivation first; two versions
 * of one instrument are refused until they are migrated.
 * @example
 * const r = compareAssessments(ba, va, crosswalks, { id: 'derived-id', now: new Date() })
 * if (r.ok) r.value.summary.counts['ba-more-restrictive']
 */
export function compareAssessments(
  ba: Side,
  va: Side,
  crosswalks: readonly Crosswalk[],
  derivedIdentity: { id: string; now: Date },
): LoadResult<Comparison> {
  const a = ba.instrument
  const b = va.instrument
  if (a.id === b.id && a.version === b.version)
    return {
      ok: true,
      value: {
        instrument: a,
        ...diffSameInstrument({ instrument: a, ba: ba.assessment, va: va.assessment }),
      },
    }
  if (a.id === b.id)
    return {
      ok: false,
      issues: [
        issue(
          [],
          `Twee versies van ${a.id} (${a.version} en ${b.version}) kunnen niet vergeleken worden: zet eerst beide op dezelfde versie`,
          `Two versions of ${a.id} (${a.version} and ${b.version}) cannot be compared: bring both to one version first`,
        ),
      ],
    }
  for (const [source, target, side] of [
    [ba, va, 'ba'],
    [va, ba, 'va'],
  ] as const) {
    const cw = crosswalks.find(
      (c) =>
        c.from.id === source.instrument.id &&
        c.from.version === source.instrument.version &&
        c.to.id === target.instrument.id &&
        c.to.version === target.instrument.version,
    )
    if (!cw) continue
    const derived = deriveAssessment({
      source: source.assessment,
      sourceInstrument: source.instrument,
      target: target.instrument,
      crosswalk: cw,
      ...derivedIdentity,
    })
    const d = derived.derivation as NonNullable<Assessment['derivation']>
    const diff = diffSameInstrument({
      instrument: target.instrument,
      ba: side === 'ba' ? derived : target.assessment,
      va: side === 'va' ? derived : target.assessment,
      only: targetIds(cw, target.instrument),
      notComparable: d.notDerivable,
      derivedNotes: d.items,
    })
    return {
      ok: true,
      value: {
        instrument: target.instrument,
        derived: { side, assessment: derived, crosswalk: cw },
        ...diff,
      },
    }
  }
  return {
    ok: false,
    issues: [
      issue(
        [],
        `Geen vertaaltabel van ${a.id} ${a.version} naar ${b.id} ${b.version}`,
        `No crosswalk from ${a.id} ${a.version} to ${b.id} ${b.version}`,
      ),
    ],
  }
}
