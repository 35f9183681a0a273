import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react'
import type { Assessment } from '../../core/assessment/assessment-schema'
import { startDraft, type Draft } from '../../core/builder/draft'
import type { InsertPoint } from '../../core/builder/edits'
import { moveAnnouncement } from '../../core/builder/edits'
import { emptyHistory } from '../../core/builder/history'
import { draftProblems } from '../../core/builder/node-problems'
import type { NodeRef } from '../../core/builder/node-ref'
import { nodeKey } from '../../core/builder/node-ref'
import type { Catalogue } from '../../core/instrument/catalogue-data'
import { findVocabulary, latestVersions } from '../../core/instrument/catalogue-data'
import type { Instrument, Localized } from '../../core/instrument/meta-schema'
import type { ValidationIssue } from '../../core/issues/validation-issue'
import { useText } from '../../i18n/text'
import { deleteBuilderDraft, getBuilderDraft } from '../../storage/builder-drafts'
import type { BuilderDraftRecord } from '../../storage/assessment-store'
import { storageMessageKey } from '../../storage/storage-error'
import { NodeEditor } from './node-editor'
import { Outline } from './outline'
import { previewable } from './previewable'
import { PreviewPane } from './preview-pane'
import { SavePanel, type SavedVersion } from './save-panel'
import { IssueList } from '../../ui/issue-list'
import { WithCatalogue } from '../../ui/with-catalogue'
import { TranslationsTable } from './translations-table'
import { draftId, useBuilderState, type BuilderState } from './use-builder-state'

const loadChecked = () => import('../../storage/checked-assessments')

type View = 'structure' | 'translations' | 'save'

/** A pause in typing: as long as the autosave of a form waits. */
const CHECK_DELAY_MS = 300

/** `value`, once it has stayed the same for `delay` ms (the first value at once). */
function useSettled<T>(value: T, delay: number): T {
  const [settled, setSettled] = useState(value)
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delay)
    return () => clearTimeout(timer)
  }, [value, delay])
  return settled
}

/** A saved builder state as it was written; anything else is started afresh (the base is shipped). */
function savedState(record: BuilderDraftRecord | undefined): BuilderState | undefined {
  const s = record?.state as Partial<BuilderState> | undefined
  return s?.draft?.instrument && s.history && s.selected ? (s as BuilderState) : undefined
}

function Workspace({
  initial,
  base,
  catalogue,
  onSaved,
}: {
  initial: BuilderState
  base: Instrument
  catalogue: Catalogue
  onSaved: (saved: SavedVersion) => void
}) {
  const { t, l } = useText()
  const [saveError, setSaveError] = useState<unknown>()
  const [state, actions] = useBuilderState(initial, setSaveError)
  const { draft, history, selected } = state
  const [view, setView] = useState<View>('structure')
  const [spoken, setSpoken] = useState('')
  const vocabulary = findVocabulary(catalogue.vocabularies, draft.instrument.vocabulary.version)
  // The checks (the whole instrument through the meta-schema) wait for a pause in typing, so each
  // key reaches the outline and the preview first; saving checks again in any case.
  const checked = useSettled(draft, CHECK_DELAY_MS)
  const problems = useMemo(
    () => draftProblems(checked, vocabulary, base),
    [checked, vocabulary, base],
  )
  // The last draft the form could show, kept while an edit leaves it unshowable.
  const [lastGood, setLastGood] = useState<Instrument>(base)
  const sound = previewable(draft.instrument)
  if (sound && lastGood !== draft.instrument) setLastGood(draft.instrument)
  const saveNow = useRef<(() => Promise<void>) | undefined>(undefined)

  const [assessments, setAssessments] = useState<readonly Assessment[]>()
  useEffect(() => {
    let live = true
    loadChecked()
      .then((m) => m.listValidAssessments(catalogue.instruments))
      .then(
        (list) => live && setAssessments(list),
        () => live && setAssessments([]),
      )
    return () => {
      live = false
    }
  }, [catalogue])

  const focusSelected = useRef(false)
  const move = useCallback(
    (ref: NodeRef, to: InsertPoint) => {
      const said = l(moveAnnouncement(draft, ref, to))
      // Focus follows the node to its new place, whether moved by key, menu or drag.
      focusSelected.current = true
      const refused = actions.edit({ op: 'move', ref, to })
      setSpoken(refused.length ? refused.map((i) => l(i.message)).join(' ') : said)
    },
    [actions, draft, l],
  )
  // After a move, undo or redo, focus follows the node to its new place in the outline.
  useEffect(() => {
    if (!focusSelected.current) return
    focusSelected.current = false
    document.querySelector<HTMLElement>(`[data-node="${nodeKey(selected)}"]`)?.focus()
  }, [selected])
  const keyDown = (e: KeyboardEvent) => {
    const mod = e.ctrlKey || e.metaKey
    if (!mod) return
    const key = e.key.toLowerCase()
    if (key === 'z' && !e.shiftKey) {
      e.preventDefault()
      actions.undo()
      setSpoken(t('builder.undone'))
    } else if ((key === 'z' && e.shiftKey) || key === 'y') {
      e.preventDefault()
      actions.redo()
      setSpoken(t('builder.redone'))
    }
  }
  const problemCounts = useMemo(
    () => new Map([...problems.byNode].map(([key, list]) => [key, list.length])),
    [problems],
  )
  const onEdit = actions.edit

  return (
    <div className="builder">
      <div className="builder-toolbar" role="toolbar" aria-label={t('builder.toolbar')}>
        <button
          type="button"
          onClick={actions.undo}
          disabled={history.past.length === 0}
          aria-keyshortcuts="Control+Z"
        >
          {t('builder.undo')}
        </button>
        <button
          type="button"
          onClick={actions.redo}
          disabled={history.future.length === 0}
          aria-keyshortcuts="Control+Shift+Z"
        >
          {t('builder.redo')}
        </button>
        {(['structure', 'translations', 'save'] as const).map((v) => (
          <button key={v} type="button" aria-pressed={view === v} onClick={() => setView(v)}>
            {t(`builder.view.${v}`)}
          </button>
        ))}
        <span className="problem-total">
          {problems.all.length === 0
            ? t('builder.noProblems')
            : t('builder.problemTotal', { count: problems.all.length })}
        </span>
      </div>
      <p role="status" className="travel-status builder-status">
        {spoken}
      </p>
      {saveError !== undefined && (
        <p role="alert">{t(storageMessageKey(saveError), { reason: String(saveError) })}</p>
      )}
      <div className="builder-panes">
        <div
          className="builder-work"
          onKeyDown={keyDown}
          // Answers typed in the preview are taken along before the builder changes the form.
          onFocus={() => void saveNow.current?.()}
        >
          {view === 'structure' && (
            <>
              <Outline
                draft={draft}
                selected={selected}
                problemCounts={problemCounts}
                onSelect={actions.select}
                onMove={move}
              />
              <NodeEditor
                draft={draft}
                selected={selected}
                vocabulary={vocabulary}
                problems={problems.byNode.get(nodeKey(selected)) ?? []}
                onEdit={onEdit}
                onMove={move}
              />
            </>
          )}
          {view === 'translations' && (
            <TranslationsTable
              draft={draft}
              onEdit={onEdit}
              onSelect={(ref) => {
                actions.select(ref)
                setView('structure')
              }}
            />
          )}
          {view === 'save' && (
            <SavePanel
              draft={draft}
              base={base}
              vocabulary={vocabulary}
              catalogue={catalogue}
              problems={problems.all}
              assessments={assessments}
              onSaved={async (saved) => {
                await actions.flush()
                await deleteBuilderDraft(draftId(draft.base)).catch(() => undefined)
                onSaved(saved)
              }}
            />
          )}
        </div>
        {vocabulary && (
          <PreviewPane
            instrument={sound ? draft.instrument : lastGood}
            vocabulary={vocabulary}
            stale={!sound}
            saveNowRef={saveNow}
          />
        )}
      </div>
      <p className="hint">{t('builder.savedLocally')}</p>
    </div>
  )
}

/** Opens a draft of the version after `open` (the saved draft when there is one). */
function OpenDraft({
  base,
  latest,
  catalogue,
  onSaved,
}: {
  base: Instrument
  latest: Instrument
  catalogue: Catalogue
  onSaved: (saved: SavedVersion) => void
}) {
  const { t, l } = useText()
  const [initial, setInitial] = useState<BuilderState | 'loading'>('loading')
  useEffect(() => {
    let live = true
    const fresh = (): BuilderState => ({
      draft: startDraft(base),
      history: emptyHistory,
      selected: { kind: 'instrument' },
    })
    getBuilderDraft(draftId(base)).then(
      (record) => live && setInitial(savedState(record) ?? fresh()),
      () => live && setInitial(fresh()),
    )
    return () => {
      live = false
    }
  }, [base])
  if (latest !== base)
    return (
      <p className="notice">
        {t('builder.notLatest', {
          title: l(base.title),
          version: base.version,
          latest: latest.version,
        })}{' '}
        <a href={`#/builder/${latest.id}/${latest.version}`}>
          {t('builder.openLatest', { title: l(latest.title), version: latest.version })}
        </a>
      </p>
    )
  if (initial === 'loading') return <p role="status">{t('form.loading')}</p>
  return <Workspace initial={initial} base={base} catalogue={catalogue} onSaved={onSaved} />
}

/**
 * The instrument builder on one version: a new version of it, edited with a live preview. The
 * heading comes from the index at once; the version's files load first. The start page (drafts
 * and versions to start from) is `BuilderStartScreen`, a chunk of its own without this code.
 */
export function BuilderScreen({
  load,
  title,
  open,
  onLibraryChanged,
}: {
  load: () => Promise<Catalogue>
  /** The version's title before its file is read (the build-time index has it). */
  title?: Localized | undefined
  open: { id: string; version: string }
  onLibraryChanged: () => Promise<void>
}) {
  const { t, l } = useText()
  return (
    <>
      <h1>
        {title
          ? t('builder.titleFor', { title: l(title), version: open.version })
          : t('builder.title')}
      </h1>
      <WithCatalogue load={load}>
        {(catalogue) => (
          <OpenVersion catalogue={catalogue} open={open} onLibraryChanged={onLibraryChanged} />
        )}
      </WithCatalogue>
    </>
  )
}

/** The version `open` names in the builder, or why it cannot be, and what saving it did. */
function OpenVersion({
  catalogue,
  open,
  onLibraryChanged,
}: {
  catalogue: Catalogue
  open: { id: string; version: string }
  onLibraryChanged: () => Promise<void>
}) {
  const { t, l } = useText()
  // Kept here: once saved, the new version is the latest and the draft's base no longer is.
  const [saved, setSaved] = useState<SavedVersion | undefined>()
  const base = catalogue.instruments.find((i) => i.id === open.id && i.version === open.version)
  const latest = base && latestVersions(catalogue.instruments).find((i) => i.id === base.id)
  return (
    <>
      {!base && <p role="alert">{t('builder.notFound', { id: open.id, version: open.version })}</p>}
      {saved ? (
        <div className="notice" role="status">
          <p>
            {t('builder.save.done', {
              title: l(saved.instrument.title),
              version: saved.instrument.version,
            })}
          </p>
          {saved.crosswalks.map((c) => (
            <div key={`${c.target.id}-${c.target.version}`}>
              <p>
                {c.ok
                  ? t('builder.save.crosswalk', {
                      target: `${c.target.id.toUpperCase()} ${c.target.version}`,
                    })
                  : t('builder.save.noCrosswalk', {
                      target: `${c.target.id.toUpperCase()} ${c.target.version}`,
                    })}
              </p>
              {!c.ok && <IssueList issues={c.issues} />}
            </div>
          ))}
          <p>
            <a href="#/assessments">{t('builder.save.startAssessment')}</a>
            {' · '}
            <a href="#/">{t('builder.save.toInstruments')}</a>
          </p>
        </div>
      ) : (
        base &&
        latest && (
          <OpenDraft
            key={draftId(base)}
            base={base}
            latest={latest}
            catalogue={catalogue}
            onSaved={(s) => {
              setSaved(s)
              void onLibraryChanged()
            }}
          />
        )
      )}
    </>
  )
}

export type { Draft, ValidationIssue }
