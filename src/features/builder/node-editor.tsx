import { memo, useCallback, useId, useState } from 'react'
import type { Draft } from '../../core/builder/draft'
import type { Edit, InsertPoint } from '../../core/builder/edits'
import { insertPoints } from '../../core/builder/edits'
import type { NodeRef } from '../../core/builder/node-ref'
import { nodeKey, pathOfNode } from '../../core/builder/node-ref'
import { choiceOptions } from '../../core/instrument/choice-options'
import type {
  AnswerKind,
  Instrument,
  Item,
  Localized,
  Option,
  Section,
  Vocabulary,
} from '../../core/instrument/meta-schema'
import { UNITS } from '../../core/instrument/units'
import type { PathSegment, ValidationIssue } from '../../core/issues/validation-issue'
import { useText } from '../../i18n/text'

const ANSWER_KINDS: readonly AnswerKind[] = [
  'single',
  'multiple',
  'quantity',
  'text',
  'date',
  'capacity',
]
const COMPARATORS = ['about', 'at-least', 'at-most', 'less-than', 'more-than'] as const

interface EditorProps {
  draft: Draft
  selected: NodeRef
  vocabulary: Vocabulary | undefined
  problems: readonly ValidationIssue[]
  /** Applies an edit; the reasons it was refused, if it was. */
  onEdit: (edit: Edit) => ValidationIssue[]
  onMove: (ref: NodeRef, to: InsertPoint) => void
}

/** A text in Dutch and English side by side. */
function TextPair({
  label,
  value,
  path,
  onEdit,
  multiline = false,
  optional = false,
}: {
  label: string
  value: Localized | undefined
  path: PathSegment[]
  onEdit: EditorProps['onEdit']
  multiline?: boolean
  optional?: boolean
}) {
  const { t } = useText()
  const set = (lang: 'nl' | 'en', text: string) => {
    const next = { nl: value?.nl ?? '', en: value?.en ?? '', [lang]: text }
    // An optional text cleared in both languages is gone, not blank.
    onEdit({
      op: 'set',
      path,
      value: optional && !next.nl && !next.en ? undefined : next,
    })
  }
  const Input = multiline ? 'textarea' : 'input'
  return (
    <fieldset className="text-pair">
      <legend>{label}</legend>
      {(['nl', 'en'] as const).map((lang) => (
        <label key={lang}>
          {t(`builder.language.${lang}`)}
          <Input
            lang={lang}
            value={value?.[lang] ?? ''}
            aria-invalid={!optional && !(value?.[lang] ?? '').trim() ? true : undefined}
            onChange={(e) => set(lang, e.currentTarget.value)}
          />
        </label>
      ))}
    </fieldset>
  )
}

/** An id or option code, renamed when the field is left or Enter is pressed (one step). */
function IdField({
  label,
  value,
  onRename,
}: {
  label: string
  value: string
  onRename: (id: string) => ValidationIssue[]
}) {
  const { t, l } = useText()
  const [text, setText] = useState(value)
  const [shown, setShown] = useState(value)
  const [refused, setRefused] = useState<ValidationIssue[]>([])
  const hintId = useId()
  // A rename elsewhere (undo) shows here.
  if (shown !== value) {
    setShown(value)
    setText(value)
  }
  const commit = () => {
    if (text === value) return
    const issues = onRename(text)
    setRefused(issues)
    if (issues.length) setText(value)
  }
  return (
    <div className="field">
      <label>
        {label}
        <input
          value={text}
          spellCheck={false}
          aria-describedby={hintId}
          onChange={(e) => setText(e.currentTarget.value)}
          onBlur={commit}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault()
              commit()
            }
          }}
        />
      </label>
      <p id={hintId} className="hint">
        {t('builder.idHint')}
      </p>
      {refused.length > 0 && (
        <p role="alert" className="error">
          {refused.map((i) => l(i.message)).join(' ')}
        </p>
      )}
    </div>
  )
}

function NumberField({
  label,
  value,
  path,
  onEdit,
  optional = false,
}: {
  label: string
  value: number | undefined
  path: PathSegment[]
  onEdit: EditorProps['onEdit']
  optional?: boolean
}) {
  const [text, setText] = useState(value === undefined ? '' : String(value))
  const [shown, setShown] = useState(value)
  if (shown !== value) {
    setShown(value)
    setText(value === undefined ? '' : String(value))
  }
  return (
    <label className="field">
      {label}
      <input
        inputMode="decimal"
        value={text}
        onChange={(e) => {
          const raw = e.currentTarget.value
          setText(raw)
          const n = Number(raw.replace(',', '.'))
          if (raw.trim() === '' && optional) onEdit({ op: 'set', path, value: undefined })
          else if (raw.trim() !== '' && Number.isFinite(n)) onEdit({ op: 'set', path, value: n })
        }}
      />
    </label>
  )
}

function Check({
  label,
  checked,
  path,
  onEdit,
}: {
  label: string
  checked: boolean
  path: PathSegment[]
  onEdit: EditorProps['onEdit']
}) {
  return (
    <label className="check">
      <input
        type="checkbox"
        checked={checked}
        // Unticked is the same as absent: the file keeps only what is said.
        onChange={(e) => onEdit({ op: 'set', path, value: e.currentTarget.checked || undefined })}
      />
      {label}
    </label>
  )
}

/**
 * "Verplaatsen naar…": every place the node may go, without dragging. The list (for an item, two
 * places per item of the instrument) is made when asked for, not at every keystroke in the editor.
 */
function MoveTo({ draft, selected, onMove }: Pick<EditorProps, 'draft' | 'selected' | 'onMove'>) {
  const { t } = useText()
  const [open, setOpen] = useState(false)
  const listId = useId()
  return (
    <div className="move-to">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={open ? listId : undefined}
        onClick={() => setOpen(!open)}
      >
        {t('builder.moveTo')}
      </button>
      {open && (
        <MoveChoices
          id={listId}
          draft={draft}
          selected={selected}
          onMove={(ref, to) => {
            setOpen(false)
            onMove(ref, to)
          }}
        />
      )}
    </div>
  )
}

function MoveChoices({
  id,
  draft,
  selected,
  onMove,
}: Pick<EditorProps, 'draft' | 'selected' | 'onMove'> & { id: string }) {
  const { t, l } = useText()
  const points = insertPoints(draft, selected)
  const [choice, setChoice] = useState('')
  if (points.length === 0) return <p id={id}>{t('builder.moveNowhere')}</p>
  return (
    <div id={id} className="move-choices">
      <label>
        {t('builder.movePlace')}
        <select value={choice} onChange={(e) => setChoice(e.currentTarget.value)}>
          <option value="">{t('builder.moveChoose')}</option>
          {points.map((p, k) => (
            <option key={k} value={String(k)}>
              {l(p.label)}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        disabled={choice === ''}
        onClick={() => {
          const point = points[Number(choice)]
          if (point) onMove(selected, point.at)
        }}
      >
        {t('builder.move')}
      </button>
    </div>
  )
}

function OptionFields({
  option,
  path,
  onEdit,
  onRename,
}: {
  option: Option
  path: PathSegment[]
  onEdit: EditorProps['onEdit']
  onRename: (id: string) => ValidationIssue[]
}) {
  const { t } = useText()
  const thresholds = option.thresholds ?? []
  return (
    <>
      <IdField label={t('builder.field.code')} value={option.code} onRename={onRename} />
      <TextPair
        label={t('builder.field.label')}
        value={option.label}
        path={[...path, 'label']}
        onEdit={onEdit}
      />
      <TextPair
        label={t('builder.field.description')}
        value={option.description}
        path={[...path, 'description']}
        onEdit={onEdit}
        multiline
        optional
      />
      <NumberField
        label={t('builder.field.rank')}
        value={option.rank}
        path={[...path, 'rank']}
        onEdit={onEdit}
        optional
      />
      <Check
        label={t('builder.field.specify')}
        checked={option.specify === true}
        path={[...path, 'specify']}
        onEdit={onEdit}
      />
      <Check
        label={t('builder.field.exclusive')}
        checked={option.exclusive === true}
        path={[...path, 'exclusive']}
        onEdit={onEdit}
      />
      <fieldset>
        <legend>{t('builder.field.thresholds')}</legend>
        {thresholds.map((th, k) => (
          <div key={k} className="threshold">
            <label>
              {t('builder.field.comparator')}
              <select
                value={th.comparator}
                onChange={(e) =>
                  onEdit({
                    op: 'set',
                    path: [...path, 'thresholds', k, 'comparator'],
                    value: e.currentTarget.value,
                  })
                }
              >
                {COMPARATORS.map((c) => (
                  <option key={c} value={c}>
                    {t(`builder.comparator.${c}`)}
                  </option>
                ))}
              </select>
            </label>
            <NumberField
              label={t('builder.field.value')}
              value={th.value}
              path={[...path, 'thresholds', k, 'value']}
              onEdit={onEdit}
            />
            <UnitSelect value={th.unit} path={[...path, 'thresholds', k, 'unit']} onEdit={onEdit} />
            <button
              type="button"
              onClick={() =>
                onEdit({
                  op: 'set',
                  path: [...path, 'thresholds'],
                  value: thresholds.length > 1 ? thresholds.filter((_, j) => j !== k) : undefined,
                })
              }
            >
              {t('builder.removeThreshold')}
            </button>
          </div>
        ))}
        <button
          type="button"
          onClick={() =>
            onEdit({
              op: 'set',
              path: [...path, 'thresholds'],
              value: [...thresholds, { value: 0, unit: 'kg', comparator: 'at-most' }],
            })
          }
        >
          {t('builder.addThreshold')}
        </button>
      </fieldset>
    </>
  )
}

function UnitSelect({
  value,
  path,
  onEdit,
}: {
  value: string
  path: PathSegment[]
  onEdit: EditorProps['onEdit']
}) {
  const { t } = useText()
  return (
    <label>
      {t('builder.field.unit')}
      <select
        value={value}
        onChange={(e) => onEdit({ op: 'set', path, value: e.currentTarget.value })}
      >
        {UNITS.map((u) => (
          <option key={u} value={u}>
            {u}
          </option>
        ))}
      </select>
    </label>
  )
}

/** "Only show when": the controlling item and its options, chosen from lists. */
interface ConditionProps {
  instrument: Instrument
  item: Item
  selected: NodeRef
  onEdit: EditorProps['onEdit']
}

/** The items a condition may read: every other item with options. */
function conditionCandidates(instrument: Instrument, item: Item): Item[] {
  return instrument.sections.flatMap((s) =>
    s.items.filter((i) => i.id !== item.id && choiceOptions(i)),
  )
}

/** The same lists to show: the same items to choose from (each kept as its object) and condition. */
function sameConditionView(a: ConditionProps, b: ConditionProps): boolean {
  if (a.onEdit !== b.onEdit || nodeKey(a.selected) !== nodeKey(b.selected)) return false
  if (a.item.id !== b.item.id || a.item.visibleWhen !== b.item.visibleWhen) return false
  const x = conditionCandidates(a.instrument, a.item)
  const y = conditionCandidates(b.instrument, b.item)
  return x.length === y.length && x.every((i, k) => i === y[k])
}

/**
 * "Only show when", under memo: its lists hold every item with options, and typing in the
 * selected item (the one item they leave out) changes none of them.
 */
const ConditionFields = memo(function ConditionFields({
  instrument,
  item,
  selected,
  onEdit,
}: ConditionProps) {
  const { t, l } = useText()
  const candidates = conditionCandidates(instrument, item)
  const condition = item.visibleWhen
  const controlling = candidates.find((i) => i.id === condition?.item)
  return (
    <fieldset>
      <legend>{t('builder.field.condition')}</legend>
      <label>
        {t('builder.field.conditionItem')}
        <select
          value={condition?.item ?? ''}
          onChange={(e) => {
            const id = e.currentTarget.value
            const target = candidates.find((i) => i.id === id)
            const first = target && choiceOptions(target)?.[0]
            onEdit({
              op: 'setCondition',
              ref: selected,
              condition: target && first ? { item: id, anyOf: [first.code] } : undefined,
            })
          }}
        >
          <option value="">{t('builder.field.always')}</option>
          {candidates.map((i) => (
            <option key={i.id} value={i.id}>
              {(i.code ? `${i.code} ` : '') + l(i.label)}
            </option>
          ))}
        </select>
      </label>
      {controlling && condition && (
        <fieldset>
          <legend>{t('builder.field.conditionOptions', { item: l(controlling.label) })}</legend>
          {(choiceOptions(controlling) ?? []).map((o) => (
            <label key={o.code} className="check">
              <input
                type="checkbox"
                checked={condition.anyOf.includes(o.code)}
                onChange={(e) => {
                  const anyOf = e.currentTarget.checked
                    ? [...condition.anyOf, o.code]
                    : condition.anyOf.filter((c) => c !== o.code)
                  onEdit({
                    op: 'setCondition',
                    ref: selected,
                    condition: anyOf.length ? { item: condition.item, anyOf } : undefined,
                  })
                }}
              />
              {`${o.code} ${l(o.label)}`}
            </label>
          ))}
        </fieldset>
      )}
    </fieldset>
  )
}, sameConditionView)

/**
 * The terms of the vocabulary an item names, and a list to add one: under memo, since the list
 * holds every term and typing elsewhere in the item changes none of it.
 */
const TermsField = memo(function TermsField({
  terms: named,
  itemPath,
  vocabulary,
  onEdit,
}: {
  terms: readonly string[] | undefined
  /** The item's path as JSON: a plain value, so the memo holds. */
  itemPath: string
  vocabulary: Vocabulary | undefined
  onEdit: EditorProps['onEdit']
}) {
  const { t, l } = useText()
  const terms = named ?? []
  const path = JSON.parse(itemPath) as PathSegment[]
  return (
    <fieldset>
      <legend>{t('builder.field.terms')}</legend>
      {terms.length === 0 && <p className="hint">{t('builder.field.noTerms')}</p>}
      <ul>
        {terms.map((id) => {
          const term = vocabulary?.terms.find((x) => x.id === id)
          return (
            <li key={id}>
              {term ? l(term.term) : id}{' '}
              <button
                type="button"
                onClick={() =>
                  onEdit({
                    op: 'set',
                    path: [...path, 'terms'],
                    value: terms.length > 1 ? terms.filter((x) => x !== id) : undefined,
                  })
                }
              >
                {t('builder.removeTerm', { term: term ? l(term.term) : id })}
              </button>
            </li>
          )
        })}
      </ul>
      <label>
        {t('builder.addTerm')}
        <select
          value=""
          onChange={(e) => {
            const id = e.currentTarget.value
            if (id) onEdit({ op: 'set', path: [...path, 'terms'], value: [...terms, id] })
          }}
        >
          <option value="">{t('builder.chooseTerm')}</option>
          {(vocabulary?.terms ?? [])
            .filter((x) => !terms.includes(x.id))
            .map((x) => (
              <option key={x.id} value={x.id}>
                {l(x.term)}
              </option>
            ))}
        </select>
      </label>
    </fieldset>
  )
})

/** The id, display code and label that sections and items share. */
function IdentityFields({
  node,
  path,
  selected,
  onEdit,
}: {
  node: { id: string; code?: string; label: Localized }
  path: PathSegment[]
  selected: NodeRef
  onEdit: EditorProps['onEdit']
}) {
  const { t } = useText()
  return (
    <>
      <IdField
        label={t('builder.field.id')}
        value={node.id}
        onRename={(id) => onEdit({ op: 'rename', ref: selected, id })}
      />
      <label className="field">
        {t('builder.field.code')}
        <input
          value={node.code ?? ''}
          onChange={(e) =>
            onEdit({
              op: 'set',
              path: [...path, 'code'],
              value: e.currentTarget.value || undefined,
            })
          }
        />
      </label>
      <TextPair
        label={t('builder.field.label')}
        value={node.label}
        path={[...path, 'label']}
        onEdit={onEdit}
      />
    </>
  )
}

function ItemFields({
  instrument,
  item,
  path,
  selected,
  vocabulary,
  onEdit,
}: {
  instrument: Instrument
  item: Item
  path: PathSegment[]
  selected: NodeRef
  vocabulary: Vocabulary | undefined
  onEdit: EditorProps['onEdit']
}) {
  const { t } = useText()
  const answer = item.answer
  const a = [...path, 'answer']
  const [icfText, setIcfText] = useState((item.icf ?? []).join(', '))
  const [icfShown, setIcfShown] = useState(item.icf)
  if (icfShown !== item.icf) {
    setIcfShown(item.icf)
    setIcfText((item.icf ?? []).join(', '))
  }
  return (
    <>
      <IdentityFields node={item} path={path} selected={selected} onEdit={onEdit} />
      <TextPair
        label={t('builder.field.help')}
        value={item.help}
        path={[...path, 'help']}
        onEdit={onEdit}
        multiline
        optional
      />
      <label className="field">
        {t('builder.field.icf')}
        <input
          value={icfText}
          spellCheck={false}
          onChange={(e) => {
            const raw = e.currentTarget.value
            setIcfText(raw)
            const codes = raw.split(/[\s,;]+/).filter(Boolean)
            onEdit({ op: 'set', path: [...path, 'icf'], value: codes.length ? codes : undefined })
          }}
        />
      </label>
      <TermsField
        terms={item.terms}
        itemPath={JSON.stringify(path)}
        vocabulary={vocabulary}
        onEdit={onEdit}
      />
      <Check
        label={t('builder.field.required')}
        checked={item.required === true}
        path={[...path, 'required']}
        onEdit={onEdit}
      />
      <label className="field">
        {t('builder.field.kind')}
        <select
          value={answer.kind}
          onChange={(e) =>
            onEdit({ op: 'setKind', ref: selected, kind: e.currentTarget.value as AnswerKind })
          }
        >
          {ANSWER_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`builder.kind.${k}`)}
            </option>
          ))}
        </select>
      </label>
      {answer.kind === 'text' && (
        <>
          <Check
            label={t('builder.field.multiline')}
            checked={answer.multiline}
            path={[...a, 'multiline']}
            onEdit={(e) => onEdit(e.op === 'set' ? { ...e, value: e.value === true } : e)}
          />
          <NumberField
            label={t('builder.field.maxLength')}
            value={answer.maxLength}
            path={[...a, 'maxLength']}
            onEdit={onEdit}
          />
        </>
      )}
      {answer.kind === 'quantity' && (
        <>
          <UnitSelect value={answer.unit} path={[...a, 'unit']} onEdit={onEdit} />
          <NumberField
            label={t('builder.field.min')}
            value={answer.min}
            path={[...a, 'min']}
            onEdit={onEdit}
          />
          <NumberField
            label={t('builder.field.max')}
            value={answer.max}
            path={[...a, 'max']}
            onEdit={onEdit}
          />
          <NumberField
            label={t('builder.field.step')}
            value={answer.step}
            path={[...a, 'step']}
            onEdit={onEdit}
            optional
          />
        </>
      )}
      {answer.kind === 'capacity' && (
        <fieldset>
          <legend>{t('builder.field.quantities')}</legend>
          {answer.quantities.map((q, k) => (
            <div key={k} className="quantity">
              <TextPair
                label={t('builder.field.quantityLabel', { id: q.id })}
                value={q.label}
                path={[...a, 'quantities', k, 'label']}
                onEdit={onEdit}
              />
              <UnitSelect value={q.unit} path={[...a, 'quantities', k, 'unit']} onEdit={onEdit} />
              <NumberField
                label={t('builder.field.min')}
                value={q.min}
                path={[...a, 'quantities', k, 'min']}
                onEdit={onEdit}
              />
              <NumberField
                label={t('builder.field.max')}
                value={q.max}
                path={[...a, 'quantities', k, 'max']}
                onEdit={onEdit}
              />
              <button
                type="button"
                onClick={() =>
                  onEdit({
                    op: 'set',
                    path: [...a, 'quantities'],
                    value: answer.quantities.filter((_, j) => j !== k),
                  })
                }
              >
                {t('builder.removeQuantity', { id: q.id })}
              </button>
            </div>
          ))}
          <button
            type="button"
            onClick={() => {
              const ids = new Set(answer.quantities.map((q) => q.id))
              let n = answer.quantities.length + 1
              while (ids.has(`hoeveelheid-${n}`)) n++
              onEdit({
                op: 'set',
                path: [...a, 'quantities'],
                value: [
                  ...answer.quantities,
                  {
                    id: `hoeveelheid-${n}`,
                    label: { nl: '', en: '' },
                    unit: 'h/d',
                    min: 0,
                    max: 24,
                  },
                ],
              })
            }}
          >
            {t('builder.addQuantity')}
          </button>
        </fieldset>
      )}
      {choiceOptions(item) && <p className="hint">{t('builder.optionsInOutline')}</p>}
      <ConditionFields instrument={instrument} item={item} selected={selected} onEdit={onEdit} />
    </>
  )
}

function SectionFields({
  instrument,
  section,
  path,
  selected,
  onEdit,
}: {
  instrument: Instrument
  section: Section
  path: PathSegment[]
  selected: NodeRef
  onEdit: EditorProps['onEdit']
}) {
  const { t, l } = useText()
  return (
    <>
      <IdentityFields node={section} path={path} selected={selected} onEdit={onEdit} />
      <TextPair
        label={t('builder.field.description')}
        value={section.description}
        path={[...path, 'description']}
        onEdit={onEdit}
        multiline
        optional
      />
      {instrument.domains && (
        <label className="field">
          {t('builder.field.domain')}
          <select
            value={section.domain ?? ''}
            onChange={(e) =>
              onEdit({
                op: 'set',
                path: [...path, 'domain'],
                value: e.currentTarget.value || undefined,
              })
            }
          >
            <option value="">{t('builder.field.noDomain')}</option>
            {instrument.domains.map((d) => (
              <option key={d.id} value={d.id}>
                {l(d.label)}
              </option>
            ))}
          </select>
        </label>
      )}
      <Check
        label={t('builder.field.cover')}
        checked={section.role === 'cover'}
        path={[...path, 'role']}
        onEdit={(e) => onEdit(e.op === 'set' ? { ...e, value: e.value ? 'cover' : undefined } : e)}
      />
    </>
  )
}

/**
 * A part of the instrument the editor has no form for (domains, the conclusion, exclusions, the
 * provenance lists), as JSON: applied when valid JSON, checked like every edit.
 */
function JsonField({
  label,
  value,
  path,
  onEdit,
}: {
  label: string
  value: unknown
  path: PathSegment[]
  onEdit: EditorProps['onEdit']
}) {
  const { t } = useText()
  const text = value === undefined ? '' : JSON.stringify(value, null, 2)
  const [draft, setDraft] = useState(text)
  const [shown, setShown] = useState(text)
  const [error, setError] = useState('')
  if (shown !== text) {
    setShown(text)
    setDraft(text)
  }
  const apply = () => {
    if (draft.trim() === '') {
      setError('')
      onEdit({ op: 'set', path, value: undefined })
      return
    }
    try {
      const parsed = JSON.parse(draft) as unknown
      setError('')
      onEdit({ op: 'set', path, value: parsed })
    } catch (e) {
      setError(t('builder.json.invalid', { reason: e instanceof Error ? e.message : String(e) }))
    }
  }
  const id = useId()
  return (
    <div className="field json-field">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        rows={6}
        spellCheck={false}
        value={draft}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-hint`}
        onChange={(e) => setDraft(e.currentTarget.value)}
      />
      <p id={`${id}-hint`} className="hint">
        {t('builder.json.hint')}
      </p>
      <button type="button" onClick={apply} disabled={draft === text}>
        {t('builder.json.apply', { part: label })}
      </button>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </div>
  )
}

function InstrumentFields({
  instrument,
  onEdit,
}: {
  instrument: Instrument
  onEdit: EditorProps['onEdit']
}) {
  const { t } = useText()
  return (
    <>
      <p>
        {t('builder.field.id')}: <code>{instrument.id}</code>
      </p>
      <TextPair
        label={t('builder.field.title')}
        value={instrument.title}
        path={['title']}
        onEdit={onEdit}
      />
      <TextPair
        label={t('builder.field.description')}
        value={instrument.description}
        path={['description']}
        onEdit={onEdit}
        multiline
        optional
      />
      <TextPair
        label={t('builder.field.provenance')}
        value={instrument.provenance.summary}
        path={['provenance', 'summary']}
        onEdit={onEdit}
        multiline
      />
      <fieldset>
        <legend>{t('builder.field.authorRoles')}</legend>
        {(['bedrijfsarts', 'verzekeringsarts'] as const).map((role) => (
          <label key={role} className="check">
            <input
              type="checkbox"
              checked={instrument.authorRoles.includes(role)}
              onChange={(e) => {
                const roles = e.currentTarget.checked
                  ? [...instrument.authorRoles, role]
                  : instrument.authorRoles.filter((r) => r !== role)
                onEdit({ op: 'set', path: ['authorRoles'], value: roles })
              }}
            />
            {t(`roles.${role}`)}
          </label>
        ))}
      </fieldset>
      <label className="field">
        {t('builder.field.family')}
        <select
          value={instrument.family ?? 'other'}
          onChange={(e) => onEdit({ op: 'set', path: ['family'], value: e.currentTarget.value })}
        >
          {(['bar', 'fml', 'other'] as const).map((f) => (
            <option key={f} value={f}>
              {t(`builder.family.${f}`)}
            </option>
          ))}
        </select>
      </label>
      <JsonField
        label={t('builder.json.domains')}
        value={instrument.domains}
        path={['domains']}
        onEdit={onEdit}
      />
      <JsonField
        label={t('builder.json.conclusion')}
        value={instrument.conclusion}
        path={['conclusion']}
        onEdit={onEdit}
      />
      <JsonField
        label={t('builder.json.exclusions')}
        value={instrument.exclusions}
        path={['exclusions']}
        onEdit={onEdit}
      />
      <JsonField
        label={t('builder.json.sources')}
        value={instrument.provenance.sources}
        path={['provenance', 'sources']}
        onEdit={onEdit}
      />
      <JsonField
        label={t('builder.json.verified')}
        value={instrument.provenance.verified}
        path={['provenance', 'verified']}
        onEdit={onEdit}
      />
      <JsonField
        label={t('builder.json.reconstructed')}
        value={instrument.provenance.reconstructed}
        path={['provenance', 'reconstructed']}
        onEdit={onEdit}
      />
    </>
  )
}

/** The editor of the selected node: its fields, its problems, and what can be done with it. */
export function NodeEditor({ draft, selected, vocabulary, problems, onEdit, onMove }: EditorProps) {
  const { t, l } = useText()
  const instrument = draft.instrument
  const path = pathOfNode(selected, instrument)
  const [refused, setRefused] = useState<ValidationIssue[]>([])
  const run = useCallback(
    (edit: Edit) => {
      const issues = onEdit(edit)
      setRefused(issues)
      return issues
    },
    [onEdit],
  )
  const section = selected.kind !== 'instrument' ? instrument.sections[selected.section] : undefined
  const item =
    (selected.kind === 'item' || selected.kind === 'option') && section
      ? section.items[selected.item]
      : undefined
  const option =
    selected.kind === 'option' && item ? choiceOptions(item)?.[selected.option] : undefined
  const headingId = useId()
  return (
    <section className="builder-editor" aria-labelledby={headingId} key={nodeKey(selected)}>
      <h2 id={headingId} tabIndex={-1} className="editor-heading">
        {t(`builder.node.${selected.kind}`)}
        {item && selected.kind === 'item' ? `: ${l(item.label) || item.id}` : ''}
        {section && selected.kind === 'section' ? `: ${l(section.label) || section.id}` : ''}
        {option ? `: ${option.code}` : ''}
      </h2>
      {problems.length > 0 && (
        <div className="problems" role="group" aria-label={t('builder.nodeProblems')}>
          <p>{t('builder.nodeProblems')}</p>
          <ul>
            {problems.map((p, k) => (
              <li key={k}>{l(p.message)}</li>
            ))}
          </ul>
        </div>
      )}
      <div className="node-actions">
        {selected.kind !== 'instrument' && (
          <>
            {selected.kind === 'section' && (
              <button
                type="button"
                onClick={() =>
                  run({
                    op: 'add',
                    node: 'item',
                    at: { where: 'inside', target: selected },
                    answerKind: 'single',
                  })
                }
              >
                {t('builder.addItemInside')}
              </button>
            )}
            {selected.kind === 'item' && (
              <button
                type="button"
                onClick={() =>
                  run({
                    op: 'add',
                    node: 'item',
                    at: { where: 'after', target: selected },
                    answerKind: 'single',
                  })
                }
              >
                {t('builder.addItemAfter')}
              </button>
            )}
            {(selected.kind === 'option' ||
              (selected.kind === 'item' && item && choiceOptions(item))) && (
              <button
                type="button"
                onClick={() =>
                  run({
                    op: 'add',
                    node: 'option',
                    at: {
                      where: selected.kind === 'option' ? 'after' : 'inside',
                      target: selected,
                    },
                  })
                }
              >
                {t('builder.addOption')}
              </button>
            )}
            {selected.kind === 'section' && (
              <button
                type="button"
                onClick={() =>
                  run({ op: 'add', node: 'section', at: { where: 'after', target: selected } })
                }
              >
                {t('builder.addSection')}
              </button>
            )}
            <button type="button" onClick={() => run({ op: 'duplicate', ref: selected })}>
              {t('builder.duplicate')}
            </button>
            <button
              type="button"
              className="danger"
              onClick={() => run({ op: 'delete', ref: selected })}
            >
              {t('builder.delete')}
            </button>
          </>
        )}
      </div>
      {refused.length > 0 && (
        <p role="alert" className="error">
          {refused.map((i) => l(i.message)).join(' ')}
        </p>
      )}
      {selected.kind !== 'instrument' && (
        <MoveTo draft={draft} selected={selected} onMove={onMove} />
      )}
      {selected.kind === 'instrument' && <InstrumentFields instrument={instrument} onEdit={run} />}
      {selected.kind === 'section' && section && (
        <SectionFields
          instrument={instrument}
          section={section}
          path={path}
          selected={selected}
          onEdit={run}
        />
      )}
      {selected.kind === 'item' && item && (
        <ItemFields
          instrument={instrument}
          item={item}
          path={path}
          selected={selected}
          vocabulary={vocabulary}
          onEdit={run}
        />
      )}
      {selected.kind === 'option' && option && (
        <OptionFields
          option={option}
          path={path}
          onEdit={run}
          onRename={(id) => onEdit({ op: 'rename', ref: selected, id })}
        />
      )}
    </section>
  )
}
