import type { Draft } from '../../../src/core/builder/draft'
import type { Edit, EditResult } from '../../../src/core/builder/edits'
import { applyEdit } from '../../../src/core/builder/edits'
import type { NodeRef } from '../../../src/core/builder/node-ref'
import { loadInstrument } from '../../../src/core/instrument/load-instrument'
import type { Instrument, Vocabulary } from '../../../src/core/instrument/meta-schema'
import { shippedCatalogue } from '../../helpers/instruments'

let catalogue: ReturnType<typeof shippedCatalogue> | undefined

function shippedOnce() {
  catalogue ??= shippedCatalogue()
  return catalogue
}

export function shippedInstrument(id: string, version = '1.0.0'): Instrument {
  const found = shippedOnce().instruments.find((i) => i.id === id && i.version === version)
  if (!found) throw new Error(`${id} ${version} not shipped`)
  return found
}

export function shippedVocabulary(): Vocabulary {
  const v = shippedOnce().vocabularies[0]
  if (!v) throw new Error('no vocabulary shipped')
  return v
}

export const item = (section: number, i: number): NodeRef => ({ kind: 'item', section, item: i })
export const option = (section: number, i: number, o: number): NodeRef => ({
  kind: 'option',
  section,
  item: i,
  option: o,
})
export const section = (s: number): NodeRef => ({ kind: 'section', section: s })

/** Applies an edit that must be accepted. */
export function edit(draft: Draft, e: Edit): EditResult {
  const r = applyEdit(draft, e)
  if (r.refused) throw new Error(r.refused.map((i) => `${i.path} ${i.message.en}`).join('\n'))
  return r
}

/** Applies edits in turn, each of which must be accepted. */
export function edits(draft: Draft, ...list: Edit[]): Draft {
  return list.reduce((d, e) => edit(d, e).draft, draft)
}

const text = (nl: string, en: string) => ({ nl, en })

/**
 * A small instrument, version 1.0.0: a section "Fysiek" with a capacity, a single choice ("Klacht",
 * ranked), a text shown when the choice is "ja", and a section "Overig" with a multiple choice, a
 * quantity and a date; the conclusion reads the capacity, an exclusion the choice "nee".
 */
export function tinyJson(): Record<string, unknown> {
  const levels = [
    { code: 'geen', label: text('Geen beperking', 'No limitation'), rank: 0 },
    { code: 'licht', label: text('Lichte beperking', 'Mild limitation'), rank: 1 },
    { code: 'volledig', label: text('Volledige beperking', 'Complete limitation'), rank: 2 },
  ]
  return {
    id: 'tiny',
    version: '1.0.0',
    title: text('Klein instrument', 'Small instrument'),
    family: 'other',
    authorRoles: ['bedrijfsarts'],
    provenance: {
      summary: text('Voor tests', 'For tests'),
      sources: [{ title: 'Test', note: text('Bron', 'Source') }],
      verified: [text('Niets', 'Nothing')],
      reconstructed: [],
    },
    vocabulary: { id: 'vocabulary', version: '1.0.0' },
    sections: [
      {
        id: 'fysiek',
        label: text('Fysiek', 'Physical'),
        items: [
          {
            id: 'tillen',
            label: text('Tillen', 'Lifting'),
            answer: {
              kind: 'capacity',
              levels,
              quantities: [
                { id: 'max-load', label: text('Gewicht', 'Load'), unit: 'kg', min: 0, max: 50 },
              ],
            },
          },
          {
            id: 'klacht',
            label: text('Klacht', 'Complaint'),
            help: text('Heeft de werknemer klachten?', 'Does the employee have complaints?'),
            answer: {
              kind: 'single',
              options: [
                { code: 'nee', label: text('Nee', 'No'), rank: 0 },
                { code: 'ja', label: text('Ja', 'Yes'), rank: 1 },
                { code: 'soms', label: text('Soms', 'Sometimes'), rank: 1 },
              ],
            },
          },
          {
            id: 'welke',
            label: text('Welke klacht', 'Which complaint'),
            visibleWhen: { item: 'klacht', anyOf: ['ja'] },
            answer: { kind: 'text', multiline: true, maxLength: 500 },
          },
        ],
      },
      {
        id: 'overig',
        label: text('Overig', 'Other'),
        items: [
          {
            id: 'hulp',
            label: text('Hulpmiddelen', 'Aids'),
            answer: {
              kind: 'multiple',
              options: [
                { code: 'geen', label: text('Geen', 'None'), exclusive: true },
                { code: 'bril', label: text('Bril', 'Glasses') },
                { code: 'stok', label: text('Stok', 'Cane') },
              ],
            },
          },
          {
            id: 'uren',
            label: text('Uren', 'Hours'),
            answer: { kind: 'quantity', unit: 'hours-per-day', min: 0, max: 24 },
          },
          { id: 'datum', label: text('Datum', 'Date'), answer: { kind: 'date' } },
        ],
      },
    ],
    conclusion: { kind: 'work-capacity', item: 'tillen', noCapacity: ['volledig'] },
    exclusions: [
      {
        when: { item: 'klacht', options: ['nee'] },
        excludes: { item: 'tillen', minRank: 2 },
        reason: text('Geen klacht maar volledig beperkt', 'No complaint but completely limited'),
      },
    ],
  }
}

export function tiny(): Instrument {
  const r = loadInstrument(tinyJson())
  if (!r.ok) throw new Error(r.issues.map((i) => `${i.path} ${i.message.en}`).join('\n'))
  return r.value
}
