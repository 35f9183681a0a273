import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Answers, Assessment } from '../../../src/core/assessment/assessment-schema'
import { loadAssessment } from '../../../src/core/assessment/load-assessment'
import { itemIndex } from '../../../src/core/instrument/item-index'
import type { Instrument } from '../../../src/core/instrument/meta-schema'
import type {
  MigrationEntry,
  MigrationReport,
  MigrationResult,
} from '../../../src/core/migration/migrate'
import { migrate } from '../../../src/core/migration/migrate'
import { answersArb } from '../../helpers/answer-arbitraries'
import { assessmentOf, NOW } from '../../helpers/assessments'
import { deepFreeze } from '../../helpers/deep-freeze'
import { shipped, shippedCatalogue } from '../../helpers/instruments'
import { demoChain } from '../../helpers/migration-chain'

const RUNS = { numRuns: 150 }

function run(a: Assessment, to: string, instruments: readonly Instrument[]): MigrationResult {
  const r = migrate(a, to, instruments, { now: NOW })
  if (!r.ok) throw new Error(r.issues.map((i) => i.message.en).join('\n'))
  return r.value
}

function problems(a: Assessment, instruments: readonly Instrument[]) {
  const r = loadAssessment(a, instruments)
  return r.ok ? [] : r.issues.map((i) => `${i.path} ${i.message.en}`)
}

/** The items of the new version an entry's answer ended up in. */
function targets(e: MigrationEntry | undefined): string[] {
  if (!e) return []
  if (e.outcome === 'kept') return [e.item]
  if (e.outcome === 'moved') return [e.to]
  if (e.outcome === 'transformed') return e.to
  return []
}

/** The report lists every input answer once, each drop with its reason in both languages. */
function expectComplete(report: MigrationReport, answers: Answers) {
  expect(report.entries.map((e) => e.item).sort()).toEqual(Object.keys(answers).sort())
  for (const e of report.entries)
    if (e.outcome === 'dropped') {
      expect(e.reason.nl.trim(), e.item).not.toBe('')
      expect(e.reason.en.trim(), e.item).not.toBe('')
    }
}

describe('migrate (properties, BAR 1.0.0 to 1.1.0)', () => {
  const { instruments } = shippedCatalogue()
  const bar100 = shipped('bar', '1.0.0')
  const bar110 = shipped('bar', '1.1.0')
  const stepTargets = new Map<string, string[]>()
  for (const s of bar110.migration?.steps ?? []) {
    if (s.kind === 'split')
      stepTargets.set(
        s.from,
        s.to.map((t) => t.item),
      )
    if (s.kind === 'rename' || s.kind === 'move') stepTargets.set(s.from, [s.to])
  }
  const newItems = itemIndex(bar110).items

  it('keeps every answer, each at its item in 1.1.0, and gives a valid 1.1.0 assessment', () => {
    const seen = new Set<string>()
    fc.assert(
      fc.property(answersArb(bar100), (answers) => {
        const input = deepFreeze(assessmentOf(bar100, answers))
        expect(problems(input, instruments)).toEqual([])
        const { assessment, report } = run(input, '1.1.0', instruments)
        expect(problems(assessment, instruments)).toEqual([])
        expectComplete(report, answers)
        const out = assessment.answers
        for (const e of report.entries) {
          seen.add(e.outcome)
          const given = answers[e.item]
          const expected = stepTargets.get(e.item) ?? (newItems.has(e.item) ? [e.item] : [])
          expect(expected.length, `${e.item} has an item in 1.1.0`).toBeGreaterThan(0)
          // 1.1.0 has a place for every answer of 1.0.0: its only new condition is on a new item.
          expect(e.outcome, e.item).not.toBe('dropped')
          expect(targets(e)).toEqual(expected)
          for (const id of targets(e)) expect(out[id], `${e.item} → ${id}`).toEqual(given)
        }
        expect(Object.keys(out).sort()).toEqual(report.entries.flatMap(targets).sort())
        expect(assessment.captured?.answers).toEqual(answers)
        // One call gives the same as going through each version, and a second call changes nothing.
        const chained = run(
          deepFreeze(run(input, '1.0.0', instruments).assessment),
          '1.1.0',
          instruments,
        )
        expect(chained.assessment).toEqual(assessment)
        expect(run(deepFreeze(assessment), '1.1.0', instruments).assessment).toEqual(assessment)
      }),
      RUNS,
    )
    expect([...seen].sort()).toEqual(['kept', 'moved', 'transformed'])
  })
})

describe('migrate (properties, a chain of three versions)', () => {
  const demo = demoChain()
  const [v100] = demo as [Instrument]

  it('gives the same assessment and the same report in one call as version by version, never changing its input', () => {
    const seen = new Set<string>()
    fc.assert(
      fc.property(answersArb(v100), (answers) => {
        const input = deepFreeze(assessmentOf(v100, answers))
        const copy = structuredClone(input)
        const single = run(input, '2.0.0', demo)
        const first = run(input, '1.1.0', demo)
        const second = run(deepFreeze(first.assessment), '2.0.0', demo)
        expect(input).toEqual(copy)
        expect(second.assessment).toEqual(single.assessment)
        expect(problems(single.assessment, demo)).toEqual([])
        expectComplete(single.report, answers)
        expectComplete(first.report, answers)
        expect(single.report.steps).toEqual([...first.report.steps, ...second.report.steps])
        // Where each answer ends up in one call is where the two reports, read one after the other, put it.
        const later = new Map(second.report.entries.map((e) => [e.item, e]))
        for (const e of single.report.entries) {
          seen.add(e.outcome)
          const via = first.report.entries.find((x) => x.item === e.item)
          const composed = new Set(targets(via).flatMap((id) => targets(later.get(id))))
          expect(new Set(targets(e)), e.item).toEqual(composed)
        }
      }),
      RUNS,
    )
    expect([...seen].sort()).toEqual(['dropped', 'kept', 'moved', 'transformed'])
  })
})
