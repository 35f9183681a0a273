import { applyPatches, enablePatches } from 'immer'
import type { Patch } from 'immer'
import { jsonPath } from '../issues/validation-issue'
import type { Draft } from './draft'
import type { Edit, EditResult } from './edits'
import type { NodeRef } from './node-ref'
import { nodeKey } from './node-ref'

enablePatches()

/** One undo step: what one user intent changed. Plain JSON, so it can be stored. */
export interface HistoryEntry {
  /** What the edit did and to what, e.g. `set $.sections[2].label.nl` or `delete s2.i5`. */
  intent: string
  patches: Patch[]
  inversePatches: Patch[]
  /** When it was last extended (ms since the epoch). */
  at: number
  /** The node to select after a redo. */
  selected: NodeRef
  /** The node to select after an undo. */
  undoSelected: NodeRef
}

export interface History {
  past: HistoryEntry[]
  future: HistoryEntry[]
}

export const emptyHistory: History = Object.freeze({ past: [], future: [] }) as History

/** Typing in one field merges into one undo step while no pause is longer than this. */
export const MERGE_WINDOW_MS = 1500
/** The most undo steps kept; the oldest go first. */
export const MAX_PAST = 500

function intentOf(edit: Edit): string {
  switch (edit.op) {
    case 'set':
      return `set ${jsonPath(edit.path)}`
    case 'add':
      return `add ${edit.node} ${edit.at.where} ${nodeKey(edit.at.target)}`
    default:
      return `${edit.op} ${nodeKey(edit.ref)}`
  }
}

/**
 * The history after an edit: one entry per user intent. A `set` of the same field as the entry
 * before it, within 1500 ms of it, extends that entry (typing a word is one undo step); every other
 * edit is an entry of its own. A new entry clears what could be redone; an edit that changed
 * nothing leaves the history as it is.
 * @example
 * const r = applyEdit(draft, edit)
 * history = record(history, r, edit, Date.now())
 */
export function record(history: History, result: EditResult, edit: Edit, now: number): History {
  if (!result.patches.length) return history
  const intent = intentOf(edit)
  const last = history.past.at(-1)
  if (
    edit.op === 'set' &&
    last?.intent === intent &&
    !history.future.length &&
    now - last.at <= MERGE_WINDOW_MS
  ) {
    const merged: HistoryEntry = {
      ...last,
      patches: [...last.patches, ...result.patches],
      inversePatches: [...result.inversePatches, ...last.inversePatches],
      at: now,
      selected: result.selected,
    }
    return { past: [...history.past.slice(0, -1), merged], future: [] }
  }
  const entry: HistoryEntry = {
    intent,
    patches: result.patches,
    inversePatches: result.inversePatches,
    at: now,
    selected: result.selected,
    undoSelected: result.undoSelected,
  }
  return { past: [...history.past, entry].slice(-MAX_PAST), future: [] }
}

/**
 * Undoes the last entry; undefined when there is nothing to undo.
 * @example
 * const r = undo(draft, history)
 * if (r) ({ draft, history } = r)
 */
export function undo(
  draft: Draft,
  history: History,
): { draft: Draft; history: History; selected: NodeRef } | undefined {
  const entry = history.past.at(-1)
  if (!entry) return undefined
  return {
    draft: applyPatches(draft, entry.inversePatches),
    history: { past: history.past.slice(0, -1), future: [...history.future, entry] },
    selected: entry.undoSelected,
  }
}

/**
 * Redoes the entry undone last; undefined when there is nothing to redo.
 * @example
 * const r = redo(draft, history)
 * if (r) ({ draft, history } = r)
 */
export function redo(
  draft: Draft,
  history: History,
): { draft: Draft; history: History; selected: NodeRef } | undefined {
  const entry = history.future.at(-1)
  if (!entry) return undefined
  return {
    draft: applyPatches(draft, entry.patches),
    history: { past: [...history.past, entry], future: history.future.slice(0, -1) },
    selected: entry.selected,
  }
}
