/** Scrolls an item into view and puts focus on its first input. */
export function focusItem(itemId: string) {
  const el = document.querySelector<HTMLElement>(
    `[data-item-id="${CSS.escape(itemId)}"] :is(input, textarea, select)`,
  )
  el?.scrollIntoView({ block: 'center' })
  el?.focus()
}
