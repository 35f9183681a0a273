import { useCallback, useEffect, useMemo, useReducer, useRef } from 'react'
import type { Draft } from '../../core/builder/draft'
import type { Edit } from '../../core/builder/edits'
import { applyEdit, canApply } from '../../core/builder/edits'
import type { History } from '../../core/builder/history'
import { record, redo, undo } from '../../core/builder/history'
import type { NodeRef } from '../../core/builder/node-ref'
import type { ValidationIssue } from '../../core/issues/validation-issue'
import { putBuilderDraft } from '../../storage/builder-drafts'

/** What the builder holds: the draft, its history and the selected node; saved as it is. */
export interface BuilderState {
  draft: Draft
  history: History
  selected: NodeRef
}

type Action =
  | { type: 'edit'; edit: Edit; now: number }
  | { type: 'undo' }
  | { type: 'redo' }
  | { type: 'select'; ref: NodeRef }

function reducer(state: BuilderState, action: Action): BuilderState {
  switch (action.type) {
    case 'edit': {
      const result = applyEdit(state.draft, action.edit)
      if (result.draft === state.draft) return state
      return {
        draft: result.draft,
        history: record(state.history, result, action.edit, action.now),
        selected: result.selected,
      }
    }
    case 'undo': {
      const r = undo(state.draft, state.history)
      return r ? { draft: r.draft, history: r.history, selected: r.selected } : state
    }
    case 'redo': {
      const r = redo(state.draft, state.history)
      return r ? { draft: r.draft, history: r.history, selected: r.selected } : state
    }
    case 'select':
      return { ...state, selected: action.ref }
  }
}

/** The id a draft is saved under: one open draft per version it started from. */
export function draftId(base: { id: string; version: string }) {
  return `${base.id}@${base.version}`
}

const SAVE_DELAY_MS = 300

export interface BuilderActions {
  /** Applies an edit, or says why it cannot be made (nothing changes then). */
  edit: (edit: Edit) => ValidationIssue[]
  undo: () => void
  redo: () => void
  select: (ref: NodeRef) => void
  /** Saves the draft now (before leaving, before saving as a version). */
  flush: () => Promise<void>
}

/**
 * The builder's state with undo and redo, saved to IndexedDB shortly after every change, so the
 * draft and its history survive a reload. `onSaveError` hears a failed save (the draft stays here).
 */
export function useBuilderState(
  initial: BuilderState,
  onSaveError: (e: unknown) => void,
): [BuilderState, BuilderActions] {
  const [state, dispatch] = useReducer(reducer, initial)
  const latest = useRef(state)
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  const saved = useRef(state)
  const errorRef = useRef(onSaveError)
  useEffect(() => {
    errorRef.current = onSaveError
  }, [onSaveError])

  const flush = useCallback(async () => {
    clearTimeout(timer.current)
    timer.current = undefined
    const now = latest.current
    if (now === saved.current) return
    try {
      await putBuilderDraft({
        id: draftId(now.draft.base),
        savedAt: new Date().toISOString(),
        state: JSON.parse(JSON.stringify(now)) as unknown,
      })
      saved.current = now
    } catch (e) {
      errorRef.current(e)
    }
  }, [])

  useEffect(() => {
    latest.current = state
    if (state === saved.current) return
    clearTimeout(timer.current)
    timer.current = setTimeout(() => void flush(), SAVE_DELAY_MS)
  }, [state, flush])
  // Whatever is still waiting is saved when the builder closes.
  useEffect(() => () => void flush(), [flush])

  const actions = useMemo<BuilderActions>(
    () => ({
      edit: (edit) => {
        const check = canApply(latest.current.draft, edit)
        if (!check.ok) return check.issues
        dispatch({ type: 'edit', edit, now: Date.now() })
        return []
      },
      undo: () => dispatch({ type: 'undo' }),
      redo: () => dispatch({ type: 'redo' }),
      select: (ref) => dispatch({ type: 'select', ref }),
      flush,
    }),
    [flush],
  )
  return [state, actions]
}
