import { describe, expect, it } from 'vitest'
import {
  checkSize,
  MAX_ASSESSMENT_BYTES,
  MAX_BACKUP_BYTES,
  parseJsonBytes,
  parseUntrustedJson,
} from '../../../src/core/assessment/safe-json'

const TOO_LARGE = 'File is too large (50.0 MB); an assessment is at most 2.0 MB'

describe('parseUntrustedJson', () => {
  it('parses JSON, skipping a leading byte-order mark', () => {
    expect(parseUntrustedJson('{"a":[1,2]}')).toEqual({ ok: true, value: { a: [1, 2] } })
    expect(parseUntrustedJson('\ufeff{"a":1}')).toEqual({ ok: true, value: { a: 1 } })
  })

  it('refuses text that is not JSON, in Dutch and English', () => {
    const r = parseUntrustedJson('{"a":')
    expect(r).toEqual({
      ok: false,
      issues: [
        {
          path: '$.a',
          message: {
            nl: 'Ongeldige JSON op regel 1, kolom 6: verwacht een waarde, maar het bestand houdt op',
            en: 'Invalid JSON at line 1, column 6: expected a value, but the file ends',
          },
        },
      ],
    })
  })

  it('refuses duplicate keys, lone surrogates and __proto__, constructor and prototype keys', () => {
    for (const [text, en] of [
      ['{"__proto__":{"polluted":true}}', 'Key not allowed in the file: __proto__'],
      ['{"answers":{"x":{"constructor":1}}}', 'Key not allowed in the file: constructor'],
      ['{"a":1,"a":2}', 'Key "a" occurs twice'],
      ['["\\ud800"]', 'The text contains an invalid character (\\ud800, a lone UTF-16 surrogate)'],
      ['["\ud800"]', 'The text contains an invalid character (\\ud800, a lone UTF-16 surrogate)'],
    ] as const) {
      const r = parseUntrustedJson(text)
      expect(r.ok, text).toBe(false)
      if (!r.ok) expect(r.issues[0]?.message.en).toBe(en)
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('refuses a 50 MB text with a message giving its size', () => {
    const r = parseUntrustedJson(`"${'x'.repeat(50 * 1024 * 1024)}"`)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.issues[0]?.message.en).toBe(TOO_LARGE)
    expect(MAX_ASSESSMENT_BYTES).toBeLessThan(50 * 1024 * 1024)
  })

  it('measures the limit in UTF-8 bytes, not in characters', () => {
    const text = `"${'é'.repeat(MAX_ASSESSMENT_BYTES / 2)}"`
    expect(text.length).toBeLessThan(MAX_ASSESSMENT_BYTES)
    expect(parseUntrustedJson(text).ok).toBe(false)
  })
})

describe('parseJsonBytes', () => {
  const bytes = (text: string) => new TextEncoder().encode(text)

  it('reads a back-up larger than one assessment may be, under the back-up limit', () => {
    const big = bytes(JSON.stringify({ notes: 'x'.repeat(3 * 1024 * 1024) }))
    const refused = parseJsonBytes(big)
    expect(refused.ok).toBe(false)
    if (!refused.ok)
      expect(refused.issues[0]?.message.nl).toMatch(/een beoordeling is hooguit 2.0 MB/)
    expect(parseJsonBytes(big, MAX_BACKUP_BYTES).ok).toBe(true)
    const huge = checkSize(60 * 1024 * 1024, MAX_BACKUP_BYTES)
    expect(huge.ok).toBe(false)
    if (!huge.ok) expect(huge.issues[0]?.message.en).toMatch(/a back-up is at most 50.0 MB/)
  })

  it('reads UTF-8 with and without a byte-order mark, and UTF-16 with one', () => {
    const value = { employee: 'J.É.' }
    expect(parseJsonBytes(bytes('{"employee":"J.É."}'))).toEqual({ ok: true, value })
    expect(
      parseJsonBytes(Uint8Array.from([0xef, 0xbb, 0xbf, ...bytes('{"employee":"J.É."}')])),
    ).toEqual({ ok: true, value })
    const le = [0xff, 0xfe]
    for (const c of '{"employee":"J.É."}') le.push(c.charCodeAt(0), 0)
    expect(parseJsonBytes(Uint8Array.from(le))).toEqual({ ok: true, value })
  })

  it('refuses Latin-1, duplicate keys and a lone surrogate before anything reads the value', () => {
    const latin1 = Uint8Array.from('{"employee":"J.É."}', (c) => c.charCodeAt(0))
    const r = parseJsonBytes(latin1)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.issues[0]?.message.nl).toMatch(/^Het bestand is geen geldige UTF-8: /)
    expect(parseJsonBytes(bytes('{"a":1,"a":2}')).ok).toBe(false)
    expect(parseJsonBytes(bytes('"\\udfff"')).ok).toBe(false)
  })

  it('refuses 50 MB by its length, before decoding', () => {
    const r = parseJsonBytes(new Uint8Array(50 * 1024 * 1024))
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.issues[0]?.message.en).toBe(TOO_LARGE)
  })
})

describe('checkSize', () => {
  it('accepts up to the limit and refuses one byte more', () => {
    expect(checkSize(MAX_ASSESSMENT_BYTES)).toEqual({ ok: true, value: MAX_ASSESSMENT_BYTES })
    expect(checkSize(MAX_ASSESSMENT_BYTES + 1).ok).toBe(false)
  })
})
