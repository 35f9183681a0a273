import { describe, expect, it } from 'vitest'
import {
  MIN_PASSPHRASE_LENGTH,
  newPassphrase,
  repeats,
  required,
} from '../../../src/features/encryption/passphrase-check'

describe('newPassphrase', () => {
  it(`asks for at least ${MIN_PASSPHRASE_LENGTH} characters, counting characters, not UTF-16 units`, () => {
    expect(newPassphrase('')).toBe('empty')
    expect(newPassphrase('a'.repeat(MIN_PASSPHRASE_LENGTH - 1))).toBe('tooShort')
    expect(newPassphrase('😀'.repeat(MIN_PASSPHRASE_LENGTH - 1))).toBe('tooShort')
    expect(newPassphrase('a'.repeat(MIN_PASSPHRASE_LENGTH))).toBeUndefined()
    expect(newPassphrase('drie korte woorden')).toBeUndefined()
  })
})

describe('required and repeats', () => {
  it('say an empty field and a repetition that differs', () => {
    expect(required('')).toBe('empty')
    expect(required(' ')).toBeUndefined()
    expect(repeats('abc')('abc')).toBeUndefined()
    expect(repeats('abc')('abd')).toBe('mismatch')
    expect(repeats('abc')('')).toBe('mismatch')
  })
})
