/** What the native inputs hold for one item: strings, radio values (null when none), checkbox arrays. */
export type ItemValues = {
  choice?: string | null
  choices?: string[] | false
  /** "namely" texts by option code (specifyKey) */
  [specify: `s-${string}`]: string | undefined
  value?: string
  text?: string
  /** The date as typed, day first ("5-3-2027"); read into `YYYY-MM-DD` by `toAnswer`. */
  date?: string
  level?: string | null
  /** capacity quantities by quantity id (quantityKey) */
  [quantity: `q-${string}`]: string | undefined
  possible?: string
  conditions?: string
}

/**
 * An id as one segment of an input name. react-hook-form reads "." and "[" as nesting and a number
 * as an array index, and item ids contain dots (FML "IV.13"): letters, digits and "-" stay, every
 * other character becomes "_<hex>_", after a letter that says what the id names.
 * @example nameSegment('i', 'IV.13') // → "i-IV_2e_13"
 */
export function nameSegment(kind: 'i' | 's' | 'q', id: string): string {
  return `${kind}-${id.replace(/[^A-Za-z0-9-]/g, (c) => `_${(c.codePointAt(0) as number).toString(16)}_`)}`
}

/** The input of an option's "namely" text, by the option's code. */
export const specifyKey = (code: string) => nameSegment('s', code) as `s-${string}`
/** The input of a capacity quantity, by the quantity's id. */
export const quantityKey = (id: string) => nameSegment('q', id) as `q-${string}`

/** The "namely" input an issue at `['specify', code]` points at. */
export function specifyInputAt(path: readonly PropertyKey[]): string | undefined {
  const [first, second] = path
  return first === 'specify' && typeof second === 'string' ? specifyKey(second) : undefined
}

export function trimmedOrUndefined(s: string | undefined) {
  return s && s.trim() !== '' ? s : undefined
}

/** Empty input stays unanswered; "1,5" (Dutch decimal comma) reads as 1.5. */
export function parseNumber(s: string | undefined): number | undefined {
  if (s === undefined || s.trim() === '') return undefined
  const n = Number(s.trim().replace(',', '.'))
  return Number.isNaN(n) ? Number.NaN : n
}

/** A number as the user types it: a decimal comma in Dutch. */
export function formatNumber(n: number, lang: 'nl' | 'en'): string {
  return lang === 'nl' ? String(n).replace('.', ',') : String(n)
}
