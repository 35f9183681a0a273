import { fieldError, optionList } from './input-parts'
import type { KindInputs } from './kind-inputs'

export const single = {
  group: true,
  inputs: (ctx, spec) => (
    <>
      {optionList(ctx, 'choice', spec.options, 'radio')}
      {fieldError(ctx, 'choice')}
    </>
  ),
} satisfies KindInputs<'single'>
