import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Answers, Assessment } from '../../../src/core/assessment/assessment-schema'
import type { Comparison, Side } from '../../../src/core/compare/compare'
import { compareAssessments, sideWarnings } from '../../../src/core/compare/compare'
import { migrate } from '../../../src/core/migration/migrate'
import {
  BA_ID,
  DERIVED,
  NOW,
  VA_ID,
  assessmentOf,
  capacity,
  many,
  one,
} from '../../helpers/assessments'
import { readJson, root } from '../../helpers/files'
import { shippedPair } from '../../helpers/shipped-pair'
import { deepFreeze } from '../../helpers/deep-freeze'
import { shipped, shippedCatalogue } from '../../helpers/instruments'

const { bar, fml, crosswalk } = shippedPair()
const crosswalks = { crosswalks: [crosswalk], instruments: [bar, fml] }
const example = (file: string) => readJson(join(root, 'public/examples', file)) as Assessment

const barSide = (answers: Answers, id = BA_ID): Side => ({
  assessment: assessmentOf(bar, answers, { id }),
  instrument: bar,
})
const fmlSide = (answers: Answers, id = VA_ID): Side => ({
  assessment: assessmentOf(fml, answers, { id }),
  instrument: fml,
})

function compare(ba: Side, va: Side): Comparison {
  const r = compareAssessments(ba, va, crosswalks, DERIVED)
  if (!r.ok) throw new Error(r.issues.map((i) => i.message.en).join('\n'))
  return r.value
}
const rowOf = (c: Comparison, id: string) => c.rows.find((r) => r.item === id)

/** A VA who allows about 4 hours a day and 20 a week. */
const vaFourHours = fmlSide({
  'voorblad.conclusie': one('ja'),
  'voorblad.volledigheid': one('volledig'),
  'IV.13': one('1'),
  'VI.2': one('3'),
  'VI.3': one('3'),
})

describe('compareAssessments', () => {
  describe('compares the conclusion first', () => {
    it('BA "no work capacity at present" against a VA allowing 4 h a day: BA more restrictive, no agreement figure', () => {
      const c = compare(
        barSide({ 'werktijd.uren': capacity('volledig'), 'fysiek.tillen': capacity('licht') }),
        vaFourHours,
      )
      expect(c.conclusion.status).toBe('ba-more-restrictive')
      expect(c.conclusion.ba).toMatchObject({ state: 'no-capacity', kind: 'work-capacity' })
      expect(c.conclusion.va).toMatchObject({ state: 'capacity', kind: 'cover' })
      for (const id of ['VI.2', 'VI.3'])
        expect(rowOf(c, id), id).toMatchObject({
          status: 'ba-more-restrictive',
          ba: null,
          baImplied: 'no-capacity',
        })
      expect(rowOf(c, 'IV.13')?.status).toBe('agree')
      expect(c.summary.agreement).toBeNull()
      expect(c.summary.kappa).toEqual([])
      expect(c.summary.withheld).toBe('conclusions-differ')
    })

    it('reads 0 hours a day as no work capacity, too', () => {
      const c = compare(
        barSide({ 'werktijd.uren': capacity(undefined, { 'per-day': 0 }) }),
        vaFourHours,
      )
      expect(c.conclusion.status).toBe('ba-more-restrictive')
      expect(rowOf(c, 'VI.3')?.status).toBe('ba-more-restrictive')
    })

    it('VA cover "nee": the conclusion and every item the BA states are VA more restrictive, not "only BA"', () => {
      const c = compare(
        barSide({
          'werktijd.uren': capacity('matig', { 'per-day': 4, 'per-week': 20 }),
          'fysiek.tillen': capacity('licht'),
          'mentaal.herinneren': capacity('geen'),
        }),
        fmlSide({
          'voorblad.conclusie': one('nee'),
          'voorblad.gronden-geen-mogelijkheden': one('adl-afhankelijk'),
        }),
      )
      expect(c.conclusion.status).toBe('va-more-restrictive')
      expect(c.conclusion.va?.details).toEqual([
        { item: 'voorblad.gronden-geen-mogelijkheden', answer: one('adl-afhankelijk') },
      ])
      for (const id of ['VI.2', 'VI.3', 'IV.13', 'I.3'])
        expect(rowOf(c, id), id).toMatchObject({
          status: 'va-more-restrictive',
          va: null,
          vaImplied: 'no-capacity',
        })
      expect(c.rows.some((r) => r.status === 'only-ba')).toBe(false)
      expect(c.summary.withheld).toBe('conclusions-differ')
    })

    it('gives the agreement figure when the conclusions agree', () => {
      const c = compare(
        barSide({ 'werktijd.uren': capacity('matig', { 'per-day': 4, 'per-week': 20 }) }),
        vaFourHours,
      )
      expect(c.conclusion.status).toBe('agree')
      expect(c.summary.withheld).toBeUndefined()
      expect(c.summary.agreement).not.toBeNull()
      expect(rowOf(c, 'VI.2')?.status).toBe('agree')
    })
  })

  describe('reads what an unticked FML item means', () => {
    const ba = fmlSide({ 'I.5': many('1'), 'V.5': one('1'), 'I.1': one('0') }, BA_ID)

    it('in a complete FML (cover answered) an unticked item is Norm and compared by rank', () => {
      const c = compare(ba, fmlSide({ 'voorblad.conclusie': one('ja'), 'I.1': one('0') }))
      expect(c.completeness.va).toBe('complete')
      expect(rowOf(c, 'I.5')).toMatchObject({ status: 'ba-more-restrictive', vaImplied: 'norm' })
      expect(rowOf(c, 'V.5')).toMatchObject({ status: 'ba-more-restrictive', va: one('0') })
      expect(rowOf(c, 'I.1')?.status).toBe('agree')
      expect(c.summary.agreement).toBeCloseTo(1 / 3)
    })

    it('in a kritische FML an unticked item is Norm', () => {
      const c = compare(
        ba,
        fmlSide({ 'voorblad.conclusie': one('ja'), 'voorblad.volledigheid': one('kritisch') }),
      )
      expect(c.completeness.va).toBe('critical')
      expect(rowOf(c, 'I.5')?.status).toBe('ba-more-restrictive')
    })

    it('in an FML marked "onvolledig" an unticked item is "only BA", left out of the agreement', () => {
      const c = compare(
        ba,
        fmlSide({
          'voorblad.conclusie': one('ja'),
          'voorblad.volledigheid': one('onvolledig'),
          'I.1': one('0'),
        }),
      )
      expect(c.completeness.va).toBe('incomplete')
      expect(rowOf(c, 'I.5')).toMatchObject({ status: 'only-ba', va: null })
      expect(rowOf(c, 'V.5')?.status).toBe('only-ba')
      expect(c.summary.agreement).toBe(1)
      expect(c.summary.compared).toBe(1)
    })

    it('the shipped example pair compares I.5 and V.5 (not "only BA")', () => {
      const c = compare(
        { assessment: example('bar-example.json'), instrument: bar },
        { assessment: example('fml-example.json'), instrument: fml },
      )
      // A BAR has no cover: only the FML side has a completeness.
      expect(c.completeness).toEqual({ va: 'complete' })
      expect(rowOf(c, 'I.5')).toMatchObject({ status: 'agree', vaImplied: 'norm' })
      expect(rowOf(c, 'V.5')).toMatchObject({ status: 'ba-more-restrictive', vaImplied: 'norm' })
      expect(c.rows.filter((r) => r.status === 'only-ba').map((r) => r.item)).not.toContain('I.5')
    })
  })

  describe('through the crosswalk', () => {
    it('compares a BAR with an FML by deriving an FML, one row per crosswalk target', () => {
      const c = compare(
        { assessment: example('bar-example.json'), instrument: bar },
        { assessment: example('fml-example.json'), instrument: fml },
      )
      expect(c.instrument.id).toBe('fml')
      expect(c.sides).toEqual({ ba: bar, va: fml })
      expect(c.derived?.side).toBe('ba')
      expect(c.rows.every((row) => !row.item.startsWith('voorblad'))).toBe(true)
      // BAR: at most 7.5 kg, 10 times an hour: no FML option claims no more (option 2 is
      // "about 5 kg, up to 50 times an hour"), so the most restrictive, flagged; the VA chose 1.
      expect(rowOf(c, 'IV.13')).toMatchObject({
        ba: { choice: '3' },
        va: { choice: '1' },
        status: 'ba-more-restrictive',
        sources: ['fysiek.tillen'],
      })
      expect(rowOf(c, 'IV.13')?.note?.en).toMatch(/check this/)
      const dominance = rowOf(c, 'IV.1')
      expect(dominance?.status).toBe('not-comparable')
      expect(dominance?.note?.nl).toBeTruthy()
      expect(c.summary.compared + c.summary.openOneSide + c.summary.notComparable).toBe(
        c.summary.total,
      )
    })

    it('derives the VA side when the BAR stands there, and swaps nothing else', () => {
      const c = compare(
        { assessment: example('fml-example.json'), instrument: fml },
        { assessment: example('bar-example.json'), instrument: bar },
      )
      expect(c.derived?.side).toBe('va')
      expect(rowOf(c, 'IV.13')?.status).toBe('va-more-restrictive')
      expect(c.warnings.map((w) => w.code)).toEqual(['ba-side-is-va', 'va-side-is-ba'])
    })

    it('refuses two instruments without a crosswalk', () => {
      const r = compareAssessments(
        barSide({}),
        fmlSide({}),
        { crosswalks: [], instruments: [] },
        DERIVED,
      )
      expect(r.ok).toBe(false)
      if (!r.ok) expect(r.issues[0]?.message.en).toBe('No crosswalk from bar 1.0.0 to fml 1.0.0')
    })

    it('refuses two versions of one instrument when no migration leads from one to the other', () => {
      const other = { ...fml, version: '1.1.0' }
      const r = compareAssessments(
        fmlSide({}),
        { assessment: assessmentOf(other, {}), instrument: other },
        crosswalks,
        DERIVED,
      )
      expect(r.ok).toBe(false)
      if (!r.ok)
        expect(r.issues[0]?.message.en).toBe(
          'Two versions of fml (1.0.0 and 1.1.0) cannot be compared: the earlier cannot be brought to the later. Cannot migrate to version 1.1.0 of fml: it is not known (known: 1.0.0)',
        )
    })
  })

  describe('across two versions of one instrument', () => {
    const catalogue = shippedCatalogue()
    const bar110 = shipped('bar', '1.1.0')
    const a = deepFreeze(example('bar-example.json'))
    /** The example as it is after upgrading to 1.1.0, saved as another assessment. */
    const upgraded = (): Assessment => {
      const r = migrate(a, '1.1.0', catalogue.instruments, { now: NOW })
      if (!r.ok) throw new Error('no migration')
      return { ...r.value.assessment, id: VA_ID }
    }
    const across = (ba: Side, va: Side) => {
      const r = compareAssessments(ba, va, catalogue, DERIVED)
      if (!r.ok) throw new Error(r.issues.map((i) => i.message.en).join('\n'))
      return r.value
    }

    it('brings the earlier side to the later version first, and then agrees with itself on every item', () => {
      const b = upgraded()
      const c = across({ assessment: a, instrument: bar }, { assessment: b, instrument: bar110 })
      expect(c.instrument).toBe(bar110)
      expect(c.sides).toEqual({ ba: bar110, va: bar110 })
      expect(c.migrated?.side).toBe('ba')
      expect(c.migrated?.report).toMatchObject({ instrument: 'bar', from: '1.0.0', to: '1.1.0' })
      // Every item that has a counterpart in 1.1.0 carries the same answer on both sides.
      const answered = c.rows.filter((r) => r.ba !== null || r.va !== null)
      expect(answered.length).toBe(Object.keys(b.answers).length)
      expect(answered.filter((r) => r.status !== 'agree')).toEqual([])
      expect(c.summary.counts.agree).toBe(answered.length)
      expect(c.conclusion.status).toBe('agree')
      // The assessment compared is a copy: the one given stays on 1.0.0 (it is frozen, too).
      expect(a.instrument.version).toBe('1.0.0')
      expect(c.migrated?.assessment.id).toBe(a.id)
    })

    it('migrates the VA side when it is the earlier one', () => {
      const b = { ...upgraded(), id: BA_ID }
      const va = { ...a, id: VA_ID }
      const c = across({ assessment: b, instrument: bar110 }, { assessment: va, instrument: bar })
      expect(c.migrated?.side).toBe('va')
      expect(c.rows.filter((r) => r.status !== 'agree' && (r.ba || r.va))).toEqual([])
    })

    it('says for each answer of the migrated side what became of it', () => {
      const c = across(
        { assessment: a, instrument: bar },
        { assessment: upgraded(), instrument: bar110 },
      )
      const outcome = new Map(c.migrated?.report.entries.map((e) => [e.item, e.outcome]))
      expect(outcome.get('fysiek.hand-vinger')).toBe('transformed')
      expect(outcome.get('mentaal.stress-hanteren')).toBe('moved')
      expect(c.migrated?.report.entries).toHaveLength(Object.keys(a.answers).length)
    })

    it('compares a BAR 1.1.0 with an FML through the crosswalk of 1.1.0, a BAR 1.0.0 through that of 1.0.0', () => {
      const va = { assessment: example('fml-example.json'), instrument: fml }
      const newer = across({ assessment: upgraded(), instrument: bar110 }, va)
      expect(newer.derived?.crosswalk.id).toBe('bar-1.1.0__fml-1.0.0')
      expect(newer.migrated).toBeUndefined()
      const older = across({ assessment: a, instrument: bar }, va)
      expect(older.derived?.crosswalk.id).toBe('bar-1.0.0__fml-1.0.0')
      expect(older.migrated).toBeUndefined()
    })
  })

  it('compares two BARs directly, level against level', () => {
    const a = example('bar-example.json')
    const b = {
      ...a,
      id: VA_ID,
      answers: { ...a.answers, 'fysiek.tillen': capacity('licht') },
    }
    const c = compare({ assessment: a, instrument: bar }, { assessment: b, instrument: bar })
    expect(rowOf(c, 'fysiek.tillen')?.status).toBe('ba-more-restrictive')
    expect(c.summary.counts.agree).toBe(c.rows.length - 1)
    expect(c.conclusion.status).toBe('agree')
  })
})

describe('sideWarnings', () => {
  it('warns when the BA side was written by a verzekeringsarts, or the VA side by a bedrijfsarts', () => {
    const byVa = assessmentOf(bar, {}, { id: BA_ID, role: 'verzekeringsarts' })
    const byBa = assessmentOf(fml, {}, { id: VA_ID, role: 'bedrijfsarts' })
    expect(sideWarnings(byVa, byBa).map((w) => w.code)).toEqual(['ba-side-is-va', 'va-side-is-ba'])
    expect(sideWarnings(byVa, byBa)[0]?.message.nl).toMatch(/verwisseld/)
  })

  it('warns when the same assessment stands on both sides', () => {
    const a = assessmentOf(bar, {})
    // A bedrijfsarts's BAR on the VA side is a swap as well.
    expect(sideWarnings(a, a).map((w) => w.code)).toEqual(['same-assessment', 'va-side-is-ba'])
  })

  it('gives no warning for a bedrijfsarts against a verzekeringsarts', () => {
    expect(sideWarnings(assessmentOf(bar, {}), assessmentOf(fml, {}))).toEqual([])
  })

  it('puts the warnings on the comparison', () => {
    const a = barSide({})
    expect(compare(a, a).warnings.map((w) => w.code)).toEqual(['same-assessment', 'va-side-is-ba'])
  })
})
