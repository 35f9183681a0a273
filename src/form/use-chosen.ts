import { useFormValue } from './use-form-value'

function codesOf(value: unknown): readonly string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string')
  return typeof value === 'string' ? [value] : []
}

function sameCodes(a: readonly string[], b: readonly string[]) {
  return a.length === b.length && a.every((code, i) => code === b[i])
}

/**
 * The option codes chosen at `name` (one choice or a list), following every change: a click, a
 * clear, a reset. The "namely" inputs and conditional items need only this.
 */
export function useChosen(name: string): readonly string[] {
  return useFormValue(name, codesOf, sameCodes)
}
