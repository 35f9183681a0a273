/** Whether the browser promised not to evict this site's storage under pressure. */
export type Persistence = 'granted' | 'denied' | 'unknown'

let asked: Promise<Persistence> | undefined

/** Asks once per page for persistent storage (`navigator.storage.persist()`), and says the answer. */
export function requestPersistence(): Promise<Persistence> {
  asked ??= (async (): Promise<Persistence> => {
    const storage = typeof navigator === 'undefined' ? undefined : navigator.storage
    if (!storage?.persist) return 'unknown'
    try {
      if (await storage.persisted()) return 'granted'
      return (await storage.persist()) ? 'granted' : 'denied'
    } catch {
      return 'unknown'
    }
  })()
  return asked
}
