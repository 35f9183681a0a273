import { Fragment, useId, useState } from 'react'
import type { Term } from '../core/instrument/meta-schema'
import { useText } from '../i18n/text'
import { SHORTCUTS } from './model/keyboard-travel'

/**
 * The shared-vocabulary terms an item references; each opens its definition in place. One
 * component per item, and a definition exists in the page only while it is open: most of a
 * form's hundred-odd terms are never opened.
 */
export function TermList({ terms }: { terms: readonly Term[] }) {
  const { t, l } = useText()
  const [open, setOpen] = useState<ReadonlySet<string>>(() => new Set())
  const base = useId()
  const toggle = (id: string) =>
    setOpen((before) => {
      const next = new Set(before)
      if (!next.delete(id)) next.add(id)
      return next
    })
  return (
    <div className="terms">
      <span className="terms-label">{t('form.terms')}</span>
      {terms.map((term) => {
        const expanded = open.has(term.id)
        const id = `${base}-${term.id}`
        return (
          <Fragment key={term.id}>
            <button
              type="button"
              className="term"
              // Out of the tab path: the item's key opens them (see the form's item-keys hint).
              tabIndex={-1}
              aria-keyshortcuts={SHORTCUTS.terms}
              aria-expanded={expanded}
              aria-controls={expanded ? id : undefined}
              onClick={() => toggle(term.id)}
            >
              {l(term.term)}
            </button>
            {expanded && (
              <span id={id} role="note" className="term-definition">
                <strong>{l(term.term)}</strong>: {l(term.definition)}
                {term.icf && <> ({t('form.icf', { codes: term.icf.join(', ') })})</>}
              </span>
            )}
          </Fragment>
        )
      })}
    </div>
  )
}
