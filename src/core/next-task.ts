/**
 * Resolves in a later task, so that the browser can paint and take input in between: work that
 * runs over many records does one per task (a task over 50 ms is what blocks a page, and what
 * Lighthouse's total blocking time adds up). `scheduler.yield()` where there is one (Chromium:
 * the rest of the work keeps its place before other tasks), a timer elsewhere.
 */
export function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler
  if (typeof scheduler?.yield === 'function') return scheduler.yield()
  return new Promise((resolve) => setTimeout(resolve, 0))
}
