import { useEffect, type RefObject } from 'react'
import { whenIdle } from './when-idle'

/** The sections whose layout the stylesheet lets the browser skip (`content-visibility: auto`). */
const SKIPPED_SECTIONS = '.form-section + .form-section'

/**
 * How tall a section's content is, laid out: from the top of its content box to the bottom of its
 * last child's margin (the placeholder stands for the content box: padding and border come on top).
 * Read while the section is skipped, this makes the browser lay out its content, without painting it.
 */
function contentHeight(section: HTMLElement): number {
  const last = section.lastElementChild
  if (!last) return 0
  const style = getComputedStyle(section)
  const contentTop =
    section.getBoundingClientRect().top +
    parseFloat(style.borderTopWidth) +
    parseFloat(style.paddingTop)
  return (
    last.getBoundingClientRect().bottom +
    parseFloat(getComputedStyle(last).marginBottom) -
    contentTop
  )
}

/**
 * Gives every section the browser skips its own height as its placeholder, instead of the
 * stylesheet's one size for all (1800 px: the BAR's sections are 640 to 16,700 px high on a
 * phone). With one size, the page's length is a guess until the user has scrolled past every
 * section (the scroll bar, End and Page Down are off by up to half the form), and where a section
 * is taller than its placeholder, the layout that tools ask for (axe's target-size check,
 * Lighthouse) puts its last fields over the next section's first ones.
 *
 * Measured once the whole form is drawn, when the browser is next idle, and again when the
 * language (every text) or the form's width changes. Chromium lays the skipped sections out on its
 * own soon after a form appears (autofill reads every field), so reading the heights then costs
 * little; read earlier, it is that same layout, which autofill then mostly finds done (elsewhere it is one
 * layout of the whole form, when idle, once per width and language). A section once shown keeps its
 * real height by itself (`contain-intrinsic-size: auto`); one whose content changes while skipped (a
 * "namely" field appears) keeps the height measured until it is shown.
 */
export function useSectionPlaceholders(
  formRef: RefObject<HTMLElement | null>,
  ready: boolean,
  lang: string,
): void {
  useEffect(() => {
    const form = formRef.current
    if (!ready || !form) return
    let cancel = () => {}
    const measure = () => {
      cancel()
      cancel = whenIdle(() => {
        for (const section of form.querySelectorAll<HTMLElement>(SKIPPED_SECTIONS)) {
          const height = Math.ceil(contentHeight(section))
          if (height > 0) section.style.containIntrinsicBlockSize = `auto ${height}px`
        }
      })
    }
    measure()
    // The width the text wraps in; not the height that the placeholders themselves give the form.
    let width = form.clientWidth
    const resized =
      typeof ResizeObserver === 'function'
        ? new ResizeObserver(() => {
            if (form.clientWidth === width) return
            width = form.clientWidth
            measure()
          })
        : undefined
    resized?.observe(form)
    return () => {
      cancel()
      resized?.disconnect()
    }
  }, [formRef, ready, lang])
}
