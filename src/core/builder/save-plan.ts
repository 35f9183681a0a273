import type { Assessment } from '../assessment/assessment-schema'
import { itemIndex } from '../instrument/item-index'
import { loadInstrument } from '../instrument/load-instrument'
import type { Instrument, Localized, Vocabulary } from '../instrument/meta-schema'
import { instrumentSchema } from '../instrument/meta-schema'
import type { Bump, SchemaChange } from '../instrument/schema-diff'
import { checkProposedVersion, diffInstruments, nextVersion } from '../instrument/schema-diff'
import type { LoadResult, ValidationIssue } from '../issues/validation-issue'
import { issue } from '../issues/validation-issue'
import { fromZodError } from '../issues/zod-issues'
import type { MigrationEntry } from '../migration/migrate'
import { migrate } from '../migration/migrate'
import type { Draft } from './draft'
import { draftProblems, loadDraft, otherBase, withTextsFilled } from './node-problems'

export interface SavePlan {
  /** The least change of version the changes need; at least `patch` when anything changed. */
  bump: Bump
  /** The lowest version that may follow the base. */
  proposed: string
  changes: SchemaChange[]
}

const BUMP_NAMES: Readonly<Record<Bump, Localized>> = {
  none: { nl: 'geen wijziging', en: 'no change' },
  patch: { nl: 'patchversie', en: 'patch version' },
  minor: { nl: 'minor-versie', en: 'minor version' },
  major: { nl: 'major-versie', en: 'major version' },
}

/**
 * What saving the draft as a new version means: its changes against the base (the migration
 * credited, so a renamed item needs a minor version, not a major one), the bump they need and the
 * version proposed. Refused while the draft does not have the shape of an instrument.
 * @example
 * const r = savePlan(draft, bar100)
 * if (r.ok) r.value.proposed // '1.1.0' after a rename
 */
export function savePlan(draft: Draft, base: Instrument): LoadResult<SavePlan> {
  const other = otherBase(draft, base)
  if (other) return { ok: false, issues: [other] }
  // The diff needs the shape of an instrument; problems between its parts (or blank texts) do not stop it.
  const shape = instrumentSchema.safeParse(withTextsFilled(draft.instrument), { reportInput: true })
  if (!shape.success) return { ok: false, issues: fromZodError(shape.error) }
  const diff = diffInstruments(base, draft.instrument)
  if (!diff.ok) return diff
  const { bump, changes } = diff.value
  return {
    ok: true,
    value: { bump, proposed: nextVersion(base.version, bump === 'none' ? 'patch' : bump), changes },
  }
}

/**
 * The draft as the new version, ready to save as JSON: refused (in both languages) while it has
 * problems, or when `version` is no semantic version, not above the base, or below what its
 * changes need; otherwise with that version and its migration from the base.
 * @example
 * const r = finishDraft(draft, '1.1.0', bar100, vocabulary)
 * if (r.ok) writeFile(`schemas/bar/1.1.0.json`, JSON.stringify(r.value, null, 2))
 */
export function finishDraft(
  draft: Draft,
  version: string,
  base: Instrument,
  vocabulary: Vocabulary | undefined,
): LoadResult<Instrument> {
  const problems = draftProblems(draft, vocabulary, base).all
  if (problems.length) return { ok: false, issues: problems }
  const plan = savePlan(draft, base)
  if (!plan.ok) return plan
  const { bump } = plan.value
  const check = checkProposedVersion(base.version, version, bump)
  if (!check.ok) {
    const { minimum } = check
    const [nl, en] =
      check.reason === 'not-semver'
        ? [
            `"${version}" is geen versienummer (semver, bijvoorbeeld ${minimum})`,
            `"${version}" is not a version number (semver, e.g. ${minimum})`,
          ]
        : check.reason === 'not-higher'
          ? [
              `Versie ${version} moet hoger zijn dan ${base.version}, de versie waarvan dit concept is geopend`,
              `Version ${version} must be higher than ${base.version}, the version this draft was opened from`,
            ]
          : [
              `Deze wijzigingen vragen minstens een ${BUMP_NAMES[bump].nl}: ${minimum} of hoger, niet ${version}`,
              `These changes need at least a ${BUMP_NAMES[bump].en}: ${minimum} or higher, not ${version}`,
            ]
    return { ok: false, issues: [issue(['version'], nl, en)] }
  }
  const instrument: Instrument = {
    ...draft.instrument,
    version,
    migration: { from: base.version, steps: draft.instrument.migration?.steps ?? [] },
  }
  return loadInstrument(instrument, vocabulary, base)
}

export type PreviewOutcome = Exclude<MigrationEntry['outcome'], 'kept'>

export interface MigrationPreview {
  /** The saved assessments of the base version. */
  affected: number
  /** Their answers, by what the draft's migration does with them. */
  kept: number
  moved: number
  transformed: number
  dropped: number
  /** Answers not kept, by item of the base version and outcome, in the base's item order. */
  byItem: { item: string; outcome: PreviewOutcome; count: number }[]
  /** The draft's structure or migration has problems, so nothing could be run. */
  blocked: boolean
  /** Why it is blocked. */
  issues?: ValidationIssue[]
}

/**
 * What saving the draft would do to the saved assessments of the base version: its migration run
 * over each of them, counted by answer. Missing texts do not block it; any other problem does.
 * @example
 * const p = migrationPreview(assessments, bar100, draft, new Date())
 * // { affected: 12, kept: 600, moved: 12, transformed: 0, dropped: 3, byItem: [{ item: 'fysiek.tillen', outcome: 'dropped', count: 3 }], blocked: false }
 */
export function migrationPreview(
  assessments: readonly Assessment[],
  base: Instrument,
  draft: Draft,
  now: Date,
): MigrationPreview {
  const own = assessments.filter(
    (a) => a.instrument.id === base.id && a.instrument.version === base.version,
  )
  const preview: MigrationPreview = {
    affected: own.length,
    kept: 0,
    moved: 0,
    transformed: 0,
    dropped: 0,
    byItem: [],
    blocked: false,
  }
  const loaded = loadDraft(draft, undefined, base)
  if (!loaded.ok) return { ...preview, blocked: true, issues: loaded.issues }
  const counts = new Map<string, { item: string; outcome: PreviewOutcome; count: number }>()
  for (const assessment of own) {
    const r = migrate(assessment, loaded.value.version, [base, loaded.value], { now })
    if (!r.ok) return { ...preview, blocked: true, issues: r.issues }
    for (const entry of r.value.report.entries) {
      preview[entry.outcome]++
      if (entry.outcome === 'kept') continue
      const key = `${entry.item}\u0000${entry.outcome}`
      const c = counts.get(key) ?? { item: entry.item, outcome: entry.outcome, count: 0 }
      c.count++
      counts.set(key, c)
    }
  }
  const order = new Map([...itemIndex(base).items.keys()].map((id, n) => [id, n]))
  const outcomes: PreviewOutcome[] = ['moved', 'transformed', 'dropped']
  preview.byItem = [...counts.values()].sort(
    (a, b) =>
      (order.get(a.item) ?? order.size) - (order.get(b.item) ?? order.size) ||
      outcomes.indexOf(a.outcome) - outcomes.indexOf(b.outcome),
  )
  return preview
}
