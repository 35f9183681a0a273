import { describe, expect, it } from 'vitest'
import ucum from '@lhncbc/ucum-lhc'
import type { Questionnaire, QuestionnaireItem } from '../../../src/core/fhir/fhir-types'
import { toQuestionnaire } from '../../../src/core/fhir/to-questionnaire'
import { UCUM_UNITS } from '../../../src/core/fhir/ucum-units'
import type { Instrument } from '../../../src/core/instrument/meta-schema'
import { UNITS } from '../../../src/core/instrument/units'
import { minimalInstrument, shippedCatalogue } from '../../helpers/instruments'
import { fhirJsErrors, questionnaireFailures } from './fhir-checks'
import { expectGolden } from './golden'

const instruments = shippedCatalogue().instruments

function flat(items: readonly QuestionnaireItem[] | undefined): QuestionnaireItem[] {
  return (items ?? []).flatMap((i) => [i, ...flat(i.item)])
}

function find(q: Questionnaire, linkId: string): QuestionnaireItem {
  const found = flat(q.item).find((i) => i.linkId === linkId)
  if (!found) throw new Error(`no item ${linkId}`)
  return found
}

/** The minimal instrument with a condition on a capacity level, met by either of two levels. */
function withLevelCondition(): Instrument {
  const i = structuredClone(minimalInstrument())
  const items = i.sections[0]!.items
  const uren = items.find((x) => x.id === 'uren')!
  uren.visibleWhen = { item: 'tillen', anyOf: ['licht', 'ernstig'] }
  uren.required = true
  return i
}

describe('UCUM_UNITS', () => {
  const utils = ucum.UcumLhcUtils.getInstance()
  it.each(UNITS)('maps %s to a valid UCUM code', (unit) => {
    const code = UCUM_UNITS[unit]
    expect(utils.validateUnitString(code).status, `${unit} → ${code}`).toBe('valid')
  })
})

describe('toQuestionnaire', () => {
  const cases = [...instruments, minimalInstrument(), withLevelCondition()]
  it.each(cases.map((i) => [`${i.id} ${i.version}`, i] as const))(
    '%s passes FHIR.js and the R4 invariants',
    (_name, instrument) => {
      const q = toQuestionnaire(instrument)
      expect(fhirJsErrors(q)).toEqual([])
      expect(questionnaireFailures(q)).toEqual([])
    },
  )

  it('gives every version of an instrument one canonical url and its semver', () => {
    const bars = instruments.filter((i) => i.id === 'bar').map(toQuestionnaire)
    expect(new Set(bars.map((q) => q.url))).toEqual(
      new Set(['https://bar-studio.example/fhir/Questionnaire/bar']),
    )
    expect(bars.map((q) => q.version)).toEqual(
      instruments.filter((i) => i.id === 'bar').map((i) => i.version),
    )
    expect(bars.every((q) => q.status === 'active' && q.language === 'nl')).toBe(true)
  })

  it('makes a pre-release a draft', () => {
    const rc = { ...minimalInstrument(), version: '2.0.0-rc.1' }
    expect(toQuestionnaire(rc).status).toBe('draft')
  })

  it('keeps the Dutch title with the English as a translation', () => {
    const q = toQuestionnaire(minimalInstrument())
    expect(q.title).toBe('Testinstrument')
    expect(q._title.extension[0]).toEqual({
      url: 'http://hl7.org/fhir/StructureDefinition/translation',
      extension: [
        { url: 'lang', valueCode: 'en' },
        { url: 'content', valueString: 'Test instrument' },
      ],
    })
  })

  it('writes sections as groups and items with their ids as linkIds', () => {
    const q = toQuestionnaire(minimalInstrument())
    expect(q.item.map((i) => [i.linkId, i.type])).toEqual([['s1', 'group']])
    expect(
      flat(q.item)
        .filter((i) => !i.linkId.includes('/'))
        .map((i) => [i.linkId, i.type, i.repeats]),
    ).toEqual([
      ['s1', 'group', undefined],
      ['tillen', 'group', undefined],
      ['keuze', 'choice', undefined],
      ['toelichting', 'text', undefined],
      ['meer', 'choice', true],
      ['uren', 'quantity', undefined],
      ['datum', 'date', undefined],
    ])
  })

  it('writes a capacity as a group of level, quantities, possible and conditions', () => {
    const tillen = find(toQuestionnaire(minimalInstrument()), 'tillen')
    expect(tillen.code).toEqual([{ system: 'http://hl7.org/fhir/sid/icf', code: 'd4300' }])
    expect(tillen.item?.map((i) => [i.linkId, i.type])).toEqual([
      ['tillen/level', 'choice'],
      ['tillen/max-load', 'quantity'],
      ['tillen/possible', 'text'],
      ['tillen/conditions', 'text'],
    ])
    expect(find(toQuestionnaire(minimalInstrument()), 'tillen/max-load').extension).toEqual([
      {
        url: 'http://hl7.org/fhir/StructureDefinition/questionnaire-unit',
        valueCoding: { system: 'http://unitsofmeasure.org', code: 'kg', display: 'kg' },
      },
    ])
  })

  it('gives options a code system per item, the Dutch label and the rank as itemWeight', () => {
    const level = find(toQuestionnaire(minimalInstrument()), 'tillen/level')
    expect(level.answerOption?.[1]).toEqual({
      valueCoding: {
        system: 'https://bar-studio.example/fhir/Questionnaire/test/options/tillen',
        code: 'licht',
        display: 'Lichte beperking',
        _display: {
          extension: [
            {
              url: 'http://hl7.org/fhir/StructureDefinition/translation',
              extension: [
                { url: 'lang', valueCode: 'en' },
                { url: 'content', valueString: 'Mild limitation' },
              ],
            },
          ],
        },
      },
      extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/itemWeight', valueDecimal: 1 }],
    })
    expect(
      find(toQuestionnaire(minimalInstrument()), 'keuze').answerOption?.[0]?.extension,
    ).toBeUndefined()
  })

  it('writes conditions as enableWhen, on a capacity by its level, any of several', () => {
    const q = toQuestionnaire(withLevelCondition())
    expect(find(q, 'toelichting').enableWhen).toEqual([
      {
        question: 'keuze',
        operator: '=',
        answerCoding: {
          system: 'https://bar-studio.example/fhir/Questionnaire/test/options/keuze',
          code: 'nee',
        },
      },
    ])
    expect(find(q, 'toelichting').enableBehavior).toBeUndefined()
    const uren = find(q, 'uren')
    expect(uren.enableWhen?.map((w) => [w.question, w.answerCoding.code])).toEqual([
      ['tillen/level', 'licht'],
      ['tillen/level', 'ernstig'],
    ])
    expect(uren.enableBehavior).toBe('any')
    expect(uren.required).toBe(true)
  })

  it('asks the "namelijk" text below a choice whose options ask for one', () => {
    const keuze = find(toQuestionnaire(minimalInstrument()), 'keuze')
    expect(
      keuze.item?.map((i) => [i.linkId, i.type, i.enableWhen?.map((w) => w.answerCoding.code)]),
    ).toEqual([['keuze/specify', 'string', ['nee']]])
  })

  it('writes help texts as display items with itemControl help', () => {
    const q = toQuestionnaire(instruments.find((i) => i.id === 'bar')!)
    const help = flat(q.item).filter((i) => i.linkId.endsWith('/help'))
    expect(help.length).toBeGreaterThan(10)
    expect(
      help.every(
        (h) =>
          h.type === 'display' &&
          h.extension?.[0]?.valueCodeableConcept?.coding[0]?.code === 'help',
      ),
    ).toBe(true)
  })

  it.each([
    ['bar', '1.2.0'],
    ['fml', '1.0.0'],
  ])('gives %s %s as committed', (id, version) => {
    const instrument = instruments.find((i) => i.id === id && i.version === version)!
    expectGolden(`${id}-${version}.questionnaire.json`, toQuestionnaire(instrument))
  })
})

describe('the conformance checks', () => {
  const good = () => toQuestionnaire(minimalInstrument())

  it('catch a nested item without linkId, which FHIR.js lets pass', () => {
    const q = good()
    delete (find(q, 'tillen/level') as Partial<QuestionnaireItem>).linkId
    expect(fhirJsErrors(q)).toEqual([])
    expect(questionnaireFailures(q)).toContain(
      'every item has a linkId (FHIR.js misses nested ones)',
    )
  })

  it('catch a duplicate linkId, a display item with a code or items, and a wrong type', () => {
    const q = good()
    find(q, 'datum').linkId = 'uren'
    const help: QuestionnaireItem = {
      linkId: 'x',
      type: 'display',
      code: [{ code: 'd1' }],
      required: true,
    }
    q.item[0]!.item!.push({ ...help, item: [{ linkId: 'y', type: 'display' }] })
    expect(questionnaireFailures(q)).toEqual(
      expect.arrayContaining([
        'que-2 linkIds are unique',
        'que-1 groups have items, display items have none',
        'que-3 display items have no code',
        'que-6 required and repeats not on display items',
      ]),
    )
    delete find(q, 'keuze')._text
    delete find(q, 'meer').answerOption![0]!.valueCoding._display
    expect(questionnaireFailures(q)).toEqual(
      expect.arrayContaining([
        'every text has an English translation',
        'every option display has an English translation',
      ]),
    )
    expect(fhirJsErrors({ ...good(), item: [{ linkId: 'a', type: 'coding' }] })).toEqual([
      'Questionnaire.item[0].type: Code "coding" not found in value set',
    ])
  })
})
