import { describe, expect, it } from 'vitest'
import { seal, unseal } from '../../src/storage/envelope'
import {
  newDataKey,
  PBKDF2_ITERATIONS,
  rewrapDataKey,
  unwrapDataKey,
} from '../../src/storage/key-wrapping'

const PASSPHRASE = 'correct horse battery staple'

describe('newDataKey', () => {
  it('wraps a random AES-GCM 256 key under PBKDF2-SHA-256 with at least 600,000 iterations and a 16-byte salt', async () => {
    const { wrapped, key } = await newDataKey(PASSPHRASE)
    expect(PBKDF2_ITERATIONS).toBeGreaterThanOrEqual(600_000)
    expect(wrapped.kdf).toMatchObject({ name: 'PBKDF2', hash: 'SHA-256', iterations: 600_000 })
    expect(wrapped.kdf.salt.byteLength).toBe(16)
    expect(wrapped.wrapped.iv.byteLength).toBe(12)
    // 32 key bytes and the 16-byte tag.
    expect(wrapped.wrapped.data.byteLength).toBe(48)
    expect(key.algorithm).toMatchObject({ name: 'AES-GCM', length: 256 })
    // The key this tab keeps cannot be read out.
    expect(key.extractable).toBe(false)
    await expect(crypto.subtle.exportKey('raw', key)).rejects.toThrow()
  })

  it('makes a new key, salt and key id every time', async () => {
    const [a, b] = await Promise.all([newDataKey(PASSPHRASE), newDataKey(PASSPHRASE)])
    expect(a.wrapped.keyId).not.toBe(b.wrapped.keyId)
    expect(Buffer.from(a.wrapped.kdf.salt).equals(Buffer.from(b.wrapped.kdf.salt))).toBe(false)
    const sealed = await seal(a.key, 'x', 1)
    await expect(unseal(b.key, 'x', sealed)).rejects.toThrow()
  })
})

describe('unwrapDataKey', () => {
  it('opens the data key with the passphrase, also typed in another Unicode normal form', async () => {
    const { wrapped, key } = await newDataKey('café au lait, twee')
    const sealed = await seal(key, 'ctx', { a: 1 })
    const again = await unwrapDataKey(wrapped, 'cafe\u0301 au lait, twee')
    expect(await unseal(again, 'ctx', sealed)).toEqual({ a: 1 })
  })

  it('says a wrong passphrase is wrong (WrongPassphraseError)', async () => {
    const { wrapped } = await newDataKey(PASSPHRASE)
    await expect(unwrapDataKey(wrapped, 'Correct horse battery staple')).rejects.toMatchObject({
      name: 'WrongPassphraseError',
    })
  })

  it('uses the iteration count stored with the salt, so it can be raised later', async () => {
    const { wrapped } = await newDataKey(PASSPHRASE)
    await expect(
      unwrapDataKey({ ...wrapped, kdf: { ...wrapped.kdf, iterations: 700_000 } }, PASSPHRASE),
    ).rejects.toMatchObject({ name: 'WrongPassphraseError' })
    expect(await unwrapDataKey(wrapped, PASSPHRASE)).toBeDefined()
  })
})

describe('rewrapDataKey', () => {
  it('wraps the same data key under the new passphrase with a new salt; the old one no longer opens it', async () => {
    const { wrapped, key } = await newDataKey(PASSPHRASE)
    const sealed = await seal(key, 'ctx', 'text')
    const rewrapped = await rewrapDataKey(wrapped, PASSPHRASE, 'a new passphrase entirely')
    expect(rewrapped.keyId).toBe(wrapped.keyId)
    expect(Buffer.from(rewrapped.kdf.salt).equals(Buffer.from(wrapped.kdf.salt))).toBe(false)
    await expect(unwrapDataKey(rewrapped, PASSPHRASE)).rejects.toMatchObject({
      name: 'WrongPassphraseError',
    })
    const opened = await unwrapDataKey(rewrapped, 'a new passphrase entirely')
    expect(await unseal(opened, 'ctx', sealed)).toBe('text')
  })

  it('refuses a wrong current passphrase', async () => {
    const { wrapped } = await newDataKey(PASSPHRASE)
    await expect(rewrapDataKey(wrapped, 'wrong', 'next passphrase')).rejects.toMatchObject({
      name: 'WrongPassphraseError',
    })
  })
})
