import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { startDraft } from '../../../src/core/builder/draft'
import { finishDraft, migrationPreview, savePlan } from '../../../src/core/builder/save-plan'
import { buildCatalogue } from '../../../src/core/instrument/catalogue'
import { loadInstrument } from '../../../src/core/instrument/load-instrument'
import type { Instrument } from '../../../src/core/instrument/meta-schema'
import { answersArb } from '../../helpers/answer-arbitraries'
import { assessmentOf, capacity, NOW, one } from '../../helpers/assessments'
import {
  edits,
  item,
  option,
  section,
  shippedInstrument,
  shippedVocabulary,
  tiny,
} from './builder-fixtures'

const bar = shippedInstrument('bar')
const vocabulary = shippedVocabulary()
const messages = (r: { ok: boolean; issues?: { message: { en: string } }[] }) =>
  r.ok ? [] : (r.issues ?? []).map((i) => i.message.en)

describe('savePlan', () => {
  it('proposes the next patch for a draft that changed nothing but its migration, or its wording', () => {
    const plain = savePlan(startDraft(bar), bar)
    expect(plain).toMatchObject({ ok: true, value: { bump: 'patch', proposed: '1.0.1' } })
    if (plain.ok) expect(plain.value.changes.map((c) => c.kind)).toEqual(['migration-changed'])
    const worded = edits(startDraft(bar), {
      op: 'set',
      path: ['sections', 2, 'items', 0, 'label', 'en'],
      value: 'Lift',
    })
    expect(savePlan(worded, bar)).toMatchObject({
      ok: true,
      value: { bump: 'patch', proposed: '1.0.1' },
    })
  })

  it('credits the recorded migration: a renamed item needs a minor version, a deleted one a major', () => {
    const renamed = edits(startDraft(bar), {
      op: 'rename',
      ref: item(0, 6),
      id: 'mentaal.omgaan-met-stress',
    })
    const r = savePlan(renamed, bar)
    expect(r).toMatchObject({ ok: true, value: { bump: 'minor', proposed: '1.1.0' } })
    if (r.ok)
      expect(r.value.changes.find((c) => c.kind === 'item-removed')).toMatchObject({
        bump: 'minor',
        carriedBy: 'rename-mentaal-stress-hanteren',
      })
    const deleted = edits(startDraft(bar), { op: 'delete', ref: item(0, 6) })
    expect(savePlan(deleted, bar)).toMatchObject({
      ok: true,
      value: { bump: 'major', proposed: '2.0.0' },
    })
    const added = edits(startDraft(bar), {
      op: 'add',
      node: 'item',
      at: { where: 'inside', target: section(0) },
    })
    expect(savePlan(added, bar)).toMatchObject({ ok: true, value: { bump: 'minor' } })
  })

  it('follows a base with a pre-release version', () => {
    const rc = { ...tiny(), version: '2.0.0-rc.1' }
    expect(savePlan(startDraft(rc), rc)).toMatchObject({ ok: true, value: { proposed: '2.0.0' } })
  })

  it('refuses a draft without the shape of an instrument, or opened from another version', () => {
    const broken = edits(startDraft(tiny()), {
      op: 'set',
      path: ['sections', 1, 'items', 1, 'answer', 'unit'],
      value: 'furlong',
    })
    expect(savePlan(broken, tiny()).ok).toBe(false)
    expect(messages(savePlan(startDraft(bar), shippedInstrument('bar', '1.1.0')))).toEqual([
      'This draft was opened from bar 1.0.0, not from bar 1.1.0',
    ])
  })
})

describe('finishDraft', () => {
  const renamed = () =>
    edits(
      startDraft(bar),
      { op: 'rename', ref: item(0, 6), id: 'mentaal.omgaan-met-stress' },
      { op: 'set', path: ['sections', 0, 'items', 6, 'label', 'en'], value: 'Coping with stress' },
    )

  it('gives the new version with its migration from the base, which the catalogue accepts after the base', () => {
    const r = finishDraft(renamed(), '1.1.0', bar, vocabulary)
    expect(messages(r)).toEqual([])
    if (!r.ok) return
    expect(r.value.version).toBe('1.1.0')
    expect(r.value.migration).toEqual({
      from: '1.0.0',
      steps: [
        {
          name: 'rename-mentaal-stress-hanteren',
          kind: 'rename',
          from: 'mentaal.stress-hanteren',
          to: 'mentaal.omgaan-met-stress',
        },
      ],
    })
    const json = JSON.parse(JSON.stringify(r.value)) as Instrument
    expect(loadInstrument(json, vocabulary, bar)).toMatchObject({ ok: true })
    const catalogue = buildCatalogue([
      { path: 'bar/1.0.0.json', json: bar },
      { path: 'bar/1.1.0.json', json },
      { path: 'vocabulary/1.0.0.json', json: vocabulary },
    ])
    expect(catalogue.problems).toEqual([])
    expect(catalogue.instruments.map((i) => i.version)).toEqual(['1.0.0', '1.1.0'])
  })

  it('accepts any higher version the changes allow, a pre-release of the minimum too', () => {
    for (const version of ['1.1.0', '1.2.0', '2.0.0', '1.1.0-rc.1'])
      expect(finishDraft(renamed(), version, bar, vocabulary).ok, version).toBe(true)
  })

  it('refuses a version that is no version, not higher than the base, or below what the changes need', () => {
    expect(finishDraft(renamed(), '1.1', bar, vocabulary)).toEqual({
      ok: false,
      issues: [
        {
          path: '$.version',
          message: {
            nl: '"1.1" is geen versienummer (semver, bijvoorbeeld 1.1.0)',
            en: '"1.1" is not a version number (semver, e.g. 1.1.0)',
          },
        },
      ],
    })
    expect(messages(finishDraft(renamed(), '1.0.0', bar, vocabulary))).toEqual([
      'Version 1.0.0 must be higher than 1.0.0, the version this draft was opened from',
    ])
    const r = finishDraft(renamed(), '1.0.1', bar, vocabulary)
    expect(r.ok ? [] : r.issues.map((i) => i.message.nl)).toEqual([
      'Deze wijzigingen vragen minstens een minor-versie: 1.1.0 of hoger, niet 1.0.1',
    ])
  })

  it('refuses a draft with problems, naming each', () => {
    const d = edits(startDraft(bar), {
      op: 'add',
      node: 'item',
      at: { where: 'inside', target: section(0) },
    })
    const r = finishDraft(d, '1.1.0', bar, vocabulary)
    expect(messages(r)).toHaveLength(6)
    expect(messages(r)[0]).toBe('Dutch text missing for Label')
  })
})

describe('migrationPreview', () => {
  const assessments = [
    assessmentOf(bar, {
      'fysiek.tillen': capacity('licht'),
      'fysiek.dragen': capacity('geen'),
      'visie.gelezen': one('ja'),
    }),
    assessmentOf(bar, { 'fysiek.tillen': capacity('matig') }),
    assessmentOf(shippedInstrument('bar', '1.1.0'), {}),
    assessmentOf(shippedInstrument('fml'), {}),
  ]

  it('counts the saved answers of the base version by what the migration does with them', () => {
    const d = edits(
      startDraft(bar),
      { op: 'rename', ref: item(2, 0), id: 'fysiek.optillen' },
      { op: 'delete', ref: item(2, 1) },
    )
    expect(migrationPreview(assessments, bar, d, NOW)).toEqual({
      affected: 2,
      kept: 1,
      moved: 2,
      transformed: 0,
      dropped: 1,
      byItem: [
        { item: 'fysiek.tillen', outcome: 'moved', count: 2 },
        { item: 'fysiek.dragen', outcome: 'dropped', count: 1 },
      ],
      blocked: false,
    })
  })

  it('counts a renamed option as transformed and a dropped one as dropped, by answer', () => {
    const d = edits(
      startDraft(bar),
      { op: 'rename', ref: option(2, 0, 1), id: 'lichte' },
      { op: 'delete', ref: option(2, 0, 2) },
    )
    expect(migrationPreview(assessments, bar, d, NOW)).toMatchObject({
      kept: 2,
      transformed: 1,
      dropped: 1,
      byItem: [
        { item: 'fysiek.tillen', outcome: 'transformed', count: 1 },
        { item: 'fysiek.tillen', outcome: 'dropped', count: 1 },
      ],
    })
  })

  it('is not blocked by missing texts, but by any other problem, and counts nothing then', () => {
    const blank = edits(startDraft(bar), {
      op: 'set',
      path: ['sections', 2, 'items', 0, 'label', 'nl'],
      value: '',
    })
    expect(migrationPreview(assessments, bar, blank, NOW)).toMatchObject({
      blocked: false,
      kept: 4,
    })
    const broken = edits(startDraft(bar), {
      op: 'set',
      path: ['sections', 7, 'items', 2, 'visibleWhen', 'item'],
      value: 'nope',
    })
    const p = migrationPreview(assessments, bar, broken, NOW)
    expect(p).toMatchObject({
      affected: 2,
      kept: 0,
      moved: 0,
      transformed: 0,
      dropped: 0,
      byItem: [],
      blocked: true,
    })
    expect(p.issues?.[0]?.message.en).toMatch(/does not exist/)
  })

  it('counts every answer once, whatever the answers and the draft', () => {
    const d = edits(
      startDraft(bar),
      { op: 'rename', ref: item(0, 0), id: 'mentaal.concentratie' },
      { op: 'setKind', ref: item(6, 3), kind: 'text' },
      { op: 'delete', ref: option(2, 0, 4) },
    )
    fc.assert(
      fc.property(fc.array(answersArb(bar), { maxLength: 4 }), (list) => {
        const p = migrationPreview(
          list.map((a) => assessmentOf(bar, a)),
          bar,
          d,
          NOW,
        )
        const answers = list.reduce((n, a) => n + Object.keys(a).length, 0)
        expect(p.kept + p.moved + p.transformed + p.dropped).toBe(answers)
        expect(p.byItem.reduce((n, b) => n + b.count, 0)).toBe(answers - p.kept)
      }),
      { numRuns: 30 },
    )
  })
})
