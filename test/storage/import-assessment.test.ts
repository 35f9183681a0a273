import 'fake-indexeddb/auto'
import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import type { Assessment } from '../../src/core/assessment/assessment-schema'
import { parseJsonBytes } from '../../src/core/assessment/safe-json'
import { signOffAssessment, startAmendment } from '../../src/core/assessment/sign-off'
import { importAssessmentFile } from '../../src/storage/import-assessment'
import { toQuestionnaireResponse } from '../../src/core/fhir'
import {
  deleteAssessment,
  getAssessment,
  listAssessments,
  putAssessment,
} from '../../src/storage/assessment-store'
import { readJson, root } from '../helpers/files'
import { shippedCatalogue } from '../helpers/instruments'

const instruments = shippedCatalogue().instruments
const example = readJson(join(root, 'public/examples/bar-example.json')) as Assessment
const saved: Assessment = {
  ...structuredClone(example),
  id: '22222222-2222-4222-8222-222222222222',
}

function latin1(text: string) {
  return Uint8Array.from(text, (c) => c.charCodeAt(0) & 0xff)
}

/** The example with "volledig" then "geen" as the level of one item, as a text editor leaves it. */
function duplicateLevel() {
  const text = JSON.stringify(example)
  const item = '"fysiek.tillen":{"kind":"capacity",'
  expect(text).toContain(item)
  return text
    .replace(item, `${item}"level":"volledig","level":"geen",`)
    .replace(/("level":"geen",)"level":"[^"]*",/, '$1')
}

function file(text: string) {
  return new Blob([text], { type: 'application/json' })
}

async function messages(text: string | Blob) {
  const r = await importAssessmentFile(typeof text === 'string' ? file(text) : text, instruments)
  expect(r.ok).toBe(false)
  return r.ok ? [] : r.issues.map((i) => `${i.path} ${i.message.en} | ${i.message.nl}`)
}

beforeEach(async () => {
  for (const a of await listAssessments()) await deleteAssessment(a.id)
  await putAssessment(saved)
})

describe('importAssessmentFile', () => {
  const cases: [string, () => string | Blob, RegExp][] = [
    [
      'text that is not JSON',
      () => 'dit is geen json',
      /^\$ Invalid JSON at line 1, column 1: expected a value, found "dit" \| Ongeldige JSON op regel 1, kolom 1: verwacht een waarde, gevonden "dit"$/,
    ],
    [
      'a Latin-1 file, instead of turning "J.É." into "J.\ufffd."',
      () =>
        new Blob([
          latin1(JSON.stringify({ ...example, meta: { ...example.meta, employee: 'J.É.' } })),
        ]),
      /^\$ The file is not valid UTF-8: byte 0xC9 at line 1, column \d+ is not a character in UTF-8 \(was the file saved as Latin-1 or Windows-1252\?\); save it as UTF-8 \| Het bestand is geen geldige UTF-8: byte 0xC9 op regel 1, kolom \d+ is in UTF-8 geen teken/,
    ],
    [
      'a duplicate key, instead of keeping the last value',
      () => duplicateLevel(),
      /^\$\.answers\["fysiek\.tillen"\] Key "level" occurs twice \| Sleutel "level" komt twee keer voor$/,
    ],
    [
      'a lone surrogate, which no PDF can show',
      () => JSON.stringify(example).replace('"employee":"', '"employee":"\\ud800'),
      /^\$\.meta\.employee The text contains an invalid character \(\\ud800, a lone UTF-16 surrogate\) \| De tekst bevat een ongeldig teken \(\\ud800, een losse UTF-16-surrogaat\)$/,
    ],
    [
      'JSON nested 10,000 deep',
      () => JSON.stringify(example).replace('"answers":{', `"answers":{"x":${'['.repeat(10_000)}`),
      /^\$\.answers\.x(\[0\]){98} Invalid JSON at line 1, column \d+: nested too deeply \(more than 100 levels\) \| Ongeldige JSON op regel 1, kolom \d+: te diep genest \(meer dan 100 niveaus\)$/,
    ],
    [
      'an unknown instrument',
      () => JSON.stringify({ ...example, instrument: { id: 'izp', version: '1.0.0' } }),
      /^\$\.instrument\.id Unknown instrument "izp" \(known: bar, fml\) \| Onbekend instrument/,
    ],
    [
      'an unknown version',
      () => JSON.stringify({ ...example, instrument: { id: 'bar', version: '2.0.0' } }),
      /^\$\.instrument\.version Version 2\.0\.0 of bar is not known \(known: 1\.0\.0, 1\.1\.0, 1\.2\.0\)/,
    ],
    [
      'an unknown item id',
      () =>
        JSON.stringify({
          ...example,
          answers: { ...example.answers, 'fysiek.vliegen': { kind: 'capacity', level: 'geen' } },
        }),
      /^\$\.answers\["fysiek\.vliegen"\] Unknown item "fysiek\.vliegen" in bar 1\.0\.0 \| Onbekend item/,
    ],
    [
      'an answer of the wrong type',
      () =>
        JSON.stringify({
          ...example,
          answers: { ...example.answers, 'fysiek.tillen': { kind: 'text', text: '10 kg' } },
        }),
      /^\$\.answers\["fysiek\.tillen"\]\.kind Wrong answer kind: "text", expected "capacity"/,
    ],
    [
      'a quantity out of bounds',
      () =>
        JSON.stringify({
          ...example,
          answers: {
            ...example.answers,
            'fysiek.tillen': { kind: 'capacity', level: 'licht', quantities: { 'max-load': 500 } },
          },
        }),
      /^\$\.answers\["fysiek\.tillen"\]\.quantities\["max-load"\] Must be between 0 and 50 \| Moet tussen 0 en 50 liggen/,
    ],
    [
      'a __proto__ key',
      () =>
        JSON.stringify(example).replace('"answers":{', '"answers":{"__proto__":{"isAdmin":true},'),
      /^\$\.answers Key not allowed in the file: __proto__ \| Niet toegestane sleutel in het bestand: __proto__$/,
    ],
    [
      'a 50 MB file',
      () => new Blob([new Uint8Array(50 * 1024 * 1024)]),
      /^\$ File is too large \(50\.0 MB\); an assessment is at most 2\.0 MB \| Bestand is te groot/,
    ],
    [
      'an instrument file instead of an assessment',
      () => JSON.stringify(readJson(join(root, 'schemas/fml/1.0.0.json'))),
      /^\$ This is an instrument file, not an assessment/,
    ],
  ]
  for (const [name, input, expected] of cases)
    it(`refuses ${name} with a clear message in both languages, and changes no saved draft`, async () => {
      const found = await messages(input())
      expect(found[0]).toMatch(expected)
      expect(await listAssessments()).toEqual([saved])
    })

  it('accepts UTF-8 with a byte-order mark and UTF-16 with one, as the command line does', async () => {
    const text = JSON.stringify({ ...example, meta: { ...example.meta, employee: 'J.É.' } })
    const utf16le = [0xff, 0xfe]
    for (let i = 0; i < text.length; i++)
      utf16le.push(text.charCodeAt(i) & 0xff, text.charCodeAt(i) >> 8)
    for (const bytes of [
      Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]),
      Uint8Array.from(utf16le),
    ]) {
      await deleteAssessment(example.id)
      const r = await importAssessmentFile(new Blob([bytes]), instruments)
      expect(r).toMatchObject({ ok: true, result: 'added' })
      expect((await getAssessment(example.id))?.meta.employee).toBe('J.É.')
    }
  })

  it('reads the bytes with parseJsonBytes, so the app and the command line agree', async () => {
    for (const bytes of [
      latin1('{"employee":"J.É."}'),
      new TextEncoder().encode(duplicateLevel()),
      Uint8Array.from([0xfe, 0xff, 0, 0x7b]),
    ]) {
      const r = await importAssessmentFile(new Blob([bytes]), instruments)
      expect(r).toEqual(parseJsonBytes(bytes))
    }
  })

  it('adds a valid file as a new draft', async () => {
    const r = await importAssessmentFile(file(JSON.stringify(example)), instruments)
    expect(r).toMatchObject({ ok: true, result: 'added' })
    expect(await getAssessment(example.id)).toEqual(example)
    expect(await getAssessment(saved.id)).toEqual(saved)
  })

  it('never overwrites: a file whose id is already saved comes in under a new id', async () => {
    const changed = { ...saved, meta: { ...saved.meta, authorName: 'Iemand anders' } }
    const r = await importAssessmentFile(
      file(JSON.stringify(changed)),
      instruments,
      () => '33333333-3333-4333-8333-333333333333',
    )
    expect(r).toMatchObject({ ok: true, result: 'renamed' })
    expect(await getAssessment(saved.id)).toEqual(saved)
    expect((await getAssessment('33333333-3333-4333-8333-333333333333'))?.meta.authorName).toBe(
      'Iemand anders',
    )
  })

  describe('a signed-off assessment imported again', () => {
    const signed = signOffAssessment(saved, {
      name: 'Dr. A. de Vries',
      role: 'bedrijfsarts',
      date: '2026-12-02',
      at: '2026-12-02T10:00:00.000Z',
    })
    const newId = () => '44444444-4444-4444-8444-444444444444'

    it('comes in with its status, sign-off and history kept', async () => {
      const amended = {
        ...signOffAssessment(startAmendment(signed, new Date('2026-12-03T09:00:00Z')), {
          ...signed.signedOff!,
          at: '2026-12-03T10:00:00.000Z',
          date: '2026-12-03',
        }),
        id: '55555555-5555-4555-8555-555555555555',
      }
      const r = await importAssessmentFile(file(JSON.stringify(amended)), instruments, newId)
      expect(r).toMatchObject({ ok: true, result: 'added' })
      expect(await getAssessment(amended.id)).toEqual(amended)
      expect((await getAssessment(amended.id))?.history).toHaveLength(1)
    })

    it('is recognised as the same edition: nothing is added or changed', async () => {
      await putAssessment(signed)
      const r = await importAssessmentFile(file(JSON.stringify(signed)), instruments, newId)
      expect(r).toMatchObject({ ok: true, result: 'same' })
      expect(await getAssessment(signed.id)).toEqual(signed)
      expect(await getAssessment(newId())).toBeUndefined()
    })

    it('is recognised as an earlier edition when the stored one has been changed since', async () => {
      const amended = startAmendment(signed, new Date('2026-12-03T09:00:00Z'))
      await putAssessment(amended)
      const r = await importAssessmentFile(file(JSON.stringify(signed)), instruments, newId)
      expect(r).toMatchObject({ ok: true, result: 'earlier' })
      expect(await getAssessment(signed.id)).toEqual(amended)
      expect(await getAssessment(newId())).toBeUndefined()
    })

    it('comes in under a new id when its signed content differs from the stored one', async () => {
      await putAssessment(signed)
      const other = { ...signed, answers: {} }
      const r = await importAssessmentFile(file(JSON.stringify(other)), instruments, newId)
      expect(r).toMatchObject({ ok: true, result: 'renamed' })
      expect(await getAssessment(signed.id)).toEqual(signed)
      expect((await getAssessment(newId()))?.answers).toEqual({})
    })
  })

  describe('a FHIR QuestionnaireResponse', () => {
    const bar = instruments.find((i) => i.id === 'bar' && i.version === example.instrument.version)!

    it('comes in as the assessment it was exported from', async () => {
      const qr = toQuestionnaireResponse(example, bar)
      const r = await importAssessmentFile(file(JSON.stringify(qr)), instruments)
      expect(r).toMatchObject({ ok: true, result: 'added' })
      expect(await getAssessment(example.id)).toEqual(example)
    })

    it('of another questionnaire is refused with a clear message, and nothing stored changes', async () => {
      const qr = {
        ...toQuestionnaireResponse(example, bar),
        questionnaire: 'http://elders.example/Q|1',
      }
      const r = await importAssessmentFile(file(JSON.stringify(qr)), instruments)
      expect(r.ok).toBe(false)
      if (!r.ok)
        expect(r.issues[0]?.message.nl).toMatch(
          /^Vragenlijst "http:\/\/elders\.example\/Q" is geen vragenlijst van BAR studio/,
        )
      expect(await listAssessments()).toEqual([saved])
    })
  })
})
