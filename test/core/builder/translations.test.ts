import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { startDraft } from '../../../src/core/builder/draft'
import type { TranslationRow } from '../../../src/core/builder/translations'
import { completeness, isBlank, translationRows } from '../../../src/core/builder/translations'
import type { Instrument } from '../../../src/core/instrument/meta-schema'
import { edits, item, option, section, shippedInstrument, tiny } from './builder-fixtures'

/** Every object in `value` that has `nl` and `en` strings, with its path, in key order. */
function localizedIn(value: unknown, path: (string | number)[] = []): string[] {
  if (typeof value !== 'object' || value === null) return []
  const v = value as Record<string, unknown>
  if (typeof v.nl === 'string' && typeof v.en === 'string') return [JSON.stringify(path)]
  return Object.entries(v).flatMap(([k, x]) =>
    localizedIn(x, [...path, Array.isArray(value) ? Number(k) : k]),
  )
}

const row = (over: Partial<TranslationRow>): TranslationRow => ({
  path: [],
  node: { kind: 'instrument' },
  field: 'label',
  nl: 'x',
  en: 'x',
  ...over,
})

describe('translationRows', () => {
  it('lists the texts of a small instrument in document order, each at its node', () => {
    const rows = translationRows(tiny())
    expect(rows.slice(0, 5).map((r) => [r.path.join('.'), r.field, r.nl])).toEqual([
      ['title', 'title', 'Klein instrument'],
      ['provenance.summary', 'summary', 'Voor tests'],
      ['provenance.sources.0.note', 'note', 'Bron'],
      ['provenance.verified.0', 'verified', 'Niets'],
      ['sections.0.label', 'label', 'Fysiek'],
    ])
    const tillen = rows.filter((r) => r.path.slice(0, 4).join('.') === 'sections.0.items.0')
    expect(tillen.map((r) => r.en)).toEqual([
      'Lifting',
      'No limitation',
      'Mild limitation',
      'Complete limitation',
      'Load',
    ])
    expect(rows.find((r) => r.en === 'Mild limitation')?.node).toEqual(option(0, 0, 1))
    expect(rows.find((r) => r.en === 'Load')?.node).toEqual(item(0, 0))
    expect(rows.find((r) => r.field === 'help')?.path).toEqual(['sections', 0, 'items', 1, 'help'])
    expect(rows.at(-1)).toMatchObject({
      path: ['exclusions', 0, 'reason'],
      field: 'reason',
      node: { kind: 'instrument' },
    })
  })

  it('finds every text of the BAR, the FML and BAR 1.1.0 with its migration notes', () => {
    for (const instrument of [
      shippedInstrument('bar'),
      shippedInstrument('fml'),
      shippedInstrument('bar', '1.1.0'),
    ]) {
      const rows = translationRows(instrument)
      expect(rows.map((r) => JSON.stringify(r.path)).sort()).toEqual(localizedIn(instrument).sort())
      expect(completeness(rows).nl).toEqual({ filled: rows.length, total: rows.length })
    }
    const notes = translationRows(shippedInstrument('bar', '1.1.0')).filter(
      (r) => r.path[0] === 'migration',
    )
    expect(notes.map((r) => r.field)).toEqual(['note', 'note'])
  })

  it('lists the reasons of drops and of dropped options', () => {
    const d = edits(
      startDraft(tiny()),
      { op: 'delete', ref: item(1, 2) },
      { op: 'delete', ref: option(1, 0, 2) },
      { op: 'set', path: ['migration', 'steps', 0, 'note'], value: { nl: 'Opmerking', en: '' } },
    )
    const rows = translationRows(d.instrument).filter((r) => r.path[0] === 'migration')
    expect(rows.map((r) => [r.path.join('.'), r.field, r.nl, r.en])).toEqual([
      [
        'migration.steps.0.reason',
        'reason',
        'Item is vervallen in deze versie',
        'Item was removed in this version',
      ],
      ['migration.steps.0.note', 'note', 'Opmerking', ''],
      [
        'migration.steps.1.options.stok.drop',
        'reason',
        'Optie is vervallen in deze versie',
        'Option was removed in this version',
      ],
    ])
  })

  it('reads a missing language as empty, and skips what is no text at all', () => {
    const t = tiny()
    const broken = {
      ...t,
      description: { nl: 'Alleen Nederlands' },
      domains: 'not a list',
      sections: [{ ...t.sections[0]!, label: 'plain string' }, t.sections[1]!],
      migration: { from: '0.9.0', steps: [{ name: 'x', kind: 'drop', item: 'a', reason: null }] },
    } as unknown as Instrument
    const rows = translationRows(broken)
    expect(rows.find((r) => r.field === 'description')).toMatchObject({
      nl: 'Alleen Nederlands',
      en: '',
    })
    expect(rows.some((r) => JSON.stringify(r.node) === JSON.stringify(section(0)))).toBe(false)
    expect(rows.some((r) => r.path[0] === 'migration')).toBe(false)
  })

  it('shows the blank texts of new nodes', () => {
    const d = edits(startDraft(tiny()), {
      op: 'add',
      node: 'item',
      at: { where: 'inside', target: section(1) },
    })
    const rows = translationRows(d.instrument).filter(
      (r) => r.node.kind !== 'instrument' && 'item' in r.node && r.node.item === 3,
    )
    expect(rows.map((r) => [r.field, r.nl, r.en])).toEqual([
      ['label', '', ''],
      ['label', '', ''],
      ['label', '', ''],
    ])
  })
})

describe('completeness', () => {
  it('counts filled texts per language; blank or white space is missing', () => {
    expect(
      completeness([row({}), row({ nl: '' }), row({ en: ' \n\t' }), row({ nl: ' ', en: '' })]),
    ).toEqual({ nl: { filled: 2, total: 4 }, en: { filled: 2, total: 4 } })
    expect(completeness([])).toEqual({ nl: { filled: 0, total: 0 }, en: { filled: 0, total: 0 } })
  })

  it('never counts more filled than there are, and counts a text filled exactly when it has a non-space', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ nl: fc.string({ maxLength: 3 }), en: fc.string({ maxLength: 3 }) })),
        (texts) => {
          const c = completeness(texts.map((t) => row(t)))
          expect(c.nl.filled).toBe(texts.filter((t) => /\S/.test(t.nl)).length)
          expect(c.en.filled).toBeLessThanOrEqual(c.en.total)
          expect(c.nl.total).toBe(texts.length)
        },
      ),
    )
  })
})

describe('isBlank', () => {
  it('takes only white space as blank', () => {
    expect(isBlank('')).toBe(true)
    expect(isBlank(' \u00a0\n')).toBe(true)
    expect(isBlank(' a ')).toBe(false)
  })
})
