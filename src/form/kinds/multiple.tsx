import { fieldError, optionList, specifyInputs } from './input-parts'
import type { KindInputs } from './kind-inputs'

export const multiple = {
  group: true,
  clearable: false,
  sharedScale: () => undefined,
  inputs: (ctx, spec) => (
    <>
      {optionList(ctx, 'choices', spec.options, 'checkbox')}
      {specifyInputs(ctx, 'choices', spec.options)}
      {fieldError(ctx, 'choices')}
    </>
  ),
} satisfies KindInputs<'multiple'>
