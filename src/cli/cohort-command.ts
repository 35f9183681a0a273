import { closeSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs'
import { basename, join } from 'node:path'
import type { Catalogue } from '../core/instrument/catalogue-data'
import { cohortFromTexts, type CohortResult, type PairText } from '../core/stats/cohort-from-texts'

export type { CohortResult, SkippedPair } from '../core/stats/cohort-from-texts'
export { cohortCsv } from '../csv/cohort-csv'

/** How much of an NDJSON file is read at a time. */
const PIECE_BYTES = 16 * 2 ** 20
const NEWLINE = 0x0a
const BOM = Buffer.from([0xef, 0xbb, 0xbf])

/**
 * An NDJSON file as texts of whole lines, read a piece at a time: a file of any size (one string
 * holds at most about 512 MB), and only a piece of it in memory at once. A byte order mark at the
 * start is dropped, as a browser drops it from a chosen file.
 */
export function* ndjsonTexts(path: string, pieceBytes = PIECE_BYTES): Generator<PairText> {
  const source = basename(path)
  const fd = openSync(path, 'r')
  try {
    const piece = Buffer.alloc(pieceBytes)
    let rest = Buffer.alloc(0)
    let firstLine = 1
    let atStart = true
    for (;;) {
      const read = readSync(fd, piece, 0, pieceBytes, null)
      let data = Buffer.concat([rest, piece.subarray(0, read)])
      if (atStart) {
        // The mark may come in more than one piece.
        if (data.length < BOM.length && read > 0) {
          rest = data
          continue
        }
        if (data.subarray(0, BOM.length).equals(BOM)) data = data.subarray(BOM.length)
        atStart = false
      }
      // A newline byte is never part of another UTF-8 character: a piece cut after one decodes whole.
      const end = read === 0 ? data.length : data.lastIndexOf(NEWLINE) + 1
      rest = Buffer.from(data.subarray(end))
      if (end > 0) {
        const text = data.subarray(0, end).toString('utf8')
        yield { source, text, ndjson: true, firstLine }
        firstLine += text.split('\n').length - 1
      }
      if (read === 0) return
    }
  } finally {
    closeSync(fd)
  }
}

/** The texts of a folder (one `{ "ba": …, "va": … }` JSON file each, read in turn) or of an NDJSON file. */
function* readTexts(path: string): Generator<PairText> {
  if (!statSync(path).isDirectory()) return yield* ndjsonTexts(path)
  const files = readdirSync(path)
    .filter((f) => f.endsWith('.json'))
    .sort()
  for (const f of files)
    yield { source: f, text: readFileSync(join(path, f), 'utf8'), ndjson: false }
}

/**
 * Agreement over a cohort of BA/VA pairs: each pair is checked as an import is and compared as the
 * compare screen compares it; a pair that does not load or compare is skipped, with the reason.
 */
export function cohortFromPath(path: string, catalogue: Catalogue): CohortResult {
  return cohortFromTexts(readTexts(path), catalogue)
}
