import { describe, expect, it } from 'vitest'
import { baseItem, startDraft } from '../../../src/core/builder/draft'
import { checkMigration } from '../../../src/core/migration/check-migration'
import { deepFreeze } from '../../helpers/deep-freeze'
import { shippedInstrument, tiny } from './builder-fixtures'

describe('startDraft', () => {
  it('copies the base with a placeholder patch version and an empty migration from it', () => {
    const bar = shippedInstrument('bar')
    const draft = startDraft(bar)
    expect(draft.instrument.version).toBe('1.0.1')
    expect(draft.instrument.migration).toEqual({ from: '1.0.0', steps: [] })
    expect(draft.base).toMatchObject({ id: 'bar', version: '1.0.0' })
    expect({ ...draft.instrument, version: bar.version, migration: undefined }).toEqual({
      ...bar,
      migration: undefined,
    })
    expect(checkMigration(draft.instrument, bar)).toEqual([])
  })

  it("replaces the base's own migration from its predecessor", () => {
    const bar110 = shippedInstrument('bar', '1.1.0')
    expect(bar110.migration?.steps.length).toBeGreaterThan(0)
    const draft = startDraft(bar110)
    expect(draft.instrument.version).toBe('1.1.1')
    expect(draft.instrument.migration).toEqual({ from: '1.1.0', steps: [] })
  })

  it('shares no object with the base, so editing the draft never changes it', () => {
    const base = deepFreeze(tiny())
    const draft = startDraft(base)
    draft.instrument.sections[0]!.items[0]!.label.nl = 'Anders'
    draft.base.items.tillen!.codes.push('x')
    expect(base.sections[0]!.items[0]!.label.nl).toBe('Tillen')
  })

  it('remembers each base item with its kind and codes, for the migration steps edits record', () => {
    const draft = startDraft(tiny())
    expect(Object.keys(draft.base.items)).toEqual([
      'tillen',
      'klacht',
      'welke',
      'hulp',
      'uren',
      'datum',
    ])
    expect(draft.base.items.tillen).toEqual({
      label: { nl: 'Tillen', en: 'Lifting' },
      kind: 'capacity',
      codes: ['geen', 'licht', 'volledig'],
    })
    expect(draft.base.items.uren?.codes).toEqual([])
  })

  it('is plain JSON', () => {
    const draft = startDraft(shippedInstrument('fml'))
    expect(JSON.parse(JSON.stringify(draft))).toEqual(draft)
  })
})

describe('baseItem', () => {
  it('finds base items by id, never a property every object has', () => {
    const draft = startDraft(tiny())
    expect(baseItem(draft.base, 'klacht')?.kind).toBe('single')
    expect(baseItem(draft.base, 'constructor')).toBeUndefined()
    expect(baseItem(draft.base, 'nope')).toBeUndefined()
  })
})
