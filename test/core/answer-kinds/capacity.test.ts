import { describe, expect, it } from 'vitest'
import { capacity } from '../../../src/core/answer-kinds/capacity'
import type { AnswerSpecOf } from '../../../src/core/answer-kinds'
import { unitLabelFrom } from '../../../src/core/report/format'
import { createFixedT } from '../../../src/i18n/fixed-t'

const spec: AnswerSpecOf<'capacity'> = {
  kind: 'capacity',
  levels: [
    { code: 'geen', label: { nl: 'Geen beperking', en: 'No limitation' }, rank: 0 },
    { code: 'licht', label: { nl: 'Lichte beperking', en: 'Mild limitation' }, rank: 1 },
  ],
  quantities: [
    {
      id: 'duration',
      label: { nl: 'Aaneengesloten draagduur', en: 'Continuous carrying time' },
      unit: 'minutes',
      min: 0,
      max: 600,
    },
    {
      id: 'per-day',
      label: { nl: 'Uren per dag', en: 'Hours per day' },
      unit: 'hours-per-day',
      min: 0,
      max: 24,
    },
  ],
}

const units = (lang: 'nl' | 'en') =>
  unitLabelFrom(createFixedT(lang) as (key: string, o?: Record<string, unknown>) => string)

describe('capacity', () => {
  it('names each quantity with its unit in the form its value needs, in text and report', () => {
    const answer = {
      kind: 'capacity' as const,
      level: 'licht',
      quantities: { duration: 1, 'per-day': 1 },
    }
    expect(capacity.text(answer, spec, 'nl', units('nl'))).toBe(
      'Lichte beperking; Aaneengesloten draagduur 1 minuut; Uren per dag 1 uur per dag',
    )
    expect(capacity.text(answer, spec, 'en', units('en'))).toBe(
      'Mild limitation; Continuous carrying time 1 minute; Hours per day 1 hour per day',
    )
    expect(capacity.report(answer, spec, 'nl', units('nl')).details).toEqual([
      { kind: 'quantity', label: 'Aaneengesloten draagduur', text: '1 minuut' },
      { kind: 'quantity', label: 'Uren per dag', text: '1 uur per dag' },
    ])
  })

  it('uses the plural for any other value, fractions included', () => {
    const answer = { kind: 'capacity' as const, quantities: { duration: 2, 'per-day': 1.5 } }
    expect(capacity.report(answer, spec, 'nl', units('nl')).details.map((d) => d.text)).toEqual([
      '2 minuten',
      '1,5 uur per dag',
    ])
    expect(capacity.report(answer, spec, 'en', units('en')).details.map((d) => d.text)).toEqual([
      '2 minutes',
      '1.5 hours per day',
    ])
  })
})
