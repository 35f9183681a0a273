import { readSchemaFiles } from '../src/cli/schema-files'
import { buildCatalogue } from '../src/core/instrument/catalogue'
import { checkLibraryFile } from '../src/core/instrument/library-file'
import type { Instrument, Item, Section } from '../src/core/instrument/meta-schema'
import { formatIssues } from '../src/core/issues/validation-issue'

export const SYNTHETIC_ID = 'synthetic'
export const SYNTHETIC_VERSION = '1.0.0'

const OPTIONS = [
  { nl: 'Geen beperking', en: 'No limitation' },
  { nl: 'Licht beperkt', en: 'Slightly limited' },
  { nl: 'Matig beperkt', en: 'Moderately limited' },
  { nl: 'Ernstig beperkt', en: 'Severely limited' },
]

function item(s: number, i: number): Item {
  const n = `${s + 1}.${i + 1}`
  return {
    id: `s${s + 1}.item-${i + 1}`,
    label: { nl: `Synthetisch item ${n}`, en: `Synthetic item ${n}` },
    help: {
      nl: `Uitleg bij item ${n}: een vaste tekst van gewone lengte, zodat de voorvertoning zoveel tekst toont als een echt item.`,
      en: `Help for item ${n}: a fixed text of ordinary length, so the preview shows as much text as a real item.`,
    },
    answer: {
      kind: 'single',
      options: OPTIONS.map((label, k) => ({ code: String(k), label, rank: k })),
    },
  }
}

/**
 * A plain instrument (`family: 'other'`) of `sections` × `perSection` single-choice items with
 * four ranked options, a label and a help text each; no terms, the shipped vocabulary 1.0.0.
 */
export function syntheticInstrument(sections = 16, perSection = 32): Instrument {
  const list: Section[] = Array.from({ length: sections }, (_, s) => ({
    id: `s${s + 1}`,
    label: { nl: `Synthetische sectie ${s + 1}`, en: `Synthetic section ${s + 1}` },
    items: Array.from({ length: perSection }, (_, i) => item(s, i)),
  }))
  return {
    id: SYNTHETIC_ID,
    version: SYNTHETIC_VERSION,
    family: 'other',
    title: {
      nl: `Synthetisch instrument (${sections * perSection} items)`,
      en: `Synthetic instrument (${sections * perSection} items)`,
    },
    authorRoles: ['bedrijfsarts'],
    provenance: {
      summary: {
        nl: 'Gemaakt door de builder-benchmark; geen echt instrument.',
        en: 'Made by the builder benchmark; not a real instrument.',
      },
      sources: [{ title: 'bench/builder-synthetic.ts' }],
      verified: [],
      reconstructed: [],
    },
    vocabulary: { id: 'vocabulary', version: '1.0.0' },
    sections: list,
  }
}

/**
 * Checks the instrument as the app's file import does (schemas/ as the catalogue it joins);
 * throws with the issues when it would be refused.
 */
export function assertImportable(instrument: Instrument, schemasDir?: string): void {
  const catalogue = buildCatalogue(readSchemaFiles(schemasDir))
  const r = checkLibraryFile(JSON.parse(JSON.stringify(instrument)), catalogue)
  if (!r.ok)
    throw new Error(
      `the synthetic instrument would be refused:\n${formatIssues(r.issues, 'en') || '(no issues given)'}`,
    )
}
