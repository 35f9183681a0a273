import { deleteDB, openDB } from 'idb'
import { createHash } from 'node:crypto'
import { closeStore, DB_NAME, DB_VERSION } from '../../src/storage/assessment-store'
import { learnState, lock } from '../../src/storage/tab-key'

const STORES = ['assessments', 'comparisons', 'keys', 'instruments', 'builderDrafts'] as const

/** Typed arrays as hex, so records (and their bytes) can be compared and searched as text. */
function asText(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    ArrayBuffer.isView(v)
      ? `hex:${Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('hex')}`
      : v,
  )
}

/** Every record of every store exactly as IndexedDB holds it, past the app's sealing and opening. */
export async function rawRecords(): Promise<Record<(typeof STORES)[number], unknown[]>> {
  await closeStore()
  const db = await openDB(DB_NAME, DB_VERSION)
  const out = Object.fromEntries(
    await Promise.all(STORES.map(async (s) => [s, await db.getAll(s)] as const)),
  ) as Record<(typeof STORES)[number], unknown[]>
  db.close()
  return out
}

/** SHA-256 of everything stored: equal before and after means nothing was changed. */
export async function storeHash(): Promise<string> {
  return createHash('sha256')
    .update(asText(await rawRecords()))
    .digest('hex')
}

/**
 * Whether `marker` appears anywhere in the stored records: in a field, or in the bytes of a typed
 * array read as UTF-8 (where plain text written as bytes would be).
 */
export async function rawStoreContains(marker: string): Promise<boolean> {
  const raw = await rawRecords()
  const bytes: string[] = []
  const walk = (v: unknown) => {
    if (ArrayBuffer.isView(v))
      bytes.push(Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('utf8'))
    else if (v && typeof v === 'object') Object.values(v).forEach(walk)
  }
  walk(raw)
  return asText(raw).includes(marker) || bytes.some((b) => b.includes(marker))
}

/** An empty database and a tab that knows nothing yet, as at the start of a visit. */
export async function freshStore() {
  await closeStore()
  await deleteDB(DB_NAME)
  lock()
  learnState(undefined)
}
