import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { cohortFromPath, ndjsonTexts } from '../../src/cli/cohort-command'
import { readSchemaFiles } from '../../src/cli/schema-files'
import { buildCatalogue } from '../../src/core/instrument/catalogue'
import { cohortFromTexts } from '../../src/core/stats/cohort-from-texts'

const root = join(import.meta.dirname, '../..')
const dir = mkdtempSync(join(tmpdir(), 'bar-cohort-pieces-'))
const catalogue = buildCatalogue(readSchemaFiles())

/** The lines the texts hold, each with the line number in the file it is named by. */
function numberedLines(path: string, pieceBytes: number): [number, string][] {
  return [...ndjsonTexts(path, pieceBytes)].flatMap(({ text, firstLine = 1 }) =>
    text
      .split(/\r?\n/)
      .map((line, i): [number, string] => [firstLine + i, line])
      .filter(([, line]) => line !== ''),
  )
}

describe('an NDJSON file read a piece at a time', () => {
  it('gives every line whole, named by its line in the file, for any cut (property)', () => {
    const line = fc.string({
      unit: fc.constantFrom('a', 'é', 'ĳ', '→', '😀', ' ', '{'),
      maxLength: 12,
    })
    fc.assert(
      fc.property(
        fc.array(line, { maxLength: 15 }),
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(),
        fc.boolean(),
        fc.integer({ min: 1, max: 40 }),
        (lines, eol, bom, lastEol, pieceBytes) => {
          const file = join(dir, 'cut.ndjson')
          const text = lines.join(eol) + (lastEol && lines.length ? eol : '')
          writeFileSync(file, (bom ? '\uFEFF' : '') + text)
          const expected = lines
            .map((l, i): [number, string] => [i + 1, l])
            .filter(([, l]) => l !== '')
          expect(numberedLines(file, pieceBytes)).toEqual(expected)
        },
      ),
      { numRuns: 300 },
    )
  })

  it('gives the same cohort, and names a skipped pair by its line, as the file read at once', () => {
    const pair = JSON.stringify({
      ba: JSON.parse(readFileSync(join(root, 'public/examples/bar-example.json'), 'utf8')),
      va: JSON.parse(readFileSync(join(root, 'public/examples/fml-example.json'), 'utf8')),
    })
    const file = join(dir, 'pairs.ndjson')
    const text = `${pair}\n${pair}\n\n{"ba": 1}\n${pair}\n`
    writeFileSync(file, `\uFEFF${text}`)
    const pieces = [...ndjsonTexts(file, 4096)]
    expect(pieces.length).toBeGreaterThan(2)
    const atOnce = cohortFromTexts([{ source: 'pairs.ndjson', text, ndjson: true }], catalogue)
    expect(atOnce.groups[0]?.pairs).toBe(3)
    expect(cohortFromPath(file, catalogue)).toEqual(atOnce)
    expect(cohortFromTexts(pieces, catalogue).skipped.map((s) => s.source)).toEqual([
      'pairs.ndjson:4',
    ])
  })
})
