import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type {
  AnswerValue,
  Answers,
  Assessment,
} from '../../../src/core/assessment/assessment-schema'
import { checkConsistency } from '../../../src/core/assessment/consistency'
import { chosenCodes } from '../../../src/core/assessment/visibility'
import type { Comparison, Side } from '../../../src/core/compare/compare'
import { compareAssessments } from '../../../src/core/compare/compare'
import { STATUSES } from '../../../src/core/compare/diff'
import type { ConclusionStatus } from '../../../src/core/compare/conclusion'
import type { DeriveRule } from '../../../src/core/compare/crosswalk-schema'
import { byCapability, deriveAssessment, meetsClaim } from '../../../src/core/compare/derive'
import type { Status } from '../../../src/core/compare/diff'
import { choiceOptions } from '../../../src/core/instrument/choice-options'
import { itemIndex } from '../../../src/core/instrument/item-index'
import type { Instrument, Item, NamedQuantity } from '../../../src/core/instrument/meta-schema'
import { BA_ID, DERIVED, VA_ID, assessmentOf } from '../../helpers/assessments'
import { shippedPair } from '../../helpers/shipped-pair'

const { bar, fml, crosswalk } = shippedPair()
const RUNS = { numRuns: 200 }
const items = (instrument: Instrument) => instrument.sections.flatMap((s) => s.items)
const fmlItem = (id: string) => itemIndex(fml).items.get(id) as Item
const rules = new Map(
  crosswalk.rules.flatMap((r) => (r.kind === 'derive' ? [[r.target, r] as const] : [])),
)

/** Values worth trying for a BAR quantity: every FML threshold it is read against, its neighbours
 * on the grid, 0 and the bounds; otherwise any value on the grid. */
function quantityArb(item: Item, q: NamedQuantity): fc.Arbitrary<number> {
  const step = q.step ?? 1
  const onGrid = (x: number) => x >= q.min && x <= q.max
  const edges = new Set([q.min, q.max])
  for (const rule of rules.values())
    for (const src of rule.sources)
      for (const d of src.dimensions ?? [])
        if (src.item === item.id && d.quantity === q.id) {
          const options = choiceOptions(fmlItem(rule.target)) ?? []
          const values = options.flatMap((o) => o.thresholds ?? []).filter((t) => t.unit === d.unit)
          for (const t of values) {
            const x = t.value / (d.factor ?? 1)
            for (const v of [x - step, x, x + step]) if (onGrid(v)) edges.add(v)
          }
        }
  const steps = Math.round((q.max - q.min) / step)
  return fc.oneof(
    fc.constantFrom(...edges),
    fc.integer({ min: 0, max: steps }).map((k) => q.min + k * step),
  )
}

function capacityArb(item: Item): fc.Arbitrary<AnswerValue> {
  const a = item.answer
  if (a.kind !== 'capacity') throw new Error(item.id)
  const level = fc.option(fc.constantFrom(...a.levels.map((l) => l.code)), {
    nil: undefined,
    freq: 4,
  })
  const quantities = fc.tuple(
    ...a.quantities.map((q) =>
      fc.option(
        quantityArb(item, q).map((v) => [q.id, v] as const),
        { nil: undefined, freq: 2 },
      ),
    ),
  )
  return fc.tuple(level, quantities).map(([lv, qs]) => {
    const given = Object.fromEntries(qs.filter((x) => x !== undefined))
    return {
      kind: 'capacity' as const,
      ...(lv === undefined ? {} : { level: lv }),
      ...(Object.keys(given).length ? { quantities: given } : {}),
    }
  })
}

function choiceArb(item: Item): fc.Arbitrary<AnswerValue> | undefined {
  const a = item.answer
  const specify = (code: string) =>
    'options' in a && a.options.find((o) => o.code === code)?.specify === true
  if (a.kind === 'single')
    return fc.constantFrom(...a.options).map((o) => ({
      kind: 'single' as const,
      choice: o.code,
      ...(o.specify ? { specify: 'namelijk' } : {}),
    }))
  if (a.kind === 'multiple') {
    const exclusive = a.options.filter((o) => o.exclusive).map((o) => [o.code])
    const others = a.options.filter((o) => !o.exclusive).map((o) => o.code)
    return fc
      .oneof(
        ...(exclusive.length ? [fc.constantFrom(...exclusive)] : []),
        fc.subarray(others, { minLength: 1 }),
      )
      .map((choices) => {
        const texts = Object.fromEntries(choices.filter(specify).map((c) => [c, 'namelijk']))
        return {
          kind: 'multiple' as const,
          choices,
          ...(Object.keys(texts).length ? { specify: texts } : {}),
        }
      })
  }
  if (a.kind === 'date') return fc.constant({ kind: 'date' as const, date: '2026-11-16' })
  return undefined
}

/** Any answers to an instrument: each item left open or answered with any valid answer. */
function answersArb(instrument: Instrument, freq: number): fc.Arbitrary<Answers> {
  const arbs = items(instrument).flatMap((item) => {
    const arb = item.answer.kind === 'capacity' ? capacityArb(item) : choiceArb(item)
    return arb
      ? [
          fc.option(
            arb.map((v) => [item.id, v] as const),
            { nil: undefined, freq },
          ),
        ]
      : []
  })
  return fc
    .tuple(...arbs)
    .map((entries) => Object.fromEntries(entries.filter((e) => e !== undefined)) as Answers)
}

const barAnswers = answersArb(bar, 3)
const fmlAnswers = answersArb(fml, 2)

function derive(answers: Answers): Assessment {
  return deriveAssessment({
    source: assessmentOf(bar, answers),
    sourceInstrument: bar,
    target: fml,
    crosswalk,
    ...DERIVED,
  })
}

function compare(ba: Side, va: Side): Comparison {
  const r = compareAssessments(
    ba,
    va,
    { crosswalks: [crosswalk], instruments: [bar, fml] },
    DERIVED,
  )
  if (!r.ok) throw new Error(r.issues.map((i) => i.message.en).join('\n'))
  return r.value
}

const MIRROR: Record<Status, Status> = {
  agree: 'agree',
  'ba-more-restrictive': 'va-more-restrictive',
  'va-more-restrictive': 'ba-more-restrictive',
  differs: 'differs',
  'only-ba': 'only-va',
  'only-va': 'only-ba',
  'not-comparable': 'not-comparable',
}
const MIRROR_CONCLUSION: Record<ConclusionStatus, ConclusionStatus> = {
  agree: 'agree',
  'ba-more-restrictive': 'va-more-restrictive',
  'va-more-restrictive': 'ba-more-restrictive',
  'only-ba': 'only-va',
  'only-va': 'only-ba',
  open: 'open',
}

/** Where a derived option claims more than a BAR quantity; checks the level floor on the way. */
function overClaims(answers: Answers, derived: Assessment) {
  const out: { item: string; value: number; last: boolean; flagged: boolean }[] = []
  for (const [id, a] of Object.entries(derived.answers)) {
    const rule = rules.get(id) as DeriveRule
    const ordered = byCapability(choiceOptions(fmlItem(id)) ?? [])
    const chosen = ordered.find((o) => o.code === chosenCodes(a)[0])
    expect(chosen, id).toBeDefined()
    if (!chosen) continue
    const flagged = /check this/.test(derived.derivation?.items[id]?.note?.en ?? '')
    for (const src of rule.sources) {
      const given = answers[src.item]
      if (given?.kind !== 'capacity') continue
      const allowed = given.level === undefined ? undefined : src.levels[given.level]
      const floor = ordered.find((o) => o.code === allowed)
      if (floor)
        expect(chosen.rank ?? 0, `${id} ← ${src.item} ${given.level}`).toBeGreaterThanOrEqual(
          floor.rank ?? 0,
        )
      for (const d of src.dimensions ?? []) {
        const q = given.quantities?.[d.quantity]
        if (q === undefined) continue
        const value = q * (d.factor ?? 1)
        const stated = chosen.thresholds?.filter((t) => t.unit === d.unit) ?? []
        if (stated.some((t) => !meetsClaim(t, value)))
          out.push({ item: id, value, last: chosen === ordered.at(-1), flagged })
        if (chosen.rank === 0 && !stated.length && rule.normFrom?.unit === d.unit)
          expect(value, `${id} Norm from ${rule.normFrom.value}`).toBeGreaterThanOrEqual(
            rule.normFrom.value,
          )
      }
    }
  }
  return out
}

describe('deriveAssessment (properties)', () => {
  it('never claims more than the BAR states on any dimension, nor less restriction than its level', () => {
    fc.assert(
      fc.property(barAnswers, (answers) => {
        const d = derive(answers)
        const over = overClaims(answers, d)
        // Only the most restrictive option may still claim more (nothing is more restrictive):
        // then it is flagged for checking, unless the BAR states none at all (0).
        for (const o of over) {
          expect(o.last, `${o.item} claims more than ${o.value}`).toBe(true)
          const zero = over.some((x) => x.item === o.item && x.value === 0)
          expect(o.flagged || zero, `${o.item} unflagged at ${o.value}`).toBe(true)
        }
      }),
      RUNS,
    )
  })

  it('derives hours per day other than Norm only from hours per day (five times them cap the week)', () => {
    fc.assert(
      fc.property(barAnswers, (answers) => {
        const hours = answers['werktijd.uren']
        const perDay = hours?.kind === 'capacity' ? hours.quantities?.['per-day'] : undefined
        const vi2 = chosenCodes(derive(answers).answers['VI.2'])[0]
        if (vi2 !== undefined && vi2 !== '0') expect(perDay).toBeDefined()
      }),
      RUNS,
    )
  })

  it('never contradicts itself: the derived FML passes the consistency check', () => {
    fc.assert(
      fc.property(barAnswers, (answers) => {
        expect(checkConsistency(fml, derive(answers).answers)).toEqual([])
      }),
      RUNS,
    )
  })
})

describe('compareAssessments (properties)', () => {
  const side = (instrument: Instrument, answers: Answers, id: string): Side => ({
    assessment: assessmentOf(instrument, answers, { id }),
    instrument,
  })

  it('agrees on every item when an FML is compared with itself', () => {
    fc.assert(
      fc.property(fmlAnswers, (answers) => {
        const a = side(fml, answers, VA_ID)
        const c = compare(a, a)
        expect(c.rows.filter((r) => r.status !== 'agree')).toEqual([])
        expect(['agree', 'open']).toContain(c.conclusion.status)
        if (c.summary.compared) expect(c.summary.agreement).toBe(1)
      }),
      RUNS,
    )
  })

  it('agrees on every item when a BAR is compared with itself', () => {
    fc.assert(
      fc.property(barAnswers, (answers) => {
        const a = side(bar, answers, BA_ID)
        const c = compare(a, a)
        expect(c.rows.filter((r) => r.status !== 'agree')).toEqual([])
        expect(['agree', 'open']).toContain(c.conclusion.status)
      }),
      RUNS,
    )
  })

  const seen = new Set<string>()
  function expectMirrored(x: Comparison, y: Comparison) {
    for (const r of x.rows) seen.add(r.status)
    seen.add(`conclusion ${x.conclusion.status}`)
    expect(y.conclusion.status).toBe(MIRROR_CONCLUSION[x.conclusion.status])
    expect(y.rows.map((r) => `${r.item} ${r.status}`)).toEqual(
      x.rows.map((r) => `${r.item} ${MIRROR[r.status]}`),
    )
    expect(y.summary.compared).toBe(x.summary.compared)
    expect(y.summary.agreement).toBe(x.summary.agreement)
  }

  it('swaps the directions and the conclusion when the two FML sides are swapped', () => {
    fc.assert(
      fc.property(fmlAnswers, fmlAnswers, (p, q) => {
        const x = compare(side(fml, p, BA_ID), side(fml, q, VA_ID))
        const y = compare(side(fml, q, VA_ID), side(fml, p, BA_ID))
        expectMirrored(x, y)
      }),
      RUNS,
    )
  })

  it('swaps the directions and the conclusion when a BAR and an FML swap sides', () => {
    fc.assert(
      fc.property(barAnswers, fmlAnswers, (p, q) => {
        const x = compare(side(bar, p, BA_ID), side(fml, q, VA_ID))
        const y = compare(side(fml, q, VA_ID), side(bar, p, BA_ID))
        expect([x.derived?.side, y.derived?.side]).toEqual(['ba', 'va'])
        expectMirrored(x, y)
      }),
      RUNS,
    )
    // The generators reach every status and both directions of the conclusion.
    for (const s of [
      ...STATUSES,
      'conclusion ba-more-restrictive',
      'conclusion va-more-restrictive',
    ])
      expect(seen, s).toContain(s)
  })
})
