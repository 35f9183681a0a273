import { useId, useRef, useState, type FormEvent } from 'react'
import { useText } from '../../i18n/text'
import { storageMessageKey } from '../../storage/storage-error'
import { MIN_PASSPHRASE_LENGTH, type PassphraseProblem } from './passphrase-check'

export interface PassphraseFieldSpec {
  name: string
  label: string
  autoComplete: 'current-password' | 'new-password'
  hint?: string
  /** Checked on submit, with every value of the form. */
  check: (value: string, values: Record<string, string>) => PassphraseProblem | undefined
}

/**
 * A form of passphrase fields: checks them on submit, puts each problem at its field (and focus on
 * the first), and says what failed. A wrong passphrase is said at `wrongField`. Passphrases are
 * cleared from its state once the action succeeded.
 */
export function PassphraseForm({
  fields,
  submitLabel,
  busyLabel,
  wrongField,
  danger = false,
  describedBy,
  autoFocus = false,
  onSubmit,
}: {
  fields: readonly PassphraseFieldSpec[]
  submitLabel: string
  busyLabel: string
  wrongField: string
  danger?: boolean
  /** The id of a text (a warning) read with the first field. */
  describedBy?: string
  /** The first field has focus when the form appears (the unlock screen). */
  autoFocus?: boolean
  /** Runs the action; throws WrongPassphraseError for a passphrase that does not open the key. */
  onSubmit: (values: Record<string, string>) => Promise<void>
}) {
  const { t } = useText()
  const id = useId()
  const empty = () => Object.fromEntries(fields.map((f) => [f.name, '']))
  const [values, setValues] = useState<Record<string, string>>(empty)
  const [problems, setProblems] = useState<Record<string, PassphraseProblem>>({})
  const [failure, setFailure] = useState<unknown>()
  const [busy, setBusy] = useState(false)
  // A new key per refusal: the same message again is announced again.
  const [attempt, setAttempt] = useState(0)
  const inputs = useRef(new Map<string, HTMLInputElement>())

  const focus = (name: string) => {
    const input = inputs.current.get(name)
    input?.focus()
    input?.select()
  }

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    if (busy) return
    const found: Record<string, PassphraseProblem> = {}
    for (const f of fields) {
      const problem = f.check(values[f.name] ?? '', values)
      if (problem) found[f.name] = problem
    }
    setProblems(found)
    setFailure(undefined)
    setAttempt((n) => n + 1)
    const first = fields.find((f) => found[f.name])
    if (first) return focus(first.name)
    setBusy(true)
    try {
      await onSubmit(values)
      setValues(empty())
    } catch (error) {
      if ((error as { name?: unknown } | null)?.name === 'WrongPassphraseError') {
        setProblems({ [wrongField]: 'wrong' })
        focus(wrongField)
      } else setFailure(error)
    } finally {
      setBusy(false)
    }
  }

  const failureText = (error: unknown) =>
    (error as { name?: unknown } | null)?.name === 'EncryptionChangedError'
      ? t('encryption.errors.changed')
      : t(storageMessageKey(error), { reason: String(error) })

  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="passphrase-form">
      {fields.map((f, i) => {
        const problem = problems[f.name]
        const hintId = f.hint ? `${id}-${f.name}-hint` : undefined
        const errorId = problem ? `${id}-${f.name}-error` : undefined
        const described = [i === 0 ? describedBy : undefined, hintId, errorId].filter(Boolean)
        return (
          <div key={f.name} className="passphrase-field">
            <label htmlFor={`${id}-${f.name}`}>{f.label}</label>
            <input
              id={`${id}-${f.name}`}
              ref={(el) => {
                if (el) inputs.current.set(f.name, el)
                else inputs.current.delete(f.name)
              }}
              type="password"
              autoFocus={autoFocus && i === 0}
              autoComplete={f.autoComplete}
              spellCheck={false}
              autoCapitalize="none"
              value={values[f.name] ?? ''}
              onChange={(e) => setValues((v) => ({ ...v, [f.name]: e.target.value }))}
              aria-invalid={problem ? true : undefined}
              aria-describedby={described.length ? described.join(' ') : undefined}
            />
            {f.hint && (
              <p id={hintId} className="hint">
                {f.hint}
              </p>
            )}
            {problem && (
              <p id={errorId} key={attempt} className="field-error" role="alert">
                {t(`encryption.errors.${problem}`, { min: MIN_PASSPHRASE_LENGTH })}
              </p>
            )}
          </div>
        )
      })}
      {failure !== undefined && (
        <p role="alert" className="problems">
          {failureText(failure)}
        </p>
      )}
      <p role="status" className="hint">
        {busy ? busyLabel : ''}
      </p>
      <button type="submit" className={danger ? 'danger' : 'primary'}>
        {submitLabel}
      </button>
    </form>
  )
}
