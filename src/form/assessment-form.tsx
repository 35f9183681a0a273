import {
  createContext,
  memo,
  startTransition,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
} from 'react'
import { FormProvider, useForm, useFormContext, type UseFormReturn } from 'react-hook-form'
import { useText } from '../i18n/text'
import type { Answers, Assessment } from '../core/assessment/assessment-schema'
import { AUTHOR_ROLES } from '../core/assessment/constants'
import { progress, type SectionProgress } from '../core/assessment/progress'
import { normForOpenItems } from '../core/compare/conclusion'
import { withoutHidden } from '../core/assessment/visibility'
import type { Instrument, Item, Term, Vocabulary } from '../core/instrument/meta-schema'
import { isLanguage } from '../i18n/i18n'
import {
  answerInputs,
  isClearableKind,
  isGroupKind,
  ItemErrorStoreContext,
  MetaDateField,
  sectionScale,
  useItemErrorStore,
} from './fields'
import type { ItemContext } from './kinds/input-parts'
import type { FieldModel, FormValues } from './model/form-values'
import {
  dateInputNames,
  fieldModels,
  itemKey,
  mainInput,
  toAnswers,
  toFormItems,
  toMetaValues,
} from './model/form-values'
import { dateTextIn } from './model/date-text'
import { ItemErrorStore, useItemMessages } from './item-errors'
import type { Resolver } from 'react-hook-form'
import { checkMeta, metaToSave } from './model/meta-check'
import { TermList } from './term-list'
import { Contradictions } from './contradictions'
import { focusItem } from './model/focus-item'
import { itemTerms } from './model/item-terms'
import { itemName } from './model/item-name'
import {
  FormChanges,
  FormChangesContext,
  useFormChanges,
  useInputChanges,
  useSetAnswer,
} from './form-changes'
import { NormForOpenItems } from './norm-for-open-items'
import { useChosen } from './use-chosen'
import { formatTime } from '../core/report/format'
import { ReleaseStore, ReleaseStoreContext } from './release'
import {
  focusInput,
  nextErrorInput,
  nextOpenInput,
  SHORTCUTS,
  shortcutOf,
  type Shortcut,
} from './model/keyboard-travel'
import { retryingImport } from '../ui/retrying-import'
import { useSectionPlaceholders } from './section-placeholders'
import { whenIdle } from './when-idle'
import type * as FormValidationModule from './form-validation'
import type { Validators } from './form-validation'

type FormValidation = typeof FormValidationModule

/** The one description, named by each item with a clear button or terms, of the keys on an item. */
const ITEM_KEYS_ID = 'form-item-keys'

/** A problem as the form's owner hears of it: what it is about and what it says. */
export interface FormProblem {
  label: string
  message: string
}

/** A problem found by "Check all answers": where it is and what it says. */
interface Problem {
  key: string
  /** `[name=…]` of the input or the item's id. */
  name?: string
  itemId?: string
  label: string
  message: string
}

function problemTarget(p: Problem): HTMLElement | null {
  if (p.name) return document.querySelector<HTMLElement>(`[name="${CSS.escape(p.name)}"]`)
  const item = document.querySelector(`[data-item-id="${CSS.escape(p.itemId ?? '')}"]`)
  return (
    item?.querySelector<HTMLElement>('[aria-invalid="true"]') ??
    item?.querySelector<HTMLElement>(':is(input, textarea, select)') ??
    null
  )
}

const SAVE_DELAY_MS = 400
/** While typing goes on without a pause, a save still happens at least this often. */
const SAVE_MAX_WAIT_MS = 1000

type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date; invalid: number }
  | { kind: 'failed'; reason: string }
  /** Storage refused the save: another tab changed or deleted this assessment. */
  | { kind: 'refused' }
  /** The validation code could not be loaded: nothing is saved until it can be. */
  | { kind: 'unavailable' }

const ItemView = memo(function ItemView({
  field,
  terms,
  note,
}: {
  field: FieldModel
  terms: readonly Term[]
  /** Shown below the inputs (the answer as captured in an earlier version); usually none. */
  note?: React.ReactNode
}) {
  const text = useText()
  const { register, trigger } = useFormContext<FormValues>()
  const setAnswer = useSetAnswer()
  const messages = useItemMessages(useItemErrorStore(), itemKey(field))
  const { t, l } = text
  const item = field.item
  const ctx: ItemContext = {
    field,
    text,
    register,
    trigger,
    messages,
    describedBy: terms.length && !isGroupKind(item) ? ITEM_KEYS_ID : undefined,
  }
  const code = item.code
  const label = l(item.label)
  const helpId = `help-${field.name.replace('.', '-')}`
  const title = (
    <>
      {code && <span className="item-code">{code}</span>}
      {code ? ` ${label}` : label}
      {item.required && <span className="required"> ({t('form.required')})</span>}
      {item.icf && <span className="icf">{t('form.icf', { codes: item.icf.join(', ') })}</span>}
    </>
  )
  const clearable = isClearableKind(item)
  const extras = (
    <>
      {item.help && (
        <p id={helpId} className="help">
          {l(item.help)}
        </p>
      )}
      {terms.length > 0 && <TermList terms={terms} />}
    </>
  )
  if (!isGroupKind(item))
    return (
      <div className="item" data-item-id={item.id}>
        <p className="item-title" aria-hidden="true">
          {title}
        </p>
        {extras}
        {answerInputs(ctx, label)}
        {note}
      </div>
    )
  return (
    <fieldset
      className="item"
      data-item-id={item.id}
      aria-describedby={
        clearable || terms.length
          ? item.help
            ? `${helpId} ${ITEM_KEYS_ID}`
            : ITEM_KEYS_ID
          : item.help && helpId
      }
    >
      <legend className="item-title">{title}</legend>
      {extras}
      {answerInputs(ctx, label)}
      {note}
      {clearable && (
        // Out of the tab path (a key on the item clears it, see ITEM_KEYS_ID); still a button for
        // pointers and screen readers.
        <button
          type="button"
          className="link-button"
          tabIndex={-1}
          data-clear=""
          aria-keyshortcuts={SHORTCUTS.clear}
          aria-label={t('form.clearLabel', { label })}
          onClick={() =>
            setAnswer(`${field.name}.${mainInput(item)}` as never, null, { shouldDirty: true })
          }
        >
          {t('form.clear')}
        </button>
      )}
    </fieldset>
  )
})

/**
 * Renders an item only while the item its condition names has one of the listed options chosen,
 * and that item is shown itself: a hidden item's inputs keep their values, so its own condition is
 * followed up the chain (the loader refuses a chain that comes back to where it started).
 */
function Conditional({
  field,
  byId,
  children,
}: {
  field: FieldModel
  byId: ReadonlyMap<string, FieldModel>
  children: React.ReactNode
}) {
  // Rendered only for an item with a condition, whose item the loader has checked exists.
  const condition = field.item.visibleWhen as NonNullable<Item['visibleWhen']>
  const control = byId.get(condition.item) as FieldModel
  const chosen = useChosen(`${control.name}.${mainInput(control.item)}`)
  if (!condition.anyOf.some((c) => chosen.includes(c))) return null
  return control.item.visibleWhen ? (
    <Conditional field={control} byId={byId}>
      {children}
    </Conditional>
  ) : (
    <>{children}</>
  )
}

/** The capacity scale explained once per section instead of under every item. */
function ScaleLegend({ items }: { items: readonly Item[] }) {
  const { t, l } = useText()
  const scale = sectionScale(items)
  if (!scale?.some((o) => o.description)) return null
  return (
    <details className="scale-legend">
      <summary>{t('form.capacity.scale')}</summary>
      <dl>
        {scale.map((o) => (
          <div key={o.code}>
            <dt>{l(o.label)}</dt>
            <dd>{o.description ? l(o.description) : ''}</dd>
          </div>
        ))}
      </dl>
    </details>
  )
}

function MetaFields() {
  const { t } = useText()
  const { register } = useFormContext<FormValues>()
  return (
    <fieldset className="meta">
      <legend>{t('form.meta.title')}</legend>
      <div className="meta-grid">
        {/*
         * Radios, not a select: both roles in view, one click to change. A select also costs every
         * user at opening: react-hook-form sets its value, and Chromium's autofill answers a changed
         * select by reading the whole form, laying out every section before the form can be used.
         */}
        <fieldset className="meta-role">
          <legend>{t('form.meta.authorRole')}</legend>
          {AUTHOR_ROLES.map((r) => (
            <label key={r} className="option option-inline">
              <input type="radio" value={r} {...register('meta.authorRole')} />
              {t(`roles.${r}`)}
            </label>
          ))}
        </fieldset>
        <div>
          <label htmlFor="meta-author">{t('form.meta.authorName')}</label>
          <input
            id="meta-author"
            type="text"
            autoComplete="name"
            maxLength={200}
            {...register('meta.authorName')}
          />
        </div>
        <div>
          <label htmlFor="meta-employee">{t('form.meta.employee')}</label>
          <input
            id="meta-employee"
            type="text"
            autoComplete="off"
            maxLength={100}
            aria-describedby="meta-employee-hint"
            {...register('meta.employee')}
          />
          <span id="meta-employee-hint" className="hint">
            {t('form.meta.employeeHint')}
          </span>
        </div>
        <MetaDateField
          name="meta.assessmentDate"
          id="meta-date"
          label={t('form.meta.assessmentDate')}
          required
        />
        <MetaDateField name="meta.validUntil" label={t('form.meta.validUntil')} />
      </div>
    </fieldset>
  )
}

interface FormProgress {
  sections: SectionProgress[]
  /** How many open items "All other items: Norm" would set (0 without a cover conclusion). */
  normable: number
}

function formProgress(instrument: Instrument, answers: Answers): FormProgress {
  return {
    sections: progress(instrument, answers),
    normable: Object.keys(normForOpenItems(instrument, answers)).length,
  }
}

/**
 * Progress per section and the open items, recomputed once typing or clicking pauses and the browser
 * is idle: counting and redrawing the sidebar never sits between a key and its character.
 */
function useProgress(
  instrument: Instrument,
  fields: readonly FieldModel[],
  initial: Answers,
): FormProgress {
  const { getValues } = useFormContext<FormValues>()
  const changes = useFormChanges()
  const compute = useCallback(
    () => formProgress(instrument, toAnswers(fields, getValues('items'))),
    [instrument, fields, getValues],
  )
  // At mount the inputs hold the saved answers: counted from those, without reading the inputs back.
  const [state, setState] = useState(() => formProgress(instrument, initial))
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined
    let cancelIdle: (() => void) | undefined
    const unsubscribe = changes.subscribe(() => {
      clearTimeout(timer)
      cancelIdle?.()
      timer = setTimeout(() => (cancelIdle = whenIdle(() => setState(compute()))), 150)
    })
    return () => {
      clearTimeout(timer)
      cancelIdle?.()
      unsubscribe()
    }
  }, [changes, compute])
  return state
}

function SectionNav({
  instrument,
  sections,
}: {
  instrument: Instrument
  sections: SectionProgress[]
}) {
  const { t, l } = useText()
  return (
    <nav aria-label={t('form.sectionsNav')} className="section-nav">
      <ol>
        {instrument.sections.map((s, i) => {
          const p = sections[i] as SectionProgress
          return (
            <li key={s.id}>
              <a
                href={`#section-${s.id}`}
                aria-label={t('form.progressLabel', {
                  section: l(s.label),
                  answered: p.answered,
                  total: p.total,
                })}
                onClick={(e) => {
                  e.preventDefault()
                  const heading = document.getElementById(`section-${s.id}`)
                  heading?.scrollIntoView({ block: 'start' })
                  heading?.focus()
                }}
              >
                <span className="section-name">{l(s.label)}</span>
                <span className="section-progress" aria-hidden="true">
                  <progress max={p.total || 1} value={p.answered} />
                  {p.answered}/{p.total}
                </span>
              </a>
            </li>
          )
        })}
      </ol>
    </nav>
  )
}

function OpenItems({ sections }: { sections: SectionProgress[] }) {
  const { t, l } = useText()
  const open = sections.flatMap((s) => s.open)
  const required = open.filter((i) => i.required)
  const ordered: Item[] = [...required, ...open.filter((i) => !i.required)]
  // The list is built only while it is open: up to a hundred buttons nobody sees cost time at mount.
  const [expanded, setExpanded] = useState(false)
  return (
    <details className="open-items" onToggle={(e) => setExpanded(e.currentTarget.open)}>
      <summary>
        {t('form.open.title')}: {t('form.open.count', { count: open.length })}
      </summary>
      {!expanded ? null : open.length === 0 ? (
        <p>{t('form.open.none')}</p>
      ) : (
        <ul>
          {ordered.map((item) => (
            <li key={item.id}>
              <button type="button" className="link-button" onClick={() => focusItem(item.id)}>
                {t('form.open.goTo', { label: itemName(item, l) })}
              </button>
              {item.required && <span className="required"> ({t('form.required')})</span>}
            </li>
          ))}
        </ul>
      )}
    </details>
  )
}

function SaveStatus({ state, preview }: { state: SaveState; preview: boolean }) {
  const { t } = useText()
  let text = ''
  if (preview) text = t('form.save.preview')
  else if (state.kind === 'saving') text = t('form.save.saving')
  else if (state.kind === 'failed') text = t('form.save.failed', { reason: state.reason })
  else if (state.kind === 'refused') text = t('form.save.refused')
  else if (state.kind === 'unavailable') text = t('form.save.unavailable')
  else if (state.kind === 'saved') {
    text = t('form.save.saved', { time: formatTime(state.at) })
    if (state.invalid) text += `. ${t('form.save.notSaved', { count: state.invalid })}`
  }
  return (
    <p
      className={`save-status ${state.kind === 'failed' || state.kind === 'refused' || state.kind === 'unavailable' ? 'is-error' : ''}`}
      role="status"
      aria-live="polite"
    >
      {text}
    </p>
  )
}

export type SaveOutcome = 'saved' | 'refused'

export interface AssessmentFormProps {
  instrument: Instrument
  vocabulary: Vocabulary
  assessment: Assessment
  /** Absent in preview: nothing is saved. Resolves to 'refused' when storage kept a newer version. */
  onSave?: (assessment: Assessment) => Promise<SaveOutcome | void>
  /** Extra controls for the toolbar (export, back). */
  toolbar?: React.ReactNode
  /** By item id, shown in that item below its inputs (answers as captured before a migration). */
  itemNotes?: ReadonlyMap<string, React.ReactNode>
  /** Set by the form: saves what is waiting to be saved now, resolving when that save is done. */
  saveNowRef?: { current: (() => Promise<void>) | undefined }
  /** Set by the form: checks every answer as "Check all answers" does and returns the problems. */
  checkRef?: { current: (() => Promise<FormProblem[]>) | undefined }
  /** Loads the validation code; tests make it fail. */
  loadValidation?: () => Promise<FormValidation>
}

const loadFormValidation = () => import('./form-validation')

/**
 * The whole instrument as one keyboard-first form, built from the instrument file, autosaved.
 *
 * This component only owns react-hook-form's `useForm`. At mount, useForm sets its own state in a
 * layout effect, which renders its component again before the first paint: here that is this
 * wrapper alone, while the form itself (FormBody, under memo with the same props) is left as it is.
 */
/** Sections drawn with the form; the rest follow in a transition. */
const FIRST_SECTIONS = 1

export function AssessmentForm(props: AssessmentFormProps) {
  const { instrument, assessment, loadValidation = loadFormValidation } = props
  const { i18n, lang } = useText()
  const fields = useMemo(() => fieldModels(instrument), [instrument])
  // zod and the validators load when the browser is first idle after the whole form is drawn
  // (FormBody), or at first use (a blur, a save) if that comes sooner, not with the form; a failed
  // load (the server unreachable for a moment) is tried again at the next blur or save.
  const validation = useMemo<LoadValidation>(
    () =>
      retryingImport(() =>
        loadValidation().then((module) => ({
          module,
          validators: module.buildValidators(instrument),
        })),
      ),
    [instrument, loadValidation],
  )
  const resolver = useMemo<Resolver<FormValues>>(
    () => async (values, context, options) => {
      let loaded
      try {
        loaded = await validation()
      } catch {
        // Nothing to check with: no field errors; the save status says that nothing is saved.
        return { values, errors: {} }
      }
      const { module, validators } = loaded
      const lang = () => (isLanguage(i18n.language) ? i18n.language : 'nl')
      return module.formResolver(fields, validators, lang)(values, context, options)
    },
    [fields, validation, i18n],
  )
  // Read by react-hook-form at mount only: made once, not again on each re-render (each save).
  const [defaultValues] = useState<FormValues>(() => ({
    meta: toMetaValues(assessment.meta, lang),
    items: toFormItems(fields, assessment.answers, lang),
  }))
  const form = useForm<FormValues>({
    defaultValues,
    mode: 'onBlur',
    reValidateMode: 'onBlur',
    resolver,
    shouldFocusError: true,
  })
  return <FormBody {...props} form={form} fields={fields} validation={validation} />
}

type LoadValidation = () => Promise<{ module: FormValidation; validators: Validators }>

const FormBody = memo(function FormBody({
  instrument,
  vocabulary,
  assessment,
  onSave,
  toolbar,
  itemNotes,
  saveNowRef,
  checkRef,
  form,
  fields,
  validation,
}: AssessmentFormProps & {
  form: UseFormReturn<FormValues>
  fields: readonly FieldModel[]
  validation: LoadValidation
}) {
  const { t, l, lang } = useText()
  const termsByItem = useMemo(
    () => new Map(fields.map((f) => [f.item.id, itemTerms(f.item, vocabulary)])),
    [fields, vocabulary],
  )
  const byId = useMemo(() => new Map(fields.map((f) => [f.item.id, f])), [fields])
  const [errorStore] = useState(() => new ItemErrorStore())
  const [releaseStore] = useState(() => new ReleaseStore(instrument.id, assessment.released))
  useEffect(
    () =>
      form.subscribe({
        formState: { errors: true },
        callback: ({ errors }) => errorStore.update(errors),
      }),
    [form, errorStore],
  )
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'idle' })
  const [problems, setProblems] = useState<readonly Problem[] | undefined>()
  const [travelStatus, setTravelStatus] = useState('')
  const formRef = useRef<HTMLFormElement>(null)
  const problemsRef = useRef<HTMLElement>(null)
  // Bumped by each check, so a check that finds the same problems still brings focus to the list.
  const [checkRun, setCheckRun] = useState(0)
  useEffect(() => {
    if (checkRun) problemsRef.current?.focus()
  }, [checkRun])
  const saved = useRef(assessment)
  const [changes] = useState(() => new FormChanges())
  useInputChanges(changes, formRef)

  const save = useCallback(async () => {
    if (!onSave) return
    const values = form.getValues()
    let loaded
    try {
      loaded = await validation()
    } catch {
      setSaveState({ kind: 'unavailable' })
      return
    }
    const { module, validators } = loaded
    const { answers, invalid } = module.validAnswers(
      fields,
      values.items,
      validators,
      saved.current.answers,
    )
    const next: Assessment = {
      ...saved.current,
      meta: metaToSave(values.meta, saved.current.meta),
      answers: withoutHidden(instrument, answers),
      released: releaseStore.list(),
      updatedAt: new Date().toISOString(),
    }
    const metaInvalid = checkMeta(values.meta).length
    setSaveState({ kind: 'saving' })
    try {
      if ((await onSave(next)) === 'refused') {
        setSaveState({ kind: 'refused' })
        return
      }
      saved.current = next
      setSaveState({ kind: 'saved', at: new Date(), invalid: invalid + metaInvalid })
    } catch (e) {
      setSaveState({ kind: 'failed', reason: (e as Error).message })
    }
  }, [form, fields, validation, instrument, onSave, releaseStore])

  useEffect(() => {
    if (!onSave) return
    let timer: ReturnType<typeof setTimeout> | undefined
    let longest: ReturnType<typeof setTimeout> | undefined
    let pending = false
    let inFlight: Promise<void> = Promise.resolve()
    const flush = () => {
      if (!pending) return
      pending = false
      clearTimeout(timer)
      clearTimeout(longest)
      longest = undefined
      inFlight = save()
    }
    const saveNow = () => {
      flush()
      return inFlight
    }
    if (saveNowRef) saveNowRef.current = saveNow
    const schedule = () => {
      pending = true
      clearTimeout(timer)
      timer = setTimeout(flush, SAVE_DELAY_MS)
      // A pause is not waited for forever: a crash mid-sentence loses at most about a second.
      longest ??= setTimeout(flush, SAVE_MAX_WAIT_MS)
    }
    const unsubscribeValues = changes.subscribe(schedule)
    // Releasing or withholding a text is saved as an answer is.
    const unsubscribeReleases = releaseStore.subscribe(schedule)
    const unsubscribe = () => {
      unsubscribeValues()
      unsubscribeReleases()
    }
    const onHide = () => {
      if (document.visibilityState === 'hidden') flush()
    }
    document.addEventListener('visibilitychange', onHide)
    window.addEventListener('pagehide', flush)
    return () => {
      flush()
      unsubscribe()
      document.removeEventListener('visibilitychange', onHide)
      window.removeEventListener('pagehide', flush)
      if (saveNowRef?.current === saveNow) saveNowRef.current = undefined
    }
  }, [changes, save, onSave, saveNowRef, releaseStore])

  // Leaving while a field with an error holds its new value back asks first.
  const heldBack =
    (saveState.kind === 'saved' && saveState.invalid > 0) ||
    saveState.kind === 'refused' ||
    saveState.kind === 'unavailable'
  useEffect(() => {
    if (!heldBack) return
    const ask = (e: BeforeUnloadEvent) => e.preventDefault()
    window.addEventListener('beforeunload', ask)
    return () => window.removeEventListener('beforeunload', ask)
  }, [heldBack])

  // Dates follow the language switch, as the language writes them (the same day: nothing to
  // save); what does not read as a date stays as typed. Errors already shown follow too.
  const dateNames = useMemo(() => dateInputNames(fields), [fields])
  useEffect(() => {
    for (const name of dateNames) {
      const typed = form.getValues(name)
      if (typed === undefined) continue
      const shown = dateTextIn(typed, lang)
      // The same day written another way, not a change of the answer: nothing to save.
      // eslint-disable-next-line no-restricted-syntax
      if (shown !== typed) form.setValue(name, shown)
    }
    if (Object.keys(form.formState.errors).length) void form.trigger()
  }, [lang, form, dateNames])

  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    const target = e.target as HTMLElement
    if (e.key === 'Enter' && target.tagName === 'INPUT') e.preventDefault()
    const shortcut = shortcutOf(e)
    const item = shortcut && target.closest('[data-item-id]')
    if (!item) return
    if (shortcut === 'clear') {
      const clear = item.querySelector<HTMLElement>('[data-clear]')
      if (!clear) return
      e.preventDefault()
      clear.click()
    } else if (shortcut === 'terms') {
      const terms = [...item.querySelectorAll<HTMLElement>('.terms button.term')]
      if (!terms.length) return
      e.preventDefault()
      // Opens the closed ones, or closes all when all are open; focus goes to the first term to read.
      const closed = terms.filter((b) => b.getAttribute('aria-expanded') !== 'true')
      for (const b of closed.length ? closed : terms) b.click()
      if (closed.length) terms[0]?.focus()
    }
  }

  // Read when asked, from the inputs as they are: nothing is counted while typing.
  const travel = useCallback(
    (to: Exclude<Shortcut, 'clear'>) => {
      const root = formRef.current
      if (!root) return
      let next: HTMLElement | undefined
      if (to === 'nextOpen') {
        const open = progress(instrument, toAnswers(fields, form.getValues('items')))
        next = nextOpenInput(
          root,
          new Set(open.flatMap((p) => p.open.map((i) => i.id))),
          document.activeElement,
        )
      } else next = nextErrorInput(root, document.activeElement)
      if (next) focusInput(next)
      setTravelStatus(
        next ? '' : t(to === 'nextOpen' ? 'form.travel.noOpen' : 'form.travel.noError'),
      )
    },
    [instrument, fields, form, t],
  )
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      const shortcut = shortcutOf(e)
      if (shortcut !== 'nextOpen' && shortcut !== 'nextError') return
      e.preventDefault()
      travel(shortcut)
    }
    document.addEventListener('keydown', onKey)
    return () => document.removeEventListener('keydown', onKey)
  }, [travel])

  const findProblems = async (): Promise<Problem[]> => {
    await form.trigger()
    const { errors } = form.formState
    errorStore.update(errors)
    const found: Problem[] = []
    for (const [key, value] of Object.entries(errors.meta ?? {})) {
      const message = (value as { message?: unknown } | undefined)?.message
      if (typeof message === 'string')
        found.push({
          key: `meta.${key}`,
          name: `meta.${key}`,
          label: t(`form.meta.${key as 'validUntil'}`),
          message,
        })
    }
    for (const f of fields) {
      const messages = Object.values(errorStore.get(itemKey(f)))
      if (messages.length)
        found.push({
          key: f.item.id,
          itemId: f.item.id,
          label: itemName(f.item, l),
          message: messages.join(' '),
        })
    }
    return found
  }
  const check = async () => {
    setProblems(await findProblems())
    setTravelStatus('')
    setCheckRun((n) => n + 1)
  }
  useEffect(() => {
    if (!checkRef) return
    checkRef.current = findProblems
    return () => {
      checkRef.current = undefined
    }
  })

  // The first section draws with the form; the others follow at once in one transition, which React
  // renders in slices between which the page answers a key or a click, instead of one long task for
  // a long instrument (Lighthouse's total blocking time). They draw below the first screen. (One
  // transition per section splits the work no better and, at CPU 4x, finishes a 256-item form
  // about a second later.)
  const [drawn, setDrawn] = useState(FIRST_SECTIONS)
  const allDrawn = drawn >= instrument.sections.length
  useEffect(() => {
    if (!allDrawn) startTransition(() => setDrawn(instrument.sections.length))
  }, [allDrawn, instrument])
  // Loaded ahead, the first field left does not wait for zod's code; a failure here says nothing.
  // Not before every section is drawn: the checks' code would then run inside the transition
  // and hold the rest of the form back.
  useEffect(() => {
    return allDrawn ? whenIdle(() => void validation().catch(() => undefined)) : undefined
  }, [allDrawn, validation])
  useSectionPlaceholders(formRef, allDrawn, lang)

  // The heavy parts are made once per instrument and language, under a provider whose value does not
  // change when the form re-renders for its toolbar: otherwise every item would render twice at mount.
  const sidebar = useMemo(
    () => <FormSidebar instrument={instrument} fields={fields} initial={assessment.answers} />,
    // The saved answers only seed the counts; later changes come from the form itself.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [instrument, fields],
  )
  const content = useMemo(
    () => (
      <>
        <MetaFields />
        {instrument.sections.slice(0, drawn).map((section) => (
          <section
            key={section.id}
            aria-labelledby={`section-${section.id}`}
            className="form-section"
          >
            <h2 id={`section-${section.id}`} tabIndex={-1}>
              {l(section.label)}
            </h2>
            {section.description && <p className="section-description">{l(section.description)}</p>}
            <ScaleLegend items={section.items} />
            {section.items.map((item) => {
              const field = byId.get(item.id) as FieldModel
              const terms = termsByItem.get(item.id) ?? []
              const view = (
                <ItemView
                  key={item.id}
                  field={field}
                  terms={terms}
                  note={itemNotes?.get(item.id)}
                />
              )
              return item.visibleWhen ? (
                <Conditional key={item.id} field={field} byId={byId}>
                  {view}
                </Conditional>
              ) : (
                view
              )
            })}
          </section>
        ))}
      </>
    ),
    // l changes with the language, and with it every label.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [instrument, byId, termsByItem, lang, itemNotes, drawn],
  )

  return (
    <div className="fill-in">
      <FormChangesContext.Provider value={changes}>
        <StableFormProvider form={form}>{sidebar}</StableFormProvider>
      </FormChangesContext.Provider>
      <form
        className="assessment-form"
        // Busy while the later sections are still being drawn (a moment after the form opens).
        aria-busy={!allDrawn || undefined}
        noValidate
        onKeyDown={onKeyDown}
        onSubmit={(e) => e.preventDefault()}
        ref={formRef}
      >
        <div className="toolbar">
          <SaveStatus state={saveState} preview={!onSave} />
          <button
            type="button"
            aria-keyshortcuts={SHORTCUTS.nextOpen}
            onClick={() => travel('nextOpen')}
          >
            {t('form.travel.nextOpen')} <kbd aria-hidden="true">{SHORTCUTS.nextOpen}</kbd>
          </button>
          <button
            type="button"
            aria-keyshortcuts={SHORTCUTS.nextError}
            onClick={() => travel('nextError')}
          >
            {t('form.travel.nextError')} <kbd aria-hidden="true">{SHORTCUTS.nextError}</kbd>
          </button>
          <button type="button" onClick={() => void check()}>
            {t('form.check')}
          </button>
          {toolbar}
          <p role="status" className="travel-status">
            {travelStatus}
          </p>
        </div>
        <p id={ITEM_KEYS_ID} className="hint item-keys">
          {t('form.travel.itemKeys')}
        </p>
        {problems !== undefined && (
          <section
            ref={problemsRef}
            tabIndex={-1}
            aria-labelledby="check-result-title"
            className="check-result"
          >
            <h2 id="check-result-title" className={problems.length ? 'is-error' : undefined}>
              {problems.length
                ? t('form.checkDone', { count: problems.length })
                : t('form.checkOk')}
            </h2>
            {problems.length > 0 && (
              <ul>
                {problems.map((p) => (
                  <li key={p.key}>
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => {
                        const el = problemTarget(p)
                        if (el) focusInput(el)
                      }}
                    >
                      {t('form.checkGoTo', { label: p.label, message: p.message })}
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </section>
        )}
        <ItemErrorStoreContext.Provider value={errorStore}>
          {/* In preview nothing is saved, so nothing can be released. */}
          <ReleaseStoreContext.Provider value={onSave ? releaseStore : undefined}>
            <FormChangesContext.Provider value={changes}>
              <StableFormProvider form={form}>{content}</StableFormProvider>
            </FormChangesContext.Provider>
          </ReleaseStoreContext.Provider>
        </ItemErrorStoreContext.Provider>
      </form>
    </div>
  )
})

/** What StableFormProvider shows inside its provider. */
const SlotContext = createContext<React.ReactNode>(null)

function Slot() {
  return useContext(SlotContext)
}

/**
 * FormProvider whose context value changes only with the form object: react-hook-form's own
 * provider makes a new value on every render, which would draw every item again whenever the
 * content changes (each edit of the instrument in the builder's preview). New content reaches the
 * provider's inside through a context of its own, read by one small component.
 */
const StableFormProvider = memo(function StableFormProvider({
  form,
  children,
}: {
  form: UseFormReturn<FormValues>
  children: React.ReactNode
}) {
  const provider = useMemo(
    () => (
      <FormProvider {...form}>
        <Slot />
      </FormProvider>
    ),
    [form],
  )
  return <SlotContext.Provider value={children}>{provider}</SlotContext.Provider>
})

function FormSidebar({
  instrument,
  fields,
  initial,
}: {
  instrument: Instrument
  fields: readonly FieldModel[]
  initial: Answers
}) {
  const { sections, normable } = useProgress(instrument, fields, initial)
  return (
    <aside className="form-sidebar">
      {instrument.exclusions && <Contradictions instrument={instrument} fields={fields} />}
      <SectionNav instrument={instrument} sections={sections} />
      <OpenItems sections={sections} />
      {instrument.conclusion?.kind === 'cover' && (
        <NormForOpenItems instrument={instrument} fields={fields} open={normable} />
      )}
    </aside>
  )
}
