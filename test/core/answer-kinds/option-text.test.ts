import { describe, expect, it } from 'vitest'
import { optionText } from '../../../src/core/answer-kinds/option-text'
import type { Option } from '../../../src/core/instrument/base-schema'

const options: Option[] = [
  { code: '0', label: { nl: 'Norm', en: 'Norm' } },
  { code: 'anders', label: { nl: 'Anders', en: 'Other' } },
]

describe('optionText', () => {
  it('puts the number before the label only where the instrument numbers its options', () => {
    expect(optionText(options, '0', 'nl')).toBe('0 Norm')
    expect(optionText(options, 'anders', 'nl')).toBe('Anders')
    expect(optionText(options, 'anders', 'en')).toBe('Other')
  })

  it('gives a code the options do not hold as it is', () => {
    expect(optionText(options, 'weg', 'nl')).toBe('weg')
    expect(optionText(undefined, 'anders', 'nl')).toBe('anders')
  })
})
