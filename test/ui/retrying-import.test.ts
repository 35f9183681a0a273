import { describe, expect, it, vi } from 'vitest'
import { retryingImport } from '../../src/ui/retrying-import'

describe('retryingImport', () => {
  it('loads once and gives every later caller the same result', async () => {
    const load = vi.fn(() => Promise.resolve({ answer: 42 }))
    const get = retryingImport(load)
    const [a, b] = await Promise.all([get(), get()])
    expect(await get()).toBe(a)
    expect(b).toBe(a)
    expect(load).toHaveBeenCalledTimes(1)
  })

  it('does not keep a failed load: the next call loads again', async () => {
    const load = vi
      .fn<() => Promise<string>>()
      .mockRejectedValueOnce(new TypeError('Failed to fetch dynamically imported module'))
      .mockResolvedValue('module')
    const get = retryingImport(load)
    await expect(get()).rejects.toThrow('Failed to fetch')
    await expect(get()).resolves.toBe('module')
    await expect(get()).resolves.toBe('module')
    expect(load).toHaveBeenCalledTimes(2)
  })
})
