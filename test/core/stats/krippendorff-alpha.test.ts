import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  alphaFromCoincidences,
  coincidenceMatrix,
  coincidencesOfPairs,
  krippendorffAlpha,
} from '../../../src/core/stats/krippendorff-alpha'

const _ = null
// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability": 4 coders × 12 units, values
// 1–5 with gaps. Published: nominal 0.743, ordinal 0.815, interval 0.849; n.. = 40 pairable values.
const CODERS = [
  [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
  [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
]
const UNITS = (CODERS[0] as (number | null)[]).map((_, u) =>
  CODERS.map((coder) => coder[u] ?? null),
)
const SCALE = [1, 2, 3, 4, 5]

describe('krippendorffAlpha', () => {
  it("reproduces Krippendorff's published alphas on the reference data with gaps", () => {
    const nominal = krippendorffAlpha(UNITS, SCALE, 'nominal')
    expect(nominal.pairable).toBe(40)
    expect(nominal.alpha).toBeCloseTo(0.743, 3)
    expect(krippendorffAlpha(UNITS, SCALE, 'ordinal').alpha).toBeCloseTo(0.815, 3)
    expect(krippendorffAlpha(UNITS, SCALE, 'interval').alpha).toBeCloseTo(0.849, 3)
  })

  it('gives the exact nominal and interval values of the reference data', () => {
    // Computed here to full precision: nominal 0.74342…, interval 0.84911… (ordinal 0.81539…).
    expect(krippendorffAlpha(UNITS, SCALE, 'nominal').alpha).toBeCloseTo(0.7434210526, 9)
    expect(krippendorffAlpha(UNITS, SCALE, 'interval').alpha).toBeCloseTo(0.8491071429, 9)
  })

  it('ignores units with fewer than two values (unit 12 has one)', () => {
    for (const metric of ['nominal', 'ordinal', 'interval'] as const)
      expect(krippendorffAlpha(UNITS.slice(0, 11), SCALE, metric)).toEqual(
        krippendorffAlpha(UNITS, SCALE, metric),
      )
  })

  it('gives null when there are no pairable values or no variation', () => {
    expect(
      krippendorffAlpha(
        [
          [1, _],
          [_, 2],
        ],
        SCALE,
        'ordinal',
      ),
    ).toEqual({ alpha: null, pairable: 0 })
    expect(
      krippendorffAlpha(
        [
          [3, 3],
          [3, 3, 3],
        ],
        SCALE,
        'interval',
      ),
    ).toEqual({
      alpha: null,
      pairable: 5,
    })
  })

  it('gives 1 for perfect agreement with variation, whatever the metric', () => {
    for (const metric of ['nominal', 'ordinal', 'interval'] as const)
      expect(
        krippendorffAlpha(
          [
            [1, 1],
            [4, 4, 4],
            [2, _, 2],
          ],
          SCALE,
          metric,
        ).alpha,
      ).toBeCloseTo(1, 12)
  })

  it('throws RangeError for a value not on the scale', () => {
    expect(() => krippendorffAlpha([[1, 6]], SCALE, 'nominal')).toThrow(RangeError)
  })

  it('does not depend on the order of the coders within a unit or of the units', () => {
    const units = fc.array(
      fc.array(fc.option(fc.constantFrom(...SCALE), { nil: null }), { minLength: 2, maxLength: 4 }),
      { minLength: 1, maxLength: 15 },
    )
    fc.assert(
      fc.property(
        units,
        fc.constantFrom('nominal', 'ordinal', 'interval' as const),
        (us, metric) => {
          const a = krippendorffAlpha(us, SCALE, metric)
          const b = krippendorffAlpha(us.map((u) => [...u].reverse()).reverse(), SCALE, metric)
          expect(b.pairable).toBeCloseTo(a.pairable, 9)
          if (a.alpha === null) expect(b.alpha).toBeNull()
          else expect(b.alpha).toBeCloseTo(a.alpha, 9)
        },
      ),
    )
  })
})

describe('coincidenceMatrix', () => {
  it('counts each ordered pair of values within a unit with weight 1/(m_u − 1)', () => {
    // Unit (1, 1, 2): pairs 1–1 twice, 1–2 twice, 2–1 twice, over m_u − 1 = 2.
    expect(coincidenceMatrix([[1, 1, 2]], [1, 2])).toEqual([
      [1, 1],
      [1, 0],
    ])
  })

  it('keeps a row and column for a declared value nobody used', () => {
    expect(coincidenceMatrix([[0, 2]], [0, 1, 2])).toEqual([
      [0, 0, 1],
      [0, 0, 0],
      [1, 0, 0],
    ])
  })
})

describe('coincidencesOfPairs', () => {
  it('is the table plus its transpose, equal to the matrix of the pairs as units', () => {
    const table = [
      [1, 2],
      [0, 3],
    ]
    expect(coincidencesOfPairs(table)).toEqual([
      [2, 2],
      [2, 6],
    ])
    const units = [
      [0, 0],
      [0, 1],
      [0, 1],
      [1, 1],
      [1, 1],
      [1, 1],
    ]
    expect(coincidenceMatrix(units, [0, 1])).toEqual(coincidencesOfPairs(table))
  })
})

describe('alphaFromCoincidences', () => {
  it('gives 1 − (n − 1)·Σo_ckδ²/Σn_cn_kδ² (nominal: 1 − 11·4/64)', () => {
    expect(
      alphaFromCoincidences(
        [
          [2, 2],
          [2, 6],
        ],
        'nominal',
      ),
    ).toEqual({ alpha: 0.3125, pairable: 12 })
  })

  it('gives null for fewer than two values', () => {
    expect(
      alphaFromCoincidences(
        [
          [0, 0],
          [0, 0],
        ],
        'ordinal',
      ),
    ).toEqual({ alpha: null, pairable: 0 })
  })
})
