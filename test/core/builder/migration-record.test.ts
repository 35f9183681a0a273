import { describe, expect, it } from 'vitest'
import { startDraft } from '../../../src/core/builder/draft'
import {
  carries,
  forgetItem,
  ITEM_REMOVED,
  itemOrigin,
  kindChanged,
  optionOrigin,
  recordItemDrop,
  recordItemRename,
  recordOptionDrop,
  recordOptionRename,
} from '../../../src/core/builder/migration-record'
import type { MigrationStep } from '../../../src/core/instrument/meta-schema'
import { tiny } from './builder-fixtures'

/** A draft of the tiny instrument to mutate, as the edits do through immer. */
function open(steps: MigrationStep[] = []) {
  const draft = startDraft(tiny())
  draft.instrument.migration = { from: '1.0.0', steps }
  return { i: draft.instrument, base: draft.base, steps: () => draft.instrument.migration?.steps }
}

const REASON = { nl: 'r', en: 'r' }

describe('itemOrigin', () => {
  it('is the base id of a renamed item, the id of an unrenamed one, nothing for a new one', () => {
    const { i, base } = open([{ name: 'r', kind: 'rename', from: 'klacht', to: 'k2' }])
    expect(itemOrigin(i, base, 'k2')).toBe('klacht')
    expect(itemOrigin(i, base, 'uren')).toBe('uren')
    expect(itemOrigin(i, base, 'nieuw-item')).toBeUndefined()
  })
})

describe('carries', () => {
  it('says an item carries its answers until a step other than a rename or option map takes them', () => {
    const { i } = open([
      { name: 'r', kind: 'rename', from: 'klacht', to: 'k2' },
      { name: 'm', kind: 'mapOptions', item: 'hulp', options: { bril: 'lenzen' } },
      { name: 'd', kind: 'drop', item: 'uren', reason: REASON },
      { name: 'mv', kind: 'move', from: 'datum', to: 'x' },
    ])
    expect(carries(i, 'klacht')).toBe(true)
    expect(carries(i, 'hulp')).toBe(true)
    expect(carries(i, 'uren')).toBe(false)
    expect(carries(i, 'datum')).toBe(false)
  })
})

describe('optionOrigin', () => {
  it('follows the option map back to the base code, and knows options added in the draft', () => {
    const { i, base } = open([
      {
        name: 'm',
        kind: 'mapOptions',
        item: 'klacht',
        options: { ja: 'wel', soms: { drop: REASON } },
      },
    ])
    expect(optionOrigin(i, base, 'klacht', 'klacht', 'wel')).toBe('ja')
    expect(optionOrigin(i, base, 'klacht', 'klacht', 'nee')).toBe('nee')
    expect(optionOrigin(i, base, 'klacht', 'klacht', 'soms')).toBeUndefined()
    expect(optionOrigin(i, base, 'klacht', 'klacht', 'optie-1')).toBeUndefined()
    expect(optionOrigin(i, base, 'nieuw', 'nieuw', 'ja')).toBeUndefined()
  })
})

describe('recordItemRename', () => {
  it('adds one rename step from the base id, and moves its target on a second rename', () => {
    const { i, base, steps } = open()
    recordItemRename(i, base, 'klacht', 'k2')
    expect(steps()).toEqual([{ name: 'rename-klacht', kind: 'rename', from: 'klacht', to: 'k2' }])
    i.migration!.steps[0] = { ...i.migration!.steps[0]!, to: 'k3' } as MigrationStep
    recordItemRename(i, base, 'klacht', 'k3')
    expect(steps()).toHaveLength(1)
  })

  it('removes the step once the item has its base id again', () => {
    const { i, base, steps } = open([
      { name: 'rename-klacht', kind: 'rename', from: 'klacht', to: 'k2' },
    ])
    recordItemRename(i, base, 'klacht', 'klacht')
    expect(steps()).toEqual([])
  })

  it("puts the rename before the item's option map, which names the new id", () => {
    const { i, base, steps } = open([
      { name: 'd', kind: 'drop', item: 'uren', reason: REASON },
      { name: 'map-klacht', kind: 'mapOptions', item: 'k2', options: { ja: 'wel' } },
    ])
    recordItemRename(i, base, 'klacht', 'k2')
    expect(steps()?.map((s) => s.name)).toEqual(['d', 'rename-klacht', 'map-klacht'])
  })

  it('records nothing for an item whose answers are dropped', () => {
    const { i, base, steps } = open([{ name: 'd', kind: 'drop', item: 'klacht', reason: REASON }])
    recordItemRename(i, base, 'klacht', 'k2')
    expect(steps()).toHaveLength(1)
  })

  it('names steps as kebab-case, unique among the steps', () => {
    const { i, base, steps } = open([
      { name: 'rename-iv-13', kind: 'drop', item: 'x', reason: REASON },
    ])
    base.items['IV.13'] = { label: REASON, kind: 'date', codes: [] }
    recordItemRename(i, base, 'IV.13', 'IV.14')
    expect(steps()?.[1]?.name).toBe('rename-iv-13-2')
  })

  it('makes the migration when a set had removed it', () => {
    const { i, base } = open()
    delete i.migration
    recordItemRename(i, base, 'klacht', 'k2')
    expect(i.migration).toEqual({
      from: '1.0.0',
      steps: [expect.objectContaining({ kind: 'rename' })],
    })
  })
})

describe('recordItemDrop', () => {
  it("replaces the item's rename and option map with a drop of its base id", () => {
    const { i, base, steps } = open([
      { name: 'rename-klacht', kind: 'rename', from: 'klacht', to: 'k2' },
      { name: 'map-klacht', kind: 'mapOptions', item: 'k2', options: { ja: 'wel' } },
      { name: 'other', kind: 'rename', from: 'uren', to: 'u2' },
    ])
    recordItemDrop(i, base, 'klacht', 'k2', ITEM_REMOVED)
    expect(steps()).toEqual([
      { name: 'other', kind: 'rename', from: 'uren', to: 'u2' },
      { name: 'drop-klacht', kind: 'drop', item: 'klacht', reason: ITEM_REMOVED },
    ])
  })

  it('keeps an existing drop as it is', () => {
    const reason = { nl: 'Eigen reden', en: 'Own reason' }
    const { i, base, steps } = open([{ name: 'x', kind: 'drop', item: 'klacht', reason }])
    recordItemDrop(i, base, 'klacht', 'klacht', ITEM_REMOVED)
    expect(steps()).toEqual([{ name: 'x', kind: 'drop', item: 'klacht', reason }])
  })
})

describe('forgetItem', () => {
  it('removes the steps that write to an item, and its place in a split', () => {
    const { i, steps } = open([
      { name: 'mv', kind: 'move', from: 'a', to: 'n' },
      { name: 'keep', kind: 'drop', item: 'n', reason: REASON },
      {
        name: 'split3',
        kind: 'split',
        from: 'b',
        to: [
          { item: 'n', carry: 'copy' },
          { item: 'x', carry: 'copy' },
          { item: 'y', carry: 'copy' },
        ],
      },
      {
        name: 'split2',
        kind: 'split',
        from: 'c',
        to: [
          { item: 'n', carry: 'copy' },
          { item: 'x', carry: 'copy' },
        ],
      },
    ])
    forgetItem(i, 'n')
    expect(steps()?.map((s) => s.name)).toEqual(['keep', 'split3'])
    expect(steps()?.[1]).toMatchObject({ to: [{ item: 'x' }, { item: 'y' }] })
  })
})

describe('recordOptionRename', () => {
  it('maps the base code to the new one, and forgets it (and the step) once it is back', () => {
    const { i, base, steps } = open()
    recordOptionRename(i, base, 'klacht', 'klacht', 'ja', 'wel')
    expect(steps()).toEqual([
      { name: 'map-klacht', kind: 'mapOptions', item: 'klacht', options: { ja: 'wel' } },
    ])
    recordOptionRename(i, base, 'klacht', 'klacht', 'nee', 'niet')
    expect(steps()?.[0]).toMatchObject({ options: { ja: 'wel', nee: 'niet' } })
    recordOptionRename(i, base, 'klacht', 'klacht', 'ja', 'ja')
    recordOptionRename(i, base, 'klacht', 'klacht', 'nee', 'nee')
    expect(steps()).toEqual([])
    recordOptionRename(i, base, 'klacht', 'klacht', 'nee', 'nee')
    expect(steps()).toEqual([])
  })
})

describe('recordOptionDrop', () => {
  it('maps the base code to a drop with a reason, in the existing map or a new one', () => {
    const { i, base, steps } = open()
    recordOptionDrop(i, base, 'klacht', 'klacht', 'soms')
    expect(steps()?.[0]).toMatchObject({
      kind: 'mapOptions',
      options: { soms: { drop: { nl: 'Optie is vervallen in deze versie' } } },
    })
    recordOptionDrop(i, base, 'klacht', 'klacht', 'ja')
    expect(Object.keys((steps()?.[0] as { options: object }).options)).toEqual(['soms', 'ja'])
  })
})

describe('kindChanged', () => {
  it('says in both languages from which kind to which', () => {
    expect(kindChanged('capacity', 'text')).toEqual({
      nl: 'Soort antwoord gewijzigd van belastbaarheid naar tekst: eerdere antwoorden passen niet meer',
      en: 'Answer kind changed from capacity to text: earlier answers no longer fit',
    })
  })
})
