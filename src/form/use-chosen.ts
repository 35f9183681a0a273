import { useEffect, useState } from 'react'
import { get, useFormContext } from 'react-hook-form'
import type { FormValues } from './model/form-values'

function codesOf(value: unknown): readonly string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string')
  return typeof value === 'string' ? [value] : []
}

function sameCodes(a: readonly string[], b: readonly string[]) {
  return a.length === b.length && a.every((code, i) => code === b[i])
}

/**
 * The option codes chosen at `name` (one choice or a list), following every change: a click, a
 * clear, a reset. react-hook-form's `useWatch` does the same with a layout effect, a clean-up
 * pass over the whole form after every render and a handful of refs per use; the "namely"
 * inputs and conditional items need only this, and subscribe after the first paint.
 */
export function useChosen(name: string): readonly string[] {
  const { getValues, subscribe } = useFormContext<FormValues>()
  const [chosen, setChosen] = useState(() => codesOf(getValues(name as never)))
  useEffect(() => {
    const follow = (value: unknown) => {
      const next = codesOf(value)
      setChosen((current) => (sameCodes(current, next) ? current : next))
    }
    // A change between the first render and this subscription.
    follow(getValues(name as never))
    return subscribe({
      name: name as never,
      exact: true,
      formState: { values: true },
      callback: ({ values }) => follow(get(values, name)),
    })
  }, [name, getValues, subscribe])
  return chosen
}
