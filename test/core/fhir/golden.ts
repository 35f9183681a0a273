import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect } from 'vitest'
import { fixtures } from '../../helpers/files'

const dir = join(fixtures, 'fhir')

/**
 * Compares a resource with its committed file in test/fixtures/fhir/ (as JSON: the files are
 * generated, and left out of prettier as the generated JSON Schemas are). After an intended change,
 * regenerate with `UPDATE_FHIR_GOLDEN=1 npx vitest run test/core/fhir` and review the diff.
 */
export function expectGolden(name: string, actual: unknown) {
  const path = join(dir, name)
  if (process.env.UPDATE_FHIR_GOLDEN) writeFileSync(path, `${JSON.stringify(actual, null, 2)}\n`)
  const hint = `test/fixtures/fhir/${name} differs from the export: if the change is intended, regenerate with UPDATE_FHIR_GOLDEN=1 npx vitest run test/core/fhir and review the diff`
  expect(existsSync(path), hint).toBe(true)
  expect(JSON.parse(JSON.stringify(actual)), hint).toEqual(JSON.parse(readFileSync(path, 'utf8')))
}
