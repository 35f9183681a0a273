import { useMemo, useRef, useState } from 'react'
import { useFormContext } from 'react-hook-form'
import type { Answers } from '../core/assessment/assessment-schema'
import { normForOpenItems } from '../core/compare/conclusion'
import type { Instrument } from '../core/instrument/meta-schema'
import { useText } from '../i18n/text'
import { useSetAnswer } from './form-changes'
import { ConfirmDialog } from '../ui/confirm-dialog'
import type { FieldModel, FormValues } from './model/form-values'
import { mainInput, toAnswers, toItemValues } from './model/form-values'

type Outcome = { kind: 'set'; count: number } | { kind: 'none' }

/**
 * "Alle overige items: Norm" (FML): after a confirmation naming how many, every shown open ranked
 * item outside the cover section gets its Norm option in the form, where it is saved like any
 * other change. Answers already given stay as they are.
 */
export function NormForOpenItems({
  instrument,
  fields,
  open,
}: {
  instrument: Instrument
  fields: readonly FieldModel[]
  /** How many items it would set now, as last counted with the progress. */
  open: number
}) {
  const { t, l, lang } = useText()
  const { getValues, getFieldState, trigger } = useFormContext<FormValues>()
  const setAnswer = useSetAnswer()
  const [asking, setAsking] = useState<Answers | undefined>()
  const [outcome, setOutcome] = useState<Outcome | undefined>()
  const button = useRef<HTMLButtonElement>(null)
  const result = useRef<HTMLParagraphElement>(null)
  const byId = useMemo(() => new Map(fields.map((f) => [f.item.id, f])), [fields])
  const cover = useMemo(() => {
    const c = instrument.conclusion
    return instrument.sections.find((s) => s.items.some((i) => i.id === c?.item))
  }, [instrument])

  // Counted again from the inputs: the progress may be a moment behind the last click.
  const openNow = () => normForOpenItems(instrument, toAnswers(fields, getValues('items')))

  const ask = () => {
    const norms = openNow()
    if (Object.keys(norms).length) {
      setOutcome(undefined)
      setAsking(norms)
    } else setOutcome({ kind: 'none' })
  }

  const apply = (norms: Answers) => {
    setAsking(undefined)
    // Only what is still open: an answer given meanwhile is never overwritten.
    const still = openNow()
    const names: string[] = []
    for (const [id, answer] of Object.entries(norms)) {
      const field = byId.get(id)
      if (!field || !(id in still)) continue
      const input = mainInput(field.item)
      const values: Record<string, unknown> = toItemValues(field.item, answer, lang)
      const name = `${field.name}.${input}`
      setAnswer(name as never, values[input], { shouldDirty: true })
      names.push(name)
    }
    // A shown "required" message on an item now answered goes, as it does after a click.
    const invalid = names.filter((name) => getFieldState(name as never).invalid)
    if (invalid.length) void trigger(invalid as never)
    setOutcome({ kind: 'set', count: names.length })
    result.current?.focus()
  }

  return (
    <div className="norm-action">
      {open > 0 ? (
        <button type="button" ref={button} onClick={ask}>
          {t('form.norm.action')}
        </button>
      ) : (
        outcome?.kind !== 'none' && <p className="hint">{t('form.norm.none')}</p>
      )}
      <p ref={result} tabIndex={-1} role="status" className="norm-result">
        {outcome?.kind === 'set' && t('form.norm.done', { count: outcome.count })}
        {outcome?.kind === 'none' && t('form.norm.none')}
      </p>
      {asking && (
        <ConfirmDialog
          title={t('form.norm.confirm.title')}
          body={t('form.norm.confirm.body', {
            count: Object.keys(asking).length,
            section: cover ? l(cover.label) : '',
          })}
          confirmLabel={t('form.norm.confirm.confirm', { count: Object.keys(asking).length })}
          cancelLabel={t('form.norm.confirm.cancel')}
          onConfirm={() => apply(asking)}
          onCancel={() => {
            setAsking(undefined)
            button.current?.focus()
          }}
        />
      )}
    </div>
  )
}
