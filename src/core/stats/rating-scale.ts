/**
 * Position lookup on a declared ordinal scale: the caller's ordered categories, e.g. [0, 1, 2, 3],
 * whether or not every category occurs in the data.
 *
 * @example
 * const positionOf = scalePositions([0, 1, 2, 3])
 * positionOf(2) // 2
 * positionOf(7) // -1
 */
export function scalePositions(categories: readonly number[]): (value: number) => number {
  const positions = new Map<number, number>()
  categories.forEach((category, i) => {
    if (!Number.isFinite(category))
      throw new RangeError(`scale: category ${category} is not a finite number`)
    if (positions.has(category)) throw new RangeError(`scale: category ${category} listed twice`)
    positions.set(category, i)
  })
  const integers = categories.every(Number.isInteger)
  const min = Math.min(...categories)
  const max = Math.max(...categories)
  // Integer scales (every BAR and FML scale) get an array lookup: no hashing in the hot loops.
  if (categories.length > 0 && integers && max - min < 4096) {
    const lookup = new Int32Array(max - min + 1).fill(-1)
    categories.forEach((category, i) => (lookup[category - min] = i))
    return (value) => (Number.isInteger(value) ? (lookup[value - min] ?? -1) : -1)
  }
  return (value) => positions.get(value) ?? -1
}

/** A key that is equal for two scales exactly when they list the same categories in the same order. */
export function scaleKey(categories: readonly number[]): string {
  return categories.join(',')
}
