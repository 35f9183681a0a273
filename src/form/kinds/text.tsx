import { textArea } from './input-parts'
import type { KindInputs } from './kind-inputs'

export const text = {
  group: false,
  clearable: false,
  sharedScale: () => undefined,
  inputs: (ctx, spec, label) =>
    textArea(ctx, 'text', label, spec.maxLength, spec.multiline ? 4 : 1),
} satisfies KindInputs<'text'>
