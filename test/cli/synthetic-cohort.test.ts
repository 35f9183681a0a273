import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { EXIT, run } from '../../src/cli/run'
import { readSchemaFiles } from '../../src/cli/schema-files'
import { syntheticCohort } from '../../src/cli/synthetic-cohort'
import { loadAssessment } from '../../src/core/assessment/load-assessment'
import { buildCatalogue } from '../../src/core/instrument/catalogue'
import { cohortFromTexts, comparePairs } from '../../src/core/stats/cohort-from-texts'

const catalogue = buildCatalogue(readSchemaFiles())

describe('syntheticCohort', () => {
  const pairs = syntheticCohort({ pairs: 25, seed: 7, catalogue }) as {
    ba: { id: string }
    va: { id: string; answers: Record<string, { choice?: string }> }
  }[]

  it('makes the pairs asked for, each loading as an import does, with new ids', () => {
    expect(pairs).toHaveLength(25)
    for (const { ba, va } of pairs) {
      expect(loadAssessment(ba, catalogue.instruments).ok).toBe(true)
      expect(loadAssessment(va, catalogue.instruments).ok).toBe(true)
    }
    const ids = pairs.flatMap((p) => [p.ba.id, p.va.id])
    expect(new Set(ids).size).toBe(50)
    for (const id of ids)
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
  })

  it('makes each FML follow what its BAR derives, with some items a step apart', () => {
    const text = pairs.map((p) => JSON.stringify(p)).join('\n')
    const { pairs: compared } = comparePairs([{ source: 'pairs.ndjson', text }], catalogue)
    expect(compared).toHaveLength(25)
    const counts = { same: 0, differ: 0 }
    for (const { ranks } of compared)
      for (let k = 0; k < ranks.length; k += 2) {
        const [a, b] = [ranks[k] as number, ranks[k + 1] as number]
        if (!Number.isNaN(a) && !Number.isNaN(b)) counts[a === b ? 'same' : 'differ']++
      }
    // Mostly the same, but not always: the verzekeringsarts judges some items otherwise.
    expect(counts.differ).toBeGreaterThan(0)
    expect(counts.same).toBeGreaterThan(3 * counts.differ)
    // Every FML answer is one the instrument offers (the pairs load, checked above), and the
    // answers differ between employees.
    const answers = new Set(pairs.map(({ va }) => JSON.stringify(va.answers)))
    expect(answers.size).toBeGreaterThan(20)
  })

  it('varies the BAR per employee, so that kappa is defined and below 1 for many items; not with varyBa false', () => {
    const bar = JSON.parse(readFileSync('public/examples/bar-example.json', 'utf8')) as {
      answers: unknown
    }
    const baAnswers = (p: unknown) => (p as { ba: { answers: unknown } }).ba.answers
    expect(new Set(pairs.map((p) => JSON.stringify(baAnswers(p)))).size).toBeGreaterThan(20)
    const fixed = syntheticCohort({ pairs: 5, seed: 7, catalogue, varyBa: false })
    for (const p of fixed) expect(baAnswers(p)).toEqual(bar.answers)
    const text = pairs.map((p) => JSON.stringify(p)).join('\n')
    const [group] = cohortFromTexts([{ source: 'pairs.ndjson', text }], catalogue).groups
    const kappas = (group?.items ?? []).flatMap((i) =>
      i.kappa.linear.kappa === null ? [] : [i.kappa.linear.kappa],
    )
    expect(kappas.length).toBeGreaterThanOrEqual(15)
    expect(kappas.filter((k) => k > 0 && k < 1).length).toBeGreaterThanOrEqual(10)
  })

  it('is the same cohort for the same seed, another for another seed', () => {
    expect(syntheticCohort({ pairs: 25, seed: 7, catalogue })).toEqual(pairs)
    expect(syntheticCohort({ pairs: 25, seed: 8, catalogue })).not.toEqual(pairs)
  })

  it('gives a cohort that compares without a skipped pair', () => {
    const text = pairs.map((p) => JSON.stringify(p)).join('\n')
    const r = cohortFromTexts([{ source: 'pairs.ndjson', text }], catalogue)
    expect(r.skipped).toEqual([])
    expect(r.groups[0]?.pairs).toBe(25)
  })
})

describe('cli synthetic-cohort', () => {
  it('writes NDJSON that the cohort command reads', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'bar-synthetic-')), 'pairs.ndjson')
    const out: string[] = []
    const io = { out: (t: string) => out.push(t), err: (t: string) => out.push(t) }
    expect(await run(['synthetic-cohort', '--pairs', '12', '--seed', '3', '-o', file], io)).toBe(
      EXIT.ok,
    )
    expect(out.join('\n')).toContain('12 paren, seed 3')
    expect(readFileSync(file, 'utf8').trimEnd().split('\n')).toHaveLength(12)
    expect(await run(['cohort', file], io)).toBe(EXIT.ok)
  })

  it('is a usage error without --pairs or -o, or with a count that is not one', async () => {
    const io = { out: () => undefined, err: () => undefined }
    expect(await run(['synthetic-cohort', '-o', '/tmp/x.ndjson'], io)).toBe(EXIT.usage)
    expect(await run(['synthetic-cohort', '--pairs', '3'], io)).toBe(EXIT.usage)
    expect(await run(['synthetic-cohort', '--pairs', '0', '-o', '/tmp/x.ndjson'], io)).toBe(
      EXIT.usage,
    )
    expect(await run(['synthetic-cohort', '--pairs', '2', '--seed', 'x', '-o', '/tmp/x'], io)).toBe(
      EXIT.usage,
    )
  })
})
