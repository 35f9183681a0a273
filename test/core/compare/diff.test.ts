import { describe, expect, it } from 'vitest'
import type { Answers } from '../../../src/core/assessment/assessment-schema'
import type { DiffRow } from '../../../src/core/compare/diff'
import {
  compareAnswers,
  diffSameInstrument,
  kappaByScale,
  rankOf,
  scaleOf,
  summarize,
} from '../../../src/core/compare/diff'
import { itemIndex } from '../../../src/core/instrument/item-index'
import type { Item } from '../../../src/core/instrument/meta-schema'
import { cohenKappa, contingencyTable } from '../../../src/core/stats/kappa'
import { assessmentOf, many, one } from '../../helpers/assessments'
import { shippedPair } from '../../helpers/shipped-pair'

const { fml } = shippedPair()
const item = (id: string) => itemIndex(fml).items.get(id) as Item
const fmlWith = (answers: Answers) => assessmentOf(fml, answers)
const statuses = (rows: readonly DiffRow[]) => rows.map((r) => `${r.item} ${r.status}`)

describe('diffSameInstrument', () => {
  it('gives every status with direction, in instrument order, skipping items neither side answered', () => {
    const ba = fmlWith({
      'I.1': one('1'),
      'I.2': one('0'),
      'I.3': one('2'),
      'I.4': one('1'),
      'IV.1': one('1'),
      'IV.2': one('1'),
      'II.1': one('0'),
    })
    const va = fmlWith({
      'I.1': one('1'),
      'I.2': one('2'),
      'I.3': one('0'),
      'I.4': one('2'),
      'IV.1': one('2'),
      'IV.2': one('1'),
      'II.2': one('0'),
    })
    const d = diffSameInstrument({ instrument: fml, ba, va })
    expect(statuses(d.rows)).toEqual([
      'I.1 agree',
      'I.2 va-more-restrictive',
      'I.3 ba-more-restrictive',
      'I.4 differs',
      'II.1 only-ba',
      'II.2 only-va',
      'IV.1 differs',
      'IV.2 agree',
    ])
    expect(d.rows[0]).toEqual({
      item: 'I.1',
      section: 'I',
      ba: one('1'),
      va: one('1'),
      status: 'agree',
    })
  })

  it('returns no rows and an empty summary for two empty assessments', () => {
    const d = diffSameInstrument({ instrument: fml, ba: fmlWith({}), va: fmlWith({}) })
    expect(d.rows).toEqual([])
    expect(d.summary).toMatchObject({
      total: 0,
      compared: 0,
      openOneSide: 0,
      notComparable: 0,
      agreement: null,
      kappa: [],
    })
  })

  it('reads an unticked item of a complete or critical FML as Norm and compares it by rank', () => {
    for (const completeness of ['complete', 'critical'] as const) {
      const d = diffSameInstrument({
        instrument: fml,
        ba: fmlWith({ 'I.5': many('1'), 'V.5': one('0'), 'IV.1': one('1') }),
        va: fmlWith({}),
        context: { va: { completeness } },
      })
      expect(statuses(d.rows), completeness).toEqual(
        expect.arrayContaining(['I.5 ba-more-restrictive', 'V.5 agree', 'IV.1 only-ba']),
      )
      const i5 = d.rows.find((r) => r.item === 'I.5')
      expect(i5, completeness).toMatchObject({ va: many('0'), vaImplied: 'norm' })
      expect(i5?.baImplied).toBeUndefined()
      expect(d.summary.compared, completeness).toBeGreaterThanOrEqual(2)
    }
  })

  it('leaves an unticked item of an incomplete FML unassessed: "only BA", outside the agreement', () => {
    const d = diffSameInstrument({
      instrument: fml,
      ba: fmlWith({ 'I.5': many('1'), 'V.5': one('0') }),
      va: fmlWith({ 'I.1': one('0') }),
      context: { va: { completeness: 'incomplete' } },
    })
    expect(statuses(d.rows)).toEqual(['I.1 only-va', 'I.5 only-ba', 'V.5 only-ba'])
    expect(d.rows.every((r) => r.vaImplied === undefined)).toBe(true)
    expect(d.summary).toMatchObject({ compared: 0, openOneSide: 3, agreement: null })
  })

  it('makes a side that concludes no capacity more restrictive on every item the other side answered', () => {
    const d = diffSameInstrument({
      instrument: fml,
      ba: fmlWith({ 'I.1': one('2'), 'VI.2': one('3'), 'IV.1': one('1') }),
      va: fmlWith({}),
      context: { ba: { completeness: 'complete' }, va: { noCapacity: true } },
    })
    expect(statuses(d.rows)).toContain('I.1 va-more-restrictive')
    expect(statuses(d.rows)).toContain('VI.2 va-more-restrictive')
    expect(d.rows.find((r) => r.item === 'VI.2')).toMatchObject({
      va: null,
      vaImplied: 'no-capacity',
    })
    // An item without a scale cannot be more restrictive.
    expect(statuses(d.rows)).toContain('IV.1 only-ba')
    expect(d.rows.some((r) => r.status === 'only-ba' && r.item !== 'IV.1')).toBe(false)
  })

  it('agrees where both sides conclude no capacity', () => {
    const d = diffSameInstrument({
      instrument: fml,
      ba: fmlWith({}),
      va: fmlWith({}),
      context: { ba: { noCapacity: true }, va: { noCapacity: true } },
    })
    expect(d.rows.length).toBeGreaterThan(0)
    expect(d.rows.every((r) => r.status === 'agree')).toBe(true)
  })

  it('marks items one side cannot state as not comparable, with the reason, and counts them apart', () => {
    const reason = { nl: 'Niet af te leiden', en: 'Not derivable' }
    const d = diffSameInstrument({
      instrument: fml,
      ba: fmlWith({ 'I.1': one('1'), 'I.2': one('1') }),
      va: fmlWith({ 'I.1': one('1'), 'I.2': one('0'), 'I.3': one('1'), 'III.1': many('1') }),
      notComparable: { 'III.1': reason, 'III.2': reason },
    })
    expect(statuses(d.rows)).toEqual([
      'I.1 agree',
      'I.2 ba-more-restrictive',
      'I.3 only-va',
      'III.1 not-comparable',
      'III.2 not-comparable',
    ])
    expect(d.rows.find((r) => r.item === 'III.1')?.note).toEqual(reason)
    expect(d.summary).toMatchObject({
      total: 5,
      compared: 2,
      openOneSide: 1,
      notComparable: 2,
      agreement: 0.5,
    })
  })

  it('limits the rows to `only` and carries the derived sources and note', () => {
    const note = { nl: 'n', en: 'n' }
    const d = diffSameInstrument({
      instrument: fml,
      ba: fmlWith({ 'I.1': one('1'), 'I.2': one('1') }),
      va: fmlWith({ 'I.1': one('1'), 'I.2': one('1') }),
      only: new Set(['I.1']),
      derivedNotes: { 'I.1': { sources: ['mentaal.aandacht-vasthouden'], note } },
    })
    expect(d.rows).toEqual([
      {
        item: 'I.1',
        section: 'I',
        ba: one('1'),
        va: one('1'),
        status: 'agree',
        sources: ['mentaal.aandacht-vasthouden'],
        note,
      },
    ])
  })

  it('counts statuses overall and per rubriek, with agreement among items both answered', () => {
    const d = diffSameInstrument({
      instrument: fml,
      ba: fmlWith({ 'I.1': one('1'), 'I.2': one('0'), 'V.1': one('2'), 'VI.2': one('3') }),
      va: fmlWith({ 'I.1': one('1'), 'I.2': one('1'), 'V.1': one('2') }),
    })
    expect(d.summary.total).toBe(4)
    expect(d.summary.counts).toMatchObject({ agree: 2, 'va-more-restrictive': 1, 'only-ba': 1 })
    expect(d.summary.compared).toBe(3)
    expect(d.summary.agreement).toBeCloseTo(2 / 3)
    expect(d.summary.bySection.map((s) => [s.section, s.total, s.counts.agree])).toEqual([
      ['I', 2, 1],
      ['V', 1, 1],
      ['VI', 1, 0],
    ])
  })

  it('gives kappa per declared scale, from the ranks of the compared items', () => {
    const d = diffSameInstrument({
      instrument: fml,
      ba: fmlWith({ 'I.1': one('1'), 'I.2': one('0'), 'IV.13': one('2'), 'IV.1': one('1') }),
      va: fmlWith({ 'I.1': one('1'), 'I.2': one('2'), 'IV.13': one('1'), 'IV.1': one('1') }),
    })
    expect(d.summary.kappa.map((g) => [g.scale.join(''), g.items, g.pooled])).toEqual([
      ['012', 2, true],
      ['0123', 1, false],
    ])
  })
})

describe('compareAnswers', () => {
  it("makes a superset of the other side's conditions more restrictive (FML I.8, VI.1)", () => {
    expect(compareAnswers(item('I.8'), many('1', '4'), many('4'))).toBe('ba-more-restrictive')
    expect(compareAnswers(item('I.8'), many('4'), many('1', '4', '7'))).toBe('va-more-restrictive')
    expect(compareAnswers(item('VI.1'), many('1', '2'), many('2'))).toBe('ba-more-restrictive')
  })

  it('gives "differs" for other conditions of the same rank, and "agree" for the same in any order', () => {
    expect(compareAnswers(item('I.8'), many('1', '2'), many('2', '3'))).toBe('differs')
    expect(compareAnswers(item('I.8'), many('2', '1'), many('1', '2'))).toBe('agree')
  })

  it('compares by rank first: a limitation is more restrictive than the Norm', () => {
    expect(compareAnswers(item('III.1'), many('0'), many('1'))).toBe('va-more-restrictive')
    expect(compareAnswers(item('IV.13'), one('3'), one('1'))).toBe('ba-more-restrictive')
  })

  it('gives "differs" for two options of one rank, and for unranked options', () => {
    expect(compareAnswers(item('I.4'), one('1'), one('2'))).toBe('differs')
    expect(compareAnswers(item('IV.1'), one('1'), one('2'))).toBe('differs')
    expect(compareAnswers(item('IV.1'), one('1'), one('1'))).toBe('agree')
  })

  it('compares other answers by value', () => {
    const date = item('voorblad.opgesteld-op')
    expect(
      compareAnswers(
        date,
        { kind: 'date', date: '2026-01-01' },
        { kind: 'date', date: '2026-01-01' },
      ),
    ).toBe('agree')
    expect(
      compareAnswers(
        date,
        { kind: 'date', date: '2026-01-01' },
        { kind: 'date', date: '2026-01-02' },
      ),
    ).toBe('differs')
  })
})

describe('rankOf', () => {
  it('gives the rank of a choice, the highest of several, and nothing without an answer or ranks', () => {
    expect(rankOf(item('IV.13'), one('2'))).toBe(2)
    expect(rankOf(item('I.8'), many('1', '4'))).toBe(1)
    expect(rankOf(item('I.8'), many('0'))).toBe(0)
    expect(rankOf(item('IV.13'), null)).toBeUndefined()
    expect(rankOf(item('IV.1'), one('1'))).toBeUndefined()
  })
})

describe('scaleOf', () => {
  it('gives the distinct declared ranks, not the ranks that happen to occur', () => {
    expect(scaleOf(item('I.4'))).toEqual([0, 1])
    expect(scaleOf(item('VI.2'))).toEqual([0, 1, 2, 3, 4])
    expect(scaleOf(item('I.8'))).toEqual([0, 1])
    expect(scaleOf(item('IV.1'))).toBeUndefined()
  })
})

describe('kappaByScale', () => {
  it('groups pairs by declared scale, pooled only across items of the same scale', () => {
    const groups = kappaByScale([
      { scale: [0, 1, 2], ba: 0, va: 0 },
      { scale: [0, 1, 2, 3, 4], ba: 4, va: 3 },
      { scale: [0, 1, 2], ba: 2, va: 1 },
      { scale: [0, 1, 2], ba: 1, va: 1 },
    ])
    expect(groups.map((g) => [g.scale, g.items, g.pooled])).toEqual([
      [[0, 1, 2], 3, true],
      [[0, 1, 2, 3, 4], 1, false],
    ])
  })

  it("gives the linear and quadratic kappa of the declared scale's table, with a 95% interval", () => {
    const pairs: [number, number][] = [
      [0, 0],
      [1, 1],
      [2, 1],
      [2, 2],
      [0, 1],
    ]
    const [g] = kappaByScale(pairs.map(([ba, va]) => ({ scale: [0, 1, 2, 3], ba, va })))
    const table = contingencyTable(pairs, [0, 1, 2, 3])
    expect(g?.linear).toEqual(cohenKappa(table, 'linear'))
    expect(g?.quadratic).toEqual(cohenKappa(table, 'quadratic'))
    expect(g?.linear.ci95?.[0]).toBeLessThan(g?.linear.kappa ?? NaN)
    expect(g?.linear.kappa).not.toEqual(
      cohenKappa(contingencyTable(pairs, [0, 1, 2]), 'linear').kappa,
    )
  })

  it('gives kappa null, not 0, where it is undefined: every pair in one category', () => {
    const [g] = kappaByScale([
      { scale: [0, 1, 2], ba: 0, va: 0 },
      { scale: [0, 1, 2], ba: 0, va: 0 },
    ])
    expect(g?.linear).toEqual({ kappa: null, se: null, ci95: null, n: 2 })
    expect(g?.quadratic.kappa).toBeNull()
  })

  it('gives no groups without pairs', () => {
    expect(kappaByScale([])).toEqual([])
  })
})

describe('summarize', () => {
  const row = (status: DiffRow['status'], section = 'I'): DiffRow => ({
    item: `${section}.${status}`,
    section,
    ba: null,
    va: null,
    status,
  })

  it('counts compared, one-side-open and not-comparable items apart; agreement over the compared only', () => {
    const s = summarize(
      [
        row('agree'),
        row('agree'),
        row('ba-more-restrictive'),
        row('differs', 'II'),
        row('only-ba', 'II'),
        row('only-va'),
        row('not-comparable', 'III'),
      ],
      [],
    )
    expect(s).toMatchObject({ total: 7, compared: 4, openOneSide: 2, notComparable: 1 })
    expect(s.agreement).toBe(0.5)
    expect(s.bySection.map((b) => [b.section, b.total])).toEqual([
      ['I', 4],
      ['II', 2],
      ['III', 1],
    ])
  })

  it('gives no agreement figure when nothing was compared', () => {
    const s = summarize([row('only-ba'), row('not-comparable')], [])
    expect(s.agreement).toBeNull()
    expect(s.compared).toBe(0)
  })
})
