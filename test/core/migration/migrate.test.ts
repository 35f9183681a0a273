import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Answers, Assessment } from '../../../src/core/assessment/assessment-schema'
import { loadAssessment } from '../../../src/core/assessment/load-assessment'
import type { Instrument } from '../../../src/core/instrument/meta-schema'
import type { MigrationEntry, MigrationResult } from '../../../src/core/migration/migrate'
import { migrate } from '../../../src/core/migration/migrate'
import { signOffAssessment } from '../../../src/core/assessment/sign-off'
import { assessmentOf, capacity, many, NOW, one } from '../../helpers/assessments'
import { deepFreeze } from '../../helpers/deep-freeze'
import { readJson, root } from '../../helpers/files'
import { shippedCatalogue } from '../../helpers/instruments'
import { buildCatalogue } from '../../../src/core/instrument/catalogue'
import { DEMO_1_0_0, DEMO_1_1_0, demoChain, demoFiles } from '../../helpers/migration-chain'

const demo = demoChain()
const [v100, v110] = demo as [Instrument, Instrument, Instrument]
const LATER = new Date('2026-12-01T08:00:00Z')

function migrated(a: Assessment, to: string, instruments = demo, now = NOW): MigrationResult {
  const r = migrate(a, to, instruments, { now })
  if (!r.ok) throw new Error(r.issues.map((i) => i.message.en).join('\n'))
  return r.value
}

function valid(a: Assessment, instruments = demo) {
  const r = loadAssessment(a, instruments)
  return r.ok ? [] : r.issues.map((i) => `${i.path} ${i.message.en}`)
}

const byItem = (entries: MigrationEntry[]) => new Map(entries.map((e) => [e.item, e]))

const given: Answers = {
  tillen: capacity('licht', { 'max-load': 10 }),
  dragen: capacity('ernstig'),
  reizen: { kind: 'capacity', level: 'licht', possible: 'Met de fiets' },
  oud: one('a'),
  kleur: { kind: 'single', choice: 'blauw', specify: 'donkerblauw' },
  notitie: { kind: 'text', text: 'Een notitie' },
  weg: { kind: 'date', date: '2026-11-01' },
  gelezen: one('nee'),
  keuzes: { kind: 'multiple', choices: ['x', 'y'], specify: { y: 'tekst' } },
  uren: { kind: 'quantity', value: 20 },
}

describe('migrate', () => {
  it('carries a released text to the item its answer moved to, and keeps a split one private', () => {
    const input = deepFreeze({
      ...assessmentOf(v100, given),
      released: ['notitie#text', 'reizen#possible', 'tillen#possible'],
    })
    const { assessment } = migrated(input, '1.1.0')
    // notitie moved to toelichting; reizen was split (private again until released); tillen kept.
    expect(assessment.released).toEqual(['toelichting#text', 'tillen#possible'])
    expect(valid(assessment)).toEqual([])
  })

  it('begins the next edition of a signed-off assessment instead of changing it in place', () => {
    const input = deepFreeze(
      signOffAssessment(assessmentOf(v100, given), {
        name: 'A. Arts',
        role: 'bedrijfsarts',
        date: '2026-11-23',
        at: '2026-11-23T12:00:00.000Z',
      }),
    )
    const { assessment } = migrated(input, '1.1.0')
    expect(assessment).toMatchObject({ status: 'concept', edition: 2 })
    expect(assessment.history).toHaveLength(1)
    expect(assessment.history[0]).toMatchObject({
      edition: 1,
      status: 'definitief',
      instrument: { id: 'demo', version: '1.0.0' },
      answers: input.answers,
    })
    expect(valid(assessment)).toEqual([])
  })

  it('runs the steps of 1.1.0 and says for every answer what became of it', () => {
    const input = deepFreeze(assessmentOf(v100, given))
    const { assessment, report } = migrated(input, '1.1.0')
    expect(assessment.instrument).toEqual({ id: 'demo', version: '1.1.0' })
    expect(assessment.answers).toEqual({
      tillen: given.tillen,
      dragen: given.dragen,
      'reizen-werk': given.reizen,
      'reizen-woon': { kind: 'capacity', level: 'beperkt', possible: 'Met de fiets' },
      nieuw: one('a'),
      toelichting: given.notitie,
      gelezen: one('nee'),
      uren: given.uren,
    })
    expect(valid(assessment)).toEqual([])
    expect(report).toMatchObject({ instrument: 'demo', from: '1.0.0', to: '1.1.0' })
    expect(report.steps).toEqual([
      'demo-1.1.0/split-reizen',
      'demo-1.1.0/rename-oud',
      'demo-1.1.0/map-kleur',
      'demo-1.1.0/move-notitie',
      'demo-1.1.0/drop-weg',
    ])
    expect(report.entries.map((e) => [e.item, e.outcome])).toEqual([
      ['tillen', 'kept'],
      ['dragen', 'kept'],
      ['reizen', 'transformed'],
      ['oud', 'moved'],
      ['kleur', 'dropped'],
      ['notitie', 'moved'],
      ['weg', 'dropped'],
      ['gelezen', 'kept'],
      ['keuzes', 'dropped'],
      ['uren', 'kept'],
    ])
    const e = byItem(report.entries)
    expect(e.get('reizen')).toMatchObject({
      to: ['reizen-werk', 'reizen-woon'],
      steps: ['demo-1.1.0/split-reizen'],
    })
    const split = e.get('reizen') as Extract<MigrationEntry, { outcome: 'transformed' }>
    expect(split.how.en).toBe(
      '"reizen (en)" (reizen) was split into "reizen-werk (en)" (reizen-werk) and "reizen-woon (en)" (reizen-woon). "reizen-werk (en)" (reizen-werk): copied as given. "reizen-woon (en)" (reizen-woon): option "licht (en)" (licht) became "beperkt (en)" (beperkt). Travelling split (en)',
    )
    expect(e.get('oud')).toEqual({
      item: 'oud',
      outcome: 'moved',
      to: 'nieuw',
      steps: ['demo-1.1.0/rename-oud'],
      how: {
        nl: 'Hernoemd van "oud (nl)" (oud) naar "nieuw (nl)" (nieuw).',
        en: 'Renamed from "oud (en)" (oud) to "nieuw (en)" (nieuw).',
      },
    })
    expect(e.get('kleur')).toEqual({
      item: 'kleur',
      outcome: 'dropped',
      steps: ['demo-1.1.0/map-kleur'],
      reason: {
        nl: 'Opties van "kleur (nl)" (kleur) omgezet: optie "blauw (nl)" (blauw) vervalt (Blue is gone (nl)).',
        en: 'Options of "kleur (en)" (kleur) mapped: option "blauw (en)" (blauw) is dropped (Blue is gone (en)).',
      },
    })
    expect(e.get('weg')).toMatchObject({
      steps: ['demo-1.1.0/drop-weg'],
      reason: { en: '"weg (en)" (weg) is dropped in demo 1.1.0: No date needed (en)' },
    })
    expect(e.get('keuzes')).toMatchObject({
      steps: [],
      reason: {
        en: 'In demo 1.1.0 "keuzes (en)" (keuzes) is on the form only when one of these is chosen for "gelezen (en)" (gelezen): "ja (en)" (ja); here "nee (en)" (nee) is chosen.',
      },
    })
  })

  it('keeps the answers as given beside the migrated ones, the first capture on every later migration', () => {
    const input = deepFreeze(assessmentOf(v100, given))
    const once = migrated(input, '1.1.0').assessment
    expect(once.captured).toEqual({
      instrument: { id: 'demo', version: '1.0.0' },
      answers: given,
      migratedAt: NOW.toISOString(),
      steps: [
        'demo-1.1.0/split-reizen',
        'demo-1.1.0/rename-oud',
        'demo-1.1.0/map-kleur',
        'demo-1.1.0/move-notitie',
        'demo-1.1.0/drop-weg',
      ],
    })
    expect(once.updatedAt).toBe(NOW.toISOString())
    expect(once.id).toBe(input.id)
    const twice = migrated(deepFreeze(once), '2.0.0', demo, LATER).assessment
    expect(twice.captured).toEqual({
      ...once.captured,
      migratedAt: LATER.toISOString(),
      steps: [
        ...(once.captured?.steps ?? []),
        'demo-2.0.0/merge-tillen-dragen',
        'demo-2.0.0/merge-nieuw-kleur',
        'demo-2.0.0/map-keuzes',
      ],
    })
    expect(valid(twice)).toEqual([])
  })

  it('merges by the most restrictive rank or by the first answer, and maps multiple choices', () => {
    const answers: Answers = {
      ...given,
      gelezen: one('ja'),
      kleur: one('rood'),
      keuzes: { kind: 'multiple', choices: ['x', 'y', 'z'], specify: { y: 'tekst' } },
    }
    const { assessment, report } = migrated(deepFreeze(assessmentOf(v100, answers)), '2.0.0')
    expect(assessment.answers).toEqual({
      'tillen-dragen': given.dragen,
      'reizen-werk': given.reizen,
      'reizen-woon': { kind: 'capacity', level: 'beperkt', possible: 'Met de fiets' },
      samen: one('a'),
      toelichting: given.notitie,
      gelezen: one('ja'),
      keuzes: { kind: 'multiple', choices: ['xy'], specify: { xy: 'tekst' } },
    })
    expect(valid(assessment)).toEqual([])
    const e = byItem(report.entries)
    expect(e.get('dragen')).toMatchObject({ outcome: 'transformed', to: ['tillen-dragen'] })
    expect(e.get('tillen')).toMatchObject({
      outcome: 'dropped',
      steps: ['demo-2.0.0/merge-tillen-dragen'],
      reason: {
        en: '"tillen (en)" (tillen) and "dragen (en)" (dragen) were merged into "tillen-dragen (en)" (tillen-dragen), which got the most restrictive answer, of "dragen (en)" (dragen). The stricter limitation counts (en)',
      },
    })
    // oud became nieuw in 1.1.0, and nieuw was the first answer of the merge in 2.0.0.
    expect(e.get('oud')).toMatchObject({
      outcome: 'transformed',
      to: ['samen'],
      steps: ['demo-1.1.0/rename-oud', 'demo-2.0.0/merge-nieuw-kleur'],
    })
    expect(e.get('kleur')).toMatchObject({
      outcome: 'dropped',
      steps: ['demo-1.1.0/map-kleur', 'demo-2.0.0/merge-nieuw-kleur'],
    })
    expect(e.get('keuzes')).toMatchObject({
      outcome: 'transformed',
      to: ['keuzes'],
      how: {
        en: 'Options of "keuzes (en)" (keuzes) mapped: option "x (en)" (x) became "xy (en)" (xy); option "y (en)" (y) became "xy (en)" (xy); option "z (en)" (z) is dropped (Z is gone (en)).',
      },
    })
    // 20 hours a day no longer fits 2.0.0, which goes up to 12.
    expect(e.get('uren')).toEqual({
      item: 'uren',
      outcome: 'dropped',
      steps: [],
      reason: {
        nl: 'Het antwoord past niet bij "uren (nl)" (uren) in demo 2.0.0: Moet tussen 0 en 12 liggen.',
        en: 'The answer does not fit "uren (en)" (uren) in demo 2.0.0: Must be between 0 and 12.',
      },
    })
  })

  it('drops an answer whose mapped options no longer make a valid answer, with the reason', () => {
    const answers: Answers = { gelezen: one('ja'), keuzes: many('x') }
    const { assessment, report } = migrated(assessmentOf(v100, answers), '2.0.0')
    expect(assessment.answers).toEqual({ gelezen: one('ja') })
    expect(byItem(report.entries).get('keuzes')).toMatchObject({
      outcome: 'dropped',
      steps: ['demo-2.0.0/map-keuzes'],
      reason: {
        en: 'The answer does not fit "keuzes (en)" (keuzes) in demo 2.0.0: This choice needs a "namely" text.',
      },
    })
  })

  it('gives the same assessment when chained version by version as in one call', () => {
    const input = deepFreeze(assessmentOf(v100, { ...given, gelezen: one('ja') }))
    const step1 = migrated(input, '1.1.0').assessment
    const chained = migrated(deepFreeze(step1), '2.0.0').assessment
    expect(chained).toEqual(migrated(input, '2.0.0').assessment)
  })

  it('never changes its input, and shares no object with it', () => {
    const input = deepFreeze(assessmentOf(v100, given))
    const copy = structuredClone(input)
    const { assessment } = migrated(input, '2.0.0')
    expect(input).toEqual(copy)
    const reizen = assessment.answers['reizen-werk'] as { possible?: string }
    reizen.possible = 'changed'
    const captured = assessment.captured?.answers.tillen as { level?: string }
    captured.level = 'geen'
    expect(input).toEqual(copy)
  })

  it('leaves an assessment as it is when it is already at the version asked', () => {
    const input = deepFreeze(assessmentOf(v110, { gelezen: one('ja'), nieuw: one('b') }))
    const { assessment, report } = migrated(input, '1.1.0')
    expect(assessment).toEqual(input)
    expect(assessment.captured).toBeUndefined()
    expect(report).toEqual({
      instrument: 'demo',
      from: '1.1.0',
      to: '1.1.0',
      steps: [],
      entries: [
        { item: 'nieuw', outcome: 'kept' },
        { item: 'gelezen', outcome: 'kept' },
      ],
    })
  })

  it('refuses an earlier version, an unknown one, and a chain with a version missing', () => {
    const at110 = assessmentOf(v110, {})
    const messages = (a: Assessment, to: string, instruments = demo) => {
      const r = migrate(a, to, instruments, { now: NOW })
      return r.ok ? [] : r.issues.map((i) => i.message.en)
    }
    expect(messages(at110, '1.0.0')).toEqual([
      'An assessment does not go back to an earlier version (demo 1.1.0 to 1.0.0)',
    ])
    expect(messages(at110, '3.0.0')).toEqual([
      'Cannot migrate to version 3.0.0 of demo: it is not known (known: 1.0.0, 1.1.0, 2.0.0)',
    ])
    expect(messages(assessmentOf(v100, {}), '2.0.0', [demo[0], demo[2]] as Instrument[])).toEqual([
      'demo 2.0.0 does not say how answers of 1.0.0 carry over (no migration from 1.0.0)',
    ])
  })

  it('keeps the derivation of a derived assessment with the answers it describes', () => {
    const derived: Assessment = {
      ...assessmentOf(v100, { oud: one('a'), weg: { kind: 'date', date: '2026-11-01' } }),
      derivation: {
        from: {
          assessmentId: '11111111-1111-4111-8111-111111111111',
          instrument: { id: 'bar', version: '1.0.0' },
        },
        crosswalk: { id: 'x__y', version: '1.0.0' },
        items: {
          oud: { sources: ['a'], rule: 'level-map' },
          weg: { sources: ['b'], rule: 'level-map' },
        },
        notDerivable: { reizen: { nl: 'r', en: 'r' }, gelezen: { nl: 'g', en: 'g' } },
      },
    }
    const { assessment } = migrated(deepFreeze(derived), '1.1.0')
    expect(assessment.derivation?.items).toEqual({ nieuw: { sources: ['a'], rule: 'level-map' } })
    expect(assessment.derivation?.notDerivable).toEqual({ gelezen: { nl: 'g', en: 'g' } })
  })
})

describe('migrate (what is worked out once per pair of versions)', () => {
  type Json = Record<string, unknown>
  /** DEMO_1_1_0 with another label for `nieuw`, another reason to drop `weg`, and at most 10 hours. */
  function variant(): Json {
    const v = structuredClone(DEMO_1_1_0) as Json & {
      sections: { items: (Json & { answer: Json })[] }[]
      migration: { steps: Json[] }
    }
    const items = v.sections[0]!.items
    items.find((i) => i.id === 'nieuw')!.label = { nl: 'Ander label', en: 'Other label' }
    items.find((i) => i.id === 'uren')!.answer.max = 10
    v.migration.steps.find((s) => s.name === 'drop-weg')!.reason = { nl: 'Anders', en: 'Else' }
    return v
  }
  const load = (versions: Json[]) => {
    const c = buildCatalogue(demoFiles(versions))
    if (c.problems.length) throw new Error(JSON.stringify(c.problems))
    return c.instruments
  }

  it('gives each catalogue its own texts and checks, also when another was used before', () => {
    const input = deepFreeze(
      assessmentOf(v100, {
        oud: one('a'),
        weg: { kind: 'date', date: '2026-11-01' },
        uren: { kind: 'quantity', value: 20 },
      }),
    )
    const outcome = (instruments: Instrument[]) => {
      const { assessment, report } = migrated(input, '1.1.0', instruments)
      const e = byItem(report.entries)
      const how = (id: string) => {
        const x = e.get(id)
        return x?.outcome === 'moved' ? x.how.en : x?.outcome === 'dropped' ? x.reason.en : ''
      }
      return { oud: how('oud'), weg: how('weg'), uren: e.get('uren')?.outcome, assessment }
    }
    const first = outcome(demo)
    const other = outcome(load([DEMO_1_0_0, variant()]))
    const again = outcome(load([DEMO_1_0_0, DEMO_1_1_0]))
    expect(first).toMatchObject({
      oud: 'Renamed from "oud (en)" (oud) to "nieuw (en)" (nieuw).',
      weg: '"weg (en)" (weg) is dropped in demo 1.1.0: No date needed (en)',
      uren: 'kept',
    })
    expect(other).toMatchObject({
      oud: 'Renamed from "oud (en)" (oud) to "Other label" (nieuw).',
      weg: '"weg (en)" (weg) is dropped in demo 1.1.0: Else',
      uren: 'dropped',
    })
    expect(other.assessment.answers.uren).toBeUndefined()
    expect(again).toEqual(first)
    expect(outcome(demo)).toEqual(first)
  })
})

describe('migrate (BAR 1.0.0 to 1.1.0)', () => {
  const { instruments } = shippedCatalogue()
  const example = deepFreeze(readJson(join(root, 'public/examples/bar-example.json')) as Assessment)

  it('moves the stress answer to its new id, splits the hand answer and keeps the rest', () => {
    const answers: Answers = {
      ...example.answers,
      'fysiek.hand-vinger': {
        kind: 'capacity',
        level: 'matig',
        possible: 'Kan een pen vasthouden.',
      },
    }
    const input = deepFreeze({ ...example, answers })
    const { assessment, report } = migrated(input, '1.1.0', instruments)
    expect(valid(assessment, instruments)).toEqual([])
    expect(assessment.answers['mentaal.omgaan-met-stress']).toEqual(
      example.answers['mentaal.stress-hanteren'],
    )
    expect(assessment.answers['fysiek.fijne-handvaardigheid']).toEqual(
      answers['fysiek.hand-vinger'],
    )
    expect(assessment.answers['fysiek.knijp-grijpkracht']).toEqual(answers['fysiek.hand-vinger'])
    const changed = report.entries.filter((e) => e.outcome !== 'kept')
    expect(changed.map((e) => [e.item, e.outcome])).toEqual([
      ['mentaal.stress-hanteren', 'moved'],
      ['fysiek.hand-vinger', 'transformed'],
    ])
    expect(report.entries).toHaveLength(Object.keys(answers).length)
  })

  it('keeps every answer of 1.0.0 (1.1.0 adds its condition to a new item only)', () => {
    const answers: Answers = { ...example.answers, 'prognose.verloop': one('onzeker') }
    const { report } = migrated(deepFreeze({ ...example, answers }), '1.1.0', instruments)
    expect(report.entries.filter((e) => e.outcome === 'dropped')).toEqual([])
  })

  it('drops an answer that a condition new in the next version hides, and says why', () => {
    // BAR 1.1.0 as it would be with the time horizon asked only for a course that can be foreseen.
    const withCondition = structuredClone(instruments.find((i) => i.version === '1.1.0')!)
    const termijn = withCondition.sections
      .flatMap((s) => s.items)
      .find((i) => i.id === 'prognose.termijn')!
    termijn.visibleWhen = { item: 'prognose.verloop', anyOf: ['herstel', 'stabiel'] }
    const chain = [...instruments.filter((i) => i.version !== '1.1.0'), withCondition]
    const answers: Answers = { ...example.answers, 'prognose.verloop': one('onzeker') }
    const { assessment, report } = migrated(deepFreeze({ ...example, answers }), '1.1.0', chain)
    expect(assessment.answers['prognose.termijn']).toBeUndefined()
    expect(assessment.captured?.answers['prognose.termijn']).toEqual(one('3-6-maanden'))
    expect(byItem(report.entries).get('prognose.termijn')).toMatchObject({
      outcome: 'dropped',
      reason: {
        nl: expect.stringContaining('hier is "Onzeker, nog niet te voorspellen" (onzeker) gekozen'),
      },
    })
  })
})
