import type { Assessment } from '../core/assessment/assessment-schema'
import { seal, unseal, type Sealed, type WrappedKey } from './envelope'
import { UnreadableRecordError } from './storage-error'
import type { StoredAssessment } from './upgrade-steps'

/** The `keys` store holds at most this one record: while it is there, encryption is on. */
export const DATA_KEY = 'data-key'

export type KeyRecord = WrappedKey & { id: typeof DATA_KEY }

/** The verzekeringsarts's and bedrijfsarts's assessments compared, with a motivation per difference. */
export interface SavedComparison {
  /** `<ba id>__<va id>` */
  id: string
  baId: string
  vaId: string
  /** "motivering" by item id */
  notes: Record<string, string>
  updatedAt: string
}

/*
 * With encryption on, a record keeps in the clear only what keys and indexes need: the random
 * UUIDs that name it (and, for a comparison, its two assessments, so deleting one finds them), its
 * revision and when it was last saved. None of these says anything about the employee or the
 * assessment; everything else (pseudonym, answers, motivations) is in `sealed`.
 */

export interface SealedAssessment {
  id: string
  revision: number
  updatedAt: string
  /** The assessment, as `StoredAssessment.assessment`. */
  sealed: Sealed
}

export interface SealedComparison {
  id: string
  baId: string
  vaId: string
  updatedAt: string
  /** The whole comparison (these fields again, and its `notes`), so it opens exactly as it was. */
  sealed: Sealed
}

export type AssessmentRecord = StoredAssessment | SealedAssessment
export type ComparisonRecord = SavedComparison | SealedComparison

export function isSealed<T extends object>(record: T): record is T & { sealed: Sealed } {
  return 'sealed' in record
}

/** What a sealed value is bound to: it opens only in the same store under the same id. */
const context = (store: 'assessments' | 'comparisons', id: string) => `${store}/${id}`

export function sealAssessment(key: CryptoKey, assessment: Assessment): Promise<Sealed> {
  return seal(key, context('assessments', assessment.id), assessment)
}

/** A stored record sealed as it is, whatever its assessment holds (one that no longer validates too). */
export async function sealAssessmentRecord(
  key: CryptoKey,
  record: StoredAssessment,
): Promise<SealedAssessment> {
  const { id, revision, updatedAt } = record
  return {
    id,
    revision,
    updatedAt,
    sealed: await seal(key, context('assessments', id), record.assessment ?? null),
  }
}

export function assessmentRecord(
  assessment: Assessment,
  revision: number,
  sealed: Sealed | undefined,
): AssessmentRecord {
  const { id, updatedAt } = assessment
  return sealed ? { id, revision, updatedAt, sealed } : { id, revision, updatedAt, assessment }
}

/**
 * A record as the screens see it. One that does not open is returned as it is stored, without
 * `assessment`: checkRecord lists it with its problem instead of dropping it.
 */
export async function openAssessment(
  key: CryptoKey | undefined,
  record: AssessmentRecord,
): Promise<StoredAssessment> {
  if (!isSealed(record)) return record
  if (!key) return record as unknown as StoredAssessment
  try {
    const { sealed, ...plain } = record
    const assessment = (await unseal(key, context('assessments', record.id), sealed)) as Assessment
    return { ...plain, assessment }
  } catch {
    return record as unknown as StoredAssessment
  }
}

/** Like openAssessment, but a record that does not open is an error (turning encryption off). */
export async function openAssessmentStrictly(
  key: CryptoKey,
  record: AssessmentRecord,
): Promise<StoredAssessment> {
  const opened = await openAssessment(key, record)
  if (!('assessment' in opened)) throw new UnreadableRecordError(record.id)
  return opened
}

export function sealComparison(key: CryptoKey, comparison: SavedComparison): Promise<Sealed> {
  return seal(key, context('comparisons', comparison.id), comparison)
}

export async function sealComparisonRecord(
  key: CryptoKey,
  comparison: SavedComparison,
): Promise<SealedComparison> {
  return comparisonRecord(comparison, await sealComparison(key, comparison)) as SealedComparison
}

export function comparisonRecord(
  comparison: SavedComparison,
  sealed: Sealed | undefined,
): ComparisonRecord {
  if (!sealed) return comparison
  const { id, baId, vaId, updatedAt } = comparison
  return { id, baId, vaId, updatedAt, sealed }
}

/** A comparison with its motivations; UnreadableRecordError when they do not open. */
export async function openComparison(
  key: CryptoKey | undefined,
  record: ComparisonRecord,
): Promise<SavedComparison> {
  if (!isSealed(record)) return record
  if (!key) throw new UnreadableRecordError(record.id)
  try {
    return (await unseal(key, context('comparisons', record.id), record.sealed)) as SavedComparison
  } catch {
    throw new UnreadableRecordError(record.id)
  }
}
