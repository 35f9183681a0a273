import { describe, expect, it } from 'vitest'
import { startDraft } from '../../../src/core/builder/draft'
import {
  draftProblems,
  loadDraft,
  otherBase,
  withTextsFilled,
} from '../../../src/core/builder/node-problems'
import { translationRows } from '../../../src/core/builder/translations'
import {
  edits,
  item,
  section,
  shippedInstrument,
  shippedVocabulary,
  tiny,
} from './builder-fixtures'

const bar = shippedInstrument('bar')
const vocabulary = shippedVocabulary()
const lines = (issues: { path: string; message: { en: string } }[]) =>
  issues.map((i) => `${i.path} ${i.message.en}`)

describe('draftProblems', () => {
  it('finds nothing in a fresh draft of the BAR or the FML: the placeholder version is no problem', () => {
    for (const base of [bar, shippedInstrument('fml'), shippedInstrument('bar', '1.1.0')]) {
      const p = draftProblems(startDraft(base), vocabulary, base)
      expect(lines(p.all), base.id).toEqual([])
      expect(p.byNode.size).toBe(0)
    }
  })

  it('ignores whatever version the draft holds: it is chosen at save', () => {
    for (const version of ['1.0.0', '0.1.0', 'later'])
      expect(
        lines(
          draftProblems(
            edits(startDraft(bar), { op: 'set', path: ['version'], value: version }),
            vocabulary,
            bar,
          ).all,
        ),
        version,
      ).toEqual([])
  })

  it('names each missing text by its field and language, once, at its node', () => {
    const d = edits(
      startDraft(bar),
      { op: 'set', path: ['sections', 2, 'items', 0, 'label', 'en'], value: ' ' },
      { op: 'add', node: 'option', at: { where: 'inside', target: item(2, 0) } },
      {
        op: 'set',
        path: ['sections', 2, 'items', 0, 'answer', 'levels', 5, 'label', 'nl'],
        value: 'Anders',
      },
      { op: 'set', path: ['title', 'nl'], value: '' },
    )
    const p = draftProblems(d, vocabulary, bar)
    expect(p.all).toEqual([
      {
        path: '$.title.nl',
        message: {
          nl: 'Nederlandse tekst ontbreekt bij Titel',
          en: 'Dutch text missing for Title',
        },
      },
      {
        path: '$.sections[2].items[0].label.en',
        message: { nl: 'Engelse tekst ontbreekt bij Label', en: 'English text missing for Label' },
      },
      {
        path: '$.sections[2].items[0].answer.levels[5].label.en',
        message: { nl: 'Engelse tekst ontbreekt bij Label', en: 'English text missing for Label' },
      },
    ])
    expect([...p.byNode.keys()]).toEqual(['instrument', 's2.i0', 's2.i0.o5'])
    expect(p.byNode.get('s2.i0.o5')).toHaveLength(1)
  })

  it('names the field of help texts, reasons and notes', () => {
    const d = edits(
      startDraft(tiny()),
      { op: 'set', path: ['sections', 0, 'items', 1, 'help', 'en'], value: '' },
      { op: 'delete', ref: item(1, 2) },
      { op: 'set', path: ['migration', 'steps', 0, 'reason', 'nl'], value: '' },
      { op: 'set', path: ['migration', 'steps', 0, 'note'], value: { nl: 'Zie rapport', en: '' } },
    )
    expect(draftProblems(d, undefined, tiny()).all.map((i) => i.message.nl)).toEqual([
      'Nederlandse tekst ontbreekt bij Reden',
      'Engelse tekst ontbreekt bij Toelichting',
      'Engelse tekst ontbreekt bij Uitleg',
    ])
  })

  it('still finds problems between parts while texts are missing', () => {
    const d = edits(
      startDraft(tiny()),
      { op: 'add', node: 'item', at: { where: 'inside', target: section(1) } },
      { op: 'set', path: ['sections', 0, 'items', 2, 'visibleWhen', 'item'], value: 'nope' },
      { op: 'set', path: ['sections', 1, 'items', 1, 'terms'], value: ['geen-begrip'] },
    )
    const p = draftProblems(d, vocabulary, tiny())
    expect(lines(p.all)).toEqual([
      '$.sections[0].items[2].visibleWhen.item Condition refers to item "nope", which does not exist',
      '$.sections[1].items[1].terms[0] Term "geen-begrip" is not in the vocabulary',
      '$.sections[1].items[3].label.nl Dutch text missing for Label',
      '$.sections[1].items[3].label.en English text missing for Label',
      '$.sections[1].items[3].answer.options[0].label.nl Dutch text missing for Label',
      '$.sections[1].items[3].answer.options[0].label.en English text missing for Label',
      '$.sections[1].items[3].answer.options[1].label.nl Dutch text missing for Label',
      '$.sections[1].items[3].answer.options[1].label.en English text missing for Label',
    ])
    expect(p.byNode.get('s0.i2')).toHaveLength(1)
  })

  it('checks the migration against the base', () => {
    const d = edits(startDraft(tiny()), {
      op: 'set',
      path: ['migration', 'steps'],
      value: [{ name: 'rename-uren', kind: 'rename', from: 'uren', to: 'nope' }],
    })
    expect(lines(draftProblems(d, undefined, tiny()).all)).toEqual([
      '$.migration.steps[0].from Item "uren" still exists in tiny 1.0.1: a rename gives the item a new id (use move to bring an answer to another item)',
      '$.migration.steps[0].to Item "nope" does not exist in tiny 1.0.1',
    ])
    const gone = edits(startDraft(tiny()), { op: 'set', path: ['migration'], value: undefined })
    expect(lines(draftProblems(gone, undefined, tiny()).all)).toEqual([
      '$.migration This version follows 1.0.0: say with "migration" how answers carry over',
    ])
  })

  it('reports a shape problem zod finds, at its node', () => {
    const d = edits(startDraft(tiny()), {
      op: 'set',
      path: ['sections', 1, 'items', 1, 'answer', 'min'],
      value: 'nul',
    })
    const p = draftProblems(d, undefined, tiny())
    expect(p.all).toHaveLength(1)
    expect(p.byNode.get('s1.i1')?.[0]?.path).toBe('$.sections[1].items[1].answer.min')
    expect(p.byNode.has(`s1.i1.o0`)).toBe(false)
  })

  it('refuses to check a draft against another version than it was opened from', () => {
    const p = draftProblems(startDraft(bar), vocabulary, shippedInstrument('bar', '1.1.0'))
    expect(lines(p.all)).toEqual(['$ This draft was opened from bar 1.0.0, not from bar 1.1.0'])
  })
})

describe('loadDraft', () => {
  it('loads a draft as the version after its base, its missing texts filled in', () => {
    const d = edits(startDraft(tiny()), {
      op: 'add',
      node: 'item',
      at: { where: 'inside', target: section(0) },
    })
    const r = loadDraft(d, undefined, tiny())
    expect(r.ok).toBe(true)
    if (r.ok) expect(r.value.sections[0]!.items[3]!.label).toEqual({ nl: '…', en: '…' })
  })
})

describe('withTextsFilled', () => {
  it('fills every blank or missing language and leaves the draft as it was', () => {
    const d = edits(
      startDraft(tiny()),
      { op: 'set', path: ['description'], value: { nl: 'x' } },
      { op: 'set', path: ['title', 'en'], value: '  ' },
    )
    const filled = withTextsFilled(d.instrument)
    expect(filled.description).toEqual({ nl: 'x', en: '…' })
    expect(filled.title.en).toBe('…')
    expect(d.instrument.title.en).toBe('  ')
    expect(translationRows(filled).every((r) => r.nl.trim() && r.en.trim())).toBe(true)
  })
})

describe('otherBase', () => {
  it('is a problem only for another instrument or version', () => {
    const d = startDraft(tiny())
    expect(otherBase(d, tiny())).toBeUndefined()
    expect(otherBase(d, bar)?.message.nl).toBe(
      'Dit concept is geopend vanaf tiny 1.0.0, niet vanaf bar 1.0.0',
    )
  })
})
