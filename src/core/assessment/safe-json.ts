import type { LoadResult } from '../issues/validation-issue'
import { issue } from '../issues/validation-issue'
import { decodeText } from './decode-text'
import { parseStrictJson } from './strict-json'

/** The largest assessment file we read: a full BAR with long free texts is well under 1 MB. */
export const MAX_ASSESSMENT_BYTES = 2 * 1024 * 1024
/** The largest back-up of all assessments and comparisons we read. */
export const MAX_BACKUP_BYTES = 50 * 1024 * 1024

function megabytes(bytes: number) {
  return (bytes / 1024 / 1024).toFixed(1)
}

/** Refuses a file before reading it when it is too large to be an assessment (or a back-up). */
export function checkSize(bytes: number, limit = MAX_ASSESSMENT_BYTES): LoadResult<number> {
  if (bytes <= limit) return { ok: true, value: bytes }
  const backup = limit === MAX_BACKUP_BYTES
  return {
    ok: false,
    issues: [
      issue(
        [],
        `Bestand is te groot (${megabytes(bytes)} MB); ${backup ? 'een reservekopie' : 'een beoordeling'} is hooguit ${megabytes(limit)} MB`,
        `File is too large (${megabytes(bytes)} MB); ${backup ? 'a back-up' : 'an assessment'} is at most ${megabytes(limit)} MB`,
      ),
    ],
  }
}

/**
 * Parses JSON text from outside (a file, a drop), refusing oversized text, duplicate keys, lone
 * surrogates, too deep nesting and keys that could reach an object's prototype (`__proto__`,
 * `constructor`, `prototype`), wherever they are. A leading byte-order mark is skipped.
 */
export function parseUntrustedJson(text: string): LoadResult<unknown> {
  // Three bytes at most per UTF-16 unit: only text near the limit needs encoding to be measured.
  const size = checkSize(
    text.length * 3 <= MAX_ASSESSMENT_BYTES ? text.length : new TextEncoder().encode(text).length,
  )
  if (!size.ok) return size
  return parseStrictJson(text.startsWith('\ufeff') ? text.slice(1) : text)
}

/**
 * The one reader of a JSON file's bytes, for the app's import and the command line alike: the
 * size limit, then the encoding (see decodeText), then strict JSON (see parseStrictJson).
 * @example
 * const r = parseJsonBytes(new Uint8Array(await file.arrayBuffer()))
 * if (r.ok) loadAssessment(r.value, instruments)
 */
export function parseJsonBytes(
  bytes: Uint8Array,
  limit = MAX_ASSESSMENT_BYTES,
): LoadResult<unknown> {
  const size = checkSize(bytes.length, limit)
  if (!size.ok) return size
  const text = decodeText(bytes)
  if (!text.ok) return text
  return parseStrictJson(text.value)
}
