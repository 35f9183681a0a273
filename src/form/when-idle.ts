/** Runs `task` when the browser is next idle (a timer where there is no idle callback); returns a cancel. */
export function whenIdle(task: () => void): () => void {
  if (typeof requestIdleCallback !== 'function') {
    const timer = setTimeout(task, 0)
    return () => clearTimeout(timer)
  }
  const id = requestIdleCallback(task, { timeout: 1000 })
  return () => cancelIdleCallback(id)
}
