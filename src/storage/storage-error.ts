/** Why IndexedDB failed, in terms a message can be chosen by. */
export type StorageProblem = 'full' | 'blocked' | 'unavailable' | 'locked' | 'unreadable' | 'other'

/** Encryption is on and this tab does not hold the data key: nothing is read or written. */
export class LockedError extends Error {
  override name = 'LockedError'
  constructor() {
    super('The storage is encrypted and this tab is locked')
  }
}

/** A sealed record does not open with the data key that opens everything else (damaged). */
export class UnreadableRecordError extends Error {
  override name = 'UnreadableRecordError'
  constructor(id: string) {
    super(`The stored record ${id} could not be decrypted`)
  }
}

/** Classifies an error thrown by IndexedDB (or by opening it). */
export function storageProblem(error: unknown): StorageProblem {
  const name = (error as { name?: unknown } | null)?.name
  if (name === 'QuotaExceededError') return 'full'
  if (name === 'BlockedError') return 'blocked'
  if (name === 'LockedError') return 'locked'
  if (name === 'UnreadableRecordError') return 'unreadable'
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

const MESSAGE_KEYS = {
  full: 'storage.full',
  blocked: 'storage.blocked',
  unavailable: 'storage.unavailable',
  locked: 'storage.locked',
  unreadable: 'storage.unreadable',
  other: 'storage.failed',
} as const

/** The i18n key of the message for a storage error. */
export function storageMessageKey(error: unknown) {
  return MESSAGE_KEYS[storageProblem(error)]
}
