import type { Assessment } from '../assessment/assessment-schema'
import type { Catalogue } from '../instrument/catalogue-data'
import { compareSemver } from '../instrument/catalogue-data'
import type { Instrument, Localized } from '../instrument/meta-schema'
import type { LoadResult } from '../issues/validation-issue'
import { issue } from '../issues/validation-issue'
import type { MigrationReport } from '../migration/migrate'
import { migrate } from '../migration/migrate'
import type { Crosswalk } from './crosswalk-schema'
import { deriveAssessment } from './derive'
import type { Completeness, ConclusionStatus, SideConclusion } from './conclusion'
import { compareConclusions, completenessOf, conclusionOf } from './conclusion'
import type { Diff, SideContext } from './diff'
import { diffSameInstrument } from './diff'
import { crosswalkTargets } from './load-crosswalk'

export interface Side {
  assessment: Assessment
  instrument: Instrument
}

/** Something about the choice of sides that inverts or voids the result, said before any figure. */
export interface SideWarning {
  code: 'ba-side-is-va' | 'va-side-is-ba' | 'same-assessment'
  message: Localized
}

export interface ComparedConclusion {
  ba?: SideConclusion
  va?: SideConclusion
  status: ConclusionStatus
}

export interface Comparison extends Diff {
  /** The instrument the rows are items of. */
  instrument: Instrument
  /**
   * The instruments of the two sides as compared: a BAR side stays a BAR here, and a side brought
   * to the other's later version (`migrated`) has that version.
   */
  sides: { ba: Instrument; va: Instrument }
  /** The overall conclusions, compared before any item. */
  conclusion: ComparedConclusion
  /** Completeness of each side where its instrument has a cover conclusion. */
  completeness: { ba?: Completeness; va?: Completeness }
  warnings: SideWarning[]
  /** The FML derived from a BAR side, when one was needed. */
  derived?: { side: 'ba' | 'va'; assessment: Assessment; crosswalk: Crosswalk }
  /**
   * The side brought to the later version of the other's instrument before the diff, with the
   * migration report; the stored assessment itself is not changed by comparing.
   */
  migrated?: { side: 'ba' | 'va'; assessment: Assessment; report: MigrationReport }
}

/** The catalogue a comparison reads: crosswalks, and every instrument version for migrations. */
export type CompareCatalogue = Pick<Catalogue, 'crosswalks' | 'instruments'>

/** Warnings about the sides: the roles are swapped, or one assessment stands on both sides. */
export function sideWarnings(ba: Assessment, va: Assessment): SideWarning[] {
  const out: SideWarning[] = []
  if (ba.id === va.id)
    out.push({
      code: 'same-assessment',
      message: {
        nl: 'Aan beide kanten staat dezelfde beoordeling: de vergelijking zegt niets over een verschil van inzicht.',
        en: 'The same assessment stands on both sides: the comparison says nothing about a difference of opinion.',
      },
    })
  if (ba.meta.authorRole === 'verzekeringsarts')
    out.push({
      code: 'ba-side-is-va',
      message: {
        nl: 'De beoordeling aan de kant van de bedrijfsarts is opgesteld door een verzekeringsarts: zijn de kanten verwisseld? Dan staat "beperkender" omgekeerd.',
        en: 'The assessment on the bedrijfsarts\'s side was written by a verzekeringsarts: are the sides swapped? Then "more restrictive" is the wrong way round.',
      },
    })
  if (va.meta.authorRole === 'bedrijfsarts')
    out.push({
      code: 'va-side-is-ba',
      message: {
        nl: 'De beoordeling aan de kant van de verzekeringsarts is opgesteld door een bedrijfsarts: zijn de kanten verwisseld? Dan staat "beperkender" omgekeerd.',
        en: 'The assessment on the verzekeringsarts\'s side was written by a bedrijfsarts: are the sides swapped? Then "more restrictive" is the wrong way round.',
      },
    })
  return out
}

function withConclusion(
  ba: Side,
  va: Side,
  instrument: Instrument,
  diff: Diff,
  derived?: Comparison['derived'],
): Comparison {
  const conclusion: ComparedConclusion = {
    ...optional('ba', conclusionOf(ba.instrument, ba.assessment)),
    ...optional('va', conclusionOf(va.instrument, va.assessment)),
    status: 'open',
  }
  conclusion.status = compareConclusions(conclusion.ba, conclusion.va)
  const differ =
    conclusion.status === 'ba-more-restrictive' || conclusion.status === 'va-more-restrictive'
  return {
    instrument,
    sides: { ba: ba.instrument, va: va.instrument },
    conclusion,
    completeness: {
      ...optional(
        'ba',
        completenessOf(ba.instrument, derived?.side === 'ba' ? derived.assessment : ba.assessment),
      ),
      ...optional(
        'va',
        completenessOf(va.instrument, derived?.side === 'va' ? derived.assessment : va.assessment),
      ),
    },
    warnings: sideWarnings(ba.assessment, va.assessment),
    ...(derived ? { derived } : {}),
    rows: diff.rows,
    // No agreement figure while the overall conclusions differ: that is the headline difference.
    summary: differ
      ? { ...diff.summary, agreement: null, kappa: [], withheld: 'conclusions-differ' }
      : diff.summary,
  }
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V }
}

function context(side: Side, assessment: Assessment, instrument: Instrument): SideContext {
  const c = conclusionOf(side.instrument, side.assessment)
  const completeness = completenessOf(instrument, assessment)
  return {
    ...(completeness ? { completeness } : {}),
    ...(c?.state === 'no-capacity' ? { noCapacity: true } : {}),
  }
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

function sameVersion(ba: Side, va: Side): Comparison {
  const instrument = ba.instrument
  return withConclusion(
    ba,
    va,
    instrument,
    diffSameInstrument({
      instrument,
      ba: ba.assessment,
      va: va.assessment,
      context: {
        ba: context(ba, ba.assessment, instrument),
        va: context(va, va.assessment, instrument),
      },
    }),
  )
}

/**
 * Two versions of one instrument: the side on the earlier version is migrated to the later one (a
 * copy; nothing stored changes), then both are compared on that version. Refused where no
 * migration path leads from one to the other.
 */
function acrossVersions(
  ba: Side,
  va: Side,
  instruments: readonly Instrument[],
  now: Date,
): LoadResult<Comparison> {
  const side = compareSemver(ba.instrument.version, va.instrument.version) < 0 ? 'ba' : 'va'
  const [older, later] = side === 'ba' ? [ba, va] : [va, ba]
  const r = migrate(older.assessment, later.instrument.version, instruments, { now })
  if (!r.ok) {
    const { id } = ba.instrument
    const [a, b] = [ba.instrument.version, va.instrument.version]
    const why = (lang: 'nl' | 'en') => r.issues.map((i) => i.message[lang]).join('; ')
    return {
      ok: false,
      issues: [
        issue(
          [],
          `Twee versies van ${id} (${a} en ${b}) kunnen niet vergeleken worden: de eerdere kan niet naar de latere worden bijgewerkt. ${why('nl')}`,
          `Two versions of ${id} (${a} and ${b}) cannot be compared: the earlier cannot be brought to the later. ${why('en')}`,
        ),
      ],
    }
  }
  const brought: Side = { assessment: r.value.assessment, instrument: later.instrument }
  const comparison = side === 'ba' ? sameVersion(brought, later) : sameVersion(later, brought)
  return {
    ok: true,
    value: {
      ...comparison,
      migrated: { side, assessment: r.value.assessment, report: r.value.report },
    },
  }
}

/**
 * Compares the bedrijfsarts's assessment with the verzekeringsarts's. The same instrument and version
 * compares directly; two versions of one instrument are compared on the later one, the other side
 * migrated to it first (`migrated`); a BAR against an FML goes through the crosswalk of the BAR's
 * version.
 * @example
 * const r = compareAssessments(ba, va, catalogue, { id: 'derived-id', now: new Date() })
 * if (r.ok) r.value.summary.counts['ba-more-restrictive']
 */
export function compareAssessments(
  ba: Side,
  va: Side,
  catalogue: CompareCatalogue,
  derivedIdentity: { id: string; now: Date },
): LoadResult<Comparison> {
  const a = ba.instrument
  const b = va.instrument
  if (a.id === b.id && a.version === b.version) return { ok: true, value: sameVersion(ba, va) }
  if (a.id === b.id) return acrossVersions(ba, va, catalogue.instruments, derivedIdentity.now)
  const { crosswalks } = catalogue
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
    const ctxDerived = context(source, derived, target.instrument)
    const ctxTarget = context(target, target.assessment, target.instrument)
    const diff = diffSameInstrument({
      instrument: target.instrument,
      ba: side === 'ba' ? derived : target.assessment,
      va: side === 'va' ? derived : target.assessment,
      only: targetIds(cw, target.instrument),
      notComparable: d.notDerivable,
      derivedNotes: d.items,
      derivedSide: side,
      context:
        side === 'ba' ? { ba: ctxDerived, va: ctxTarget } : { ba: ctxTarget, va: ctxDerived },
    })
    return {
      ok: true,
      value: withConclusion(ba, va, target.instrument, diff, {
        side,
        assessment: derived,
        crosswalk: cw,
      }),
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
