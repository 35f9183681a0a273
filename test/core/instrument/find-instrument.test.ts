import { describe, expect, it } from 'vitest'
import { findInstrument } from '../../../src/core/instrument/find-instrument'
import { minimalInstrument } from '../../helpers/instruments'

const instrument = minimalInstrument()
const messages = (r: ReturnType<typeof findInstrument>) =>
  r.ok ? [] : r.issues.map((i) => `${i.message.nl} | ${i.message.en}`)

describe('findInstrument', () => {
  it('finds the version asked for', () => {
    const found = findInstrument([instrument], { id: instrument.id, version: instrument.version })
    expect(found.ok && found.value).toBe(instrument)
  })

  it('names the versions there are of a known instrument, and the instruments there are', () => {
    expect(messages(findInstrument([instrument], { id: instrument.id, version: '9.9.9' }))).toEqual(
      [
        `Versie 9.9.9 van ${instrument.id} is niet bekend (bekend: ${instrument.version}) | Version 9.9.9 of ${instrument.id} is not known (known: ${instrument.version})`,
      ],
    )
    expect(messages(findInstrument([instrument], { id: 'izp', version: '1.0.0' }))).toEqual([
      `Onbekend instrument "izp" (bekend: ${instrument.id}) | Unknown instrument "izp" (known: ${instrument.id})`,
    ])
  })

  it('leaves out an empty list of what is known', () => {
    expect(messages(findInstrument([], { id: 'izp', version: '1.0.0' }))).toEqual([
      'Onbekend instrument "izp" | Unknown instrument "izp"',
    ])
  })
})
