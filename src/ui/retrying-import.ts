/**
 * `load` once it has worked, shared by every caller; a failed load is not kept but tried again on
 * the next call (a server that was unreachable for a moment is asked again).
 */
export function retryingImport<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined
  return () =>
    (loading ??= load().catch((e: unknown) => {
      loading = undefined
      throw e
    }))
}
