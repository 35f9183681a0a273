import { quantityKey } from '../model/item-values'
import { fieldError, optionList, quantityInput, textArea } from './input-parts'
import type { KindInputs } from './kind-inputs'

export const capacity = {
  group: true,
  clearable: true,
  sharedScale: (spec) => spec.levels,
  inputs(ctx, spec) {
    const { t, l } = ctx.text
    return (
      <>
        <fieldset className="subfield">
          <legend>{t('form.capacity.level')}</legend>
          {optionList(ctx, 'level', spec.levels, 'radio', false)}
          {fieldError(ctx, 'level')}
        </fieldset>
        {spec.quantities.length > 0 && (
          <div className="quantities" role="group" aria-label={t('form.capacity.quantities')}>
            <p className="subfield-title" aria-hidden="true">
              {t('form.capacity.quantities')}
            </p>
            {spec.quantities.map((q) => quantityInput(ctx, quantityKey(q.id), q, l(q.label)))}
          </div>
        )}
        {textArea(ctx, 'possible', t('form.capacity.possible'), 5000, 2)}
        {textArea(ctx, 'conditions', t('form.capacity.conditions'), 5000, 2)}
      </>
    )
  },
} satisfies KindInputs<'capacity'>
