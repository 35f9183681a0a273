import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Ajv2020 } from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import { describe, expect, it } from 'vitest'
import { schemaFileKind } from '../../../src/core/instrument/catalogue-data'
import { jsonSchemas } from '../../../src/core/instrument/json-schemas'
import { readSchemaFiles, schemasDir } from '../../../src/cli/schema-files'
import type { Assessment } from '../../../src/core/assessment/assessment-schema'
import { migrate } from '../../../src/core/migration/migrate'
import { brokenFixtures } from '../../helpers/broken-instruments'
import { shippedCatalogue } from '../../helpers/instruments'
import { fixtures, readJson, root } from '../../helpers/files'

let compiled: ReturnType<typeof compile> | undefined
function validators() {
  compiled ??= compile()
  return compiled
}

function compile() {
  const ajv = new Ajv2020({ allErrors: true, strict: true })
  addFormats(ajv)
  const schemas = jsonSchemas()
  return {
    instrument: ajv.compile(schemas['instrument.schema.json'] as object),
    vocabulary: ajv.compile(schemas['vocabulary.schema.json'] as object),
    assessment: ajv.compile(schemas['assessment.schema.json'] as object),
    crosswalk: ajv.compile(schemas['crosswalk.schema.json'] as object),
  }
}

describe('jsonSchemas', () => {
  it('matches the JSON Schema files in schemas/ (run `npm run schemas` after changing the meta-schema)', () => {
    for (const [name, schema] of Object.entries(jsonSchemas())) {
      const onDisk = JSON.parse(readFileSync(join(schemasDir, name), 'utf8')) as unknown
      expect(onDisk, name).toEqual(schema)
    }
  })

  it('accepts every versioned file in schemas/ with ajv, an independent validator', () => {
    const v = validators()
    const files = readSchemaFiles().filter((f) => schemaFileKind(f.path) !== 'other')
    expect(files.map((f) => f.path)).toEqual(
      expect.arrayContaining([
        'bar/1.0.0.json',
        'fml/1.0.0.json',
        'vocabulary/1.0.0.json',
        'crosswalk/bar-1.0.0__fml-1.0.0.json',
      ]),
    )
    for (const file of files) {
      const validate = v[schemaFileKind(file.path) as 'vocabulary' | 'instrument' | 'crosswalk']
      expect(validate(file.json) ? [] : validate.errors, file.path).toEqual([])
    }
  })

  it('names its JSON Schema in every versioned file, so editors validate it', () => {
    for (const file of readSchemaFiles().filter((f) => schemaFileKind(f.path) !== 'other')) {
      const expected = schemaFileKind(file.path)
      expect((file.json as { $schema?: string }).$schema, file.path).toBe(
        `../${expected}.schema.json`,
      )
    }
  })

  for (const [name, { ajv: expected }] of Object.entries(brokenFixtures)) {
    const verb = expected === 'accepts' ? 'leaves to the loader' : 'rejects'
    it(`${verb} the broken fixture ${name}`, () => {
      const validate = validators().instrument
      const ok = validate(readJson(join(fixtures, 'instruments/broken', `${name}.json`)))
      if (expected === 'accepts') {
        expect(ok).toBe(true)
        return
      }
      expect(ok).toBe(false)
      const found = new Set(validate.errors?.map((e) => `${e.instancePath} ${e.keyword}`))
      for (const [path, keyword] of expected) expect(found).toContain(`${path} ${keyword}`)
    })
  }

  it('accepts the example assessments and rejects one with an unknown field', () => {
    const v = validators().assessment
    for (const file of ['bar-example.json', 'fml-example.json']) {
      const json = readJson(join(root, 'public/examples', file))
      expect(v(json) ? [] : v.errors, file).toEqual([])
    }
    const broken = {
      ...(readJson(join(root, 'public/examples/bar-example.json')) as object),
      colour: 'red',
    }
    expect(v(broken)).toBe(false)
  })

  it('accepts an assessment migrated to BAR 1.1.0, with the answers as given beside it', () => {
    const v = validators().assessment
    const example = readJson(join(root, 'public/examples/bar-example.json')) as Assessment
    const r = migrate(example, '1.1.0', shippedCatalogue().instruments, { now: new Date() })
    if (!r.ok) throw new Error('migration failed')
    expect(r.value.assessment.captured).toBeDefined()
    expect(v(r.value.assessment) ? [] : v.errors).toEqual([])
    expect(
      v({ ...r.value.assessment, captured: { ...r.value.assessment.captured, steps: ['x'] } }),
    ).toBe(false)
  })

  it('accepts the valid fixture', () => {
    expect(validators().instrument(readJson(join(fixtures, 'instruments/minimal.json')))).toBe(true)
  })
})
