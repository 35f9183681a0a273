import type { LoadResult } from '../issues/validation-issue'
import { issue } from '../issues/validation-issue'
import { lineAndColumn } from './strict-json'

const SAVE_AS_UTF8 = { nl: 'sla het op als UTF-8', en: 'save it as UTF-8' }

function refused(nl: string, en: string): LoadResult<never> {
  return {
    ok: false,
    issues: [issue([], `${nl}; ${SAVE_AS_UTF8.nl}`, `${en}; ${SAVE_AS_UTF8.en}`)],
  }
}

/** Where the first byte that is not part of a well-formed UTF-8 sequence stands, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0
  while (i < bytes.length) {
    const b = bytes[i] as number
    if (b < 0x80) {
      i++
      continue
    }
    // The second byte's range excludes overlong forms, surrogates and code points above U+10FFFF.
    let n: number
    let lo = 0x80
    let hi = 0xbf
    if (b >= 0xc2 && b <= 0xdf) n = 1
    else if (b >= 0xe0 && b <= 0xef) {
      n = 2
      if (b === 0xe0) lo = 0xa0
      if (b === 0xed) hi = 0x9f
    } else if (b >= 0xf0 && b <= 0xf4) {
      n = 3
      if (b === 0xf0) lo = 0x90
      if (b === 0xf4) hi = 0x8f
    } else return i
    for (let k = 1; k <= n; k++) {
      const c = bytes[i + k]
      if (c === undefined || c < (k === 1 ? lo : 0x80) || c > (k === 1 ? hi : 0xbf)) return i
    }
    i += n + 1
  }
  return -1
}

function decode(encoding: 'utf-8' | 'utf-16le' | 'utf-16be', bytes: Uint8Array): string {
  // ignoreBOM: the caller has already taken off the one byte-order mark that is allowed.
  return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes)
}

function invalidUtf8(bytes: Uint8Array): LoadResult<never> {
  const at = firstInvalidUtf8(bytes)
  if (at < 0) return refused('Het bestand is geen geldige UTF-8', 'The file is not valid UTF-8')
  const before = decode('utf-8', bytes.subarray(0, at))
  const { line, column } = lineAndColumn(before, before.length)
  const byte = `0x${(bytes[at] as number).toString(16).toUpperCase().padStart(2, '0')}`
  return refused(
    `Het bestand is geen geldige UTF-8: byte ${byte} op regel ${line}, kolom ${column} is in UTF-8 geen teken (is het bestand opgeslagen als Latin-1 of Windows-1252?)`,
    `The file is not valid UTF-8: byte ${byte} at line ${line}, column ${column} is not a character in UTF-8 (was the file saved as Latin-1 or Windows-1252?)`,
  )
}

/**
 * Decodes the bytes of a JSON file from outside. UTF-8 is the rule (RFC 8259), with or without a
 * byte-order mark; UTF-16 with a byte-order mark is decoded too, as editors on Windows write it.
 * Bytes that are not valid in their encoding are refused, never replaced by U+FFFD, and so are
 * UTF-32 and UTF-16 without a byte-order mark, with a message saying how to save the file.
 * @example
 * decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x7b, 0x7d])) // { ok: true, value: '{}' }
 */
export function decodeText(bytes: Uint8Array): LoadResult<string> {
  const [b0, b1, b2, b3] = bytes
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return decodeUtf8(bytes.subarray(3))
  if (
    (b0 === 0xff && b1 === 0xfe && b2 === 0 && b3 === 0) ||
    (b0 === 0 && b1 === 0 && b2 === 0xfe && b3 === 0xff)
  )
    return refused('Het bestand is in UTF-32 opgeslagen', 'The file is saved as UTF-32')
  const utf16 =
    b0 === 0xff && b1 === 0xfe ? 'utf-16le' : b0 === 0xfe && b1 === 0xff ? 'utf-16be' : undefined
  if (utf16) {
    try {
      return { ok: true, value: decode(utf16, bytes.subarray(2)) }
    } catch {
      return refused(
        `Het bestand is geen geldige ${utf16.toUpperCase()}: het houdt halverwege een teken op of bevat een losse surrogaat`,
        `The file is not valid ${utf16.toUpperCase()}: it ends in the middle of a character or holds a lone surrogate`,
      )
    }
  }
  // JSON starts with an ASCII character, so a zero byte beside it is the other half of UTF-16.
  if (bytes.length >= 2 && (b0 === 0) !== (b1 === 0))
    return refused(
      'Het bestand lijkt UTF-16 zonder byte-order mark',
      'The file looks like UTF-16 without a byte-order mark',
    )
  return decodeUtf8(bytes)
}

function decodeUtf8(bytes: Uint8Array): LoadResult<string> {
  try {
    return { ok: true, value: decode('utf-8', bytes) }
  } catch {
    return invalidUtf8(bytes)
  }
}
