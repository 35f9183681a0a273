/**
 * Envelope encryption with WebCrypto: a random AES-GCM data key seals the records (here), and is
 * itself stored wrapped under a key derived from the passphrase (key-wrapping.ts, loaded only by
 * the screens that unlock or change encryption). Changing the passphrase rewraps only the data key.
 */

/** AES-GCM's 96-bit nonce, fresh and random for every encryption. */
export const IV_BYTES = 12

export type Bytes = Uint8Array<ArrayBuffer>

/** Ciphertext (with its 128-bit tag) and the IV it was made with. */
export interface Sealed {
  iv: Bytes
  data: Bytes
}

export interface Kdf {
  name: 'PBKDF2'
  hash: 'SHA-256'
  iterations: number
  salt: Bytes
}

/** The data key as stored: wrapped under the passphrase, never in the clear. */
export interface WrappedKey {
  /** Random per data key: a tab holding a key can tell whether it is still the one in use. */
  keyId: string
  kdf: Kdf
  wrapped: Sealed
}

export const utf8 = new TextEncoder()

export function randomBytes(length: number): Bytes {
  return crypto.getRandomValues(new Uint8Array(length))
}

/** Encrypts `value` as JSON. `context` (store and id) is authenticated: a sealed value opens only there. */
export async function seal(key: CryptoKey, context: string, value: unknown): Promise<Sealed> {
  const iv = randomBytes(IV_BYTES)
  const data = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: utf8.encode(context) },
    key,
    utf8.encode(JSON.stringify(value)),
  )
  return { iv, data: new Uint8Array(data) }
}

/** The value `seal` encrypted; throws when the key, the context or the bytes do not match. */
export async function unseal(key: CryptoKey, context: string, sealed: Sealed): Promise<unknown> {
  const plain = await crypto.subtle.decrypt(
    { name: 'AES-GCM', iv: sealed.iv, additionalData: utf8.encode(context) },
    key,
    sealed.data,
  )
  return JSON.parse(new TextDecoder().decode(plain)) as unknown
}
