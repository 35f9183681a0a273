import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { readSchemaFiles } from '../../../src/cli/schema-files'
import { buildCatalogue } from '../../../src/core/instrument/catalogue'
import type { Catalogue } from '../../../src/core/instrument/catalogue-data'
import { cohortFromTexts, type PairText } from '../../../src/core/stats/cohort-from-texts'
import { cohortCsv } from '../../../src/csv/cohort-csv'

const catalogue = buildCatalogue(readSchemaFiles())

type Json = Record<string, unknown>
const frozen = (version: string) =>
  JSON.parse(readFileSync(`test/fixtures/frozen/bar-${version}.json`, 'utf8')) as Json

let serial = 0
/** A copy under a new id, as the verzekeringsarts's or as the bedrijfsarts's. */
function as(role: 'bedrijfsarts' | 'verzekeringsarts', file: Json): Json {
  serial++
  return {
    ...file,
    id: `00000000-0000-4000-8000-${serial.toString().padStart(12, '0')}`,
    meta: { ...(file.meta as Json), authorRole: role },
  }
}

/** n BAR/BAR pairs on each side's version, one NDJSON line each. */
function pairs(list: [ba: string, va: string, n: number][]): PairText[] {
  const lines = list.flatMap(([ba, va, n]) =>
    Array.from({ length: n }, () =>
      JSON.stringify({
        ba: as('bedrijfsarts', frozen(ba)),
        va: as('verzekeringsarts', frozen(va)),
      }),
    ),
  )
  return [{ source: 'pairs.ndjson', text: lines.join('\n') }]
}

/** The catalogue without BAR 1.2.0 and with `bar 1.1.0` saying nothing of how 1.0.0 carries over. */
function withoutMigration(): Catalogue {
  const instruments = catalogue.instruments
    .filter((i) => !(i.id === 'bar' && i.version === '1.2.0'))
    .map((i) => {
      if (i.id !== 'bar' || i.version !== '1.1.0') return i
      const rest = { ...i }
      delete rest.migration
      return rest
    })
  return { ...catalogue, instruments }
}

describe('a cohort of pairs on several versions of one instrument', () => {
  it('migrates the pairs on earlier versions to the latest one and says from which', () => {
    const r = cohortFromTexts(
      pairs([
        ['1.0.0', '1.0.0', 3],
        ['1.2.0', '1.2.0', 2],
        ['1.1.0', '1.2.0', 1],
      ]),
      catalogue,
    )
    expect(r.skipped).toEqual([])
    expect(r.groups).toHaveLength(1)
    const [group] = r.groups
    expect(group).toMatchObject({
      instrument: { id: 'bar', version: '1.2.0' },
      pairs: 6,
      migrated: 4,
      migratedFrom: ['1.0.0', '1.1.0'],
    })
    expect(group?.unchangedOnly).toBeUndefined()
    // An item 1.1.0 added counts for every pair: the 1.0.0 answers were carried over to it (or left open).
    const tempo = group?.items.find((i) => i.item === 'mentaal.tempo')
    expect(tempo?.n).toBe(6)
    expect(cohortCsv(r)).toMatch(/pairs_migrated,pairs_unchanged_only\nbar,1\.2\.0,.*,4,0\n/)
  })

  it('compares pairs on a version no migration leads from only on the items both versions hold unchanged', () => {
    const r = cohortFromTexts(
      pairs([
        ['1.0.0', '1.0.0', 3],
        ['1.1.0', '1.1.0', 2],
      ]),
      withoutMigration(),
    )
    expect(r.skipped).toEqual([])
    expect(r.groups).toHaveLength(1)
    const [group] = r.groups
    expect(group).toMatchObject({
      instrument: { id: 'bar', version: '1.1.0' },
      pairs: 5,
      migrated: 0,
      unchangedOnly: { pairs: 3, versions: ['1.0.0'] },
    })
    const counted = group?.unchangedOnly?.items ?? []
    // Unchanged: counted for all five pairs. New in 1.1.0: only the two pairs on 1.1.0.
    expect(counted).toContain('mentaal.tempo')
    expect(counted).not.toContain('mentaal.omgaan-met-stress')
    const n = (id: string) => group?.items.find((i) => i.item === id)?.n
    expect(n('mentaal.tempo')).toBe(5)
    expect(n('mentaal.omgaan-met-stress')).toBe(2)
    expect(group?.items.find((i) => i.item === 'mentaal.omgaan-met-stress')?.missing.neither).toBe(
      3,
    )
    const csv = cohortCsv(r).split('\n')
    expect(csv.find((l) => l.startsWith('bar,1.1.0,mentaal.tempo,'))).toMatch(/,0,3$/)
    expect(csv.find((l) => l.startsWith('bar,1.1.0,mentaal.omgaan-met-stress,'))).toMatch(/,0,0$/)
  })

  it('keeps one group per instrument: a BAR against an FML stays on the FML', () => {
    const fml = JSON.parse(readFileSync('test/fixtures/frozen/fml-1.0.0.json', 'utf8')) as Json
    const text = [
      JSON.stringify({ ba: as('bedrijfsarts', frozen('1.0.0')), va: as('verzekeringsarts', fml) }),
      JSON.stringify({ ba: as('bedrijfsarts', frozen('1.2.0')), va: as('verzekeringsarts', fml) }),
      JSON.stringify({
        ba: as('bedrijfsarts', frozen('1.2.0')),
        va: as('verzekeringsarts', frozen('1.2.0')),
      }),
    ].join('\n')
    const r = cohortFromTexts([{ source: 'mixed.ndjson', text }], catalogue)
    expect(r.groups.map((g) => [g.instrument, g.pairs, g.migrated])).toEqual([
      [{ id: 'fml', version: '1.0.0' }, 2, 0],
      [{ id: 'bar', version: '1.2.0' }, 1, 0],
    ])
  })
})
