/**
 * Mulberry32, a small seeded pseudo-random generator (Tommy Ettinger's 32-bit state mixer): the
 * same seed always gives the same sequence, on every JavaScript engine. Not for cryptography.
 * Returns a function yielding numbers in [0, 1).
 *
 * @example
 * const random = mulberry32(42)
 * random() // 0.6011037519201636, then 0.44829055899754167, …
 */
export function mulberry32(seed: number): () => number {
  let state = seed | 0
  return () => {
    state = (state + 0x6d2b79f5) | 0
    let t = Math.imul(state ^ (state >>> 15), state | 1)
    t = (t + Math.imul(t ^ (t >>> 7), t | 61)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
