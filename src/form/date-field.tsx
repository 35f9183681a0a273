import type { FocusEvent, ReactNode } from 'react'
import type { UseFormRegisterReturn } from 'react-hook-form'
import { useText } from '../i18n/text'
import { dateTextIn } from './model/date-text'

export interface DateFieldProps {
  id: string
  label: string
  registered: UseFormRegisterReturn
  required?: boolean
  invalid?: boolean
  /** Ids of further descriptions (the item's keys, the error), read after the format hint. */
  describedBy?: string
  /** The error below the input, if any. */
  children?: ReactNode
}

/**
 * A date typed day first in the app's language, whatever the browser's: a native date input shows
 * the browser's order, mm/dd/yyyy in a Dutch form in an American browser. Leaving the field writes
 * a date it reads in the language's form ("5-3-2027" → "05-03-2027"), so the user sees how it
 * was read; anything else stays as typed, with its error.
 */
export function DateField({
  id,
  label,
  registered,
  required,
  invalid,
  describedBy,
  children,
}: DateFieldProps) {
  const { t, lang } = useText()
  const hintId = `${id}-hint`
  const onBlur = (e: FocusEvent<HTMLInputElement>) => {
    // react-hook-form reads the input itself when it is left: the rewritten text is what it keeps.
    const shown = dateTextIn(e.target.value, lang)
    if (shown !== e.target.value) e.target.value = shown
    return registered.onBlur(e)
  }
  return (
    <div className="date-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        // Not inputMode="numeric": a phone's number pad has no "-" or "/" to write a date with.
        autoComplete="off"
        required={required}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy ? `${hintId} ${describedBy}` : hintId}
        {...registered}
        onBlur={onBlur}
      />
      <span id={hintId} className="hint">
        {t('form.dateFormat')}
      </span>
      {children}
    </div>
  )
}
