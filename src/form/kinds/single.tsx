import { fieldError, optionList, specifyInputs } from './input-parts'
import type { KindInputs } from './kind-inputs'

export const single = {
  group: true,
  clearable: true,
  sharedScale: () => undefined,
  inputs: (ctx, spec) => (
    <>
      {optionList(ctx, 'choice', spec.options, 'radio')}
      {specifyInputs(ctx, 'choice', spec.options)}
      {fieldError(ctx, 'choice')}
    </>
  ),
} satisfies KindInputs<'single'>
