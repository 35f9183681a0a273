import { afterEach, describe, expect, it, vi } from 'vitest'

async function freshRequest() {
  vi.resetModules()
  return (await import('../../src/storage/persistence')).requestPersistence
}

function browserStorage(value: unknown) {
  vi.stubGlobal('navigator', { storage: value })
}

afterEach(() => vi.unstubAllGlobals())

describe('requestPersistence', () => {
  it('asks once, and says granted when the browser grants it', async () => {
    const persist = vi.fn(async () => true)
    browserStorage({ persisted: async () => false, persist })
    const request = await freshRequest()
    expect(await request()).toBe('granted')
    expect(await request()).toBe('granted')
    expect(persist).toHaveBeenCalledTimes(1)
  })

  it('does not ask again when storage is persistent already', async () => {
    const persist = vi.fn(async () => true)
    browserStorage({ persisted: async () => true, persist })
    expect(await (await freshRequest())()).toBe('granted')
    expect(persist).not.toHaveBeenCalled()
  })

  it('says denied when the browser refuses', async () => {
    browserStorage({ persisted: async () => false, persist: async () => false })
    expect(await (await freshRequest())()).toBe('denied')
  })

  it('says unknown without the Storage API or when asking fails', async () => {
    browserStorage(undefined)
    expect(await (await freshRequest())()).toBe('unknown')
    browserStorage({
      persisted: async () => {
        throw new Error('no')
      },
      persist: async () => true,
    })
    expect(await (await freshRequest())()).toBe('unknown')
  })
})
