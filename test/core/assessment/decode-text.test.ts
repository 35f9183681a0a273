import { describe, expect, it } from 'vitest'
import { decodeText, firstInvalidUtf8 } from '../../../src/core/assessment/decode-text'

const utf8 = (text: string) => new TextEncoder().encode(text)
const latin1 = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0))
function utf16(text: string, order: 'le' | 'be', bom = true): Uint8Array {
  const out: number[] = bom ? (order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]) : []
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    out.push(...(order === 'le' ? [c & 0xff, c >> 8] : [c >> 8, c & 0xff]))
  }
  return Uint8Array.from(out)
}

function refused(bytes: Uint8Array): string[] {
  const r = decodeText(bytes)
  expect(r.ok).toBe(false)
  return r.ok ? [] : r.issues.map((i) => `${i.path} | ${i.message.nl} | ${i.message.en}`)
}

describe('decodeText', () => {
  it('decodes UTF-8, with or without a byte-order mark', () => {
    expect(decodeText(utf8('{"employee":"J.É."}'))).toEqual({
      ok: true,
      value: '{"employee":"J.É."}',
    })
    expect(decodeText(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8('"É😀"')]))).toEqual({
      ok: true,
      value: '"É😀"',
    })
  })

  it('refuses Latin-1 with a message naming the encoding and the place, never U+FFFD', () => {
    expect(refused(latin1('{\n"employee": "J.É."}'))).toEqual([
      '$ | Het bestand is geen geldige UTF-8: byte 0xC9 op regel 2, kolom 16 is in UTF-8 geen teken (is het bestand opgeslagen als Latin-1 of Windows-1252?); sla het op als UTF-8 | The file is not valid UTF-8: byte 0xC9 at line 2, column 16 is not a character in UTF-8 (was the file saved as Latin-1 or Windows-1252?); save it as UTF-8',
    ])
  })

  it('decodes UTF-16 little- and big-endian with a byte-order mark', () => {
    for (const order of ['le', 'be'] as const)
      expect(decodeText(utf16('{"employee":"J.É. 😀"}', order))).toEqual({
        ok: true,
        value: '{"employee":"J.É. 😀"}',
      })
  })

  it('refuses broken UTF-16, UTF-16 without a byte-order mark and UTF-32', () => {
    expect(refused(utf16('"\ud800"', 'le'))).toEqual([
      '$ | Het bestand is geen geldige UTF-16LE: het houdt halverwege een teken op of bevat een losse surrogaat; sla het op als UTF-8 | The file is not valid UTF-16LE: it ends in the middle of a character or holds a lone surrogate; save it as UTF-8',
    ])
    expect(refused(utf16('{}', 'be').subarray(0, 5))[0]).toContain('geen geldige UTF-16BE')
    for (const order of ['le', 'be'] as const)
      expect(refused(utf16('{}', order, false))).toEqual([
        '$ | Het bestand lijkt UTF-16 zonder byte-order mark; sla het op als UTF-8 | The file looks like UTF-16 without a byte-order mark; save it as UTF-8',
      ])
    expect(refused(Uint8Array.from([0xff, 0xfe, 0, 0, 0x7b, 0, 0, 0]))).toEqual([
      '$ | Het bestand is in UTF-32 opgeslagen; sla het op als UTF-8 | The file is saved as UTF-32; save it as UTF-8',
    ])
  })

  it('refuses UTF-8 that encodes a surrogate, an overlong form or a cut-off character', () => {
    for (const bytes of [
      [0x22, 0xed, 0xa0, 0x80, 0x22],
      [0x22, 0xc0, 0xaf, 0x22],
      [0x22, 0xe2, 0x82],
      [0x22, 0xf4, 0x90, 0x80, 0x80, 0x22],
    ])
      expect(refused(Uint8Array.from(bytes))[0], bytes.join(' ')).toMatch(
        /^\$ \| Het bestand is geen geldige UTF-8: byte 0x[0-9A-F]{2} op regel 1, kolom 2 /,
      )
  })
})

describe('firstInvalidUtf8', () => {
  it('agrees with a fatal TextDecoder on every one- and two-byte sequence after an ASCII byte', () => {
    for (let a = 0; a < 256; a++)
      for (let b = 0; b < 256; b += 7) {
        const bytes = Uint8Array.from([0x41, a, b, 0x80, 0x41])
        let valid = true
        try {
          new TextDecoder('utf-8', { fatal: true }).decode(bytes)
        } catch {
          valid = false
        }
        expect(firstInvalidUtf8(bytes) === -1, `${a} ${b}`).toBe(valid)
      }
  })
})
