import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Draft } from '../../../src/core/builder/draft'
import { startDraft } from '../../../src/core/builder/draft'
import type { Edit } from '../../../src/core/builder/edits'
import {
  applyEdit,
  canApply,
  insertPoints,
  moveAnnouncement,
} from '../../../src/core/builder/edits'
import { ITEM_REMOVED } from '../../../src/core/builder/migration-record'
import { ANSWER_KINDS } from '../../../src/core/builder/new-nodes'
import type { NodeRef } from '../../../src/core/builder/node-ref'
import { nodeExists, optionAt, optionsOf, pathOfNode } from '../../../src/core/builder/node-ref'
import { loadDraft } from '../../../src/core/builder/node-problems'
import type { Instrument } from '../../../src/core/instrument/meta-schema'
import { checkMigration } from '../../../src/core/migration/check-migration'
import { deepFreeze } from '../../helpers/deep-freeze'
import { editOf, run, seedArb } from './random-edits'
import {
  edit,
  edits,
  item,
  option,
  section,
  shippedInstrument,
  shippedVocabulary,
  tiny,
} from './builder-fixtures'

const bar = shippedInstrument('bar')
const fml = shippedInstrument('fml')
const barDraft = () => startDraft(bar)
const tinyDraft = () => startDraft(tiny())

const steps = (d: Draft) => d.instrument.migration?.steps ?? []
const ids = (d: Draft, s: number) => d.instrument.sections[s]!.items.map((i) => i.id)
const codes = (d: Draft, s: number, i: number) =>
  (optionsOf(d.instrument.sections[s]!.items[i]!) ?? []).map((o) => o.code)
const refusal = (d: Draft, e: Edit, lang: 'nl' | 'en' = 'en') => {
  const r = canApply(d, e)
  return r.ok ? undefined : r.issues.map((i) => i.message[lang]).join('\n')
}

describe('applyEdit', () => {
  describe('set', () => {
    it('sets a text, sharing every part it did not change', () => {
      const d = barDraft()
      const r = edit(d, {
        op: 'set',
        path: ['sections', 2, 'items', 0, 'label', 'en'],
        value: 'Lifting things',
      })
      const a = d.instrument
      const b = r.draft.instrument
      expect(b.sections[2]!.items[0]!.label).toEqual({ nl: 'Tillen', en: 'Lifting things' })
      expect(b).not.toBe(a)
      expect(b.sections[2]).not.toBe(a.sections[2])
      expect(b.sections[0]).toBe(a.sections[0])
      expect(b.sections[2]!.items[1]).toBe(a.sections[2]!.items[1])
      expect(b.sections[2]!.items[0]!.answer).toBe(a.sections[2]!.items[0]!.answer)
      expect(b.provenance).toBe(a.provenance)
      expect(r.draft.base).toBe(d.base)
      expect(r.selected).toEqual(item(2, 0))
      expect(r.patches).toEqual([
        {
          op: 'replace',
          path: ['instrument', 'sections', 2, 'items', 0, 'label', 'en'],
          value: 'Lifting things',
        },
      ])
    })

    it('deletes an optional field when the value is undefined, and makes a missing object', () => {
      const d = tinyDraft()
      const help = ['sections', 0, 'items', 1, 'help']
      const gone = edit(d, { op: 'set', path: help, value: undefined }).draft
      expect(gone.instrument.sections[0]!.items[1]).not.toHaveProperty('help')
      const made = edit(gone, { op: 'set', path: [...help, 'nl'], value: 'Uitleg' }).draft
      expect(made.instrument.sections[0]!.items[1]!.help).toEqual({ nl: 'Uitleg' })
    })

    it('adds to a list of texts at its end', () => {
      const d = tinyDraft()
      const r = edit(d, {
        op: 'set',
        path: ['provenance', 'verified', 1],
        value: { nl: 'Meer', en: 'More' },
      })
      expect(r.draft.instrument.provenance.verified).toHaveLength(2)
      expect(r.selected).toEqual({ kind: 'instrument' })
    })

    it('copies the value, so the caller cannot change the draft afterwards', () => {
      const value = { nl: 'A', en: 'B' }
      const r = edit(tinyDraft(), { op: 'set', path: ['description'], value })
      value.nl = 'changed'
      expect(r.draft.instrument.description).toEqual({ nl: 'A', en: 'B' })
    })

    it('changes nothing, and gives no patches, for the value already there', () => {
      const d = tinyDraft()
      const r = applyEdit(d, {
        op: 'set',
        path: ['sections', 0, 'label'],
        value: { nl: 'Fysiek', en: 'Physical' },
      })
      expect(r.draft).toBe(d)
      expect(r.patches).toEqual([])
      expect(r.refused).toBeUndefined()
    })

    it('is a rename for an id or an option code, and a kind change for the answer kind', () => {
      const d = barDraft()
      const a = edit(d, {
        op: 'set',
        path: ['sections', 2, 'items', 0, 'id'],
        value: 'fysiek.optillen',
      }).draft
      expect(steps(a)).toMatchObject([
        { kind: 'rename', from: 'fysiek.tillen', to: 'fysiek.optillen' },
      ])
      const b = edit(a, {
        op: 'set',
        path: [...pathOfNode(option(2, 0, 1), bar), 'code'],
        value: 'lichte',
      }).draft
      expect(steps(b)[1]).toMatchObject({ kind: 'mapOptions', options: { licht: 'lichte' } })
      const c = edit(b, {
        op: 'set',
        path: ['sections', 2, 'items', 1, 'answer', 'kind'],
        value: 'text',
      }).draft
      expect(c.instrument.sections[2]!.items[1]!.answer).toEqual({
        kind: 'text',
        multiline: false,
        maxLength: 2000,
      })
      expect(steps(c)[2]).toMatchObject({ kind: 'drop', item: 'fysiek.dragen' })
      expect(refusal(c, { op: 'set', path: ['sections', 2, 'items', 0, 'id'], value: 3 })).toMatch(
        /not a valid id/,
      )
    })

    it('refuses the structure, the instrument id and fields that are not there', () => {
      const d = tinyDraft()
      const structure = [
        ['sections'],
        ['sections', 0],
        ['sections', 0, 'items'],
        ['sections', 0, 'items', 1],
        ['sections', 0, 'items', 1, 'answer'],
        ['sections', 0, 'items', 1, 'answer', 'options'],
        ['sections', 0, 'items', 1, 'answer', 'options', 0],
        ['sections', 0, 'items', 0, 'answer', 'levels', 0],
      ]
      for (const path of structure)
        expect(refusal(d, { op: 'set', path, value: {} }), JSON.stringify(path)).toMatch(
          /structure/,
        )
      expect(refusal(d, { op: 'set', path: ['id'], value: 'x' })).toMatch(/instrument id/)
      expect(refusal(d, { op: 'set', path: [], value: {} })).toMatch(/Choose a field/)
      for (const path of [
        ['sections', 5, 'label'],
        ['sections', 0, 'items', 9, 'label', 'nl'],
        ['provenance', 'verified', 3],
        ['title', 'nl', 'x'],
        ['title', 0],
        ['domains', 0, 'label'],
      ])
        expect(refusal(d, { op: 'set', path, value: 'x' }), JSON.stringify(path)).toMatch(
          /does not exist/,
        )
      expect(
        refusal(d, { op: 'set', path: ['provenance', 'verified', 0], value: undefined }),
      ).toMatch(/giving the list without it/)
      const r = applyEdit(d, { op: 'set', path: ['id'], value: 'x' })
      expect(r.draft).toBe(d)
      expect(r.patches).toEqual([])
      expect(r.refused?.[0]?.message.nl).toMatch(/id van het instrument/)
    })
  })

  describe('add', () => {
    it('adds an item last in a section, with a fresh id, blank texts and the default spec of its kind', () => {
      const d = barDraft()
      const inside = { where: 'inside', target: section(0) } as const
      const r = edit(d, { op: 'add', node: 'item', at: inside, answerKind: 'quantity' })
      expect(r.selected).toEqual(item(0, 11))
      expect(r.undoSelected).toEqual(section(0))
      expect(r.draft.instrument.sections[0]!.items[11]).toEqual({
        id: 'nieuw-item',
        label: { nl: '', en: '' },
        answer: { kind: 'quantity', unit: 'hours-per-day', min: 0, max: 24 },
      })
      const r2 = edit(r.draft, { op: 'add', node: 'item', at: inside })
      expect(r2.draft.instrument.sections[0]!.items[12]).toMatchObject({
        id: 'nieuw-item-2',
        answer: { kind: 'single', options: [{ code: 'optie-1' }, { code: 'optie-2' }] },
      })
      expect(steps(r2.draft)).toEqual([])
    })

    it('adds an item before or after another, of every kind', () => {
      let d = tinyDraft()
      for (const kind of ANSWER_KINDS)
        d = edit(d, {
          op: 'add',
          node: 'item',
          at: { where: 'before', target: item(1, 0) },
          answerKind: kind,
        }).draft
      expect(d.instrument.sections[1]!.items.map((i) => i.answer.kind)).toEqual([
        'date',
        'text',
        'quantity',
        'capacity',
        'multiple',
        'single',
        'multiple',
        'quantity',
        'date',
      ])
      const after = edit(d, { op: 'add', node: 'item', at: { where: 'after', target: item(0, 0) } })
      expect(after.selected).toEqual(item(0, 1))
      expect(ids(after.draft, 0)[1]).toBe('nieuw-item-7')
    })

    it('adds a section holding one new item, in the domain of the section beside it', () => {
      const d = barDraft()
      const r = edit(d, {
        op: 'add',
        node: 'section',
        at: { where: 'after', target: section(4) },
        answerKind: 'text',
      })
      expect(r.selected).toEqual(section(5))
      expect(r.draft.instrument.sections[5]).toEqual({
        id: 'nieuwe-sectie',
        domain: 'werkfactoren',
        label: { nl: '', en: '' },
        items: [
          {
            id: 'nieuw-item',
            label: { nl: '', en: '' },
            answer: { kind: 'text', multiline: false, maxLength: 2000 },
          },
        ],
      })
      const last = edit(r.draft, {
        op: 'add',
        node: 'section',
        at: { where: 'inside', target: { kind: 'instrument' } },
      })
      expect(last.draft.instrument.sections.at(-1)).toMatchObject({
        id: 'nieuwe-sectie-2',
        domain: 'visie-werknemer',
      })
      const t = edit(tinyDraft(), {
        op: 'add',
        node: 'section',
        at: { where: 'before', target: section(0) },
      })
      expect(t.draft.instrument.sections[0]).not.toHaveProperty('domain')
    })

    it('adds an option after another or last, ranked when its neighbours are, never with a base code', () => {
      const d = tinyDraft()
      const r = edit(d, {
        op: 'add',
        node: 'option',
        at: { where: 'after', target: option(0, 1, 0) },
      })
      expect(r.selected).toEqual(option(0, 1, 1))
      expect(optionAt(r.draft.instrument, option(0, 1, 1))).toEqual({
        code: 'optie-1',
        label: { nl: '', en: '' },
        rank: 2,
      })
      const last = edit(d, {
        op: 'add',
        node: 'option',
        at: { where: 'inside', target: item(1, 0) },
      })
      expect(optionAt(last.draft.instrument, option(1, 0, 3))).toEqual({
        code: 'optie-1',
        label: { nl: '', en: '' },
      })
      const level = edit(d, {
        op: 'add',
        node: 'option',
        at: { where: 'before', target: option(0, 0, 0) },
      })
      expect(codes(level.draft, 0, 0)).toEqual(['optie-1', 'geen', 'licht', 'volledig'])
      // A new item whose base item had optie-2: the added option skips it.
      const renamed = edits(
        startDraft({ ...bar, sections: [{ ...bar.sections[7]! }] } as Instrument),
        { op: 'rename', ref: option(0, 1, 0), id: 'optie-2' },
      )
      const again = edit(renamed, {
        op: 'add',
        node: 'option',
        at: { where: 'inside', target: item(0, 1) },
      })
      expect(codes(again.draft, 0, 1)).toEqual(['optie-2', 'nee', 'optie-1'])
      expect(steps(again.draft)).toHaveLength(1)
    })

    it('refuses a node where it cannot go', () => {
      const d = tinyDraft()
      expect(
        refusal(d, { op: 'add', node: 'item', at: { where: 'inside', target: item(0, 0) } }),
      ).toMatch(/An item goes/)
      expect(
        refusal(d, {
          op: 'add',
          node: 'item',
          at: { where: 'inside', target: { kind: 'instrument' } },
        }),
      ).toMatch(/An item goes/)
      expect(
        refusal(d, { op: 'add', node: 'section', at: { where: 'inside', target: section(0) } }),
      ).toMatch(/A section goes/)
      expect(
        refusal(d, { op: 'add', node: 'section', at: { where: 'after', target: item(0, 0) } }),
      ).toMatch(/A section goes/)
      expect(
        refusal(d, { op: 'add', node: 'option', at: { where: 'inside', target: item(0, 2) } }),
      ).toMatch(/choices or levels/)
      expect(
        refusal(d, { op: 'add', node: 'option', at: { where: 'inside', target: section(0) } }),
      ).toMatch(/choices or levels/)
      expect(
        refusal(d, { op: 'add', node: 'option', at: { where: 'inside', target: option(0, 1, 0) } }),
      ).toMatch(/An option goes/)
      expect(
        refusal(d, { op: 'add', node: 'item', at: { where: 'after', target: item(4, 0) } }),
      ).toMatch(/does not exist/)
      expect(
        refusal(d, {
          op: 'add',
          node: 'item',
          at: { where: 'after', target: item(0, 0) },
          answerKind: 'essay' as never,
        }),
      ).toMatch(/Unknown answer kind/)
    })
  })

  describe('duplicate', () => {
    it('copies an item right after itself with a fresh id, its options keeping their codes', () => {
      const d = barDraft()
      const r = edit(d, { op: 'duplicate', ref: item(2, 0) })
      expect(r.selected).toEqual(item(2, 1))
      const [a, b] = r.draft.instrument.sections[2]!.items
      expect(b).toEqual({ ...a, id: 'fysiek.tillen-kopie' })
      expect(
        edit(r.draft, { op: 'duplicate', ref: item(2, 0) }).draft.instrument.sections[2]!.items[1]!
          .id,
      ).toBe('fysiek.tillen-kopie-2')
      expect(steps(r.draft)).toEqual([])
    })

    it('copies an option within its item under a fresh code', () => {
      const r = edit(tinyDraft(), { op: 'duplicate', ref: option(0, 1, 1) })
      expect(codes(r.draft, 0, 1)).toEqual(['nee', 'ja', 'ja-kopie', 'soms'])
      expect(optionAt(r.draft.instrument, option(0, 1, 2))?.label).toEqual({ nl: 'Ja', en: 'Yes' })
    })

    it('copies a section with fresh ids; conditions within it follow the copies, a cover becomes a plain section', () => {
      const d = startDraft(fml)
      const r = edit(d, { op: 'duplicate', ref: section(0) })
      const copy = r.draft.instrument.sections[1]!
      expect(copy.id).toBe('voorblad-kopie')
      expect(copy).not.toHaveProperty('role')
      expect(copy.items.map((i) => i.id)).toEqual(ids(d, 0).map((id) => `${id}-kopie`))
      expect(copy.items[1]!.visibleWhen).toEqual({
        item: 'voorblad.conclusie-kopie',
        anyOf: ['ja'],
      })
      expect(r.draft.instrument.sections[0]!.role).toBe('cover')
      expect(loadDraft(r.draft, shippedVocabulary(), fml)).toMatchObject({ ok: true })
    })

    it('refuses to copy the whole instrument', () => {
      expect(refusal(tinyDraft(), { op: 'duplicate', ref: { kind: 'instrument' } })).toMatch(
        /saving/,
      )
    })
  })

  describe('delete', () => {
    it('drops the answers of a base item with a default reason, which a set can change', () => {
      const d = edit(barDraft(), { op: 'delete', ref: item(2, 1) })
      expect(d.selected).toEqual(item(2, 1))
      expect(ids(d.draft, 2)).not.toContain('fysiek.dragen')
      expect(steps(d.draft)).toEqual([
        { name: 'drop-fysiek-dragen', kind: 'drop', item: 'fysiek.dragen', reason: ITEM_REMOVED },
      ])
      const reason = { nl: 'Samengevoegd met tillen', en: 'Merged with lifting' }
      const e = edit(d.draft, {
        op: 'set',
        path: ['migration', 'steps', 0, 'reason'],
        value: reason,
      })
      expect(steps(e.draft)[0]).toMatchObject({ reason })
      expect(checkMigration(e.draft.instrument, bar)).toEqual([])
    })

    it('drops a renamed base item by its base id', () => {
      const d = edits(
        barDraft(),
        { op: 'rename', ref: item(2, 0), id: 'fysiek.optillen' },
        { op: 'rename', ref: option(2, 0, 0), id: 'niets' },
        { op: 'delete', ref: item(2, 0) },
      )
      expect(steps(d)).toEqual([expect.objectContaining({ kind: 'drop', item: 'fysiek.tillen' })])
      expect(checkMigration(d.instrument, bar)).toEqual([])
    })

    it('records nothing for an item added in the draft, and removes a step pointing at it', () => {
      const added = edit(barDraft(), {
        op: 'add',
        node: 'item',
        at: { where: 'after', target: item(2, 0) },
      }).draft
      const move = { name: 'move-dragen', kind: 'move', from: 'fysiek.dragen', to: 'nieuw-item' }
      const d = edits(
        added,
        { op: 'delete', ref: item(2, 2) },
        { op: 'set', path: ['migration', 'steps'], value: [move] },
      )
      expect(steps(d)).toEqual([move])
      const gone = edit(d, { op: 'delete', ref: item(2, 1) }).draft
      expect(steps(gone)).toEqual([])
      expect(
        edit(added, { op: 'delete', ref: item(2, 1) }).draft.instrument.migration?.steps,
      ).toEqual([])
    })

    it('drops an option of a base item in its option map, a renamed one by its base code', () => {
      const d = edits(
        barDraft(),
        { op: 'rename', ref: option(2, 0, 1), id: 'lichte' },
        { op: 'delete', ref: option(2, 0, 1) },
        { op: 'delete', ref: option(2, 0, 1) },
      )
      expect(codes(d, 2, 0)).toEqual(['geen', 'ernstig', 'volledig'])
      expect(steps(d)).toEqual([
        {
          name: 'map-fysiek-tillen',
          kind: 'mapOptions',
          item: 'fysiek.tillen',
          options: {
            licht: {
              drop: {
                nl: 'Optie is vervallen in deze versie',
                en: 'Option was removed in this version',
              },
            },
            matig: {
              drop: {
                nl: 'Optie is vervallen in deze versie',
                en: 'Option was removed in this version',
              },
            },
          },
        },
      ])
      expect(checkMigration(d.instrument, bar)).toEqual([])
    })

    it('records nothing for an option added in the draft', () => {
      const d = edits(
        tinyDraft(),
        { op: 'add', node: 'option', at: { where: 'inside', target: item(1, 0) } },
        { op: 'delete', ref: option(1, 0, 3) },
      )
      expect(steps(d)).toEqual([])
    })

    it('deletes a section, dropping each of its base items', () => {
      const d = edit(barDraft(), { op: 'delete', ref: section(5) })
      expect(d.selected).toEqual(section(5))
      expect(d.draft.instrument.sections.map((s) => s.id)).not.toContain('persoonlijke-factoren')
      expect(steps(d.draft).map((s) => s.kind === 'drop' && s.item)).toEqual(ids(barDraft(), 5))
      expect(checkMigration(d.draft.instrument, bar)).toEqual([])
      expect(edit(barDraft(), { op: 'delete', ref: section(7) }).selected).toEqual(section(6))
    })

    it('refuses to delete what conditions, the conclusion or exclusions read, naming them', () => {
      const d = tinyDraft()
      expect(refusal(d, { op: 'delete', ref: item(0, 1) }, 'nl')).toBe(
        "'Klacht' kan niet worden verwijderd: de voorwaarde van 'Welke klacht' en uitsluiting 1 verwijzen ernaar. Pas dat eerst aan.",
      )
      expect(refusal(d, { op: 'delete', ref: item(0, 0) })).toBe(
        "'Lifting' cannot be deleted: the conclusion and exclusion 1 refer to it. Change that first.",
      )
      expect(refusal(d, { op: 'delete', ref: option(0, 1, 1) })).toMatch(
        /condition of 'Which complaint' refers to it/,
      )
      expect(refusal(d, { op: 'delete', ref: option(0, 0, 2) })).toMatch(
        /the conclusion refers to it/,
      )
      expect(refusal(d, { op: 'delete', ref: section(0) })).toBe(
        "'Physical' cannot be deleted: the conclusion and exclusion 1 refer to 'Lifting' in this section. Change that first.",
      )
      expect(refusal(barDraft(), { op: 'delete', ref: item(7, 1) })).toMatch(
        /the condition of 'Reason the employee has not read the description' and the condition of/,
      )
    })

    it('deletes a condition and the item it reads together, once nothing else reads it', () => {
      const d = edits(tinyDraft(), { op: 'setCondition', ref: item(0, 2), condition: undefined })
      expect(canApply(d, { op: 'delete', ref: item(0, 1) })).toMatchObject({ ok: false })
      const free = edits(
        d,
        { op: 'set', path: ['exclusions'], value: undefined },
        { op: 'delete', ref: item(0, 1) },
      )
      expect(ids(free, 0)).toEqual(['tillen', 'welke'])
    })

    it('refuses the last section, the last item of a section, the last two options and the instrument', () => {
      const d = tinyDraft()
      const one = edit(d, { op: 'delete', ref: section(1) }).draft
      expect(one.instrument.sections).toHaveLength(1)
      expect(refusal(one, { op: 'delete', ref: section(0) })).toMatch(/at least one section/)
      expect(refusal(barDraft(), { op: 'delete', ref: section(6) })).toMatch(
        /the conclusion refers to 'Expected course' in this section/,
      )
      const single = edits(d, { op: 'delete', ref: item(1, 0) }, { op: 'delete', ref: item(1, 0) })
      expect(refusal(single, { op: 'delete', ref: item(1, 0) })).toMatch(/at least one item/)
      const two = edit(d, { op: 'delete', ref: option(1, 0, 2) }).draft
      expect(refusal(two, { op: 'delete', ref: option(1, 0, 0) })).toMatch(/at least two options/)
      expect(refusal(d, { op: 'delete', ref: { kind: 'instrument' } })).toMatch(/instrument itself/)
      expect(refusal(d, { op: 'delete', ref: option(0, 2, 0) })).toMatch(/does not exist/)
    })
  })

  describe('move', () => {
    it('moves an item within its section, to another section, or last into a section, keeping its id', () => {
      const d = barDraft()
      const within = edit(d, {
        op: 'move',
        ref: item(2, 0),
        to: { where: 'after', target: item(2, 2) },
      })
      expect(ids(within.draft, 2).slice(0, 3)).toEqual([
        'fysiek.dragen',
        'fysiek.duwen-trekken',
        'fysiek.tillen',
      ])
      expect(within.selected).toEqual(item(2, 2))
      expect(within.undoSelected).toEqual(item(2, 0))
      const across = edit(d, {
        op: 'move',
        ref: item(2, 0),
        to: { where: 'before', target: item(3, 1) },
      })
      expect(ids(across.draft, 3)).toEqual([
        'werktijd.uren',
        'fysiek.tillen',
        'werktijd.energie',
        'werktijd.dagdelen',
        'werktijd.opbouw',
      ])
      expect(across.selected).toEqual(item(3, 1))
      const inside = edit(d, {
        op: 'move',
        ref: item(2, 0),
        to: { where: 'inside', target: section(2) },
      })
      expect(ids(inside.draft, 2).at(-1)).toBe('fysiek.tillen')
      expect(inside.selected).toEqual(item(2, 20))
      for (const r of [within, across, inside]) expect(steps(r.draft)).toEqual([])
      expect(checkMigration(across.draft.instrument, bar)).toEqual([])
    })

    it('moves sections and options', () => {
      const d = tinyDraft()
      const s = edit(d, {
        op: 'move',
        ref: section(1),
        to: { where: 'before', target: section(0) },
      })
      expect(s.draft.instrument.sections.map((x) => x.id)).toEqual(['overig', 'fysiek'])
      const end = edit(s.draft, {
        op: 'move',
        ref: section(0),
        to: { where: 'inside', target: { kind: 'instrument' } },
      })
      expect(end.draft.instrument.sections.map((x) => x.id)).toEqual(['fysiek', 'overig'])
      const o = edit(d, {
        op: 'move',
        ref: option(0, 1, 0),
        to: { where: 'inside', target: item(0, 1) },
      })
      expect(codes(o.draft, 0, 1)).toEqual(['ja', 'soms', 'nee'])
      expect(o.selected).toEqual(option(0, 1, 2))
      const back = edit(o.draft, {
        op: 'move',
        ref: option(0, 1, 2),
        to: { where: 'before', target: option(0, 1, 0) },
      })
      expect(codes(back.draft, 0, 1)).toEqual(['nee', 'ja', 'soms'])
    })

    it('changes nothing for a move to where the node already is', () => {
      const d = tinyDraft()
      for (const to of [
        { where: 'before', target: item(0, 1) },
        { where: 'after', target: item(0, 0) },
        { where: 'after', target: item(0, 1) },
      ] as const) {
        const r = applyEdit(d, { op: 'move', ref: item(0, 1), to })
        expect(r.draft, JSON.stringify(to)).toBe(d)
        expect(r.refused).toBeUndefined()
      }
    })

    it('refuses an item into an item, a section into an item, an option out of its item, the last item out of its section', () => {
      const d = tinyDraft()
      expect(
        refusal(d, { op: 'move', ref: item(0, 0), to: { where: 'inside', target: item(0, 1) } }),
      ).toMatch(/cannot hold another item/)
      expect(
        refusal(d, {
          op: 'move',
          ref: item(0, 0),
          to: { where: 'after', target: option(0, 1, 0) },
        }),
      ).toMatch(/cannot hold another item/)
      expect(
        refusal(d, {
          op: 'move',
          ref: item(0, 0),
          to: { where: 'inside', target: { kind: 'instrument' } },
        }),
      ).toMatch(/is in a section/)
      expect(
        refusal(d, { op: 'move', ref: section(0), to: { where: 'inside', target: item(1, 0) } }),
      ).toMatch(/only go before or after another section/)
      expect(
        refusal(d, { op: 'move', ref: section(0), to: { where: 'inside', target: section(1) } }),
      ).toMatch(/only go before or after another section/)
      expect(
        refusal(d, {
          op: 'move',
          ref: option(0, 1, 0),
          to: { where: 'before', target: option(1, 0, 0) },
        }),
      ).toMatch(/stays with its own item/)
      expect(
        refusal(d, {
          op: 'move',
          ref: option(0, 1, 0),
          to: { where: 'inside', target: item(1, 0) },
        }),
      ).toMatch(/stays with its own item/)
      expect(
        refusal(d, {
          op: 'move',
          ref: option(0, 1, 0),
          to: { where: 'after', target: item(0, 1) },
        }),
      ).toMatch(/stays with its own item/)
      expect(
        refusal(d, {
          op: 'move',
          ref: { kind: 'instrument' },
          to: { where: 'after', target: section(0) },
        }),
      ).toMatch(/instrument itself/)
      expect(
        refusal(d, { op: 'move', ref: item(0, 0), to: { where: 'after', target: item(7, 0) } }),
      ).toMatch(/does not exist/)
      const lone = edits(d, { op: 'delete', ref: item(1, 0) }, { op: 'delete', ref: item(1, 0) })
      expect(
        refusal(lone, { op: 'move', ref: item(1, 0), to: { where: 'after', target: item(0, 0) } }),
      ).toMatch(/last item of its section/)
    })
  })

  describe('rename', () => {
    it('records one rename step for a base item however often it is renamed, none once it is back', () => {
      const d = barDraft()
      const stress = item(0, 6)
      const a = edit(d, { op: 'rename', ref: stress, id: 'mentaal.omgaan-met-stress' }).draft
      expect(steps(a)).toEqual([
        {
          name: 'rename-mentaal-stress-hanteren',
          kind: 'rename',
          from: 'mentaal.stress-hanteren',
          to: 'mentaal.omgaan-met-stress',
        },
      ])
      const b = edit(a, { op: 'rename', ref: stress, id: 'mentaal.stress' }).draft
      expect(steps(b)).toEqual([
        expect.objectContaining({ from: 'mentaal.stress-hanteren', to: 'mentaal.stress' }),
      ])
      const c = edit(b, { op: 'rename', ref: stress, id: 'mentaal.stress-hanteren' }).draft
      expect(steps(c)).toEqual([])
      expect(c.instrument).toEqual(d.instrument)
    })

    it('follows the rename everywhere: conditions, conclusion, exclusions and steps', () => {
      const d = edits(
        tinyDraft(),
        { op: 'rename', ref: option(0, 1, 1), id: 'wel' },
        { op: 'rename', ref: item(0, 1), id: 'klachten' },
        { op: 'rename', ref: item(0, 0), id: 'optillen' },
        { op: 'rename', ref: option(0, 0, 2), id: 'totaal' },
      )
      const i = d.instrument
      expect(i.sections[0]!.items[2]!.visibleWhen).toEqual({ item: 'klachten', anyOf: ['wel'] })
      expect(i.conclusion).toEqual({
        kind: 'work-capacity',
        item: 'optillen',
        noCapacity: ['totaal'],
      })
      expect(i.exclusions?.[0]).toMatchObject({
        when: { item: 'klachten' },
        excludes: { item: 'optillen' },
      })
      expect(steps(d)).toEqual([
        { name: 'rename-klacht', kind: 'rename', from: 'klacht', to: 'klachten' },
        { name: 'map-klacht', kind: 'mapOptions', item: 'klachten', options: { ja: 'wel' } },
        { name: 'rename-tillen', kind: 'rename', from: 'tillen', to: 'optillen' },
        {
          name: 'map-tillen',
          kind: 'mapOptions',
          item: 'optillen',
          options: { volledig: 'totaal' },
        },
      ])
      expect(checkMigration(i, tiny())).toEqual([])
      expect(loadDraft(d, undefined, tiny())).toMatchObject({ ok: true })
    })

    it('collapses option code chains, and forgets a code renamed back', () => {
      const d = edits(
        barDraft(),
        { op: 'rename', ref: option(2, 0, 1), id: 'a' },
        { op: 'rename', ref: option(2, 0, 1), id: 'b' },
        { op: 'rename', ref: option(2, 0, 2), id: 'c' },
      )
      expect(steps(d)).toMatchObject([{ kind: 'mapOptions', options: { licht: 'b', matig: 'c' } }])
      const back = edits(
        d,
        { op: 'rename', ref: option(2, 0, 1), id: 'licht' },
        { op: 'rename', ref: option(2, 0, 2), id: 'matig' },
      )
      expect(steps(back)).toEqual([])
    })

    it('records nothing for an item or option added in the draft, or a section', () => {
      const d = edits(
        tinyDraft(),
        { op: 'add', node: 'item', at: { where: 'inside', target: section(1) } },
        { op: 'rename', ref: item(1, 3), id: 'nieuw' },
        { op: 'rename', ref: option(1, 3, 0), id: 'a' },
        { op: 'rename', ref: section(1), id: 'rest' },
        { op: 'add', node: 'option', at: { where: 'inside', target: item(0, 1) } },
        { op: 'rename', ref: option(0, 1, 3), id: 'vaak' },
      )
      expect(ids(d, 1)[3]).toBe('nieuw')
      expect(d.instrument.sections[1]!.id).toBe('rest')
      expect(steps(d)).toEqual([])
    })

    it('lets a new item take the id of a base item whose answers are dropped', () => {
      const d = edits(
        tinyDraft(),
        { op: 'delete', ref: item(1, 2) },
        {
          op: 'add',
          node: 'item',
          at: { where: 'inside', target: section(1) },
          answerKind: 'date',
        },
        { op: 'rename', ref: item(1, 2), id: 'datum' },
      )
      expect(steps(d)).toMatchObject([{ kind: 'drop', item: 'datum' }])
      expect(checkMigration(d.instrument, tiny())).toEqual([])
      const again = edit(d, { op: 'rename', ref: item(1, 2), id: 'datum-2' }).draft
      expect(steps(again)).toHaveLength(1)
    })

    it('refuses an invalid id, one in use, and one another item or option had in the base', () => {
      const d = tinyDraft()
      expect(refusal(d, { op: 'rename', ref: item(0, 0), id: 'met spatie' })).toMatch(
        /not a valid id/,
      )
      expect(refusal(d, { op: 'rename', ref: item(0, 0), id: '' })).toMatch(/not a valid id/)
      expect(refusal(d, { op: 'rename', ref: item(0, 0), id: 'uren' })).toBe(
        `Item id "uren" is already used by 'Hours'`,
      )
      expect(refusal(d, { op: 'rename', ref: section(0), id: 'overig' })).toMatch(
        /Section id "overig" already exists/,
      )
      expect(refusal(d, { op: 'rename', ref: option(0, 1, 0), id: 'ja' })).toMatch(
        /already exists in this item/,
      )
      expect(refusal(d, { op: 'rename', ref: { kind: 'instrument' }, id: 'x' })).toMatch(
        /instrument id/,
      )
      const moved = edit(d, { op: 'rename', ref: item(1, 1), id: 'uren-per-dag' }).draft
      expect(refusal(moved, { op: 'rename', ref: item(1, 2), id: 'uren' }, 'nl')).toBe(
        'Item-id "uren" hoorde in versie 1.0.0 bij \'Uren\': opgeslagen antwoorden op dat item zouden hier terechtkomen. Kies een andere id.',
      )
      const coded = edit(d, { op: 'rename', ref: option(0, 1, 1), id: 'wel' }).draft
      expect(refusal(coded, { op: 'rename', ref: option(0, 1, 2), id: 'ja' })).toMatch(
        /belonged to another option of this item in version 1.0.0/,
      )
      // A dropped code is free again, for an option that carries answers too.
      const dropped = edits(
        d,
        { op: 'delete', ref: option(1, 0, 2) },
        { op: 'rename', ref: option(1, 0, 1), id: 'stok' },
      )
      expect(steps(dropped)).toMatchObject([{ options: { stok: { drop: {} }, bril: 'stok' } }])
      expect(checkMigration(dropped.instrument, tiny())).toEqual([])
      // A carried item cannot take a free base id: no rename step can write onto an old id.
      const free = edit(d, { op: 'delete', ref: item(1, 2) }).draft
      expect(refusal(free, { op: 'rename', ref: item(1, 1), id: 'datum' })).toMatch(
        /belonged to 'Date'/,
      )
    })
  })

  describe('setKind', () => {
    it('gives a base item the default spec of the new kind and drops its old answers', () => {
      const d = edit(barDraft(), { op: 'setKind', ref: item(6, 3), kind: 'text' }).draft
      expect(d.instrument.sections[6]!.items[3]!.answer).toEqual({
        kind: 'text',
        multiline: false,
        maxLength: 2000,
      })
      expect(steps(d)).toEqual([
        {
          name: 'drop-prognose-herevaluatie',
          kind: 'drop',
          item: 'prognose.herevaluatie',
          reason: {
            nl: 'Soort antwoord gewijzigd van datum naar tekst: eerdere antwoorden passen niet meer',
            en: 'Answer kind changed from date to text: earlier answers no longer fit',
          },
        },
      ])
      expect(checkMigration(d.instrument, bar)).toEqual([])
      const twice = edit(d, { op: 'setKind', ref: item(6, 3), kind: 'date' }).draft
      expect(steps(twice)).toEqual(steps(d))
    })

    it('keeps the options from single to multiple choice and back, still dropping the old answers', () => {
      const d = tinyDraft()
      const m = edit(d, { op: 'setKind', ref: item(0, 1), kind: 'multiple' }).draft
      const before = d.instrument.sections[0]!.items[1]!.answer
      expect(m.instrument.sections[0]!.items[1]!.answer).toEqual({ ...before, kind: 'multiple' })
      expect(steps(m)).toMatchObject([{ kind: 'drop', item: 'klacht' }])
      const s = edit(m, { op: 'setKind', ref: item(0, 1), kind: 'single' }).draft
      expect(s.instrument.sections[0]!.items[1]!.answer).toEqual(before)
      expect(loadDraft(s, undefined, tiny())).toMatchObject({ ok: true })
    })

    it("drops a renamed item's answers by its base id, and its option map with them", () => {
      const d = edits(
        barDraft(),
        { op: 'rename', ref: item(2, 0), id: 'fysiek.optillen' },
        { op: 'rename', ref: option(2, 0, 0), id: 'niets' },
        { op: 'setKind', ref: item(2, 0), kind: 'quantity' },
      )
      expect(steps(d)).toMatchObject([{ kind: 'drop', item: 'fysiek.tillen' }])
      expect(checkMigration(d.instrument, bar)).toEqual([])
    })

    it('records nothing for an item added in the draft, and nothing for the same kind', () => {
      const d = edits(
        tinyDraft(),
        { op: 'add', node: 'item', at: { where: 'inside', target: section(1) } },
        { op: 'setKind', ref: item(1, 3), kind: 'capacity' },
      )
      expect(d.instrument.sections[1]!.items[3]!.answer.kind).toBe('capacity')
      expect(steps(d)).toEqual([])
      expect(applyEdit(d, { op: 'setKind', ref: item(1, 3), kind: 'capacity' }).draft).toBe(d)
    })

    it('refuses a kind change that the conclusion, a condition or an exclusion cannot follow', () => {
      const d = tinyDraft()
      expect(refusal(d, { op: 'setKind', ref: item(0, 0), kind: 'single' })).toBe(
        "The answer kind of 'Lifting' cannot change: the conclusion and exclusion 1 refer to this item and its options. Change that first.",
      )
      expect(refusal(d, { op: 'setKind', ref: item(0, 1), kind: 'text' })).toMatch(
        /condition of 'Which complaint' and exclusion 1 refer/,
      )
      expect(refusal(d, { op: 'setKind', ref: section(0), kind: 'text' })).toMatch(/Only an item/)
      expect(refusal(d, { op: 'setKind', ref: item(0, 2), kind: 'essay' as never })).toMatch(
        /Unknown answer kind/,
      )
    })
  })

  describe('setCondition', () => {
    it('sets and clears a condition', () => {
      const d = tinyDraft()
      const condition = { item: 'hulp', anyOf: ['bril', 'stok'] }
      const r = edit(d, { op: 'setCondition', ref: item(1, 1), condition })
      expect(r.draft.instrument.sections[1]!.items[1]!.visibleWhen).toEqual(condition)
      const cleared = edit(r.draft, {
        op: 'setCondition',
        ref: item(1, 1),
        condition: undefined,
      }).draft
      expect(cleared.instrument.sections[1]!.items[1]).not.toHaveProperty('visibleWhen')
      expect(
        applyEdit(cleared, { op: 'setCondition', ref: item(1, 1), condition: undefined }).draft,
      ).toBe(cleared)
      expect(steps(r.draft)).toEqual([])
    })

    it('refuses a condition on itself, on an item without options, on unknown options, or in a ring', () => {
      const d = tinyDraft()
      const set = (ref: NodeRef, item: string, anyOf: string[]) =>
        refusal(d, { op: 'setCondition', ref, condition: { item, anyOf } })
      expect(set(item(0, 1), 'klacht', ['ja'])).toMatch(/its own answer/)
      expect(set(item(0, 1), 'nope', ['ja'])).toMatch(/does not exist/)
      expect(set(item(0, 1), 'uren', ['ja'])).toMatch(/has no options/)
      expect(set(item(0, 1), 'hulp', ['bril', 'fiets'])).toBe('Item "hulp" has no option "fiets"')
      expect(set(item(0, 1), 'hulp', [])).toMatch(/at least one option/)
      expect(set(section(0), 'hulp', ['bril'])).toMatch(/Only an item/)
      const chain = edit(d, {
        op: 'setCondition',
        ref: item(1, 0),
        condition: { item: 'klacht', anyOf: ['ja'] },
      }).draft
      expect(
        refusal(chain, {
          op: 'setCondition',
          ref: item(0, 1),
          condition: { item: 'hulp', anyOf: ['bril'] },
        }),
      ).toBe(
        'This condition makes a ring (klacht → hulp → klacht): none of these items could ever be shown',
      )
    })
  })
})

describe('canApply', () => {
  it('accepts what applyEdit makes and refuses what it refuses, with reasons in Dutch and English', () => {
    const d = tinyDraft()
    expect(canApply(d, { op: 'delete', ref: item(1, 0) })).toEqual({ ok: true, value: true })
    const r = canApply(d, { op: 'delete', ref: item(0, 1) })
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.issues[0]?.path).toBe('$.sections[0].items[1]')
      expect(r.issues[0]?.message.nl).toMatch(/kan niet worden verwijderd/)
      expect(r.issues[0]?.message.en).toMatch(/cannot be deleted/)
    }
  })
})

describe('insertPoints', () => {
  it('lists every other place an item can go, once each, named by item and section', () => {
    const d = barDraft()
    const points = insertPoints(d, item(2, 0))
    const total = d.instrument.sections.reduce((n, s) => n + s.items.length + 1, 0)
    // Before each item and after each section's last one, less the two that name where it is now.
    expect(points).toHaveLength(total - 2)
    expect(points[0]?.label).toEqual({
      nl: "Vóór 'Aandacht vasthouden (concentreren)' (Mentaal functioneren)",
      en: "Before 'Sustaining attention (concentration)' (Mental functioning)",
    })
    expect(points.map((p) => p.label.en)).toContain(
      "After 'Physical endurance' (Physical functioning)",
    )
    expect(new Set(points.map((p) => JSON.stringify(p.at))).size).toBe(points.length)
  })

  it('offers only places a move is accepted at, each of which moves the node', () => {
    const d = tinyDraft()
    for (const ref of [
      item(0, 0),
      item(1, 2),
      section(0),
      section(1),
      option(0, 1, 0),
      option(1, 0, 2),
    ]) {
      const points = insertPoints(d, ref)
      expect(points.length, JSON.stringify(ref)).toBeGreaterThan(0)
      for (const { at } of points) {
        const r = edit(d, { op: 'move', ref, to: at })
        expect(r.draft, JSON.stringify(at)).not.toBe(d)
      }
    }
    expect(insertPoints(d, option(0, 1, 0)).map((p) => p.label.nl)).toEqual([
      "Vóór 'Soms'",
      "Na 'Soms'",
    ])
    expect(insertPoints(d, section(0)).map((p) => p.label.en)).toEqual(["After 'Other'"])
    expect(insertPoints(d, { kind: 'instrument' })).toEqual([])
  })

  it('offers nothing outside its section for the only item of a section', () => {
    const d = edits(
      tinyDraft(),
      { op: 'delete', ref: item(1, 0) },
      { op: 'delete', ref: item(1, 0) },
    )
    expect(insertPoints(d, item(1, 0))).toEqual([])
  })
})

describe('moveAnnouncement', () => {
  it('says where the node went, counting the list it is in after the move', () => {
    const d = barDraft()
    expect(moveAnnouncement(d, item(2, 0), { where: 'after', target: item(2, 2) })).toEqual({
      nl: 'Tillen verplaatst naar positie 3 van 21 in Fysiek functioneren',
      en: 'Lifting moved to position 3 of 21 in Physical functioning',
    })
    expect(moveAnnouncement(d, item(2, 0), { where: 'inside', target: section(3) }).nl).toBe(
      'Tillen verplaatst naar positie 5 van 5 in Werktijd en energie',
    )
    expect(moveAnnouncement(d, section(7), { where: 'before', target: section(0) }).en).toMatch(
      /moved to position 1 of 8$/,
    )
    const t = tinyDraft()
    expect(
      moveAnnouncement(t, option(0, 1, 2), { where: 'before', target: option(0, 1, 0) }).nl,
    ).toBe('Soms verplaatst naar positie 1 van 3 in Klacht')
  })

  it('gives the reason when the move cannot be made', () => {
    const t = tinyDraft()
    expect(
      moveAnnouncement(t, option(0, 1, 0), { where: 'inside', target: item(1, 0) }).en,
    ).toMatch(/stays with its own item/)
  })
})

describe('applyEdit (properties over random edits)', () => {
  const vocabulary = shippedVocabulary()

  it.each([
    ['BAR 1.0.0', bar],
    ['FML 1.0.0', fml],
  ])(
    'keeps the migration from %s valid after every edit, and never changes its input',
    (_, base) => {
      const start = deepFreeze(startDraft(base))
      fc.assert(
        fc.property(fc.array(seedArb, { minLength: 1, maxLength: 25 }), (seeds) => {
          run(start, seeds, (draft, e) => {
            const migration = checkMigration(draft.instrument, base).map(
              (i) => `${i.path} ${i.message.en}`,
            )
            expect(migration, JSON.stringify(e)).toEqual([])
          })
        }),
        { numRuns: 60 },
      )
    },
  )

  it('leaves nothing but missing texts to fix: the draft loads once they are written', () => {
    fc.assert(
      fc.property(fc.array(seedArb, { minLength: 1, maxLength: 20 }), (seeds) => {
        const { draft, applied } = run(barDraft(), seeds)
        const r = loadDraft(draft, vocabulary, bar)
        expect(
          r.ok ? [] : r.issues.map((i) => `${i.path} ${i.message.en}`),
          JSON.stringify(applied),
        ).toEqual([])
      }),
      { numRuns: 60 },
    )
  })

  it('selects a node that exists after the edit, and one for its undo that exists before it', () => {
    fc.assert(
      fc.property(fc.array(seedArb, { minLength: 1, maxLength: 15 }), (seeds) => {
        let draft = startDraft(tiny())
        for (const seed of seeds) {
          const e = editOf(draft, seed)
          if (!e) continue
          const r = applyEdit(draft, e)
          expect(nodeExists(r.draft.instrument, r.selected), JSON.stringify(e)).toBe(true)
          expect(nodeExists(draft.instrument, r.undoSelected), JSON.stringify(e)).toBe(true)
          draft = r.draft
        }
      }),
      { numRuns: 60 },
    )
  })
})
