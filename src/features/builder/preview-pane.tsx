import { useMemo, useRef, useState } from 'react'
import type { Answers, Assessment } from '../../core/assessment/assessment-schema'
import { newAssessment } from '../../core/assessment/new-assessment'
import type { Instrument, Item, Vocabulary } from '../../core/instrument/meta-schema'
import { AssessmentForm } from '../../form/assessment-form'
import { useText } from '../../i18n/text'

const PREVIEW_ID = '00000000-0000-4000-8000-00000000b11d'

/**
 * What decides the form's inputs: ids, answer kinds, option codes, quantities and conditions. A
 * change of wording keeps the form as it is (the answers stay in its inputs); a change here makes
 * the form again, from the answers given so far.
 */
export function inputShape(instrument: Instrument): string {
  return instrument.sections.map((s) => s.items.map(itemShape).join('\n')).join('\n\n')
}

/** Per item object, made once: unchanged items keep their object through an edit. */
const shapes = new WeakMap<Item, string>()

function itemShape(item: Item): string {
  let shape = shapes.get(item)
  if (shape === undefined) {
    const a = item.answer
    shape = JSON.stringify([
      item.id,
      a.kind,
      'options' in a ? a.options.map((o) => [o.code, o.specify === true, o.exclusive === true]) : 0,
      a.kind === 'capacity'
        ? [a.levels.map((o) => [o.code, o.specify === true]), a.quantities.map((q) => q.id)]
        : 0,
      a.kind === 'text' ? a.multiline : 0,
      item.visibleWhen ?? 0,
    ])
    shapes.set(item, shape)
  }
  return shape
}

/** Answers that still fit the instrument's items: the same id and the same kind of answer. */
function fitting(answers: Answers, instrument: Instrument, kinds: ReadonlyMap<string, string>) {
  const now = new Map(instrument.sections.flatMap((s) => s.items.map((i) => [i.id, i.answer.kind])))
  return Object.fromEntries(
    Object.entries(answers).filter(([id]) => now.has(id) && now.get(id) === kinds.get(id)),
  ) as Answers
}

/**
 * The real fill-in form of the draft, following each edit. The answers typed here are kept (never
 * saved): through a change of wording in the form itself, through a structural change by making
 * the form again from them.
 */
export function PreviewPane({
  instrument,
  vocabulary,
  stale,
  saveNowRef,
}: {
  instrument: Instrument
  vocabulary: Vocabulary
  /** The draft has problems that stop the form: this is the last form that worked. */
  stale: boolean
  saveNowRef: { current: (() => Promise<void>) | undefined }
}) {
  const { t, lang } = useText()
  const given = useRef<{ answers: Answers; kinds: Map<string, string> }>({
    answers: {},
    kinds: new Map(),
  })
  const shape = inputShape(instrument)
  const [mounted, setMounted] = useState({ shape, count: 0 })
  if (mounted.shape !== shape) setMounted({ shape, count: mounted.count + 1 })
  const assessment = useMemo<Assessment>(
    () => ({
      ...newAssessment({
        instrument,
        id: PREVIEW_ID,
        now: new Date(),
        language: lang,
        authorRole: instrument.authorRoles[0] ?? 'bedrijfsarts',
      }),
      // Read when a new form is made, never to draw: kept in state, the answers would draw the
      // pane again at every autosave of the preview.
      // eslint-disable-next-line react-hooks/refs
      answers: fitting(given.current.answers, instrument, given.current.kinds),
    }),
    // Made again only for a new form (a new shape): wording edits keep the form and its inputs.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [mounted.count],
  )
  const onSave = useMemo(
    () => async (a: Assessment) => {
      given.current = {
        answers: a.answers,
        kinds: new Map(
          instrument.sections.flatMap((s) => s.items.map((i) => [i.id, i.answer.kind])),
        ),
      }
    },
    [instrument],
  )
  return (
    <section className="builder-preview" aria-labelledby="builder-preview-title">
      <h2 id="builder-preview-title">{t('builder.preview.title')}</h2>
      <p className="hint">{t('builder.preview.intro')}</p>
      {stale && <p className="notice">{t('builder.preview.stale')}</p>}
      <AssessmentForm
        key={mounted.count}
        instrument={instrument}
        vocabulary={vocabulary}
        assessment={assessment}
        onSave={onSave}
        saveNowRef={saveNowRef}
      />
    </section>
  )
}
