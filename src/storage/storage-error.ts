/** Why IndexedDB failed, in terms a message can be chosen by. */
export type StorageProblem = 'full' | 'blocked' | 'unavailable' | 'other'

/** Classifies an error thrown by IndexedDB (or by opening it). */
export function storageProblem(error: unknown): StorageProblem {
  const name = (error as { name?: unknown } | null)?.name
  if (name === 'QuotaExceededError') return 'full'
  if (name === 'BlockedError') return 'blocked'
  if (
    name === 'InvalidStateError' ||
    name === 'SecurityError' ||
    name === 'UnknownError' ||
    name === 'VersionError' ||
    name === 'NotFoundError' ||
    (error instanceof ReferenceError && /indexedDB/i.test(error.message))
  )
    return 'unavailable'
  return 'other'
}

/** The i18n key of the message for a storage error. */
export function storageMessageKey(error: unknown) {
  const problem = storageProblem(error)
  return problem === 'full'
    ? 'storage.full'
    : problem === 'blocked'
      ? 'storage.blocked'
      : problem === 'unavailable'
        ? 'storage.unavailable'
        : 'storage.failed'
}
