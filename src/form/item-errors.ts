import { useCallback, useSyncExternalStore } from 'react'
import type { FieldErrors } from 'react-hook-form'
import type { FormValues } from './model/form-values'

/** One item's error messages by input path below the item: `{ choice: '…', q0: '…' }`. */
export type ItemMessages = Readonly<Record<string, string>>

const NONE: ItemMessages = Object.freeze({})

function collect(node: unknown, path: string, into: Record<string, string>) {
  if (!node || typeof node !== 'object') return
  const message = (node as { message?: unknown }).message
  if (typeof message === 'string' && path) {
    into[path] = message
    return
  }
  for (const [key, child] of Object.entries(node)) {
    if (key === 'ref' || key === 'type' || key === 'types') continue
    collect(child, path ? `${path}.${key}` : key, into)
  }
}

function same(a: ItemMessages, b: ItemMessages) {
  const keys = Object.keys(a)
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k])
}

/**
 * The form's errors, split per item. react-hook-form's own `useFormState` per item costs a
 * subscription and a proxy at mount for each of up to a hundred items, and every state change
 * visits all of them; here one form-level subscription feeds the store, and only the items whose
 * messages changed are told.
 */
export class ItemErrorStore {
  private messages = new Map<string, ItemMessages>()
  private listeners = new Map<string, Set<() => void>>()

  /** Messages of item `key` (`f3`); the same object until they change. */
  get = (key: string): ItemMessages => this.messages.get(key) ?? NONE

  subscribe(key: string, listener: () => void): () => void {
    let set = this.listeners.get(key)
    if (!set) this.listeners.set(key, (set = new Set()))
    set.add(listener)
    return () => set.delete(listener)
  }

  /** Takes the form's whole error tree after a validation. */
  update(errors: FieldErrors<FormValues> | undefined) {
    const next = new Map<string, ItemMessages>()
    for (const [key, node] of Object.entries(errors?.items ?? {})) {
      const found: Record<string, string> = {}
      collect(node, '', found)
      if (!Object.keys(found).length) continue
      const before = this.messages.get(key)
      next.set(key, before && same(before, found) ? before : Object.freeze(found))
    }
    const changed = new Set<string>()
    for (const key of new Set([...this.messages.keys(), ...next.keys()]))
      if (this.messages.get(key) !== next.get(key)) changed.add(key)
    this.messages = next
    for (const key of changed) for (const listener of this.listeners.get(key) ?? []) listener()
  }
}

/** The messages of one item, re-rendering its component only when they change. */
export function useItemMessages(store: ItemErrorStore, key: string): ItemMessages {
  const subscribe = useCallback((cb: () => void) => store.subscribe(key, cb), [store, key])
  const snapshot = useCallback(() => store.get(key), [store, key])
  return useSyncExternalStore(subscribe, snapshot)
}
