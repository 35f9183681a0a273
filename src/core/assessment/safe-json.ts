import type { LoadResult } from '../issues/validation-issue'
import { issue } from '../issues/validation-issue'

/** The largest assessment file we read: a full BAR with long free texts is well under 1 MB. */
export const MAX_ASSESSMENT_BYTES = 2 * 1024 * 1024

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype'])

function megabytes(bytes: number) {
  return (bytes / 1024 / 1024).toFixed(1)
}

/** Refuses a file before reading it when it is too large to be an assessment. */
export function checkSize(bytes: number): LoadResult<number> {
  if (bytes <= MAX_ASSESSMENT_BYTES) return { ok: true, value: bytes }
  return {
    ok: false,
    issues: [
      issue(
        [],
        `Bestand is te groot (${megabytes(bytes)} MB); een beoordeling is hooguit ${megabytes(MAX_ASSESSMENT_BYTES)} MB`,
        `File is too large (${megabytes(bytes)} MB); an assessment is at most ${megabytes(MAX_ASSESSMENT_BYTES)} MB`,
      ),
    ],
  }
}

/**
 * Parses JSON text from outside (a file, a drop), refusing oversized text and keys that could
 * reach an object's prototype (`__proto__`, `constructor`, `prototype`), wherever they are.
 */
export function parseUntrustedJson(text: string): LoadResult<unknown> {
  const size = checkSize(new TextEncoder().encode(text).length)
  if (!size.ok) return size
  const forbidden: string[] = []
  let value: unknown
  try {
    value = JSON.parse(text, function (key, v: unknown) {
      if (FORBIDDEN_KEYS.has(key)) forbidden.push(key)
      return v
    })
  } catch (e) {
    return {
      ok: false,
      issues: [
        issue(
          [],
          `Geen geldige JSON: ${(e as Error).message}`,
          `Not valid JSON: ${(e as Error).message}`,
        ),
      ],
    }
  }
  if (forbidden.length)
    return {
      ok: false,
      issues: [
        issue(
          [],
          `Niet toegestane sleutel in het bestand: ${[...new Set(forbidden)].join(', ')}`,
          `Key not allowed in the file: ${[...new Set(forbidden)].join(', ')}`,
        ),
      ],
    }
  return { ok: true, value }
}
