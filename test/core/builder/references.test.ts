import { describe, expect, it } from 'vitest'
import {
  itemReferences,
  kindReferences,
  listOf,
  optionReferences,
  renameItemReferences,
  renameOptionReferences,
} from '../../../src/core/builder/references'
import type { Instrument } from '../../../src/core/instrument/meta-schema'
import { shippedInstrument, tiny } from './builder-fixtures'

const whats = (refs: { what: { en: string } }[]) => refs.map((r) => r.what.en)

/** The tiny instrument with migration steps that write to its items. */
function withSteps(): Instrument {
  const t = structuredClone(tiny())
  t.migration = {
    from: '0.9.0',
    steps: [
      { name: 'rename-a', kind: 'rename', from: 'a', to: 'klacht' },
      { name: 'move-b', kind: 'move', from: 'klacht', to: 'uren' },
      {
        name: 'map',
        kind: 'mapOptions',
        item: 'klacht',
        options: { oud: 'ja', weg: { drop: { nl: 'x', en: 'x' } } },
      },
      {
        name: 'split',
        kind: 'split',
        from: 'klacht',
        to: [
          { item: 'klacht', carry: 'map', options: { x: 'ja' } },
          { item: 'hulp', carry: 'copy' },
        ],
      },
      {
        name: 'merge',
        kind: 'merge',
        from: ['klacht', 'z'],
        to: 'klacht',
        rule: 'first',
        reason: { nl: 'r', en: 'r' },
      },
      { name: 'drop', kind: 'drop', item: 'klacht', reason: { nl: 'r', en: 'r' } },
    ],
  }
  return t
}

describe('itemReferences', () => {
  it('names the conditions, the conclusion and the exclusions that read an item', () => {
    const t = tiny()
    expect(whats(itemReferences(t, 'klacht'))).toEqual([
      "the condition of 'Which complaint'",
      'exclusion 1',
    ])
    expect(whats(itemReferences(t, 'tillen'))).toEqual(['the conclusion', 'exclusion 1'])
    expect(itemReferences(t, 'uren')).toEqual([])
  })

  it('leaves out conditions that go with the item, as when its whole section is deleted', () => {
    const t = tiny()
    expect(whats(itemReferences(t, 'klacht', (s) => s === 0))).toEqual(['exclusion 1'])
  })

  it('finds the details and completeness items of the FML cover conclusion', () => {
    const fml = shippedInstrument('fml')
    expect(whats(itemReferences(fml, 'voorblad.volledigheid'))).toContain('the conclusion')
    expect(whats(itemReferences(fml, 'voorblad.duurzaamheid'))).toContain('the conclusion')
  })
})

describe('optionReferences', () => {
  it('names what reads one option of an item', () => {
    const t = tiny()
    expect(whats(optionReferences(t, 'klacht', 'ja'))).toEqual([
      "the condition of 'Which complaint'",
    ])
    expect(whats(optionReferences(t, 'klacht', 'nee'))).toEqual(['exclusion 1'])
    expect(optionReferences(t, 'klacht', 'soms')).toEqual([])
    expect(whats(optionReferences(t, 'tillen', 'volledig'))).toEqual(['the conclusion'])
    expect(optionReferences(t, 'tillen', 'licht')).toEqual([])
  })

  it("finds the FML's completeness codes", () => {
    const fml = shippedInstrument('fml')
    expect(whats(optionReferences(fml, 'voorblad.volledigheid', 'kritisch'))).toEqual([
      'the conclusion',
    ])
  })
})

describe('kindReferences', () => {
  it('refuses any kind change of the conclusion item', () => {
    expect(whats(kindReferences(tiny(), 'tillen', true))).toContain('the conclusion')
  })

  it('lets a choice change kind when the options stay, and names what reads them otherwise', () => {
    const t = tiny()
    expect(kindReferences(t, 'klacht', true)).toEqual([])
    expect(whats(kindReferences(t, 'klacht', false))).toEqual([
      "the condition of 'Which complaint'",
      'exclusion 1',
    ])
    expect(kindReferences(t, 'uren', false)).toEqual([])
  })
})

describe('listOf', () => {
  it('joins references as a Dutch and an English list', () => {
    const r = (en: string) => ({
      node: { kind: 'instrument' as const },
      what: { nl: `n-${en}`, en },
    })
    expect(listOf([])).toEqual({ nl: '', en: '' })
    expect(listOf([r('a')])).toEqual({ nl: 'n-a', en: 'a' })
    expect(listOf([r('a'), r('b'), r('c')])).toEqual({ nl: 'n-a, n-b en n-c', en: 'a, b and c' })
  })
})

describe('renameItemReferences', () => {
  it('points conditions, conclusion and exclusions at the new id', () => {
    const t = structuredClone(tiny())
    renameItemReferences(t, 'klacht', 'klachten')
    renameItemReferences(t, 'tillen', 'optillen')
    expect(t.sections[0]!.items[2]!.visibleWhen?.item).toBe('klachten')
    expect(t.conclusion?.item).toBe('optillen')
    expect(t.exclusions?.[0]?.when.item).toBe('klachten')
    expect(t.exclusions?.[0]?.excludes.item).toBe('optillen')
  })

  it('renames the FML conclusion details and completeness item', () => {
    const fml = structuredClone(shippedInstrument('fml'))
    renameItemReferences(fml, 'voorblad.volledigheid', 'voorblad.compleet')
    renameItemReferences(fml, 'voorblad.duurzaamheid', 'voorblad.duur')
    const c = fml.conclusion
    expect(c?.kind === 'cover' && c.completeness?.item).toBe('voorblad.compleet')
    expect(c?.details).toContain('voorblad.duur')
    expect(c?.details).not.toContain('voorblad.duurzaamheid')
  })

  it("renames the steps' targets in the new version, never their sources in the previous one", () => {
    const t = withSteps()
    renameItemReferences(t, 'klacht', 'k2')
    expect(t.migration?.steps).toMatchObject([
      { kind: 'rename', from: 'a', to: 'k2' },
      { kind: 'move', from: 'klacht', to: 'uren' },
      { kind: 'mapOptions', item: 'k2' },
      { kind: 'split', from: 'klacht', to: [{ item: 'k2' }, { item: 'hulp' }] },
      { kind: 'merge', from: ['klacht', 'z'], to: 'k2' },
      { kind: 'drop', item: 'klacht' },
    ])
  })
})

describe('renameOptionReferences', () => {
  it('renames the code in conditions, the conclusion and exclusions of that item only', () => {
    const t = structuredClone(tiny())
    renameOptionReferences(t, 'klacht', 'ja', 'wel')
    renameOptionReferences(t, 'klacht', 'nee', 'niet')
    renameOptionReferences(t, 'tillen', 'volledig', 'totaal')
    renameOptionReferences(t, 'hulp', 'geen', 'niets')
    expect(t.sections[0]!.items[2]!.visibleWhen?.anyOf).toEqual(['wel'])
    expect(t.exclusions?.[0]?.when).toEqual({ item: 'klacht', options: ['niet'] })
    expect(t.conclusion?.noCapacity).toEqual(['totaal'])
  })

  it('renames the completeness codes of the FML cover', () => {
    const fml = structuredClone(shippedInstrument('fml'))
    renameOptionReferences(fml, 'voorblad.volledigheid', 'kritisch', 'kritieke-lijst')
    const c = fml.conclusion
    expect(c?.kind === 'cover' && c.completeness?.critical).toBe('kritieke-lijst')
  })

  it('renames the targets of option maps into that item', () => {
    const t = withSteps()
    renameOptionReferences(t, 'klacht', 'ja', 'wel')
    const [, , map, split] = t.migration?.steps ?? []
    expect(map).toMatchObject({ options: { oud: 'wel', weg: { drop: {} } } })
    expect(split).toMatchObject({ to: [{ options: { x: 'wel' } }, { carry: 'copy' }] })
  })
})
