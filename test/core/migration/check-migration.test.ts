import { describe, expect, it } from 'vitest'
import { buildCatalogue } from '../../../src/core/instrument/catalogue'
import { loadInstrument } from '../../../src/core/instrument/load-instrument'
import type { Instrument } from '../../../src/core/instrument/meta-schema'
import { checkMigration } from '../../../src/core/migration/check-migration'
import { fixtureVocabulary, shippedCatalogue } from '../../helpers/instruments'
import {
  DEMO_1_0_0,
  DEMO_1_1_0,
  DEMO_2_0_0,
  demoChain,
  demoFiles,
} from '../../helpers/migration-chain'

type Json = Record<string, unknown>
type Step = Record<string, unknown>

const [v100, v110] = demoChain() as [Instrument, Instrument, Instrument]

/** A copy of a demo version with its steps changed. */
function withSteps(json: Json, change: (steps: Step[]) => void): Json {
  const copy = structuredClone(json)
  change((copy.migration as { steps: Step[] }).steps)
  return copy
}

/** The loader's problems with `json`, checked against `previous` (null: on its own). */
function problems(json: Json, previous: Instrument | null = v100): string[] {
  const r = loadInstrument(json, fixtureVocabulary(), previous ?? undefined)
  return r.ok ? [] : r.issues.map((i) => `${i.path} ${i.message.en}`)
}

describe('checkMigration', () => {
  it('accepts the demo chain, which uses every step kind, and the shipped BAR 1.1.0 and 1.2.0', () => {
    expect(problems(DEMO_1_1_0)).toEqual([])
    expect(problems(DEMO_2_0_0, v110)).toEqual([])
    const kinds = [DEMO_1_1_0, DEMO_2_0_0].flatMap((j) =>
      (j.migration as { steps: Step[] }).steps.map((s) => s.kind),
    )
    expect(new Set(kinds)).toEqual(
      new Set(['rename', 'move', 'mapOptions', 'split', 'merge', 'drop']),
    )
    const c = shippedCatalogue()
    expect(c.problems).toEqual([])
    const bar = c.instruments.filter((i) => i.id === 'bar')
    expect(bar.map((i) => i.version)).toEqual(['1.0.0', '1.1.0', '1.2.0'])
    expect(checkMigration(bar[1] as Instrument, bar[0])).toEqual([])
    expect(checkMigration(bar[2] as Instrument, bar[1])).toEqual([])
  })

  it('says when a step reads an item the previous version does not have', () => {
    const json = withSteps(DEMO_1_1_0, (s) => {
      s[1] = { name: 'rename-oud', kind: 'rename', from: 'nope', to: 'nieuw' }
    })
    expect(problems(json)).toEqual([
      '$.migration.steps[1].from Item "nope" does not exist in demo 1.0.0',
      '$.migration Item "oud" of demo 1.0.0 is not in demo 1.1.0 and no step says where its answer goes (rename, move, split, merge or drop)',
    ])
  })

  it('says when a step writes an item the new version does not have', () => {
    const json = withSteps(DEMO_1_1_0, (s) => {
      s[3] = { name: 'move-notitie', kind: 'move', from: 'notitie', to: 'nergens' }
    })
    expect(problems(json)).toEqual([
      '$.migration.steps[3].to Item "nergens" does not exist in demo 1.1.0',
    ])
  })

  it('says when an item of the previous version is gone without a step', () => {
    const json = withSteps(DEMO_1_1_0, (s) => void s.splice(4, 1))
    expect(problems(json)).toEqual([
      '$.migration Item "weg" of demo 1.0.0 is not in demo 1.1.0 and no step says where its answer goes (rename, move, split, merge or drop)',
    ])
  })

  it('refuses to carry an answer to an item of another kind', () => {
    const json = withSteps(DEMO_1_1_0, (s) => {
      s[3] = { name: 'move-weg', kind: 'move', from: 'weg', to: 'toelichting' }
      s[4] = { name: 'drop-notitie', kind: 'drop', item: 'notitie', reason: { nl: 'x', en: 'x' } }
    })
    expect(problems(json)).toEqual([
      '$.migration.steps[3].to An answer of kind date does not fit item "toelichting" (text)',
    ])
  })

  it('refuses to write over an answer an item still holds', () => {
    const json = withSteps(DEMO_1_1_0, (s) => {
      s[3] = { name: 'move-notitie', kind: 'move', from: 'notitie', to: 'gelezen' }
    })
    expect(problems(json)).toEqual([
      '$.migration.steps[3].to Item "gelezen" already holds an answer here (from demo 1.0.0 or an earlier step): let an earlier step move or drop it first',
    ])
  })

  it('says when a step reads an answer an earlier step already took', () => {
    const json = withSteps(DEMO_1_1_0, (s) => {
      s.push({ name: 'drop-oud', kind: 'drop', item: 'oud', reason: { nl: 'x', en: 'x' } })
    })
    expect(problems(json)).toEqual([
      '$.migration.steps[5].item Item "oud" was already moved or dropped by an earlier step',
    ])
  })

  it('keeps a rename for a new id: not from an item that stays, not to one that existed', () => {
    const json = withSteps(DEMO_1_1_0, (s) => {
      s[1] = { name: 'rename-oud', kind: 'rename', from: 'gelezen', to: 'kleur' }
    })
    expect(problems(json)).toEqual([
      '$.migration.steps[1].from Item "gelezen" still exists in demo 1.1.0: a rename gives the item a new id (use move to bring an answer to another item)',
      '$.migration.steps[1].to Item "kleur" already exists in demo 1.0.0: a rename gives the item a new id (use move)',
      '$.migration Item "oud" of demo 1.0.0 is not in demo 1.1.0 and no step says where its answer goes (rename, move, split, merge or drop)',
    ])
  })

  it('checks option maps: codes the answer can hold, and none left that the new item lacks', () => {
    const unknown = withSteps(DEMO_1_1_0, (s) => {
      ;(s[2] as { options: Json }).options.paars = 'warm'
    })
    expect(problems(unknown)).toEqual([
      '$.migration.steps[2].options.paars Item "kleur" has no option "paars" to map',
    ])
    const uncovered = withSteps(DEMO_1_1_0, (s) => {
      delete (s[2] as { options: Json }).options.blauw
    })
    expect(problems(uncovered)).toEqual([
      '$.migration.steps[2] After this step item "kleur" can hold option "blauw", which does not exist in demo 1.1.0: map it with mapOptions',
    ])
    const split = withSteps(DEMO_1_1_0, (s) => {
      delete ((s[0] as { to: { options?: Json }[] }).to[1]?.options as Json).ernstig
    })
    expect(problems(split)).toEqual([
      '$.migration.steps[0] After this step item "reizen-woon" can hold option "ernstig", which does not exist in demo 1.1.0: map it with mapOptions',
    ])
  })

  it('merges only answers of one kind, and by rank only ranked ones', () => {
    const kinds = withSteps(DEMO_2_0_0, (s) => {
      s[1] = { ...s[1], from: ['nieuw', 'uren'] }
    })
    expect(problems(kinds, v110)).toContain(
      '$.migration.steps[1].from Only answers of one kind can be merged, not single and quantity',
    )
    const unranked = withSteps(DEMO_2_0_0, (s) => {
      s[1] = { ...s[1], rule: 'most-restrictive' }
    })
    expect(problems(unranked, v110)).toEqual([
      '$.migration.steps[1].from[0] Item "nieuw" has no ranked options, which "most-restrictive" needs',
      '$.migration.steps[1].from[1] Item "kleur" has no ranked options, which "most-restrictive" needs',
      '$.migration.steps[1].to Item "samen" has no ranked options, which "most-restrictive" needs',
    ])
  })

  it('wants unique step names in kebab-case and a migration from an earlier version', () => {
    const json = withSteps(DEMO_1_1_0, (s) => {
      ;(s[1] as Step).name = 'split-reizen'
    })
    expect(problems(json)).toEqual([
      '$.migration.steps[0].name Step name "split-reizen" occurs more than once',
      '$.migration.steps[1].name Step name "split-reizen" occurs more than once',
    ])
    const badName = withSteps(DEMO_1_1_0, (s) => {
      ;(s[0] as Step).name = 'Split Reizen'
    })
    expect(problems(badName)).toEqual([
      '$.migration.steps[0].name "Split Reizen" is not a step name (lower-case letters, digits and hyphens, e.g. split-hand-vinger)',
    ])
    const later = structuredClone(DEMO_1_1_0)
    ;(later.migration as Json).from = '1.1.0'
    expect(problems(later, null)).toEqual([
      '$.migration.from Migration from 1.1.0: that must be a version before 1.1.0',
    ])
    expect(problems(later)).toContain(
      '$.migration.from Migration from 1.1.0, but the previous version of demo is 1.0.0',
    )
  })
})

describe('buildCatalogue (versions and migrations)', () => {
  const issuesOf = (files: ReturnType<typeof demoFiles>) =>
    buildCatalogue(files).problems.map(
      (p) => `${p.path}: ${p.issues.map((i) => `${i.path} ${i.message.en}`).join('; ')}`,
    )

  it('orders versions by semver, not by file name, and checks each against the one before', () => {
    const v1_10 = { ...structuredClone(DEMO_2_0_0), version: '1.10.0' }
    const c = buildCatalogue(demoFiles([v1_10, DEMO_1_0_0, DEMO_1_1_0]))
    expect(c.problems).toEqual([])
    expect(c.instruments.map((i) => i.version)).toEqual(['1.0.0', '1.1.0', '1.10.0'])
  })

  it('wants a migration on every later version, from the version just before it', () => {
    const bare = structuredClone(DEMO_1_1_0)
    delete bare.migration
    expect(issuesOf(demoFiles([DEMO_1_0_0, bare]))).toEqual([
      'demo/1.1.0.json: $ demo 1.1.0 follows 1.0.0: say with "migration" (from: 1.0.0, steps) how answers carry over',
    ])
    const orphan = { ...structuredClone(DEMO_1_0_0), migration: { from: '0.9.0', steps: [] } }
    expect(issuesOf(demoFiles([orphan]))).toEqual([
      'demo/1.0.0.json: $.migration.from Migration from 0.9.0, but demo 0.9.0 is not in schemas/',
    ])
  })

  it('leaves out a version whose previous version has problems', () => {
    const broken = { ...structuredClone(DEMO_1_0_0), title: { nl: 'x' } }
    expect(issuesOf(demoFiles([broken, DEMO_1_1_0]))).toEqual([
      'demo/1.0.0.json: $.title.en Text missing in English',
      'demo/1.1.0.json: $.migration demo 1.0.0 has problems, so the migration from it cannot be checked',
    ])
  })
})
