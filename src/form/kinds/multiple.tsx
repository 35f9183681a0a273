import { fieldError, optionList } from './input-parts'
import type { KindInputs } from './kind-inputs'

export const multiple = {
  group: true,
  inputs: (ctx, spec) => (
    <>
      {optionList(ctx, 'choices', spec.options, 'checkbox')}
      {fieldError(ctx, 'choices')}
    </>
  ),
} satisfies KindInputs<'multiple'>
