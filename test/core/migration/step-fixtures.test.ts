import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { answersSchema } from '../../../src/core/assessment/answer-validator'
import type { Answers } from '../../../src/core/assessment/assessment-schema'
import type { Instrument } from '../../../src/core/instrument/meta-schema'
import { migrate, qualifiedStep } from '../../../src/core/migration/migrate'
import { assessmentOf, NOW } from '../../helpers/assessments'
import { deepFreeze } from '../../helpers/deep-freeze'
import { fixtures, jsonFilesIn, readJson } from '../../helpers/files'
import { shippedCatalogue } from '../../helpers/instruments'

/** A step's fixture: answers of the previous version and what the migration must make of them. */
interface StepFixture {
  about: string
  before: Answers
  after: Answers
}

const { instruments } = shippedCatalogue()
const migrated = instruments.filter((i) => i.migration)
const dirOf = (i: Instrument) => join(fixtures, 'migration', `${i.id}-${i.version}`)

function answerProblems(instrument: Instrument, answers: Answers) {
  const r = answersSchema(instrument).safeParse(answers)
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)
}

describe('migration step fixtures', () => {
  it('exist for every step of every shipped instrument, and only for those', () => {
    expect(migrated.length).toBeGreaterThan(0)
    const missing: string[] = []
    const extra: string[] = []
    for (const instrument of migrated) {
      const names = new Set(instrument.migration?.steps.map((s) => `${s.name}.json`))
      for (const name of names)
        if (!existsSync(join(dirOf(instrument), name)))
          missing.push(`test/fixtures/migration/${instrument.id}-${instrument.version}/${name}`)
      const files = existsSync(dirOf(instrument)) ? jsonFilesIn(dirOf(instrument)) : []
      for (const file of files) if (!names.has(file)) extra.push(file)
    }
    expect(missing, 'every migration step needs a before/after fixture').toEqual([])
    expect(extra, 'a fixture names no step of its instrument version').toEqual([])
  })

  for (const instrument of migrated) {
    const previous = instruments.find(
      (i) => i.id === instrument.id && i.version === instrument.migration?.from,
    ) as Instrument
    for (const step of instrument.migration?.steps ?? []) {
      const file = join(dirOf(instrument), `${step.name}.json`)
      const q = qualifiedStep(instrument, step)
      it(`${q}: turns the fixture's answers into the expected ones, without changing them`, () => {
        const fixture = readJson(file) as StepFixture
        expect(
          answerProblems(previous, fixture.before),
          'before fits the previous version',
        ).toEqual([])
        expect(answerProblems(instrument, fixture.after), 'after fits the new version').toEqual([])
        const input = deepFreeze(assessmentOf(previous, fixture.before))
        const r = migrate(input, instrument.version, instruments, { now: NOW })
        if (!r.ok) throw new Error(r.issues.map((i) => i.message.en).join('\n'))
        expect(r.value.assessment.answers).toEqual(fixture.after)
        const touched = r.value.report.entries.filter(
          (e) => e.outcome !== 'kept' && e.steps.includes(q),
        )
        expect(touched.length, 'the fixture exercises its step').toBeGreaterThan(0)
      })
    }
  }
})
