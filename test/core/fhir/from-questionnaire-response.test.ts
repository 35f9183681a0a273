import { describe, expect, it } from 'vitest'
import type { QuestionnaireResponse } from '../../../src/core/fhir/fhir-types'
import { fromQuestionnaireResponse } from '../../../src/core/fhir/from-questionnaire-response'
import { toQuestionnaire } from '../../../src/core/fhir/to-questionnaire'
import { toQuestionnaireResponse } from '../../../src/core/fhir/to-questionnaire-response'
import { shippedCatalogue } from '../../helpers/instruments'
import { bar, fml } from '../../helpers/stored-examples'

const instruments = shippedCatalogue().instruments
const barInstrument = instruments.find((i) => i.id === 'bar' && i.version === '1.0.0')!
const fmlInstrument = instruments.find((i) => i.id === 'fml')!

const barQr = (): QuestionnaireResponse =>
  structuredClone(toQuestionnaireResponse(bar, barInstrument))
const fmlQr = (): QuestionnaireResponse =>
  structuredClone(toQuestionnaireResponse(fml, fmlInstrument))

/** The problems as `path: nl | en`, so both languages are checked. */
function problems(json: unknown) {
  const r = fromQuestionnaireResponse(json, instruments)
  return r.ok ? [] : r.issues.map((i) => `${i.path}: ${i.message.nl} | ${i.message.en}`)
}

describe('fromQuestionnaireResponse', () => {
  it('reads the example responses back as valid assessments', () => {
    expect(fromQuestionnaireResponse(barQr(), instruments)).toMatchObject({
      ok: true,
      value: { assessment: bar },
    })
    expect(fromQuestionnaireResponse(fmlQr(), instruments)).toMatchObject({
      ok: true,
      value: { assessment: fml },
    })
  })

  it('refuses what is no QuestionnaireResponse, and says so for a Questionnaire', () => {
    expect(problems('tekst')).toEqual([
      '$.resourceType: Dit is geen FHIR QuestionnaireResponse (resourceType: undefined) | This is not a FHIR QuestionnaireResponse (resourceType: undefined)',
    ])
    expect(problems({ resourceType: 'Patient' })).toEqual([
      '$.resourceType: Dit is geen FHIR QuestionnaireResponse (resourceType: "Patient") | This is not a FHIR QuestionnaireResponse (resourceType: "Patient")',
    ])
    expect(problems(toQuestionnaire(barInstrument))).toEqual([
      '$.resourceType: Dit is een FHIR Questionnaire (de vragenlijst zelf), geen QuestionnaireResponse (de antwoorden) | This is a FHIR Questionnaire (the form itself), not a QuestionnaireResponse (the answers)',
    ])
  })

  it('refuses a response to a foreign questionnaire, naming ours', () => {
    const qr = { ...barQr(), questionnaire: 'http://example.org/Questionnaire/phq-9|1.0' }
    const [p] = problems(qr)
    expect(p).toContain(
      '$.questionnaire: Vragenlijst "http://example.org/Questionnaire/phq-9" is geen vragenlijst van BAR studio',
    )
    expect(p).toContain(
      'Questionnaire "http://example.org/Questionnaire/phq-9" is not a BAR studio questionnaire',
    )
    expect(p).toContain('https://bar-studio.example/fhir/Questionnaire/fml')
  })

  it('refuses a missing or unknown version, naming the known ones', () => {
    const url = 'https://bar-studio.example/fhir/Questionnaire/bar'
    expect(problems({ ...barQr(), questionnaire: url })).toEqual([
      `$.questionnaire: De versie van vragenlijst "bar" ontbreekt: schrijf "${url}|<versie>" (bekend: 1.0.0, 1.1.0, 1.2.0) | The version of questionnaire "bar" is missing: write "${url}|<version>" (known: 1.0.0, 1.1.0, 1.2.0)`,
    ])
    expect(problems({ ...barQr(), questionnaire: `${url}|9.9.9` })).toEqual([
      '$.questionnaire: Versie 9.9.9 van vragenlijst "bar" is niet bekend (bekend: 1.0.0, 1.1.0, 1.2.0) | Version 9.9.9 of questionnaire "bar" is not known (known: 1.0.0, 1.1.0, 1.2.0)',
    ])
    const without: Partial<QuestionnaireResponse> = barQr()
    delete without.questionnaire
    expect(problems(without)).toEqual([
      '$.questionnaire: Het veld "questionnaire" ontbreekt: welke vragenlijst is ingevuld? | The field "questionnaire" is missing: which questionnaire was filled in?',
    ])
  })

  it('refuses unknown linkIds, at top level, in a section and in a capacity', () => {
    const qr = barQr()
    qr.item!.push({ linkId: 'onbekend', answer: [{ valueString: 'x' }] })
    qr.item![0]!.item!.push({ linkId: 'mentaal.vliegen', answer: [{ valueString: 'x' }] })
    qr.item![0]!.item![0]!.item!.push({
      linkId: 'mentaal.aandacht-vasthouden/speed',
      answer: [{ valueString: 'x' }],
    })
    expect(problems(qr).sort()).toEqual(
      [
        '$.item[0].item[8].linkId: Onbekende linkId "mentaal.vliegen": geen sectie of item van bar 1.0.0 | Unknown linkId "mentaal.vliegen": no section or item of bar 1.0.0',
        '$.item[8].linkId: Onbekende linkId "onbekend": geen sectie of item van bar 1.0.0 | Unknown linkId "onbekend": no section or item of bar 1.0.0',
        '$.item[0].item[0].item[4].linkId: Onbekende linkId "mentaal.aandacht-vasthouden/speed" in mentaal.aandacht-vasthouden | Unknown linkId "mentaal.aandacht-vasthouden/speed" in mentaal.aandacht-vasthouden',
      ].sort(),
    )
  })

  it('refuses a wrong code, a foreign code system, a wrong unit and a wrong value type', () => {
    const qr = fmlQr()
    const items = qr.item!.flatMap((s) => s.item ?? [])
    const at = (id: string) => items.find((i) => i.linkId === id)!
    at('I.1').answer![0]!.valueCoding!.code = '7'
    at('I.2').answer![0]!.valueCoding!.system = 'http://snomed.info/sct'
    at('I.3').answer = [{ valueString: 'Norm' }]
    at('I.4').answer!.push({ ...at('I.4').answer![0]! })
    const b = barQr()
    const tillen = b.item!.flatMap((s) => s.item ?? []).find((i) => i.linkId === 'fysiek.tillen')!
    tillen.item![1]!.answer![0]!.valueQuantity!.code = '[lb_av]'
    const list = [...problems(qr), ...problems(b)]
    expect(list).toEqual([
      expect.stringMatching(
        /^\$\.item\[\d\]\.item\[0\]\.answer\[0\]\.valueCoding\.code: Onbekende code "7" bij "I\.1" \(bekend: 0, 1, 2\) \| Unknown code "7" for "I\.1" \(known: 0, 1, 2\)$/,
      ),
      expect.stringContaining(
        'Codesysteem "http://snomed.info/sct" hoort niet bij "I.2" (verwacht "https://bar-studio.example/fhir/Questionnaire/fml/options/I.2") | Code system "http://snomed.info/sct" does not belong to "I.2"',
      ),
      expect.stringContaining(
        'Verwacht een valueCoding bij "I.3" | Expected a valueCoding for "I.3"',
      ),
      expect.stringContaining(
        'Verwacht één antwoord bij "I.4", gevonden: 2 | Expected one answer to "I.4", found 2',
      ),
      expect.stringContaining(
        'Eenheid "[lb_av]" ("http://unitsofmeasure.org") past niet bij "fysiek.tillen/max-load": verwacht UCUM "kg"',
      ),
    ])
  })

  it('refuses a status or language it cannot keep', () => {
    const qr = { ...barQr(), status: 'stopped', language: 'de' }
    expect(problems(qr)).toEqual([
      '$.status: Status "stopped" kan niet worden ingelezen (wel: in-progress, completed, amended) | Status "stopped" cannot be read (possible: in-progress, completed, amended)',
      '$.language: Taal "de" wordt niet ondersteund (wel: nl, en) | Language "de" is not supported (possible: nl, en)',
    ])
  })

  it('names a response of another system after its identity there: the same again, another for another', () => {
    const idOf = (patch: Record<string, unknown>) => {
      const qr: Record<string, unknown> = { ...barQr(), ...patch }
      for (const [k, v] of Object.entries(patch)) if (v === undefined) delete qr[k]
      const r = fromQuestionnaireResponse(qr, instruments)
      if (!r.ok) throw new Error(r.issues.map((i) => i.message.en).join('; '))
      return r.value.assessment.id
    }
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
    const byIdentifier = idOf({
      id: 'A-17',
      identifier: { system: 'https://ehr.example/qr', value: 'A-17' },
    })
    expect(byIdentifier).toMatch(uuid)
    expect(
      idOf({ id: 'A-17', identifier: { system: 'https://ehr.example/qr', value: 'A-17' } }),
    ).toBe(byIdentifier)
    expect(
      idOf({ id: 'A-17', identifier: { system: 'https://ehr.example/qr', value: 'A-18' } }),
    ).not.toBe(byIdentifier)
    expect(
      idOf({ id: 'A-17', identifier: { system: 'https://other.example', value: 'A-17' } }),
    ).not.toBe(byIdentifier)
    const byId = idOf({ identifier: undefined, id: 'qr-123' })
    expect(byId).toMatch(uuid)
    expect(byId).not.toBe(byIdentifier)
    expect(idOf({ identifier: undefined, id: 'qr-123' })).toBe(byId)
    // Neither: named after its content, so the same file imported twice is the same assessment.
    const byContent = idOf({ identifier: undefined, id: undefined })
    expect(byContent).toMatch(uuid)
    expect(idOf({ identifier: undefined, id: undefined })).toBe(byContent)
    // Our own UUID is kept as it is.
    expect(idOf({})).toBe(bar.id)
  })

  it('reads a response without our extension with defaults, and lets loadAssessment judge it', () => {
    const plain = barQr()
    delete plain.extension
    const r = fromQuestionnaireResponse(plain, instruments)
    expect(r.ok && r.value.assessment.meta).toEqual({
      authorRole: 'bedrijfsarts',
      authorName: bar.meta.authorName,
      employee: bar.meta.employee,
      assessmentDate: bar.updatedAt.slice(0, 10),
    })
    expect(r.ok && r.value.assessment.answers).toEqual(bar.answers)
    // Completed, but nobody signed it: the assessment's own rule refuses it.
    expect(problems({ ...plain, status: 'completed' })).toEqual([
      expect.stringContaining(
        '$.signedOff: Een beoordeling met status "definitief" noemt wie haar definitief maakte',
      ),
    ])
  })

  it('refuses an answer the instrument does not allow, through loadAssessment, and says where in the response it is', () => {
    const qr = barQr()
    const sections = qr.item!
    const s = sections.findIndex((x) => x.item?.some((i) => i.linkId === 'fysiek.tillen'))
    const k = sections[s]!.item!.findIndex((i) => i.linkId === 'fysiek.tillen')
    sections[s]!.item![k]!.item![1]!.answer![0]!.valueQuantity!.value = 999
    // The response's own item (its quantity part), not the assessment file's layout.
    expect(problems(qr)).toEqual([
      `$.item[${s}].item[${k}].item[1]: "fysiek.tillen/max-load": Moet tussen 0 en 50 liggen | "fysiek.tillen/max-load": Must be between 0 and 50`,
    ])
  })
})
