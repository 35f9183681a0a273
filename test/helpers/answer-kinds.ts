import { answerSpecSchema } from '../../src/core/instrument/meta-schema'

/** The kinds an instrument can ask for, read from the meta-schema itself. */
export const SPEC_KINDS = answerSpecSchema.options.map((o) => o.shape.kind.value).sort()
