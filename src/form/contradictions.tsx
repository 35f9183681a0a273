import { useEffect, useMemo, useState } from 'react'
import { useFormContext } from 'react-hook-form'
import type { Answers } from '../core/assessment/assessment-schema'
import { checkConsistency, type Contradiction } from '../core/assessment/consistency'
import { isVisible } from '../core/assessment/visibility'
import type { Instrument } from '../core/instrument/meta-schema'
import { useText } from '../i18n/text'
import { focusItem } from './model/focus-item'
import type { FieldModel, FormValues } from './model/form-values'
import { itemKey, mainInput, toAnswer } from './model/form-values'
import { itemName } from './model/item-name'

const NONE: readonly Contradiction[] = []

/** The items an exclusion names, with the items that show or hide them: all a check reads. */
function watchedFields(instrument: Instrument, fields: readonly FieldModel[]): FieldModel[] {
  const byId = new Map(fields.map((f) => [f.item.id, f]))
  const ids = new Set<string>()
  for (const e of instrument.exclusions ?? []) ids.add(e.when.item).add(e.excludes.item)
  // Every item up each chain of conditions: hiding one hides all that depend on it.
  for (const id of [...ids]) {
    let control = byId.get(id)?.item.visibleWhen?.item
    while (control && !ids.has(control)) {
      ids.add(control)
      control = byId.get(control)?.item.visibleWhen?.item
    }
  }
  return fields.filter((f) => ids.has(f.item.id))
}

function sameList(a: readonly Contradiction[], b: readonly Contradiction[]) {
  return a.length === b.length && a.every((c, i) => c.exclusion === b[i]?.exclusion)
}

/**
 * The answers that contradict each other (FML I.8 "Nee" beside I.7 "Beperkt"), as a polite live
 * list that names both items and jumps to each. It follows only the choices the instrument's
 * exclusions name, from after the first paint: typing in a text field never checks anything.
 * A warning never holds back saving.
 */
export function Contradictions({
  instrument,
  fields,
}: {
  instrument: Instrument
  fields: readonly FieldModel[]
}) {
  const { t, l } = useText()
  const { getValues, subscribe } = useFormContext<FormValues>()
  const watched = useMemo(() => watchedFields(instrument, fields), [instrument, fields])
  const [found, setFound] = useState(NONE)
  useEffect(() => {
    const check = () => {
      const answers: Answers = {}
      for (const f of watched) {
        const a = toAnswer(f.item, getValues(`items.${itemKey(f)}`))
        if (a) answers[f.item.id] = a
      }
      // A hidden item's answer is not saved, so it contradicts nothing.
      for (const f of watched)
        if (!isVisible(f.item, answers, instrument)) delete answers[f.item.id]
      const next = checkConsistency(instrument, answers)
      setFound((current) => (sameList(current, next) ? current : next))
    }
    check()
    return subscribe({
      name: watched.map((f) => `${f.name}.${mainInput(f.item)}`) as never,
      exact: true,
      formState: { values: true },
      callback: check,
    })
  }, [instrument, watched, getValues, subscribe])
  const items = useMemo(() => new Map(fields.map((f) => [f.item.id, f.item])), [fields])
  const goTo = (id: string) => {
    const item = items.get(id)
    return (
      <button type="button" className="link-button" onClick={() => focusItem(id)}>
        {t('form.open.goTo', { label: item ? itemName(item, l) : id })}
      </button>
    )
  }
  return (
    <div className="contradictions" aria-live="polite">
      {found.length > 0 && (
        <>
          <h2 className="contradictions-title">
            {t('form.contradictions.title', { count: found.length })}
          </h2>
          <p className="hint">{t('form.contradictions.intro')}</p>
          <ul>
            {found.map((c) => (
              <li key={instrument.exclusions?.indexOf(c.exclusion)}>
                <p className="contradiction-reason">{l(c.exclusion.reason)}</p>
                <ul className="plain">
                  <li>{goTo(c.item)}</li>
                  <li>{goTo(c.excludes)}</li>
                </ul>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  )
}
