import { quantityInput } from './input-parts'
import type { KindInputs } from './kind-inputs'

export const quantity = {
  group: false,
  inputs: (ctx, spec, label) => quantityInput(ctx, 'value', spec, label),
} satisfies KindInputs<'quantity'>
