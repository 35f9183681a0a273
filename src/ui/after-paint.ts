/**
 * Resolves once the browser has painted what React just committed: a screen asks for what it
 * does not need for its first words (instrument files, the import loader) after they are on the
 * screen, so that the first paint never shares the line with those downloads. In a hidden tab,
 * where no frame is drawn, at once.
 */
export function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestAnimationFrame !== 'function' || document.visibilityState === 'hidden') {
      setTimeout(resolve, 0)
      return
    }
    // A frame callback runs just before that frame is painted; the next frame's callback, after
    // it was painted (a task queued from the first one could still come before Chromium had
    // painted it). The frame reaches the screen a few milliseconds later still.
    requestAnimationFrame(() => requestAnimationFrame(() => resolve()))
  })
}
