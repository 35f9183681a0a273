import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Assessment } from '../../../src/core/assessment/assessment-schema'
import { compareAssessments } from '../../../src/core/compare/compare'
import { diffSameInstrument, weightedKappa } from '../../../src/core/compare/diff'
import { readJson, root } from '../../helpers/files'
import { shipped, shippedCatalogue } from '../../helpers/instruments'

const fml = shipped('fml')
const bar = shipped('bar')
const example = (file: string) => readJson(join(root, 'public/examples', file)) as Assessment

function fmlWith(answers: Assessment['answers']): Assessment {
  return { ...example('fml-example.json'), answers }
}

const one = (choice: string) => ({ kind: 'single' as const, choice })

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
    expect(d.rows.map((r) => `${r.item} ${r.status}`)).toEqual([
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
    expect(d.summary).toMatchObject({ total: 0, agreement: null, weightedKappa: null })
  })

  it('counts statuses overall and per rubriek, with agreement among items both answered', () => {
    const d = diffSameInstrument({
      instrument: fml,
      ba: fmlWith({ 'I.1': one('1'), 'I.2': one('0'), 'V.1': one('2'), 'VI.2': one('3') }),
      va: fmlWith({ 'I.1': one('1'), 'I.2': one('1'), 'V.1': one('2') }),
    })
    expect(d.summary.total).toBe(4)
    expect(d.summary.counts).toMatchObject({ agree: 2, 'va-more-restrictive': 1, 'only-ba': 1 })
    expect(d.summary.agreement).toBeCloseTo(2 / 3)
    expect(d.summary.bySection.map((s) => [s.section, s.total, s.counts.agree])).toEqual([
      ['I', 2, 1],
      ['V', 1, 1],
      ['VI', 1, 0],
    ])
  })

  it('compares multiple choices by their highest rank, and the same rank with other choices as differs', () => {
    const d = diffSameInstrument({
      instrument: fml,
      ba: fmlWith({
        'I.8': { kind: 'multiple', choices: ['1', '4'] },
        'III.1': { kind: 'multiple', choices: ['0'] },
      }),
      va: fmlWith({
        'I.8': { kind: 'multiple', choices: ['4'] },
        'III.1': { kind: 'multiple', choices: ['1'] },
      }),
    })
    expect(d.rows.map((r) => r.status)).toEqual(['differs', 'va-more-restrictive'])
  })
})

describe('weightedKappa', () => {
  it('is 1 for perfect agreement and 0 when agreement is what chance gives', () => {
    expect(
      weightedKappa([
        [0, 0],
        [1, 1],
        [2, 2],
      ]),
    ).toBe(1)
    expect(
      weightedKappa([
        [0, 0],
        [0, 1],
        [1, 0],
        [1, 1],
      ]),
    ).toBeCloseTo(0)
  })

  it('matches a hand computation with linear weights', () => {
    // k = 2; observed disagreement = (0 + 0.5 + 0.5 + 0) / 4 = 0.25;
    // BA marginals [2,1,1], VA marginals [1,1,2]: expected = Σ r_i c_j |i-j| / (2 n²) = 8 / 16 = 0.5
    expect(
      weightedKappa([
        [0, 0],
        [0, 1],
        [1, 2],
        [2, 2],
      ]),
    ).toBeCloseTo(1 - 0.25 / 0.5)
  })

  it('is undefined without pairs or without any spread', () => {
    expect(weightedKappa([])).toBeNull()
    expect(
      weightedKappa([
        [0, 0],
        [0, 0],
      ]),
    ).toBeNull()
  })
})

describe('compareAssessments', () => {
  const crosswalks = shippedCatalogue().crosswalks
  const identity = {
    id: '99999999-9999-4999-8999-999999999999',
    now: new Date('2026-11-23T12:00:00Z'),
  }

  it('compares a BAR with an FML through derivation, one row per crosswalk target compared', () => {
    const r = compareAssessments(
      { assessment: example('bar-example.json'), instrument: bar },
      { assessment: example('fml-example.json'), instrument: fml },
      crosswalks,
      identity,
    )
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.value.instrument.id).toBe('fml')
    expect(r.value.derived?.side).toBe('ba')
    expect(r.value.rows.every((row) => !row.item.startsWith('voorblad'))).toBe(true)
    const lifting = r.value.rows.find((row) => row.item === 'IV.13')
    // BAR: at most 7.5 kg → FML option 2 (~5 kg); the VA chose 1 (~10 kg).
    expect(lifting).toMatchObject({
      ba: { choice: '2' },
      va: { choice: '1' },
      status: 'ba-more-restrictive',
      sources: ['fysiek.tillen'],
    })
    const dominance = r.value.rows.find((row) => row.item === 'IV.1')
    expect(dominance?.status).toBe('not-comparable')
    expect(dominance?.note?.nl).toBeTruthy()
  })

  it('refuses two versions of one instrument with a clear message', () => {
    const other = { ...fml, version: '1.1.0' }
    const r = compareAssessments(
      { assessment: example('fml-example.json'), instrument: fml },
      { assessment: example('fml-example.json'), instrument: other },
      crosswalks,
      identity,
    )
    expect(r.ok).toBe(false)
    if (!r.ok)
      expect(r.issues[0]?.message.en).toBe(
        'Two versions of fml (1.0.0 and 1.1.0) cannot be compared: bring both to one version first',
      )
  })

  it('refuses two instruments without a crosswalk', () => {
    const r = compareAssessments(
      { assessment: example('bar-example.json'), instrument: bar },
      { assessment: example('fml-example.json'), instrument: fml },
      [],
      identity,
    )
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.issues[0]?.message.en).toBe('No crosswalk from bar 1.0.0 to fml 1.0.0')
  })

  it('compares two BARs directly', () => {
    const a = example('bar-example.json')
    const b = {
      ...a,
      answers: { ...a.answers, 'fysiek.tillen': { kind: 'capacity' as const, level: 'licht' } },
    }
    const r = compareAssessments(
      { assessment: a, instrument: bar },
      { assessment: b, instrument: bar },
      crosswalks,
      identity,
    )
    expect(r.ok && r.value.rows.find((row) => row.item === 'fysiek.tillen')?.status).toBe(
      'ba-more-restrictive',
    )
    expect(r.ok && r.value.summary.counts.agree).toBe(r.ok ? r.value.rows.length - 1 : -1)
  })
})
