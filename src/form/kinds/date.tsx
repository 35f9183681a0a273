import { DateField } from '../date-field'
import { fieldError, inputId, invalidProps, register } from './input-parts'
import type { KindInputs } from './kind-inputs'

export const date = {
  group: false,
  clearable: false,
  sharedScale: () => undefined,
  inputs(ctx, _spec, label) {
    const aria = invalidProps(ctx, 'date')
    return (
      <DateField
        id={inputId(`${ctx.field.name}.date`)}
        label={label}
        registered={register(ctx, 'date')}
        invalid={aria['aria-invalid']}
        describedBy={aria['aria-describedby']}
      >
        {fieldError(ctx, 'date')}
      </DateField>
    )
  },
} satisfies KindInputs<'date'>
