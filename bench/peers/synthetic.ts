import type { Instrument, Item, Option, Section } from '../../src/core/instrument/meta-schema'

/** Items per section of a synthetic instrument: 128 items make 8 sections. */
const PER_SECTION = 16

/** Terms of the shipped vocabulary 1.0.0 that synthetic items name. */
const TERMS = ['beperking', 'mogelijkheid', 'voorwaarde', 'normaalwaarde', 'duurbelastbaarheid']

const LEVELS = [
  { nl: 'Normaal', en: 'Normal' },
  { nl: 'Licht beperkt', en: 'Slightly limited' },
  { nl: 'Beperkt', en: 'Limited' },
  { nl: 'Sterk beperkt', en: 'Severely limited' },
  { nl: 'Niet mogelijk', en: 'Not possible' },
]

const CHOICES = [
  { nl: 'Hulpmiddel nodig', en: 'Needs an aid' },
  { nl: 'Begeleiding nodig', en: 'Needs guidance' },
  { nl: 'Aangepaste werkplek', en: 'Adapted workplace' },
  { nl: 'Aangepaste werktijden', en: 'Adapted working hours' },
]

/** 3, 4 or 5 ranked options, each with a description of FML length. */
function levels(n: string, k: number): Option[] {
  const count = 3 + (k % 3)
  return LEVELS.slice(0, count).map((label, rank) => ({
    code: String(rank),
    label,
    description: {
      nl: `Bij item ${n}: ${label.nl.toLowerCase()}, omschreven in een zin van gewone lengte zoals in de FML.`,
      en: `For item ${n}: ${label.en.toLowerCase()}, described in a sentence of ordinary length as in the FML.`,
    },
    rank,
  }))
}

/**
 * What the k-th item of a section asks for, the same mix in every section of 16: 11 single
 * choices (3 to 5 ranked options), 2 multiple choices (4 options), 2 free texts and 1 quantity.
 */
function answer(n: string, k: number): Item['answer'] {
  if (k === 5 || k === 12)
    return {
      kind: 'multiple',
      options: CHOICES.map((label, i) => ({ code: `k${i + 1}`, label })),
    }
  if (k === 7 || k === 14) return { kind: 'text', multiline: true, maxLength: 2000 }
  if (k === 10) return { kind: 'quantity', unit: 'hours-per-day', min: 0, max: 24 }
  return { kind: 'single', options: levels(n, k) }
}

function item(s: number, k: number): Item {
  const n = `${s + 1}.${k + 1}`
  return {
    id: `s${s + 1}.item-${k + 1}`,
    code: n,
    label: { nl: `Synthetisch item ${n}`, en: `Synthetic item ${n}` },
    // Help on half the items, terms on a quarter, ICF codes on most: as in the FML.
    ...(k % 2 === 0
      ? {
          help: {
            nl: `Uitleg bij item ${n}: een vaste tekst van gewone lengte, zodat het formulier zoveel tekst toont als bij een echt item.`,
            en: `Help for item ${n}: a fixed text of ordinary length, so the form shows as much text as a real item.`,
          },
        }
      : {}),
    ...(k % 4 === 1 ? { terms: [TERMS[(s + k) % TERMS.length] as string] } : {}),
    ...(k % 8 !== 7 ? { icf: [`d${4100 + k}`] } : {}),
    answer: answer(n, k),
  }
}

/**
 * A plain instrument (`family: 'other'`) of `items` items in sections of 16, each item with a
 * label and an answer of its own (see `answer`), id `synthetic-<items>`, version 1.0.0.
 */
export function peersSyntheticInstrument(items: number): Instrument {
  const sections: Section[] = Array.from({ length: Math.ceil(items / PER_SECTION) }, (_, s) => ({
    id: `s${s + 1}`,
    code: String(s + 1),
    label: { nl: `Synthetische sectie ${s + 1}`, en: `Synthetic section ${s + 1}` },
    items: Array.from({ length: Math.min(PER_SECTION, items - s * PER_SECTION) }, (_, k) =>
      item(s, k),
    ),
  }))
  return {
    id: `synthetic-${items}`,
    version: '1.0.0',
    family: 'other',
    title: {
      nl: `Synthetisch instrument (${items} items)`,
      en: `Synthetic instrument (${items} items)`,
    },
    authorRoles: ['bedrijfsarts'],
    provenance: {
      summary: {
        nl: 'Gemaakt door de peers-benchmark; geen echt instrument.',
        en: 'Made by the peers benchmark; not a real instrument.',
      },
      sources: [{ title: 'bench/peers/synthetic.ts' }],
      verified: [],
      reconstructed: [],
    },
    vocabulary: { id: 'vocabulary', version: '1.0.0' },
    sections,
  }
}
