import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Assessment } from '../../../src/core/assessment/assessment-schema'
import { signOffAssessment, startAmendment } from '../../../src/core/assessment/sign-off'
import type {
  Extension,
  QuestionnaireItem,
  QuestionnaireResponseItem,
} from '../../../src/core/fhir/fhir-types'
import { fromQuestionnaireResponse } from '../../../src/core/fhir/from-questionnaire-response'
import { toQuestionnaire } from '../../../src/core/fhir/to-questionnaire'
import { toQuestionnaireResponse } from '../../../src/core/fhir/to-questionnaire-response'
import type { Instrument } from '../../../src/core/instrument/meta-schema'
import { answersArb } from '../../helpers/answer-arbitraries'
import { assessmentOf } from '../../helpers/assessments'
import { minimalInstrument, shippedCatalogue } from '../../helpers/instruments'
import { bar, fml } from '../../helpers/stored-examples'
import { fhirJsErrors, questionnaireFailures, responseFailures } from './fhir-checks'
import { expectGolden } from './golden'

const catalogue = shippedCatalogue().instruments
const minimal = minimalInstrument()
const all = [...catalogue, minimal]

function instrumentOf(a: Assessment): Instrument {
  const found = all.find((i) => i.id === a.instrument.id && i.version === a.instrument.version)
  if (!found) throw new Error(`no ${a.instrument.id} ${a.instrument.version}`)
  return found
}

function roundTrip(a: Assessment) {
  const qr = toQuestionnaireResponse(a, instrumentOf(a))
  // Through text, as a file would go.
  return fromQuestionnaireResponse(JSON.parse(JSON.stringify(qr)), all)
}

/** The answers the response had to carry whole in the extension. */
function keptWhole(qr: ReturnType<typeof toQuestionnaireResponse>) {
  const parts = qr.extension?.[0]?.extension ?? []
  const record = parts.find((p: Extension) => p.url === 'record')?.valueString
  return record ? (JSON.parse(record) as { answers?: object }).answers : undefined
}

const word = fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim() !== '')
const stamp = fc
  .date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true })
  .map((d) => d.toISOString())

/** Any valid assessment of `instrument`: answers, details, and 0 to 3 steps of its sign-off life. */
function assessmentArb(instrument: Instrument): fc.Arbitrary<Assessment> {
  return fc
    .record({
      answers: answersArb(instrument),
      authorName: fc.oneof(fc.constant(''), word),
      employee: fc.oneof(fc.constant(''), word),
      validUntil: fc.option(fc.constant('2027-06-30'), { nil: undefined }),
      language: fc.constantFrom('nl' as const, 'en' as const),
      steps: fc.integer({ min: 0, max: 3 }),
      // The schema trims a signer's name, as the sign-off screen does.
      signer: word.map((s) => s.trim()),
      at: stamp,
    })
    .map((g) => {
      let a: Assessment = assessmentOf(instrument, g.answers)
      a = {
        ...a,
        language: g.language,
        meta: {
          ...a.meta,
          authorName: g.authorName,
          employee: g.employee,
          ...(g.validUntil ? { validUntil: g.validUntil } : {}),
        },
      }
      const sign = (x: Assessment) =>
        signOffAssessment(x, {
          name: g.signer,
          role: x.meta.authorRole,
          date: x.meta.assessmentDate,
          at: g.at,
        })
      for (let s = 0; s < g.steps; s++)
        a = s % 2 === 0 ? sign(a) : startAmendment(a, new Date(g.at))
      return a
    })
}

describe('toQuestionnaireResponse', () => {
  it.each([
    ['BAR', bar],
    ['FML', fml],
  ])('gives the example %s as a response FHIR.js and the invariants accept', (_name, example) => {
    const instrument = instrumentOf(example)
    const qr = toQuestionnaireResponse(example, instrument)
    const q = toQuestionnaire(instrument)
    expect(fhirJsErrors(qr)).toEqual([])
    expect(questionnaireFailures(q)).toEqual([])
    expect(responseFailures(qr, q)).toEqual([])
    expect(keptWhole(qr)).toBeUndefined()
  })

  it('names the questionnaire by url and version, the status, the time and the people', () => {
    const qr = toQuestionnaireResponse(bar, instrumentOf(bar))
    expect(qr.questionnaire).toBe('https://bar-studio.example/fhir/Questionnaire/bar|1.0.0')
    expect(qr.status).toBe('in-progress')
    expect(qr.authored).toBe(bar.updatedAt)
    expect(qr.author).toEqual({ display: 'Dr. A. de Vries (fictief)' })
    expect(qr.subject).toEqual({ display: 'W.V.' })
    expect(qr.identifier.value).toBe(`urn:uuid:${bar.id}`)
  })

  it('maps the statuses: definitief → completed, gewijzigd → amended', () => {
    const signed = signOffAssessment(bar, {
      name: 'A. de Vries',
      role: 'bedrijfsarts',
      date: '2026-11-02',
      at: '2026-11-02T11:00:00.000Z',
    })
    expect(toQuestionnaireResponse(signed, instrumentOf(bar)).status).toBe('completed')
    const amended = signOffAssessment(startAmendment(signed, new Date('2026-11-03T09:00:00Z')), {
      name: 'A. de Vries',
      role: 'bedrijfsarts',
      date: '2026-11-03',
      at: '2026-11-03T10:00:00.000Z',
    })
    expect(toQuestionnaireResponse(amended, instrumentOf(bar)).status).toBe('amended')
  })

  it('writes the item texts as in the instrument, in Dutch, and quantities in UCUM', () => {
    const qr = toQuestionnaireResponse(bar, instrumentOf(bar))
    const tillen = qr.item
      ?.find((s) => s.linkId === 'fysiek')
      ?.item?.find((i) => i.linkId === 'fysiek.tillen')
    expect(tillen?.text).toBe(
      instrumentOf(bar)
        .sections.flatMap((s) => s.items)
        .find((i) => i.id === 'fysiek.tillen')?.label.nl,
    )
    expect(tillen?.item?.find((i) => i.linkId === 'fysiek.tillen/max-load')?.answer).toEqual([
      {
        valueQuantity: { value: 7.5, unit: 'kg', system: 'http://unitsofmeasure.org', code: 'kg' },
      },
    ])
  })

  it.each([
    ['bar', bar],
    ['fml', fml],
  ])(
    'writes every %s text and coding as the Questionnaire has it: Dutch, with the English translation',
    (_id, example) => {
      const instrument = instrumentOf(example)
      const questions = new Map<string, QuestionnaireItem>()
      const collect = (items: readonly QuestionnaireItem[] = []) => {
        for (const q of items) {
          questions.set(q.linkId, q)
          collect(q.item)
        }
      }
      collect(toQuestionnaire(instrument).item)
      let texts = 0
      let codings = 0
      const check = (items: readonly QuestionnaireResponseItem[] = []) => {
        for (const r of items) {
          const q = questions.get(r.linkId)
          expect(q, r.linkId).toBeDefined()
          expect([r.linkId, r.text, r._text]).toEqual([r.linkId, q?.text, q?._text])
          expect(r._text?.extension[0]?.extension?.[1]?.valueString).toMatch(/\S/)
          texts++
          for (const a of r.answer ?? [])
            if (a.valueCoding) {
              const option = q?.answerOption?.find(
                (o) => o.valueCoding?.code === a.valueCoding?.code,
              )
              expect(a.valueCoding).toEqual(option?.valueCoding)
              codings++
            }
          check(r.item)
        }
      }
      check(toQuestionnaireResponse(example, instrument).item)
      expect(texts).toBeGreaterThan(20)
      expect(codings).toBeGreaterThan(10)
    },
  )

  it.each([
    ['bar', bar],
    ['fml', fml],
  ])('gives the %s example as committed', (id, example) => {
    expectGolden(
      `${id}-example.response.json`,
      toQuestionnaireResponse(example, instrumentOf(example)),
    )
  })

  it('writes an empty text as an item without answer, which reads back as empty', () => {
    const a = assessmentOf(minimal, {
      toelichting: { kind: 'text', text: '' },
      keuze: { kind: 'single', choice: 'nee', specify: 'x' },
      tillen: { kind: 'capacity', possible: '' },
    })
    const qr = toQuestionnaireResponse(a, minimal)
    expect(fhirJsErrors(qr)).toEqual([])
    expect(responseFailures(qr, toQuestionnaire(minimal))).toEqual([])
    expect(keptWhole(qr)).toBeUndefined()
    const back = roundTrip(a)
    expect(back.ok && back.value.assessment).toEqual(a)
  })

  it('keeps a "namely" text beside an option that asks none in the extension', () => {
    const a = assessmentOf(minimal, {
      keuze: { kind: 'single', choice: 'ja', specify: 'toch' },
      meer: { kind: 'multiple', choices: ['1'], specify: { '2': 'niet gekozen' } },
    })
    const qr = toQuestionnaireResponse(a, minimal)
    expect(fhirJsErrors(qr)).toEqual([])
    expect(responseFailures(qr, toQuestionnaire(minimal))).toEqual([])
    expect(keptWhole(qr)).toEqual(a.answers)
    const back = roundTrip(a)
    expect(back.ok && back.value.assessment).toEqual(a)
  })
})

describe('round trip assessment → QuestionnaireResponse → assessment', () => {
  it.each([
    ['BAR', bar],
    ['FML', fml],
  ])('gives the example %s back as it was', (_name, example) => {
    const back = roundTrip(example)
    expect(back.ok ? back.value.assessment : back.issues).toEqual(example)
  })

  it.each(all.map((i) => [`${i.id} ${i.version}`, i] as const))(
    'gives any valid assessment of %s back, as a valid response',
    (_name, instrument) => {
      const q = toQuestionnaire(instrument)
      fc.assert(
        fc.property(assessmentArb(instrument), (a) => {
          const qr = toQuestionnaireResponse(a, instrument)
          expect(fhirJsErrors(qr)).toEqual([])
          expect(responseFailures(qr, q)).toEqual([])
          // Only "namely" texts beside options that ask none need the extension.
          for (const [id, kept] of Object.entries(keptWhole(qr) ?? {}))
            expect(kept, id).toHaveProperty('specify')
          const back = roundTrip(a)
          expect(back.ok ? back.value.assessment : back.issues).toEqual(a)
        }),
        { numRuns: 40 },
      )
    },
  )
})
