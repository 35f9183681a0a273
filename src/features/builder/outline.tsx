import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
} from '@dnd-kit/core'
import {
  SortableContext,
  sortableKeyboardCoordinates,
  useSortable,
  verticalListSortingStrategy,
} from '@dnd-kit/sortable'
import { CSS } from '@dnd-kit/utilities'
import type { KeyboardEvent } from 'react'
import type { Draft } from '../../core/builder/draft'
import type { InsertPoint } from '../../core/builder/edits'
import { moveAnnouncement } from '../../core/builder/edits'
import type { NodeRef } from '../../core/builder/node-ref'
import { nodeKey } from '../../core/builder/node-ref'
import { choiceOptions } from '../../core/instrument/choice-options'
import type { Item } from '../../core/instrument/meta-schema'
import { useText } from '../../i18n/text'

/** A node's name in the outline: its display code and label, or its id while the label is blank. */
function useNodeName() {
  const { l } = useText()
  return (node: { id?: string; code?: string; label: { nl: string; en: string } }) => {
    const label = l(node.label).trim() || node.id || '—'
    return node.code ? `${node.code} ${label}` : label
  }
}

const sameRef = (a: NodeRef, b: NodeRef) => nodeKey(a) === nodeKey(b)

/** The place one step up or down among the node's siblings (items cross into the next section). */
export function stepPlace(draft: Draft, ref: NodeRef, up: boolean): InsertPoint | undefined {
  const sections = draft.instrument.sections
  if (ref.kind === 'section') {
    const to = ref.section + (up ? -1 : 1)
    if (to < 0 || to >= sections.length) return undefined
    return { where: up ? 'before' : 'after', target: { kind: 'section', section: to } }
  }
  if (ref.kind === 'item') {
    const items = sections[ref.section]?.items ?? []
    const to = ref.item + (up ? -1 : 1)
    if (to >= 0 && to < items.length)
      return {
        where: up ? 'before' : 'after',
        target: { kind: 'item', section: ref.section, item: to },
      }
    // Past the first or last item: into the section before (as its last) or after (as its first).
    const s = ref.section + (up ? -1 : 1)
    const next = sections[s]
    if (!next) return undefined
    return up
      ? { where: 'inside', target: { kind: 'section', section: s } }
      : { where: 'before', target: { kind: 'item', section: s, item: 0 } }
  }
  if (ref.kind === 'option') {
    const item = sections[ref.section]?.items[ref.item]
    const options = item ? (choiceOptions(item) ?? []) : []
    const to = ref.option + (up ? -1 : 1)
    if (to < 0 || to >= options.length) return undefined
    return { where: up ? 'before' : 'after', target: { ...ref, option: to } }
  }
  return undefined
}

interface OutlineProps {
  draft: Draft
  selected: NodeRef
  problemCount: (ref: NodeRef) => number
  onSelect: (ref: NodeRef) => void
  /** Moves a node; returns the spoken confirmation, or undefined when the move was refused. */
  onMove: (ref: NodeRef, to: InsertPoint) => void
}

function SortableItem({
  id,
  children,
  nested,
  handleLabel,
}: {
  id: string
  children: React.ReactNode
  /** Shown below the row (the options of the selected item). */
  nested?: React.ReactNode
  handleLabel: string
}) {
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({
    id,
  })
  return (
    <li
      ref={setNodeRef}
      className={isDragging ? 'outline-node dragging' : 'outline-node'}
      style={{ transform: CSS.Transform.toString(transform), transition }}
    >
      <div className="outline-row">
        {children}
        <button
          type="button"
          className="drag-handle"
          {...attributes}
          {...listeners}
          aria-label={handleLabel}
        >
          ⠿
        </button>
      </div>
      {nested}
    </li>
  )
}

/**
 * The instrument as a tree of sections, items and (for the selected item) its options. A node is
 * selected with Enter or a click; Alt+↑ and Alt+↓ move it; its handle drags it with the mouse or,
 * after Space, with the arrow keys (dnd-kit), across sections too.
 */
export function Outline({ draft, selected, problemCount, onSelect, onMove }: OutlineProps) {
  const { t, l } = useText()
  const name = useNodeName()
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  )
  const sections = draft.instrument.sections
  const itemIds = sections.flatMap((s, si) =>
    s.items.map((_, ii) => nodeKey({ kind: 'item', section: si, item: ii })),
  )
  const refOfKey = (key: string): NodeRef | undefined => {
    const m = /^s(\d+)\.i(\d+)$/.exec(key)
    return m ? { kind: 'item', section: Number(m[1]), item: Number(m[2]) } : undefined
  }
  const itemAt = (ref: NodeRef): Item | undefined =>
    ref.kind === 'item' ? sections[ref.section]?.items[ref.item] : undefined
  const dropPlace = (active: string, over: string): InsertPoint | undefined => {
    const from = refOfKey(active)
    const to = refOfKey(over)
    if (!from || !to || active === over) return undefined
    const before = itemIds.indexOf(active) > itemIds.indexOf(over)
    return { where: before ? 'before' : 'after', target: to }
  }
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    const from = refOfKey(String(active.id))
    const place = over && dropPlace(String(active.id), String(over.id))
    if (from && place) onMove(from, place)
  }
  const itemName = (key: string) => {
    const ref = refOfKey(key)
    const item = ref && itemAt(ref)
    return item ? name(item) : key
  }
  const announcements: Announcements = {
    onDragStart: ({ active }) => t('builder.drag.start', { name: itemName(String(active.id)) }),
    onDragOver: ({ active, over }) => {
      const place = over && dropPlace(String(active.id), String(over.id))
      const from = refOfKey(String(active.id))
      return place && from
        ? l(moveAnnouncement(draft, from, place))
        : t('builder.drag.nowhere', { name: itemName(String(active.id)) })
    },
    onDragEnd: ({ active, over }) => {
      const place = over && dropPlace(String(active.id), String(over.id))
      const from = refOfKey(String(active.id))
      return place && from
        ? l(moveAnnouncement(draft, from, place))
        : t('builder.drag.cancel', { name: itemName(String(active.id)) })
    },
    onDragCancel: ({ active }) => t('builder.drag.cancel', { name: itemName(String(active.id)) }),
  }

  const keys = (ref: NodeRef) => (e: KeyboardEvent) => {
    if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return
    e.preventDefault()
    const place = stepPlace(draft, ref, e.key === 'ArrowUp')
    if (place) onMove(ref, place)
  }
  const nodeButton = (ref: NodeRef, text: string, className: string) => {
    const count = problemCount(ref)
    return (
      <button
        type="button"
        className={className}
        aria-current={sameRef(ref, selected) ? 'true' : undefined}
        data-node={nodeKey(ref)}
        onClick={() => onSelect(ref)}
        onKeyDown={keys(ref)}
        aria-keyshortcuts="Alt+ArrowUp Alt+ArrowDown"
      >
        {text}
        {count > 0 && (
          <span className="problem-count"> {t('builder.problemCount', { count })}</span>
        )}
      </button>
    )
  }
  return (
    <nav aria-label={t('builder.outline')} className="builder-outline">
      <p id="outline-keys" className="hint">
        {t('builder.outlineKeys')}
      </p>
      {nodeButton(
        { kind: 'instrument' },
        l(draft.instrument.title) || draft.instrument.id,
        'node instrument-node',
      )}
      <DndContext
        sensors={sensors}
        collisionDetection={closestCenter}
        onDragEnd={onDragEnd}
        accessibility={{
          announcements,
          screenReaderInstructions: { draggable: t('builder.drag.instructions') },
        }}
      >
        <SortableContext items={itemIds} strategy={verticalListSortingStrategy}>
          <ul className="outline-sections">
            {sections.map((section, si) => (
              <li key={si} className="outline-section">
                {nodeButton({ kind: 'section', section: si }, name(section), 'node section-node')}
                <ul>
                  {section.items.map((item, ii) => {
                    const ref: NodeRef = { kind: 'item', section: si, item: ii }
                    const options = choiceOptions(item)
                    const open =
                      options &&
                      (selected.kind === 'item' || selected.kind === 'option') &&
                      selected.section === si &&
                      selected.item === ii
                    return (
                      <SortableItem
                        key={nodeKey(ref)}
                        id={nodeKey(ref)}
                        handleLabel={t('builder.drag.handle', { name: name(item) })}
                        nested={
                          open && (
                            <ul className="outline-options">
                              {options.map((o, oi) => (
                                <li key={oi}>
                                  {nodeButton(
                                    { kind: 'option', section: si, item: ii, option: oi },
                                    `${o.code} ${l(o.label)}`,
                                    'node option-node',
                                  )}
                                </li>
                              ))}
                            </ul>
                          )
                        }
                      >
                        {nodeButton(ref, name(item), 'node item-node')}
                      </SortableItem>
                    )
                  })}
                </ul>
              </li>
            ))}
          </ul>
        </SortableContext>
      </DndContext>
    </nav>
  )
}
