/** The shortest passphrase encryption can be turned on with, in characters (code points). */
export const MIN_PASSPHRASE_LENGTH = 12

export type PassphraseProblem = 'empty' | 'tooShort' | 'mismatch' | 'wrong'

export function required(value: string): PassphraseProblem | undefined {
  return value === '' ? 'empty' : undefined
}

/** A new passphrase: long enough. Spaces count, and are kept as typed. */
export function newPassphrase(value: string): PassphraseProblem | undefined {
  return required(value) ?? ([...value].length < MIN_PASSPHRASE_LENGTH ? 'tooShort' : undefined)
}

/** The repetition of `first`. */
export function repeats(first: string) {
  return (value: string): PassphraseProblem | undefined =>
    value === first ? undefined : 'mismatch'
}
