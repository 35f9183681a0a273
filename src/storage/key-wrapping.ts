import { IV_BYTES, randomBytes, utf8, type Bytes, type Kdf, type WrappedKey } from './envelope'

/** OWASP's figure for PBKDF2-HMAC-SHA-256 (2023). Stored with each wrapped key, so it can be raised. */
export const PBKDF2_ITERATIONS = 600_000
const SALT_BYTES = 16

/** The passphrase does not open the stored data key. */
export class WrongPassphraseError extends Error {
  override name = 'WrongPassphraseError'
  constructor() {
    super('The passphrase does not open the data key')
  }
}

const DATA_KEY_ALGORITHM = { name: 'AES-GCM', length: 256 } as const

/** The key that wraps the data key. NFC: the same passphrase typed on another system matches. */
async function passphraseKey(passphrase: string, kdf: Kdf): Promise<CryptoKey> {
  const base = await crypto.subtle.importKey(
    'raw',
    utf8.encode(passphrase.normalize('NFC')),
    'PBKDF2',
    false,
    ['deriveKey'],
  )
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: kdf.hash, salt: kdf.salt, iterations: kdf.iterations },
    base,
    DATA_KEY_ALGORITHM,
    false,
    ['wrapKey', 'unwrapKey'],
  )
}

const wrapParams = (keyId: string, iv: Bytes): AesGcmParams => ({
  name: 'AES-GCM',
  iv,
  additionalData: utf8.encode(`data-key/${keyId}`),
})

async function wrap(dataKey: CryptoKey, keyId: string, passphrase: string): Promise<WrappedKey> {
  const kdf: Kdf = {
    name: 'PBKDF2',
    hash: 'SHA-256',
    iterations: PBKDF2_ITERATIONS,
    salt: randomBytes(SALT_BYTES),
  }
  const iv = randomBytes(IV_BYTES)
  const kek = await passphraseKey(passphrase, kdf)
  const data = new Uint8Array(
    await crypto.subtle.wrapKey('raw', dataKey, kek, wrapParams(keyId, iv)),
  )
  return { keyId, kdf, wrapped: { iv, data } }
}

/**
 * The data key `wrapped` holds. Throws WrongPassphraseError when the passphrase does not open it:
 * AES-GCM's tag tells, so no check value is stored. Non-extractable unless asked otherwise.
 */
export async function unwrapDataKey(
  wrapped: WrappedKey,
  passphrase: string,
  extractable = false,
): Promise<CryptoKey> {
  const kek = await passphraseKey(passphrase, wrapped.kdf)
  try {
    return await crypto.subtle.unwrapKey(
      'raw',
      wrapped.wrapped.data,
      kek,
      wrapParams(wrapped.keyId, wrapped.wrapped.iv),
      DATA_KEY_ALGORITHM,
      extractable,
      ['encrypt', 'decrypt'],
    )
  } catch (e) {
    if ((e as { name?: unknown } | null)?.name === 'OperationError')
      throw new WrongPassphraseError()
    throw e
  }
}

/** A new random data key wrapped under `passphrase`, and the same key for this tab (non-extractable). */
export async function newDataKey(
  passphrase: string,
): Promise<{ wrapped: WrappedKey; key: CryptoKey }> {
  const extractable = await crypto.subtle.generateKey(DATA_KEY_ALGORITHM, true, [
    'encrypt',
    'decrypt',
  ])
  const wrapped = await wrap(extractable, crypto.randomUUID(), passphrase)
  return { wrapped, key: await unwrapDataKey(wrapped, passphrase) }
}

/** The same data key under another passphrase, with a new salt; WrongPassphraseError if `current` is wrong. */
export async function rewrapDataKey(
  wrapped: WrappedKey,
  current: string,
  next: string,
): Promise<WrappedKey> {
  return wrap(await unwrapDataKey(wrapped, current, true), wrapped.keyId, next)
}
