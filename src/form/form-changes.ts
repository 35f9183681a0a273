import { createContext, useCallback, useContext, useEffect, type RefObject } from 'react'
import { useFormContext, type FieldPath, type SetValueConfig } from 'react-hook-form'
import type { FormValues } from './model/form-values'

/**
 * That the answers in a form changed, for what follows the whole form: the progress and the
 * autosave. Each reads the values itself when it runs, after a pause.
 *
 * Why not react-hook-form's `subscribe({ formState: { values: true } })`: a subscriber to every
 * field's value makes react-hook-form copy all the form's values on each keystroke and click, for
 * a callback that does not read them: work that grows with the instrument (about 1.5 ms a key at
 * 512 items on a slow phone). Subscriptions to one field's value (`useFormValue`) copy only when
 * that field changes, and stay.
 *
 * Where a change comes from: an input's `input` event (every key, click, paste and autofill in
 * the form: `useInputChanges`), or the form writing an answer itself (`useSetAnswer`: clearing
 * an answer, "all other items: Norm"). A write that changes no answer (a date written again in a
 * new language) uses react-hook-form's `setValue` and says nothing.
 */
export class FormChanges {
  private readonly listeners = new Set<() => void>()

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  changed(): void {
    for (const listener of [...this.listeners]) listener()
  }
}

export const FormChangesContext = createContext<FormChanges | null>(null)

export function useFormChanges(): FormChanges {
  const changes = useContext(FormChangesContext)
  if (!changes) throw new Error('useFormChanges outside an assessment form')
  return changes
}

/**
 * Tells `changes` of every `input` event in the element `ref` points to. Listened for on the
 * document, where the event arrives after React's own listener on the app's root (React 17 and
 * later): react-hook-form has taken the new value by then.
 */
export function useInputChanges(changes: FormChanges, ref: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const onInput = (e: Event) => {
      if (e.target instanceof Node && ref.current?.contains(e.target)) changes.changed()
    }
    document.addEventListener('input', onInput)
    return () => document.removeEventListener('input', onInput)
  }, [changes, ref])
}

/** react-hook-form's `setValue` for an answer the form sets itself, which then counts as a change. */
export function useSetAnswer(): (
  name: FieldPath<FormValues>,
  value: unknown,
  options?: SetValueConfig,
) => void {
  const { setValue } = useFormContext<FormValues>()
  const changes = useFormChanges()
  return useCallback(
    (name, value, options) => {
      setValue(name, value as never, options)
      changes.changed()
    },
    [setValue, changes],
  )
}
