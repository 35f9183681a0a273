/*
 * Moving focus through the form by what is left to do: the next open item, the next field with an
 * error. Both read the page as it is when asked, so they cost nothing while the form is filled in.
 */

const FOCUSABLE = ':is(input, textarea, select):not([disabled])'

/**
 * Key chords, as aria-keyshortcuts spells them. Alt+Shift, as Alt+F and Alt+E open Chromium's menu
 * and Firefox's menus take Alt+letter; Alt+Shift+B is Chromium's bookmarks bar.
 */
export const SHORTCUTS = {
  nextOpen: 'Alt+Shift+N',
  nextError: 'Alt+Shift+F',
  clear: 'Alt+Shift+Backspace',
  terms: 'Alt+Shift+D',
} as const

export type Shortcut = keyof typeof SHORTCUTS

/** Which shortcut a key event is, if any; by physical key, so a Mac's Option letters count too. */
export function shortcutOf(e: {
  altKey: boolean
  shiftKey: boolean
  ctrlKey: boolean
  metaKey: boolean
  code: string
  key: string
}): Shortcut | undefined {
  if (!e.altKey || !e.shiftKey || e.ctrlKey || e.metaKey) return undefined
  if (e.code === 'KeyN') return 'nextOpen'
  if (e.code === 'KeyF') return 'nextError'
  if (e.code === 'KeyD') return 'terms'
  if (e.key === 'Backspace') return 'clear'
  return undefined
}

function follows(from: Element | null, el: Element) {
  return (
    from !== null &&
    !el.contains(from) &&
    Boolean(from.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING)
  )
}

/** The first of `list` after `from` in the page, else the first of all (a wrap-around). */
function nextAfter<T extends Element>(list: readonly T[], from: Element | null): T | undefined {
  return list.find((el) => follows(from, el)) ?? list[0]
}

/** The first input of the next shown item in `open` after `from`, wrapping around; none when all are answered. */
export function nextOpenInput(
  root: ParentNode,
  open: ReadonlySet<string>,
  from: Element | null,
): HTMLElement | undefined {
  const items = [...root.querySelectorAll<HTMLElement>('[data-item-id]')].filter((el) =>
    open.has(el.dataset.itemId ?? ''),
  )
  return nextAfter(items, from)?.querySelector<HTMLElement>(FOCUSABLE) ?? undefined
}

/** The input each shown error message is about, in page order, one per message. */
export function errorInputs(root: ParentNode): HTMLElement[] {
  const out: HTMLElement[] = []
  for (const message of root.querySelectorAll<HTMLElement>('.field-error[id^="error-"]')) {
    const byId = document.getElementById(`input-${message.id.slice('error-'.length)}`)
    const input =
      byId ?? message.parentElement?.querySelector<HTMLElement>(`[aria-invalid="true"]`) ?? null
    if (input && !out.includes(input)) out.push(input)
  }
  return out
}

/** The next input with an error after `from` (not another option of the same group), wrapping around. */
export function nextErrorInput(root: ParentNode, from: Element | null): HTMLElement | undefined {
  const name = (from as HTMLInputElement | null)?.name
  const inputs = errorInputs(root).filter(
    (el) => el !== from && !(name && (el as HTMLInputElement).name === name),
  )
  return nextAfter(inputs, from)
}

/** Focuses `el` and brings it into view (below the sticky toolbar, by the page's scroll padding). */
export function focusInput(el: HTMLElement) {
  el.focus({ preventScroll: true })
  el.scrollIntoView?.({ block: 'nearest' })
}
