import { useId, useState } from 'react'
import type { Term } from '../../core/instrument/meta-schema'
import { useFormText } from './form-text'

function TermToggle({ term }: { term: Term }) {
  const { t, l } = useFormText()
  const [open, setOpen] = useState(false)
  const id = useId()
  return (
    <>
      <button
        type="button"
        className="term"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((o) => !o)}
      >
        {l(term.term)}
      </button>
      <span id={id} role="note" className="term-definition" hidden={!open}>
        {open && (
          <>
            <strong>{l(term.term)}</strong>: {l(term.definition)}
            {term.icf && <> ({t('form.icf', { codes: term.icf.join(', ') })})</>}
          </>
        )}
      </span>
    </>
  )
}

/** The shared-vocabulary terms an item references; each opens its definition in place. */
export function TermList({ terms }: { terms: readonly Term[] }) {
  const { t } = useFormText()
  if (!terms.length) return null
  return (
    <div className="terms">
      <span className="terms-label">{t('form.terms')}</span>
      {terms.map((term) => (
        <TermToggle key={term.id} term={term} />
      ))}
    </div>
  )
}
