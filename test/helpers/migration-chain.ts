import { join } from 'node:path'
import { buildCatalogue } from '../../src/core/instrument/catalogue'
import type { SchemaFile } from '../../src/core/instrument/catalogue-data'
import type { Instrument } from '../../src/core/instrument/meta-schema'
import { fixtures, readJson } from './files'

/*
 * A tiny instrument "demo" in three versions, so that chains of migrations can be tested (the BAR
 * has two versions). Together the steps use every step kind:
 * 1.0.0 → 1.1.0: split (one target copied, one through an option map), rename, mapOptions on a
 *   single choice with a dropped option, move, drop, and a new condition that hides an item.
 * 1.1.0 → 2.0.0: merge by the most restrictive answer, merge by the first answer, mapOptions on a
 *   multiple choice (two codes into one, one dropped), and a narrower range that an answer outgrows.
 */

type Json = Record<string, unknown>

const text = (s: string) => ({ nl: `${s} (nl)`, en: `${s} (en)` })
const option = (code: string, rank?: number, extra: Json = {}) => ({
  code,
  label: text(code),
  ...(rank === undefined ? {} : { rank }),
  ...extra,
})
const ranked = (...codes: string[]) => codes.map((c, i) => option(c, i))

const maxLoad = { id: 'max-load', label: text('max load'), unit: 'kg', min: 0, max: 50, step: 0.5 }
const capacity = (id: string, levels: string[], quantities: Json[] = []) => ({
  id,
  label: text(id),
  answer: { kind: 'capacity', levels: ranked(...levels), quantities },
})
const single = (id: string, options: Json[], extra: Json = {}) => ({
  id,
  label: text(id),
  ...extra,
  answer: { kind: 'single', options },
})
const multiple = (id: string, options: Json[], extra: Json = {}) => ({
  id,
  label: text(id),
  ...extra,
  answer: { kind: 'multiple', options },
})
const note = (id: string) => ({
  id,
  label: text(id),
  answer: { kind: 'text', multiline: true, maxLength: 500 },
})
const hours = (id: string, max: number) => ({
  id,
  label: text(id),
  answer: { kind: 'quantity', unit: 'hours-per-day', min: 0, max, step: 0.5 },
})
const levels3 = ['geen', 'licht', 'ernstig']

function instrument(version: string, items: Json[], migration?: Json): Json {
  return {
    id: 'demo',
    version,
    title: text('Demo'),
    authorRoles: ['bedrijfsarts'],
    provenance: {
      summary: text('For tests'),
      sources: [{ title: 'Test' }],
      verified: [],
      reconstructed: [],
    },
    vocabulary: { id: 'vocabulary', version: '1.0.0' },
    sections: [{ id: 's', label: text('Section'), items }],
    ...(migration ? { migration } : {}),
  }
}

const gelezen = single('gelezen', [option('ja'), option('nee')])

export const DEMO_1_0_0 = instrument('1.0.0', [
  capacity('tillen', levels3, [maxLoad]),
  capacity('dragen', levels3, [maxLoad]),
  capacity('reizen', levels3),
  single('oud', [option('a'), option('b')]),
  single('kleur', [option('rood'), option('groen'), option('blauw', undefined, { specify: true })]),
  note('notitie'),
  { id: 'weg', label: text('weg'), answer: { kind: 'date' } },
  gelezen,
  multiple('keuzes', [
    option('x', 1),
    option('y', 1, { specify: true }),
    option('z', 1),
    option('geen', 0, { exclusive: true }),
  ]),
  hours('uren', 24),
])

export const DEMO_1_1_0 = instrument(
  '1.1.0',
  [
    capacity('tillen', levels3, [maxLoad]),
    capacity('dragen', levels3, [maxLoad]),
    capacity('reizen-werk', levels3),
    capacity('reizen-woon', ['geen', 'beperkt']),
    single('nieuw', [option('a'), option('b')]),
    single('kleur', [option('warm'), option('groen')]),
    note('toelichting'),
    gelezen,
    multiple(
      'keuzes',
      [
        option('x', 1),
        option('y', 1, { specify: true }),
        option('z', 1),
        option('geen', 0, { exclusive: true }),
      ],
      { visibleWhen: { item: 'gelezen', anyOf: ['ja'] } },
    ),
    hours('uren', 24),
  ],
  {
    from: '1.0.0',
    steps: [
      {
        name: 'split-reizen',
        kind: 'split',
        from: 'reizen',
        to: [
          { item: 'reizen-werk', carry: 'copy' },
          {
            item: 'reizen-woon',
            carry: 'map',
            options: { licht: 'beperkt', ernstig: 'beperkt' },
          },
        ],
        note: text('Travelling split'),
      },
      { name: 'rename-oud', kind: 'rename', from: 'oud', to: 'nieuw' },
      {
        name: 'map-kleur',
        kind: 'mapOptions',
        item: 'kleur',
        options: { rood: 'warm', blauw: { drop: text('Blue is gone') } },
      },
      { name: 'move-notitie', kind: 'move', from: 'notitie', to: 'toelichting' },
      { name: 'drop-weg', kind: 'drop', item: 'weg', reason: text('No date needed') },
    ],
  },
)

export const DEMO_2_0_0 = instrument(
  '2.0.0',
  [
    capacity('tillen-dragen', levels3, [maxLoad]),
    capacity('reizen-werk', levels3),
    capacity('reizen-woon', ['geen', 'beperkt']),
    single('samen', [option('a'), option('b'), option('warm'), option('groen')]),
    note('toelichting'),
    gelezen,
    multiple(
      'keuzes',
      [option('xy', 1, { specify: true }), option('geen', 0, { exclusive: true })],
      {
        visibleWhen: { item: 'gelezen', anyOf: ['ja'] },
      },
    ),
    hours('uren', 12),
  ],
  {
    from: '1.1.0',
    steps: [
      {
        name: 'merge-tillen-dragen',
        kind: 'merge',
        from: ['tillen', 'dragen'],
        to: 'tillen-dragen',
        rule: 'most-restrictive',
        reason: text('The stricter limitation counts'),
      },
      {
        name: 'merge-nieuw-kleur',
        kind: 'merge',
        from: ['nieuw', 'kleur'],
        to: 'samen',
        rule: 'first',
        reason: text('One question now'),
      },
      {
        name: 'map-keuzes',
        kind: 'mapOptions',
        item: 'keuzes',
        options: { x: 'xy', y: 'xy', z: { drop: text('Z is gone') } },
      },
    ],
  },
)

/** The demo versions as files below schemas/, with the test vocabulary. */
export function demoFiles(versions: Json[] = [DEMO_1_0_0, DEMO_1_1_0, DEMO_2_0_0]): SchemaFile[] {
  return [
    {
      path: 'vocabulary/1.0.0.json',
      json: readJson(join(fixtures, 'instruments/vocabulary.json')),
    },
    ...versions.map((json) => ({ path: `demo/${String(json.version)}.json`, json })),
  ]
}

/** The three demo versions, loaded and checked as the catalogue loads schemas/. */
export function demoChain(): Instrument[] {
  const c = buildCatalogue(demoFiles())
  if (c.problems.length) throw new Error(JSON.stringify(c.problems, null, 2))
  return c.instruments
}
