import 'fake-indexeddb/auto'
import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import type { Assessment } from '../../src/core/assessment/assessment-schema'
import { importAssessmentFile } from '../../src/storage/import-assessment'
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
      /^\$ Not valid JSON.* \| Geen geldige JSON/,
    ],
    [
      'an unknown instrument',
      () => JSON.stringify({ ...example, instrument: { id: 'izp', version: '1.0.0' } }),
      /^\$\.instrument\.id Unknown instrument "izp" \(known: bar, fml\) \| Onbekend instrument/,
    ],
    [
      'an unknown version',
      () => JSON.stringify({ ...example, instrument: { id: 'bar', version: '2.0.0' } }),
      /^\$\.instrument\.version Version 2\.0\.0 of bar is not known \(known: 1\.0\.0\)/,
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
      /^\$ Key not allowed in the file: __proto__ \| Niet toegestane sleutel/,
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

  it('adds a valid file as a new draft', async () => {
    const r = await importAssessmentFile(file(JSON.stringify(example)), instruments)
    expect(r).toMatchObject({ ok: true, renamed: false })
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
    expect(r).toMatchObject({ ok: true, renamed: true })
    expect(await getAssessment(saved.id)).toEqual(saved)
    expect((await getAssessment('33333333-3333-4333-8333-333333333333'))?.meta.authorName).toBe(
      'Iemand anders',
    )
  })
})
