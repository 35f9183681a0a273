import { beforeEach, describe, expect, it, vi } from 'vitest'
import {
  forgetTabKey,
  knownState,
  learnState,
  lock,
  onKeyStateChange,
  setTabKey,
  tabKey,
  type TabKey,
} from '../../src/storage/tab-key'

const key = (keyId: string): TabKey => ({ keyId, key: {} as CryptoKey })

beforeEach(() => {
  lock()
  learnState(undefined)
})

describe('tab key', () => {
  it('is held in memory until "Vergrendelen", and listeners hear each change once', () => {
    const heard = vi.fn()
    const stop = onKeyStateChange(heard)
    const k = key('a')
    setTabKey(k)
    expect(tabKey()).toBe(k)
    expect(knownState()).toBe('unlocked')
    lock()
    expect(tabKey()).toBeUndefined()
    expect(knownState()).toBe('locked')
    lock()
    expect(heard).toHaveBeenCalledTimes(2)
    stop()
    setTabKey(k)
    expect(heard).toHaveBeenCalledTimes(2)
  })

  it('forgets only the key it is told about, and records why', () => {
    const a = key('a')
    setTabKey(a)
    forgetTabKey(key('b'), 'off')
    expect(tabKey()).toBe(a)
    forgetTabKey(a, 'off')
    expect(tabKey()).toBeUndefined()
    expect(knownState()).toBe('off')
  })
})
