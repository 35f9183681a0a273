import type { SchemaFile } from '../core/instrument/catalogue-data'
import { openDatabase, type LibraryRecord } from './assessment-store'

export type { LibraryRecord } from './assessment-store'

const CHANNEL = 'bar-studio-library'

/** Every instrument version in this browser's library, by path. */
export async function listLibrary(): Promise<LibraryRecord[]> {
  const db = await openDatabase()
  return db.getAll('instruments')
}

/** The library's files as schemas/ files, for the catalogue. */
export async function libraryFiles(): Promise<SchemaFile[]> {
  return (await listLibrary()).map((r) => ({ path: r.path, json: r.json }))
}

/**
 * Adds a version to the library. Published versions are immutable: a path already in the library
 * is refused (false), never overwritten.
 */
export async function addToLibrary(record: LibraryRecord): Promise<boolean> {
  const db = await openDatabase()
  const tx = db.transaction('instruments', 'readwrite')
  if (await tx.store.get(record.path)) {
    await tx.done
    return false
  }
  await tx.store.add(record)
  await tx.done
  announce()
  return true
}

function announce() {
  if (typeof BroadcastChannel === 'undefined') return
  const channel = new BroadcastChannel(CHANNEL)
  channel.postMessage('changed')
  channel.close()
}

/** Calls `listener` when another tab adds to the library; returns an unsubscribe. */
export function onLibraryChange(listener: () => void): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => {}
  const listen = new BroadcastChannel(CHANNEL)
  listen.onmessage = () => listener()
  return () => listen.close()
}
