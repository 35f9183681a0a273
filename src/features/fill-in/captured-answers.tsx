import type { ReactNode } from 'react'
import type { Assessment } from '../../core/assessment/assessment-schema'
import type { Instrument } from '../../core/instrument/meta-schema'
import { capturedNotes, type CapturedNote } from '../../core/migration/captured-notes'
import { answerText } from '../../core/report/answer-text'
import { unitLabelFrom } from '../../core/report/format'
import { useText } from '../../i18n/text'

function NoteList({ notes }: { notes: readonly CapturedNote[] }) {
  const { t, l, lang } = useText()
  const unit = unitLabelFrom((key, o) => String(t(key as 'units.kg', o as never)))
  return (
    <ul>
      {notes.map((n) => (
        <li key={n.item.id}>
          <strong>{l(n.item.label)}</strong>: {answerText(n.item, n.answer, lang, unit)}
          <span className="hint">{l(n.text)}</span>
        </li>
      ))}
    </ul>
  )
}

/** Under an item: the answer as captured in the earlier version, closed until asked for. */
function CapturedAnswer({ version, notes }: { version: string; notes: readonly CapturedNote[] }) {
  const { t } = useText()
  return (
    <details className="captured">
      <summary>{t('form.upgrade.captured', { version })}</summary>
      <NoteList notes={notes} />
    </details>
  )
}

/** Near the title: every captured answer that has no place in this version. */
function DroppedAnswers({ version, notes }: { version: string; notes: readonly CapturedNote[] }) {
  const { t } = useText()
  return (
    <details className="captured">
      <summary>{t('form.upgrade.droppedAnswers', { count: notes.length, version })}</summary>
      <NoteList notes={notes} />
    </details>
  )
}

export interface CapturedView {
  /** By item id: the disclosure to show in that item. */
  byItem: ReadonlyMap<string, ReactNode>
  dropped?: ReactNode
}

/**
 * The answers of a migrated assessment as they were captured, where they did not carry over as
 * they were: one disclosure per item they went to, and the dropped ones together. Loaded only for
 * an assessment that has `captured`.
 */
export function capturedView(
  assessment: Assessment,
  instruments: readonly Instrument[],
): CapturedView | undefined {
  const notes = capturedNotes(assessment, instruments)
  if (!notes) return undefined
  const { version } = notes.from
  return {
    byItem: new Map(
      [...notes.byItem].map(([id, list]) => [
        id,
        <CapturedAnswer key={`captured-${id}`} version={version} notes={list} />,
      ]),
    ),
    ...(notes.dropped.length
      ? { dropped: <DroppedAnswers version={version} notes={notes.dropped} /> }
      : {}),
  }
}
