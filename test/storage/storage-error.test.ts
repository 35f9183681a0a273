import { describe, expect, it } from 'vitest'
import {
  LockedError,
  storageMessageKey,
  storageProblem,
  UnreadableRecordError,
} from '../../src/storage/storage-error'

describe('storageProblem', () => {
  it('tells a full storage from one that cannot be used at all', () => {
    expect(storageProblem(new DOMException('x', 'QuotaExceededError'))).toBe('full')
    expect(storageProblem(new DOMException('x', 'SecurityError'))).toBe('unavailable')
    expect(storageProblem(new DOMException('x', 'InvalidStateError'))).toBe('unavailable')
    expect(storageProblem(new ReferenceError('indexedDB is not defined'))).toBe('unavailable')
  })

  it('leaves anything else as an other failure, with its own message key', () => {
    expect(storageProblem(new Error('boom'))).toBe('other')
    expect(storageProblem(undefined)).toBe('other')
    expect(storageMessageKey(new Error('boom'))).toBe('storage.failed')
    expect(storageMessageKey(new DOMException('x', 'QuotaExceededError'))).toBe('storage.full')
  })

  it('words a locked tab and a record that does not open, each with its own message', () => {
    expect(storageMessageKey(new LockedError())).toBe('storage.locked')
    expect(storageMessageKey(new UnreadableRecordError('x'))).toBe('storage.unreadable')
  })
})
