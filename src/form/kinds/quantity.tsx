import { quantityInput } from './input-parts'
import type { KindInputs } from './kind-inputs'

export const quantity = {
  group: false,
  clearable: false,
  sharedScale: () => undefined,
  inputs: (ctx, spec, label) => quantityInput(ctx, 'value', spec, label),
} satisfies KindInputs<'quantity'>
