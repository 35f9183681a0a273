import { useEffect, useState } from 'react'
import { get, useFormContext } from 'react-hook-form'
import type { FormValues } from './model/form-values'

/**
 * What `select` makes of the value at `name`, following every change (a keystroke, a click, a
 * clear, a reset); the component renders again only when that result changes (by `same`), so a
 * keystroke that leaves it as it was costs no render. react-hook-form's `useWatch` renders on
 * every change of the value, with a layout effect, a clean-up pass over the whole form after every
 * render and a handful of refs per use; this subscribes after the first paint.
 * `select` and `same` are module-level functions: new ones on each render would subscribe anew.
 */
export function useFormValue<T>(
  name: string,
  select: (value: unknown) => T,
  same: (a: T, b: T) => boolean = Object.is,
): T {
  const { getValues, subscribe } = useFormContext<FormValues>()
  const [selected, setSelected] = useState(() => select(getValues(name as never)))
  useEffect(() => {
    const follow = (value: unknown) => {
      const next = select(value)
      setSelected((current) => (same(current, next) ? current : next))
    }
    // A change between the first render and this subscription.
    follow(getValues(name as never))
    return subscribe({
      name: name as never,
      exact: true,
      formState: { values: true },
      callback: ({ values }) => follow(get(values, name)),
    })
  }, [name, select, same, getValues, subscribe])
  return selected
}
