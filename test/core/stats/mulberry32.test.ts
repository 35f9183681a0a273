import { describe, expect, it } from 'vitest'
import { mulberry32 } from '../../../src/core/stats/mulberry32'

const take = (random: () => number, n: number) => Array.from({ length: n }, () => random())

describe('mulberry32', () => {
  it('gives the same sequence for the same seed', () => {
    expect(take(mulberry32(7), 100)).toEqual(take(mulberry32(7), 100))
  })

  it('keeps the reference sequence of the common JavaScript mulberry32', () => {
    expect(take(mulberry32(1), 2)).toEqual([0.6270739405881613, 0.002735721180215478])
    expect(take(mulberry32(42), 3)).toEqual([
      0.6011037519201636, 0.44829055899754167, 0.8524657934904099,
    ])
  })

  it('gives different sequences for different seeds', () => {
    expect(take(mulberry32(1), 10)).not.toEqual(take(mulberry32(2), 10))
  })

  it('stays in [0, 1) and spreads evenly over it', () => {
    const values = take(mulberry32(2024), 20000)
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true)
    const mean = values.reduce((a, b) => a + b, 0) / values.length
    expect(mean).toBeGreaterThan(0.49)
    expect(mean).toBeLessThan(0.51)
    const deciles = new Array<number>(10).fill(0)
    for (const v of values) deciles[Math.floor(v * 10)] = (deciles[Math.floor(v * 10)] ?? 0) + 1
    for (const d of deciles) expect(d).toBeGreaterThan(1800)
  })
})
