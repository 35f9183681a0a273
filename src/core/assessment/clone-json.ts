/**
 * A deep copy of JSON data (what an assessment is): objects, arrays, strings, numbers, booleans
 * and null. For the many small objects of an assessment it is several times faster than
 * structuredClone, whose fixed cost per call dominates there (a migration copies every answer).
 */
export function cloneJson<T>(value: T): T {
  if (typeof value !== 'object' || value === null) return value
  if (Array.isArray(value)) return value.map(cloneJson) as T
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(value)) {
    const copy = cloneJson((value as Record<string, unknown>)[key])
    // JSON.parse makes "__proto__" an own key; assigning it would set the copy's prototype
    // instead (and drop the key), so it is defined as JSON.parse defines it.
    if (key === '__proto__')
      Object.defineProperty(out, key, {
        value: copy,
        writable: true,
        enumerable: true,
        configurable: true,
      })
    else out[key] = copy
  }
  return out as T
}
