import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Assessment } from '../../../src/core/assessment/assessment-schema'
import { loadAssessment } from '../../../src/core/assessment/load-assessment'
import { latestVersions } from '../../../src/core/instrument/catalogue-data'
import { migrate } from '../../../src/core/migration/migrate'
import { NOW } from '../../helpers/assessments'
import { deepFreeze } from '../../helpers/deep-freeze'
import { fixtures, jsonFilesIn, readJson } from '../../helpers/files'
import { shippedCatalogue } from '../../helpers/instruments'

const { instruments } = shippedCatalogue()
const dir = join(fixtures, 'frozen')
const frozen = jsonFilesIn(dir)

describe('frozen example assessments', () => {
  it('has one for every shipped instrument version', () => {
    expect(frozen).toEqual(instruments.map((i) => `${i.id}-${i.version}.json`).sort())
  })

  for (const file of frozen) {
    const json = deepFreeze(readJson(join(dir, file)) as Assessment)

    it(`${file}: imports as it was exported, a concept in today's file format`, () => {
      const r = loadAssessment(json, instruments)
      expect(r.ok ? [] : r.issues).toEqual([])
      // Format 1 (before sign-off existed): every answer and detail as exported, nothing released.
      if (r.ok)
        expect(r.value.assessment).toEqual({
          ...json,
          formatVersion: 2,
          status: 'concept',
          edition: 1,
          released: [],
          history: [],
        })
    })

    it(`${file}: migrates to the latest version of its instrument and is valid there`, () => {
      const latest = latestVersions(instruments).find((i) => i.id === json.instrument.id)
      const loaded0 = loadAssessment(json, instruments)
      if (!loaded0.ok) throw new Error('frozen example does not load')
      const r = migrate(loaded0.value.assessment, latest?.version ?? '', instruments, { now: NOW })
      if (!r.ok) throw new Error(r.issues.map((i) => i.message.en).join('\n'))
      const { assessment, report } = r.value
      expect(assessment.instrument.version).toBe(latest?.version)
      const loaded = loadAssessment(assessment, instruments)
      expect(loaded.ok ? [] : loaded.issues).toEqual([])
      // The examples hold nothing a later version has no place for.
      expect(report.entries.filter((e) => e.outcome === 'dropped')).toEqual([])
      expect(report.entries).toHaveLength(Object.keys(json.answers).length)
    })
  }
})
