import { describe, expect, it } from 'vitest'
import { quantity } from '../../../src/core/answer-kinds/quantity'
import type { AnswerSpecOf } from '../../../src/core/answer-kinds'
import { unitLabelFrom } from '../../../src/core/report/format'
import { createFixedT } from '../../../src/i18n/fixed-t'

const spec: AnswerSpecOf<'quantity'> = { kind: 'quantity', unit: 'hours-per-week', min: 0, max: 60 }

const units = (lang: 'nl' | 'en') =>
  unitLabelFrom(createFixedT(lang) as (key: string, o?: Record<string, unknown>) => string)

describe('quantity', () => {
  it('gives the value with its unit in the form the value needs', () => {
    const one = { kind: 'quantity' as const, value: 1 }
    const many = { kind: 'quantity' as const, value: 32 }
    expect(quantity.text(one, spec, 'en', units('en'))).toBe('1 hour per week')
    expect(quantity.text(many, spec, 'en', units('en'))).toBe('32 hours per week')
    expect(quantity.text(many, spec, 'nl', units('nl'))).toBe('32 uur per week')
    expect(quantity.report(one, spec, 'en', units('en')).answer).toBe('1 hour per week')
  })

  it('gives the bare value when the item asks for another kind and has no unit', () => {
    expect(quantity.text({ kind: 'quantity', value: 3 }, undefined, 'nl', units('nl'))).toBe('3')
  })
})
