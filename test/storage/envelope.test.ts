import { describe, expect, it } from 'vitest'
import { seal, unseal } from '../../src/storage/envelope'
import { newDataKey } from '../../src/storage/key-wrapping'

const PASSPHRASE = 'correct horse battery staple'

describe('seal', () => {
  it('round-trips JSON with a fresh 12-byte IV each time, and holds no plaintext', async () => {
    const { key } = await newDataKey(PASSPHRASE)
    const value = { employee: 'MARKER-J.J.', notes: ['ä', 1, null] }
    const a = await seal(key, 'assessments/1', value)
    const b = await seal(key, 'assessments/1', value)
    expect(a.iv.byteLength).toBe(12)
    expect(Buffer.from(a.iv).equals(Buffer.from(b.iv))).toBe(false)
    expect(Buffer.from(a.data).toString('latin1')).not.toContain('MARKER')
    expect(await unseal(key, 'assessments/1', a)).toEqual(value)
  })

  it('opens only in its own context (store and id) and only unaltered', async () => {
    const { key } = await newDataKey(PASSPHRASE)
    const sealed = await seal(key, 'assessments/1', 'x')
    await expect(unseal(key, 'assessments/2', sealed)).rejects.toThrow()
    const altered = new Uint8Array(sealed.data)
    altered[0] = (altered[0] ?? 0) ^ 1
    await expect(unseal(key, 'assessments/1', { ...sealed, data: altered })).rejects.toThrow()
  })
})
