import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { choiceOptions } from '../../../src/core/instrument/choice-options'
import type { Instrument, Item, Option, Section } from '../../../src/core/instrument/meta-schema'
import { instrumentSchema } from '../../../src/core/instrument/meta-schema'
import type { Bump, ChangeKind, SchemaDiff } from '../../../src/core/instrument/schema-diff'
import {
  CHANGE_KINDS,
  checkProposedVersion,
  diffInstruments,
  nextVersion,
  requiredBump,
} from '../../../src/core/instrument/schema-diff'
import { minimalInstrument, shippedCatalogue } from '../../helpers/instruments'
import { shippedPair } from '../../helpers/shipped-pair'

const { bar: BAR, fml: FML } = shippedPair()
const MINIMAL = minimalInstrument()

const items = (i: Instrument) => i.sections.flatMap((s) => s.items)
const itemIds = (i: Instrument) => items(i).map((x) => x.id)
function itemOf(i: Instrument, id: string): Item {
  const found = items(i).find((x) => x.id === id)
  if (!found) throw new Error(`no item ${id}`)
  return found
}
function sectionOf(i: Instrument, id: string): Section {
  const found = i.sections.find((s) => s.id === id)
  if (!found) throw new Error(`no section ${id}`)
  return found
}
function optionsOf(item: Item): Option[] {
  const a = item.answer
  if (a.kind === 'single' || a.kind === 'multiple') return a.options
  if (a.kind === 'capacity') return a.levels
  throw new Error(`${item.id} has no options`)
}
function capacity(item: Item) {
  if (item.answer.kind !== 'capacity') throw new Error(`${item.id} is no capacity`)
  return item.answer
}

function diff(a: Instrument, b: Instrument): SchemaDiff {
  const r = diffInstruments(a, b)
  if (!r.ok) throw new Error(r.issues[0]?.message.en)
  return r.value
}

/** The diff of a base instrument against a copy changed by `edit`. */
function edited(base: Instrument, edit: (copy: Instrument) => void): SchemaDiff {
  const copy = structuredClone(base)
  edit(copy)
  return diff(base, copy)
}

const brief = (d: SchemaDiff) => d.changes.map(({ kind, bump, path }) => ({ kind, bump, path }))

const optionalText = (id: string): Item => ({
  id,
  label: { nl: 'Thuiswerk', en: 'Working from home' },
  answer: { kind: 'text', multiline: true, maxLength: 2000 },
})

describe('diffInstruments', () => {
  it('finds no change between a shipped file and itself', () => {
    for (const i of [BAR, FML, MINIMAL]) {
      expect(diff(i, i)).toEqual({ bump: 'none', changes: [] })
      expect(diff(i, structuredClone(i))).toEqual({ bump: 'none', changes: [] })
    }
  })

  it('gives a reworded label as wording, with the old and new text: patch', () => {
    const d = edited(BAR, (b) => {
      itemOf(b, 'fysiek.tillen').label.nl = 'Optillen'
    })
    expect(d).toEqual({
      bump: 'patch',
      changes: [
        {
          kind: 'wording',
          path: { section: 'fysiek', item: 'fysiek.tillen', field: 'label' },
          old: { nl: 'Tillen', en: 'Lifting' },
          new: { nl: 'Optillen', en: 'Lifting' },
          bump: 'patch',
        },
      ],
    })
  })

  it('gives an added optional item: minor', () => {
    const d = edited(BAR, (b) => {
      sectionOf(b, 'werkfactoren').items.push(optionalText('werkfactoren.thuiswerk'))
    })
    expect(d).toEqual({
      bump: 'minor',
      changes: [
        {
          kind: 'item-added-optional',
          path: { section: 'werkfactoren', item: 'werkfactoren.thuiswerk' },
          bump: 'minor',
        },
      ],
    })
  })

  it('gives a removed option: major', () => {
    const d = edited(BAR, (b) => {
      const a = itemOf(b, 'prognose.verloop').answer
      if (a.kind === 'single') a.options = a.options.filter((o) => o.code !== 'onzeker')
    })
    expect(d).toEqual({
      bump: 'major',
      changes: [
        {
          kind: 'option-removed',
          path: { section: 'prognose', item: 'prognose.verloop', option: 'onzeker' },
          bump: 'major',
        },
      ],
    })
  })

  it('gives a changed threshold with both values: major (the BAR states none, so the FML)', () => {
    const d = edited(FML, (f) => {
      const o = optionsOf(itemOf(f, 'IV.13')).find((x) => x.code === '1')
      if (o?.thresholds?.[0]) o.thresholds[0].value = 12
    })
    expect(d).toEqual({
      bump: 'major',
      changes: [
        {
          kind: 'threshold-changed',
          path: { section: 'IV', item: 'IV.13', option: '1', field: 'thresholds' },
          old: [
            { value: 10, unit: 'kg', comparator: 'about' },
            { value: 10, unit: 'times-per-hour', comparator: 'at-most' },
          ],
          new: [
            { value: 12, unit: 'kg', comparator: 'about' },
            { value: 10, unit: 'times-per-hour', comparator: 'at-most' },
          ],
          bump: 'major',
        },
      ],
    })
  })

  it('gives a changed condition: major', () => {
    const d = edited(BAR, (b) => {
      itemOf(b, 'visie.eens').visibleWhen = { item: 'visie.gelezen', anyOf: ['ja', 'nee'] }
    })
    expect(d).toEqual({
      bump: 'major',
      changes: [
        {
          kind: 'condition-changed',
          path: { section: 'visie-werknemer', item: 'visie.eens', field: 'visibleWhen' },
          old: { item: 'visie.gelezen', anyOf: ['ja'] },
          new: { item: 'visie.gelezen', anyOf: ['ja', 'nee'] },
          bump: 'major',
        },
      ],
    })
  })

  it('gives a renamed item id as a removal and an addition: major', () => {
    const d = edited(BAR, (b) => {
      itemOf(b, 'fysiek.tillen').id = 'fysiek.optillen'
    })
    expect(d).toEqual({
      bump: 'major',
      changes: [
        { kind: 'item-removed', path: { section: 'fysiek', item: 'fysiek.tillen' }, bump: 'major' },
        {
          kind: 'item-added-optional',
          path: { section: 'fysiek', item: 'fysiek.optillen' },
          bump: 'minor',
        },
      ],
    })
  })

  it('refuses two different instruments, in Dutch and English', () => {
    const r = diffInstruments(BAR, FML)
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.issues).toEqual([
      {
        path: '$.id',
        message: {
          nl: 'Twee verschillende instrumenten ("bar" en "fml"): vergelijk twee versies van één instrument',
          en: 'Two different instruments ("bar" and "fml"): compare two versions of one instrument',
        },
      },
    ])
  })

  it('leaves long texts out of a change and keeps short ones', () => {
    const d = edited(BAR, (b) => {
      const item = itemOf(b, 'fysiek.tillen')
      if (item.help) item.help.en += ' More.'
    })
    expect(d.changes).toEqual([
      {
        kind: 'help',
        path: { section: 'fysiek', item: 'fysiek.tillen', field: 'help' },
        bump: 'patch',
      },
    ])
  })

  it('lists removals first, then the new version in its order, the same way every time', () => {
    const edit = (b: Instrument) => {
      sectionOf(b, 'werkfactoren').items.push(optionalText('werkfactoren.thuiswerk'))
      itemOf(b, 'mentaal.tempo').label.en = 'Tempo'
      sectionOf(b, 'prognose').items.pop()
      b.title.en = 'BAR'
    }
    const d = edited(BAR, edit)
    expect(d.changes.map((c) => `${c.kind} ${c.path.item ?? c.path.field}`)).toEqual([
      'wording title',
      'item-removed prognose.toelichting',
      'wording mentaal.tempo',
      'item-added-optional werkfactoren.thuiswerk',
    ])
    expect(edited(BAR, edit)).toEqual(d)
  })

  it('does not take a different order of keys in the file for a change', () => {
    const b = structuredClone(BAR)
    const item = itemOf(b, 'fysiek.tillen')
    item.label = { en: item.label.en, nl: item.label.nl }
    expect(diff(BAR, b).bump).toBe('none')
  })
})

interface Case {
  name: string
  base: Instrument
  edit: (copy: Instrument) => void
  changes: { kind: ChangeKind; bump: Exclude<Bump, 'none'>; path: Record<string, string> }[]
}

const tillen = { section: 'fysiek', item: 'fysiek.tillen' }
const swap = <T>(list: T[], i: number, j: number) => {
  const x = list[i] as T
  list[i] = list[j] as T
  list[j] = x
}

/** One case per kind of change and direction; the last test checks that every kind has one. */
const CASES: Case[] = [
  {
    name: 'the editor schema reference',
    base: BAR,
    edit: (b) => (b.$schema = '../instrument.schema.json#v2'),
    changes: [{ kind: 'schema-reference', bump: 'patch', path: { field: '$schema' } }],
  },
  {
    name: 'the instrument description',
    base: BAR,
    edit: (b) => {
      if (b.description) b.description.en += ' Reworded.'
    },
    changes: [{ kind: 'description', bump: 'patch', path: { field: 'description' } }],
  },
  {
    name: 'the terms of an item',
    base: BAR,
    edit: (b) => (itemOf(b, 'fysiek.tillen').terms = ['beperking']),
    changes: [{ kind: 'terms-changed', bump: 'patch', path: { ...tillen, field: 'terms' } }],
  },
  {
    name: 'the provenance',
    base: BAR,
    edit: (b) => b.provenance.sources.pop(),
    changes: [{ kind: 'provenance-changed', bump: 'patch', path: { field: 'provenance' } }],
  },
  {
    name: 'the author roles',
    base: BAR,
    edit: (b) => b.authorRoles.push('verzekeringsarts'),
    changes: [{ kind: 'author-roles-changed', bump: 'minor', path: { field: 'authorRoles' } }],
  },
  {
    name: 'a vocabulary with a new minor version',
    base: BAR,
    edit: (b) => (b.vocabulary.version = '1.1.0'),
    changes: [{ kind: 'vocabulary-changed', bump: 'minor', path: { field: 'vocabulary' } }],
  },
  {
    name: 'a vocabulary with a new major version',
    base: BAR,
    edit: (b) => (b.vocabulary.version = '2.0.0'),
    changes: [{ kind: 'vocabulary-changed', bump: 'major', path: { field: 'vocabulary' } }],
  },
  {
    name: 'a vocabulary with a patch',
    base: BAR,
    edit: (b) => (b.vocabulary.version = '1.0.1'),
    changes: [{ kind: 'vocabulary-changed', bump: 'patch', path: { field: 'vocabulary' } }],
  },
  {
    name: 'an added domain',
    base: BAR,
    edit: (b) => b.domains?.push({ id: 'extra', label: { nl: 'Extra', en: 'Extra' } }),
    changes: [{ kind: 'domain-added', bump: 'minor', path: { domain: 'extra' } }],
  },
  {
    name: 'a removed domain',
    base: BAR,
    edit: (b) => b.domains?.pop(),
    changes: [{ kind: 'domain-removed', bump: 'minor', path: { domain: 'visie-werknemer' } }],
  },
  {
    name: 'reordered domains',
    base: BAR,
    edit: (b) => b.domains && swap(b.domains, 0, 1),
    changes: [{ kind: 'domain-reordered', bump: 'patch', path: { domain: 'werkfactoren' } }],
  },
  {
    name: 'a reworded domain',
    base: BAR,
    edit: (b) => {
      if (b.domains?.[1]) b.domains[1].label.en = 'Work'
    },
    changes: [{ kind: 'wording', bump: 'patch', path: { domain: 'werkfactoren', field: 'label' } }],
  },
  {
    name: 'an added section with an optional item',
    base: BAR,
    edit: (b) =>
      b.sections.push({
        id: 'extra',
        label: { nl: 'Extra', en: 'Extra' },
        items: [optionalText('x')],
      }),
    changes: [
      { kind: 'section-added', bump: 'minor', path: { section: 'extra' } },
      { kind: 'item-added-optional', bump: 'minor', path: { section: 'extra', item: 'x' } },
    ],
  },
  {
    name: 'a removed section: its items are removed',
    base: BAR,
    edit: (b) => (b.sections = b.sections.filter((s) => s.id !== 'werktijd')),
    changes: [
      { kind: 'section-removed', bump: 'minor', path: { section: 'werktijd' } },
      ...['uren', 'energie', 'dagdelen', 'opbouw'].map((x) => ({
        kind: 'item-removed' as const,
        bump: 'major' as const,
        path: { section: 'werktijd', item: `werktijd.${x}` },
      })),
    ],
  },
  {
    name: 'reordered sections',
    base: BAR,
    edit: (b) => b.sections.unshift(b.sections.pop() as Section),
    changes: [{ kind: 'section-reordered', bump: 'patch', path: { section: 'visie-werknemer' } }],
  },
  {
    name: 'a section in another domain',
    base: BAR,
    edit: (b) => (sectionOf(b, 'werktijd').domain = 'werkfactoren'),
    changes: [
      {
        kind: 'section-domain-changed',
        bump: 'minor',
        path: { section: 'werktijd', field: 'domain' },
      },
    ],
  },
  {
    name: 'a reworded section description',
    base: BAR,
    edit: (b) => (sectionOf(b, 'visie-werknemer').description = { nl: 'Visie', en: 'View' }),
    changes: [
      {
        kind: 'description',
        bump: 'patch',
        path: { section: 'visie-werknemer', field: 'description' },
      },
    ],
  },
  {
    name: 'an added required item',
    base: BAR,
    edit: (b) =>
      sectionOf(b, 'prognose').items.push({ ...optionalText('prognose.extra'), required: true }),
    changes: [
      {
        kind: 'item-added-required',
        bump: 'major',
        path: { section: 'prognose', item: 'prognose.extra' },
      },
    ],
  },
  {
    name: 'an item moved to another section',
    base: BAR,
    edit: (b) => {
      const item = sectionOf(b, 'werkfactoren').items.pop() as Item
      sectionOf(b, 'persoonlijke-factoren').items.push(item)
    },
    changes: [
      {
        kind: 'item-moved',
        bump: 'minor',
        path: { section: 'persoonlijke-factoren', item: 'werkfactoren.toelichting' },
      },
    ],
  },
  {
    name: 'two items swapped in their section',
    base: BAR,
    edit: (b) => swap(sectionOf(b, 'prognose').items, 0, 1),
    changes: [
      {
        kind: 'item-reordered',
        bump: 'patch',
        path: { section: 'prognose', item: 'prognose.termijn' },
      },
    ],
  },
  {
    name: 'an added ICF code',
    base: BAR,
    edit: (b) => itemOf(b, 'fysiek.tillen').icf?.push('d4301'),
    changes: [{ kind: 'icf-added', bump: 'minor', path: { ...tillen, field: 'icf' } }],
  },
  {
    name: 'a replaced ICF code',
    base: BAR,
    edit: (b) => (itemOf(b, 'fysiek.tillen').icf = ['d4301']),
    changes: [{ kind: 'icf-changed', bump: 'major', path: { ...tillen, field: 'icf' } }],
  },
  {
    name: 'ICF codes in another order',
    base: BAR,
    edit: (b) => itemOf(b, 'fysiek.dragen').icf?.reverse(),
    changes: [
      {
        kind: 'order-changed',
        bump: 'patch',
        path: { section: 'fysiek', item: 'fysiek.dragen', field: 'icf' },
      },
    ],
  },
  {
    name: 'an item made required',
    base: BAR,
    edit: (b) => (itemOf(b, 'prognose.toelichting').required = true),
    changes: [
      {
        kind: 'required-changed',
        bump: 'major',
        path: { section: 'prognose', item: 'prognose.toelichting', field: 'required' },
      },
    ],
  },
  {
    name: 'an item made optional',
    base: BAR,
    edit: (b) => delete itemOf(b, 'visie.gelezen').required,
    changes: [
      {
        kind: 'required-changed',
        bump: 'minor',
        path: { section: 'visie-werknemer', item: 'visie.gelezen', field: 'required' },
      },
    ],
  },
  {
    name: 'a removed condition',
    base: BAR,
    edit: (b) => delete itemOf(b, 'visie.eens').visibleWhen,
    changes: [
      {
        kind: 'condition-changed',
        bump: 'major',
        path: { section: 'visie-werknemer', item: 'visie.eens', field: 'visibleWhen' },
      },
    ],
  },
  {
    name: 'the options of a condition in another order',
    base: MINIMAL,
    edit: (m) => {
      const item = itemOf(m, 'toelichting')
      item.visibleWhen = { item: 'keuze', anyOf: ['nee', 'ja'] }
      m.sections[0]?.items.push({
        ...item,
        id: 'toelichting-2',
        visibleWhen: { item: 'keuze', anyOf: ['ja', 'nee'] },
      })
    },
    changes: [
      {
        kind: 'condition-changed',
        bump: 'major',
        path: { section: 's1', item: 'toelichting', field: 'visibleWhen' },
      },
      {
        kind: 'item-added-optional',
        bump: 'minor',
        path: { section: 's1', item: 'toelichting-2' },
      },
    ],
  },
  {
    name: 'another answer kind',
    base: BAR,
    edit: (b) => (itemOf(b, 'werkfactoren.toelichting').answer = { kind: 'date' }),
    changes: [
      {
        kind: 'answer-kind-changed',
        bump: 'major',
        path: { section: 'werkfactoren', item: 'werkfactoren.toelichting', field: 'answer.kind' },
      },
    ],
  },
  {
    name: 'an added option',
    base: BAR,
    edit: (b) =>
      optionsOf(itemOf(b, 'visie.gelezen')).push({
        code: 'deels',
        label: { nl: 'Deels', en: 'Partly' },
      }),
    changes: [
      {
        kind: 'option-added',
        bump: 'minor',
        path: { section: 'visie-werknemer', item: 'visie.gelezen', option: 'deels' },
      },
    ],
  },
  {
    name: 'two options swapped',
    base: BAR,
    edit: (b) => swap(optionsOf(itemOf(b, 'visie.gelezen')), 0, 1),
    changes: [
      {
        kind: 'option-reordered',
        bump: 'patch',
        path: { section: 'visie-werknemer', item: 'visie.gelezen', option: 'nee' },
      },
    ],
  },
  {
    name: 'a reworded option label and description',
    base: BAR,
    edit: (b) => {
      const level = optionsOf(itemOf(b, 'fysiek.tillen'))[1] as Option
      level.label.en = 'Slight limitation'
      level.description = { nl: 'Licht', en: 'Slight' }
    },
    changes: [
      { kind: 'wording', bump: 'patch', path: { ...tillen, option: 'licht', field: 'label' } },
      {
        kind: 'description',
        bump: 'patch',
        path: { ...tillen, option: 'licht', field: 'description' },
      },
    ],
  },
  {
    name: 'a level rank',
    base: BAR,
    edit: (b) => ((optionsOf(itemOf(b, 'fysiek.tillen'))[1] as Option).rank = 2),
    changes: [
      {
        kind: 'option-rank-changed',
        bump: 'major',
        path: { ...tillen, option: 'licht', field: 'rank' },
      },
    ],
  },
  {
    name: 'a "namely" made required',
    base: BAR,
    edit: (b) => ((optionsOf(itemOf(b, 'visie.gelezen'))[1] as Option).specify = true),
    changes: [
      {
        kind: 'option-specify-changed',
        bump: 'major',
        path: {
          section: 'visie-werknemer',
          item: 'visie.gelezen',
          option: 'nee',
          field: 'specify',
        },
      },
    ],
  },
  {
    name: 'a "namely" no longer required',
    base: BAR,
    edit: (b) => delete (optionsOf(itemOf(b, 'visie.eens'))[1] as Option).specify,
    changes: [
      {
        kind: 'option-specify-changed',
        bump: 'minor',
        path: {
          section: 'visie-werknemer',
          item: 'visie.eens',
          option: 'deels-eens',
          field: 'specify',
        },
      },
    ],
  },
  {
    name: 'an option made exclusive',
    base: MINIMAL,
    edit: (m) => ((optionsOf(itemOf(m, 'meer'))[1] as Option).exclusive = true),
    changes: [
      {
        kind: 'option-exclusive-changed',
        bump: 'major',
        path: { section: 's1', item: 'meer', option: '1', field: 'exclusive' },
      },
    ],
  },
  {
    name: 'an option no longer exclusive',
    base: MINIMAL,
    edit: (m) => ((optionsOf(itemOf(m, 'meer'))[0] as Option).exclusive = false),
    changes: [
      {
        kind: 'option-exclusive-changed',
        bump: 'minor',
        path: { section: 's1', item: 'meer', option: '0', field: 'exclusive' },
      },
    ],
  },
  {
    name: 'an added, a removed and reordered capacity quantities',
    base: BAR,
    edit: (b) => {
      const q = capacity(itemOf(b, 'fysiek.tillen')).quantities
      q.reverse()
      const d = capacity(itemOf(b, 'fysiek.dragen')).quantities
      d.pop()
      d.push({
        id: 'distance',
        label: { nl: 'Afstand', en: 'Distance' },
        unit: 'm',
        min: 0,
        max: 100,
      })
    },
    changes: [
      { kind: 'quantity-reordered', bump: 'patch', path: { ...tillen, quantity: 'frequency' } },
      {
        kind: 'quantity-removed',
        bump: 'major',
        path: { section: 'fysiek', item: 'fysiek.dragen', quantity: 'duration' },
      },
      {
        kind: 'quantity-added',
        bump: 'minor',
        path: { section: 'fysiek', item: 'fysiek.dragen', quantity: 'distance' },
      },
    ],
  },
  {
    name: 'a quantity in another unit, reworded',
    base: BAR,
    edit: (b) => {
      const q = capacity(itemOf(b, 'fysiek.tillen')).quantities[0]
      if (q) {
        q.unit = 'N'
        q.label.en = 'Heaviest load'
      }
    },
    changes: [
      { kind: 'wording', bump: 'patch', path: { ...tillen, quantity: 'max-load', field: 'label' } },
      {
        kind: 'unit-changed',
        bump: 'major',
        path: { ...tillen, quantity: 'max-load', field: 'unit' },
      },
    ],
  },
  {
    name: 'wider bounds and a finer step',
    base: BAR,
    edit: (b) => {
      const q = capacity(itemOf(b, 'fysiek.tillen')).quantities[0]
      if (q) Object.assign(q, { max: 60, step: 0.25 })
    },
    changes: [
      {
        kind: 'bounds-changed',
        bump: 'minor',
        path: { ...tillen, quantity: 'max-load', field: 'max' },
      },
      {
        kind: 'step-changed',
        bump: 'minor',
        path: { ...tillen, quantity: 'max-load', field: 'step' },
      },
    ],
  },
  {
    name: 'narrower bounds',
    base: BAR,
    edit: (b) => {
      const q = capacity(itemOf(b, 'fysiek.tillen')).quantities[0]
      if (q) q.max = 40
    },
    changes: [
      {
        kind: 'bounds-changed',
        bump: 'major',
        path: { ...tillen, quantity: 'max-load', field: 'max' },
      },
    ],
  },
  {
    name: 'a coarser step',
    base: BAR,
    edit: (b) => {
      const q = capacity(itemOf(b, 'fysiek.tillen')).quantities[0]
      if (q) q.step = 1
    },
    changes: [
      {
        kind: 'step-changed',
        bump: 'major',
        path: { ...tillen, quantity: 'max-load', field: 'step' },
      },
    ],
  },
  {
    name: 'a lower minimum that moves the grid of steps',
    base: BAR,
    edit: (b) => {
      const a = itemOf(b, 'prognose.opbouw').answer
      if (a.kind === 'quantity') a.min = -0.25
    },
    changes: [
      {
        kind: 'bounds-changed',
        bump: 'major',
        path: { section: 'prognose', item: 'prognose.opbouw', field: 'answer.min' },
      },
    ],
  },
  {
    name: 'a quantity answer in another unit',
    base: BAR,
    edit: (b) => {
      const a = itemOf(b, 'prognose.opbouw').answer
      if (a.kind === 'quantity') a.unit = 'hours-per-day'
    },
    changes: [
      {
        kind: 'unit-changed',
        bump: 'major',
        path: { section: 'prognose', item: 'prognose.opbouw', field: 'answer.unit' },
      },
    ],
  },
  {
    name: 'a text on one line with a higher limit',
    base: BAR,
    edit: (b) =>
      (itemOf(b, 'visie.reden-niet-gelezen').answer = {
        kind: 'text',
        multiline: false,
        maxLength: 3000,
      }),
    changes: [
      {
        kind: 'text-multiline-changed',
        bump: 'patch',
        path: {
          section: 'visie-werknemer',
          item: 'visie.reden-niet-gelezen',
          field: 'answer.multiline',
        },
      },
      {
        kind: 'text-max-length-changed',
        bump: 'minor',
        path: {
          section: 'visie-werknemer',
          item: 'visie.reden-niet-gelezen',
          field: 'answer.maxLength',
        },
      },
    ],
  },
  {
    name: 'a text with a lower limit',
    base: BAR,
    edit: (b) =>
      (itemOf(b, 'visie.reden-niet-gelezen').answer = {
        kind: 'text',
        multiline: true,
        maxLength: 1000,
      }),
    changes: [
      {
        kind: 'text-max-length-changed',
        bump: 'major',
        path: {
          section: 'visie-werknemer',
          item: 'visie.reden-niet-gelezen',
          field: 'answer.maxLength',
        },
      },
    ],
  },
  {
    name: 'the levels that mean no work capacity',
    base: BAR,
    edit: (b) => {
      if (b.conclusion?.kind === 'work-capacity') b.conclusion.noCapacity.push('ernstig')
    },
    changes: [
      { kind: 'conclusion-changed', bump: 'major', path: { field: 'conclusion.noCapacity' } },
    ],
  },
  {
    name: 'a removed conclusion',
    base: BAR,
    edit: (b) => delete b.conclusion,
    changes: [{ kind: 'conclusion-changed', bump: 'major', path: { field: 'conclusion' } }],
  },
  {
    name: 'the completeness item of a cover',
    base: FML,
    edit: (f) => {
      if (f.conclusion?.kind === 'cover' && f.conclusion.completeness)
        f.conclusion.completeness.critical = 'volledig'
    },
    changes: [
      { kind: 'conclusion-changed', bump: 'major', path: { field: 'conclusion.completeness' } },
    ],
  },
  {
    name: 'the items shown beside the conclusion',
    base: BAR,
    edit: (b) => b.conclusion?.details?.pop(),
    changes: [
      { kind: 'conclusion-details-changed', bump: 'minor', path: { field: 'conclusion.details' } },
    ],
  },
  {
    name: 'the zero quantities of the conclusion in another order',
    base: BAR,
    edit: (b) => {
      if (b.conclusion?.kind === 'work-capacity') b.conclusion.zeroMeansNone?.reverse()
    },
    changes: [
      { kind: 'order-changed', bump: 'patch', path: { field: 'conclusion.zeroMeansNone' } },
    ],
  },
  {
    name: 'an added, a removed and a reworded exclusion',
    base: FML,
    edit: (f) => {
      const x = f.exclusions ?? []
      x.shift()
      if (x[0]) x[0].reason.en = 'Reworded.'
      x.push({
        when: { item: 'IV.13', options: ['0'] },
        excludes: { item: 'IV.14', minRank: 2 },
        reason: { nl: 'N', en: 'E' },
      })
    },
    changes: [
      { kind: 'exclusion-removed', bump: 'minor', path: { exclusion: 'I.8 [0] / I.7 >= 1' } },
      {
        kind: 'wording',
        bump: 'patch',
        path: { exclusion: 'IV.3 [0] / IV.4 >= 1', field: 'reason' },
      },
      { kind: 'exclusion-added', bump: 'minor', path: { exclusion: 'IV.13 [0] / IV.14 >= 2' } },
    ],
  },
  {
    name: 'another family',
    base: FML,
    edit: (f) => (f.family = 'other'),
    changes: [{ kind: 'family-changed', bump: 'minor', path: { field: 'family' } }],
  },
  {
    name: 'another display code for an item',
    base: FML,
    edit: (f) => (itemOf(f, 'IV.13').code = '4.13'),
    changes: [
      {
        kind: 'display-code-changed',
        bump: 'patch',
        path: { section: 'IV', item: 'IV.13', field: 'code' },
      },
    ],
  },
  {
    name: 'a section that is no longer the cover',
    base: FML,
    edit: (f) => delete sectionOf(f, 'voorblad').role,
    changes: [
      { kind: 'section-role-changed', bump: 'minor', path: { section: 'voorblad', field: 'role' } },
    ],
  },
  {
    name: 'a migration from the previous version',
    base: BAR,
    edit: (b) => (b.migration = { from: '0.9.0', steps: [] }),
    changes: [{ kind: 'migration-changed', bump: 'patch', path: { field: 'migration' } }],
  },
  {
    name: 'another step of the migration',
    base: everything(),
    edit: (m) => m.migration?.steps.pop(),
    changes: [{ kind: 'migration-changed', bump: 'patch', path: { field: 'migration.steps' } }],
  },
  {
    name: 'exclusions in another order',
    base: FML,
    edit: (f) => f.exclusions && swap(f.exclusions, 0, 1),
    changes: [
      { kind: 'order-changed', bump: 'patch', path: { exclusion: 'IV.3 [0] / IV.4 >= 1' } },
    ],
  },
]

describe('diffInstruments: every kind of change and its bump', () => {
  for (const c of CASES)
    it(`gives ${c.name} as ${c.changes.map((x) => `${x.kind} (${x.bump})`).join(', ')}`, () => {
      const d = edited(c.base, c.edit)
      expect(brief(d)).toEqual(c.changes)
      expect(d.bump).toBe(requiredBump(c.changes))
    })

  it('has a case for every kind of change', () => {
    const seen = new Set(CASES.flatMap((c) => c.changes.map((x) => x.kind)))
    const pairs = [
      'wording',
      'item-added-optional',
      'option-removed',
      'threshold-changed',
      'condition-changed',
      'item-removed',
      'help',
    ]
    for (const k of pairs) seen.add(k as ChangeKind)
    expect(CHANGE_KINDS.filter((k) => !seen.has(k))).toEqual([])
  })
})

// Every field of the meta-schema, found by walking the zod schema, is changed in real files and
// the change must show: a field the diff does not compare fails here, with its path.

interface ZodNode {
  def: { type: string; values?: unknown[]; valueType?: ZodNode }
  shape?: Record<string, ZodNode>
  element?: ZodNode
  options?: (ZodNode | string)[]
  unwrap?: () => ZodNode
}
const DELETE = Symbol('delete')

function unwrap(s: ZodNode): ZodNode {
  return s.def.type === 'optional' && s.unwrap ? unwrap(s.unwrap()) : s
}
const variants = (s: ZodNode) => (s.options ?? []) as ZodNode[]
const variantLabel = (v: ZodNode, i: number) => {
  const kind = v.shape?.kind
  return kind?.def.type === 'literal' ? String(kind.def.values?.[0]) : String(i)
}

/** Every field path of the meta-schema: `.sections[].items[].answer<single>.options[].rank`. */
function schemaFields(schema: ZodNode, at = '', out = new Set<string>()): Set<string> {
  const s = unwrap(schema)
  if (s.def.type === 'object')
    for (const [k, v] of Object.entries(s.shape ?? {})) {
      out.add(`${at}.${k}`)
      schemaFields(v, `${at}.${k}`, out)
    }
  if (s.def.type === 'array' && s.element) schemaFields(s.element, `${at}[]`, out)
  if (s.def.type === 'record' && s.def.valueType) schemaFields(s.def.valueType, `${at}{}`, out)
  if (s.def.type === 'union')
    variants(s).forEach((v, i) => schemaFields(v, `${at}<${variantLabel(v, i)}>`, out))
  return out
}

/** Other values for a field: a changed string, number, flag or enum, a shorter or reversed list. */
function otherValues(schema: ZodNode, value: unknown): unknown[] {
  const s = unwrap(schema)
  switch (s.def.type) {
    case 'string':
      return [`${value as string}-x`]
    case 'literal':
      return [`${value as string}-x`]
    case 'enum':
      return [(s.options as string[]).find((o) => o !== value)]
    case 'number':
      return [(value as number) + 1]
    case 'boolean':
      return [!value]
    case 'array': {
      const list = value as unknown[]
      if (!list.length) return []
      const reversed = [...list].reverse()
      return [
        list.slice(0, -1),
        ...(JSON.stringify(reversed) !== JSON.stringify(list) ? [reversed] : []),
      ]
    }
    case 'record': {
      const entries = Object.entries(value as object)
      return entries.length ? [Object.fromEntries(entries.slice(1))] : []
    }
    default:
      return []
  }
}

interface Mutation {
  field: string
  path: (string | number)[]
  value: unknown
}

const CAP = 2

/** The variant of a union that a value is of: by its kind, by its fields, or by its type. */
function variantFor(s: ZodNode, value: unknown): [ZodNode, string] {
  const i = variants(s).findIndex((v) => {
    if (typeof value !== 'object' || value === null) return v.def.type === typeof value
    if (v.def.type !== 'object') return false
    const kind = (value as { kind?: unknown }).kind
    if (kind !== undefined) return variantLabel(v, -1) === kind
    return Object.keys(value).every((k) => k in (v.shape ?? {}))
  })
  const v = variants(s)[i] as ZodNode
  return [v, `<${variantLabel(v, i)}>`]
}

function mutations(
  schema: ZodNode,
  value: unknown,
  at: string,
  path: (string | number)[],
  out: Mutation[],
  count: Map<string, number>,
) {
  const s = unwrap(schema)
  /** A field or record entry: changed itself (at most CAP times per field), then within. */
  const child = (fieldSchema: ZodNode, v: unknown, field: string, p: (string | number)[]) => {
    const n = count.get(field) ?? 0
    if (n < CAP) {
      count.set(field, n + 1)
      if (fieldSchema.def.type === 'optional') out.push({ field, path: p, value: DELETE })
      const [leaf] =
        unwrap(fieldSchema).def.type === 'union'
          ? variantFor(unwrap(fieldSchema), v)
          : [fieldSchema]
      for (const other of otherValues(leaf, v)) out.push({ field, path: p, value: other })
    }
    mutations(fieldSchema, v, field, p, out, count)
  }
  if (s.def.type === 'union') {
    const [v, label] = variantFor(s, value)
    mutations(v, value, `${at}${label}`, path, out, count)
  }
  if (s.def.type === 'array' && s.element)
    (value as unknown[]).forEach((x, i) =>
      mutations(s.element as ZodNode, x, `${at}[]`, [...path, i], out, count),
    )
  if (s.def.type === 'record' && s.def.valueType)
    for (const [k, v] of Object.entries(value as object))
      child(s.def.valueType, v, `${at}{}`, [...path, k])
  if (s.def.type === 'object')
    for (const [k, fieldSchema] of Object.entries(s.shape ?? {})) {
      const v = (value as Record<string, unknown>)[k]
      if (v !== undefined) child(fieldSchema, v, `${at}.${k}`, [...path, k])
    }
}

function applied(base: Instrument, m: Mutation): Instrument {
  const copy = structuredClone(base) as unknown as Record<string | number, unknown>
  let node = copy
  for (const seg of m.path.slice(0, -1)) node = node[seg] as Record<string | number, unknown>
  const last = m.path[m.path.length - 1] as string
  if (m.value === DELETE) delete node[last]
  else node[last] = m.value
  return copy as unknown as Instrument
}

/** The minimal test instrument with every optional field the shipped files leave out. */
function everything(): Instrument {
  const m = structuredClone(MINIMAL)
  const level = optionsOf(itemOf(m, 'tillen'))[1] as Option
  Object.assign(level, {
    description: { nl: 'Licht', en: 'Mild' },
    specify: true,
    exclusive: true,
    thresholds: [{ value: 5, unit: 'kg', comparator: 'at-most' }],
  })
  const one = optionsOf(itemOf(m, 'keuze'))[0] as Option
  Object.assign(one, {
    description: { nl: 'Ja', en: 'Yes' },
    rank: 0,
    exclusive: true,
    thresholds: [{ value: 1, unit: 'kg', comparator: 'about' }],
  })
  Object.assign(optionsOf(itemOf(m, 'meer'))[1] as Option, {
    description: { nl: 'Warm', en: 'Warm' },
    specify: true,
  })
  const a = itemOf(m, 'uren').answer
  if (a.kind === 'quantity') a.step = 0.5
  m.description = { nl: 'Test', en: 'Test' }
  m.domains = [
    { id: 'fysiek', label: { nl: 'Fysiek', en: 'Physical' }, description: { nl: 'F', en: 'P' } },
  ]
  const section = m.sections[0] as Section
  section.description = { nl: 'S', en: 'S' }
  m.provenance.sources[0] = { title: 'T', url: 'https://example.org', note: { nl: 'N', en: 'N' } }
  const why = { nl: 'Waarom', en: 'Why' }
  m.migration = {
    from: '0.9.0',
    steps: [
      { name: 'rename', kind: 'rename', from: 'a', to: 'b', note: why },
      { name: 'move', kind: 'move', from: 'c', to: 'd', note: why },
      {
        name: 'map',
        kind: 'mapOptions',
        item: 'keuze',
        options: { x: 'ja', y: { drop: why } },
        note: why,
      },
      {
        name: 'split',
        kind: 'split',
        from: 'e',
        to: [
          { item: 'f', carry: 'copy' },
          { item: 'g', carry: 'map', options: { '1': '2', '3': { drop: why } } },
        ],
        note: why,
      },
      {
        name: 'merge',
        kind: 'merge',
        from: ['h', 'i'],
        to: 'j',
        rule: 'first',
        reason: why,
        note: why,
      },
      { name: 'drop', kind: 'drop', item: 'k', reason: why, note: why },
    ],
  }
  return m
}

describe('diffInstruments compares every field of the meta-schema', () => {
  const bases = { bar: BAR, fml: FML, everything: everything() }
  const all: [string, Mutation][] = []
  const count = new Map<string, number>()
  for (const [name, base] of Object.entries(bases)) {
    const found: Mutation[] = []
    mutations(instrumentSchema as unknown as ZodNode, base, '', [], found, count)
    for (const m of found) all.push([name, m])
  }

  it('changes every field of the meta-schema in at least one file', () => {
    const changed = all.map(([, m]) => m.field)
    // A field holding an object is changed through its own fields.
    const covered = (f: string) =>
      changed.some((c) => c === f || [`${f}.`, `${f}[]`, `${f}<`].some((p) => c.startsWith(p)))
    expect(
      [...schemaFields(instrumentSchema as unknown as ZodNode)].filter((f) => !covered(f)),
    ).toEqual([])
  })

  it('reports every change to any field but the version, which is what it decides', () => {
    const missed: string[] = []
    for (const [name, m] of all) {
      const base = bases[name as keyof typeof bases]
      const r = diffInstruments(base, applied(base, m))
      const what = `${name} ${m.path.join('.')} = ${m.value === DELETE ? 'deleted' : JSON.stringify(m.value)}`
      if (m.field === '.id') {
        if (r.ok) missed.push(`${what}: not refused`)
      } else if (m.field === '.version') {
        if (!r.ok || r.value.bump !== 'none') missed.push(`${what}: reported`)
      } else if (!r.ok || !r.value.changes.length) missed.push(what)
    }
    expect(missed).toEqual([])
    expect(all.length).toBeGreaterThan(200)
  })
})

// Generated versions of the BAR: items dropped, renamed, reworded, moved, swapped or added.
const OPS = [
  'drop-item',
  'rename-item',
  'reword',
  'drop-option',
  'move-item',
  'swap-items',
  'add-item',
] as const
const opArb = fc.record({ op: fc.constantFrom(...OPS), i: fc.nat(), j: fc.nat() })
const versionArb = fc.array(opArb, { maxLength: 8 })

function generated(
  base: Instrument,
  ops: readonly { op: (typeof OPS)[number]; i: number; j: number }[],
): Instrument {
  const b = structuredClone(base)
  for (const { op, i, j } of ops) {
    const section = b.sections[i % b.sections.length] as Section
    const k = j % section.items.length
    const item = section.items[k] as Item
    const ids = new Set(itemIds(b))
    if (op === 'drop-item' && section.items.length > 1) section.items.splice(k, 1)
    if (op === 'rename-item' && !ids.has(`${item.id}-r`)) item.id = `${item.id}-r`
    if (op === 'reword') item.label.en += ' (reworded)'
    if (
      op === 'drop-option' &&
      (item.answer.kind === 'single' || item.answer.kind === 'capacity')
    ) {
      const options = optionsOf(item)
      if (options.length > 2) options.splice(i % options.length, 1)
    }
    if (op === 'move-item' && section.items.length > 1) {
      section.items.splice(k, 1)
      ;(b.sections[j % b.sections.length] as Section).items.push(item)
    }
    if (op === 'swap-items') swap(section.items, k, (k + 1) % section.items.length)
    if (op === 'add-item' && !ids.has(`new-${j % 5}`))
      section.items.push(optionalText(`new-${j % 5}`))
  }
  return b
}

const minus = (a: readonly string[], b: readonly string[]) => a.filter((x) => !b.includes(x)).sort()
const idsOf = (d: SchemaDiff, ...kinds: ChangeKind[]) =>
  d.changes
    .filter((c) => kinds.includes(c.kind))
    .map((c) => c.path.item as string)
    .sort()

describe('diffInstruments (properties)', () => {
  it('finds no change between a generated version and itself or its copy', () => {
    fc.assert(
      fc.property(versionArb, (ops) => {
        const a = generated(BAR, ops)
        expect(diff(a, a)).toEqual({ bump: 'none', changes: [] })
        expect(diff(a, structuredClone(a))).toEqual({ bump: 'none', changes: [] })
      }),
      { numRuns: 100 },
    )
  })

  it('lists as removed exactly the item ids of the old version missing from the new, and the reverse as added', () => {
    fc.assert(
      fc.property(versionArb, versionArb, (opsA, opsB) => {
        const a = generated(BAR, opsA)
        const b = generated(BAR, opsB)
        const d = diff(a, b)
        expect(idsOf(d, 'item-removed')).toEqual(minus(itemIds(a), itemIds(b)))
        expect(idsOf(d, 'item-added-optional', 'item-added-required')).toEqual(
          minus(itemIds(b), itemIds(a)),
        )
        expect(d.bump).toBe(requiredBump(d.changes))
        if (idsOf(d, 'item-removed').length) expect(d.bump).toBe('major')
      }),
      { numRuns: 100 },
    )
  })

  it('lists as removed exactly the option codes an item kept lost', () => {
    fc.assert(
      fc.property(versionArb, (ops) => {
        const b = generated(BAR, ops)
        const d = diff(BAR, b)
        const codes = (x: Item) => choiceOptions(x)?.map((o) => o.code) ?? []
        const expected = items(b)
          .filter((x) => itemIds(BAR).includes(x.id))
          .flatMap((x) => minus(codes(itemOf(BAR, x.id)), codes(x)).map((c) => `${x.id} ${c}`))
        const removed = d.changes
          .filter((c) => c.kind === 'option-removed')
          .map((c) => `${c.path.item} ${c.path.option}`)
        expect(removed.sort()).toEqual(expected.sort())
      }),
      { numRuns: 100 },
    )
  })
})

describe('requiredBump', () => {
  it('is the largest bump, and none for no changes', () => {
    expect(requiredBump([])).toBe('none')
    expect(requiredBump([{ bump: 'patch' }, { bump: 'major' }, { bump: 'minor' }])).toBe('major')
    expect(requiredBump([{ bump: 'patch' }, { bump: 'minor' }])).toBe('minor')
  })
})

describe('nextVersion', () => {
  it('raises the part the bump names and resets the lower ones', () => {
    expect(nextVersion('1.2.3', 'none')).toBe('1.2.3')
    expect(nextVersion('1.2.3', 'patch')).toBe('1.2.4')
    expect(nextVersion('1.2.3', 'minor')).toBe('1.3.0')
    expect(nextVersion('1.2.3', 'major')).toBe('2.0.0')
  })

  it('releases a pre-release as its own version when that is enough', () => {
    expect(nextVersion('2.0.0-rc.1', 'major')).toBe('2.0.0')
    expect(nextVersion('1.3.0-rc.1', 'minor')).toBe('1.3.0')
    expect(nextVersion('1.3.0-rc.1', 'major')).toBe('2.0.0')
    expect(nextVersion('1.2.4-rc.1', 'patch')).toBe('1.2.4')
  })

  it('refuses what is not a version', () => {
    expect(() => nextVersion('v1', 'patch')).toThrow(RangeError)
  })
})

describe('checkProposedVersion', () => {
  it('accepts the next version of the bump or a higher one', () => {
    expect(checkProposedVersion('1.0.0', '2.0.0', 'major')).toEqual({ ok: true })
    expect(checkProposedVersion('1.0.0', '1.1.0', 'minor')).toEqual({ ok: true })
    expect(checkProposedVersion('1.0.0', '3.0.0', 'patch')).toEqual({ ok: true })
    expect(checkProposedVersion('1.0.0', '1.0.1', 'none')).toEqual({ ok: true })
    expect(checkProposedVersion('1.4.2', '2.0.0-rc.1', 'major')).toEqual({ ok: true })
  })

  it('refuses a version lower than the bump needs, with the lowest it accepts', () => {
    expect(checkProposedVersion('1.0.0', '1.0.1', 'major')).toEqual({
      ok: false,
      reason: 'below-required',
      minimum: '2.0.0',
    })
    expect(checkProposedVersion('1.2.3', '1.2.9', 'minor')).toEqual({
      ok: false,
      reason: 'below-required',
      minimum: '1.3.0',
    })
  })

  it('refuses a version that is not higher than the old one, even without changes', () => {
    for (const proposed of ['1.0.0', '0.9.0', '1.0.0-rc.1'])
      expect(checkProposedVersion('1.0.0', proposed, 'none')).toEqual({
        ok: false,
        reason: 'not-higher',
        minimum: '1.0.1',
      })
  })

  it('refuses what is not a semantic version', () => {
    expect(checkProposedVersion('1.0.0', '2.0', 'major')).toEqual({
      ok: false,
      reason: 'not-semver',
      minimum: '2.0.0',
    })
  })
})

describe('removals a migration step carries every answer through', () => {
  const bar110 = shippedCatalogue().instruments.find(
    (i) => i.id === 'bar' && i.version === '1.1.0',
  )!
  const diff = (a: Instrument, b: Instrument) => {
    const r = diffInstruments(a, b)
    if (!r.ok) throw new Error('not one instrument')
    return r.value
  }

  it('need a minor version: BAR 1.1.0 renames one item and splits another, with its migration', () => {
    const d = diff(BAR, bar110)
    expect(d.bump).toBe('minor')
    expect(
      d.changes
        .filter((c) => c.kind === 'item-removed')
        .map((c) => [c.path.item, c.bump, c.carriedBy]),
    ).toEqual([
      ['mentaal.stress-hanteren', 'minor', 'rename-omgaan-met-stress'],
      ['fysiek.hand-vinger', 'minor', 'split-hand-vinger'],
    ])
    expect(checkProposedVersion('1.0.0', '1.1.0', d.bump)).toEqual({ ok: true })
  })

  it('stay major without the migration, or when a step drops or merges answers', () => {
    const withoutMigration = structuredClone(bar110)
    delete withoutMigration.migration
    expect(diff(BAR, withoutMigration).bump).toBe('major')

    const dropping = structuredClone(bar110)
    dropping.migration!.steps = dropping.migration!.steps.map((s) =>
      s.kind === 'rename'
        ? { kind: 'drop', name: s.name, item: s.from, reason: { nl: 'Vervallen', en: 'Gone' } }
        : s,
    )
    const removed = diff(BAR, dropping).changes.find(
      (c) => c.kind === 'item-removed' && c.path.item === 'mentaal.stress-hanteren',
    )
    expect(removed).toMatchObject({ bump: 'major' })
    expect(removed?.carriedBy).toBeUndefined()
  })

  it('count an option mapped to another code as carried, and one mapped to nothing as removed', () => {
    const next = structuredClone(BAR)
    const item = itemOf(next, 'visie.gelezen')
    const [first] = optionsOf(item)
    const oldCode = first!.code
    first!.code = 'hernoemd'
    const mapped = (options: Record<string, string | { drop: { nl: string; en: string } }>) => ({
      ...next,
      version: '1.1.0',
      migration: {
        from: BAR.version,
        steps: [{ kind: 'mapOptions' as const, name: 'codes', item: item.id, options }],
      },
    })
    const removal = (d: SchemaDiff) => d.changes.find((c) => c.kind === 'option-removed')
    expect(removal(diff(BAR, mapped({ [oldCode]: 'hernoemd' })))).toMatchObject({
      bump: 'minor',
      carriedBy: 'codes',
    })
    expect(
      removal(diff(BAR, mapped({ [oldCode]: { drop: { nl: 'Weg', en: 'Gone' } } }))),
    ).toMatchObject({ bump: 'major' })
  })
})
