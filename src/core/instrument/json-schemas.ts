import { z } from 'zod'
import { assessmentSchema } from '../assessment/assessment-schema'
import { crosswalkSchema } from '../compare/crosswalk-schema'
import { instrumentSchema, vocabularySchema } from './meta-schema'

/** JSON Schemas generated from the zod meta-schemas, by file name below schemas/. */
export function jsonSchemas(): Record<string, unknown> {
  return {
    'instrument.schema.json': {
      ...z.toJSONSchema(instrumentSchema, { target: 'draft-2020-12' }),
      $id: 'https://bar-instrument-studio.invalid/schemas/instrument.schema.json',
      title: 'BAR instrument studio: instrument file',
    },
    'assessment.schema.json': {
      ...z.toJSONSchema(assessmentSchema, { target: 'draft-2020-12' }),
      $id: 'https://bar-instrument-studio.invalid/schemas/assessment.schema.json',
      title:
        'BAR instrument studio: assessment file (answers are checked further against their instrument)',
    },
    'crosswalk.schema.json': {
      ...z.toJSONSchema(crosswalkSchema, { target: 'draft-2020-12' }),
      $id: 'https://bar-instrument-studio.invalid/schemas/crosswalk.schema.json',
      title: 'BAR instrument studio: crosswalk between two instruments',
    },
    'vocabulary.schema.json': {
      ...z.toJSONSchema(vocabularySchema, { target: 'draft-2020-12' }),
      $id: 'https://bar-instrument-studio.invalid/schemas/vocabulary.schema.json',
      title: 'BAR instrument studio: shared vocabulary file',
    },
  }
}
