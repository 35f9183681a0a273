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
import { memo, useLayoutEffect, useMemo, useRef, type KeyboardEvent } from 'react'
import type { Draft } from '../../core/builder/draft'
import type { InsertPoint } from '../../core/builder/edits'
import { moveAnnouncement } from '../../core/builder/edits'
import type { NodeRef } from '../../core/builder/node-ref'
import { nodeKey, nodeOfKey } from '../../core/builder/node-ref'
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
  /** Problems per node key. */
  problemCounts: ReadonlyMap<string, number>
  onSelect: (ref: NodeRef) => void
  /** Moves a node; returns the spoken confirmation, or undefined when the move was refused. */
  onMove: (ref: NodeRef, to: InsertPoint) => void
}

interface NodeHandlers {
  onSelect: (key: string) => void
  onKey: (key: string, e: KeyboardEvent) => void
}

/** One node of the outline; drawn again only when its own text, count or selection changes. */
const NodeButton = memo(function NodeButton({
  nodeId,
  text,
  className,
  current,
  count,
  handlers,
}: {
  nodeId: string
  text: string
  className: string
  current: boolean
  count: number
  handlers: NodeHandlers
}) {
  const { t } = useText()
  return (
    <button
      type="button"
      className={className}
      aria-current={current ? 'true' : undefined}
      data-node={nodeId}
      onClick={() => handlers.onSelect(nodeId)}
      onKeyDown={(e) => handlers.onKey(nodeId, e)}
      aria-keyshortcuts="Alt+ArrowUp Alt+ArrowDown"
    >
      {text}
      {count > 0 && <span className="problem-count"> {t('builder.problemCount', { count })}</span>}
    </button>
  )
})

/**
 * An item of the outline with its drag handle and, when it or one of its options is selected,
 * its options. Its props are plain values and the item itself (unchanged items keep their object
 * through an edit), so typing in one item draws that row alone.
 */
const OutlineItem = memo(function OutlineItem({
  nodeId,
  item,
  section,
  index,
  selectedKey,
  counts,
  handlers,
}: {
  nodeId: string
  item: Item
  section: number
  index: number
  /** The selected node's key when it is this item or one of its options. */
  selectedKey: string | undefined
  /** Problem counts of this item and its options, by node key (only what concerns them). */
  counts: string
  handlers: NodeHandlers
}) {
  const { t, l } = useText()
  const name = useNodeName()
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({
    id: nodeId,
  })
  const countOf = (key: string) => Number(new URLSearchParams(counts).get(key) ?? 0)
  const options = selectedKey ? choiceOptions(item) : undefined
  return (
    <li
      ref={setNodeRef}
      className={isDragging ? 'outline-node dragging' : 'outline-node'}
      style={{ transform: CSS.Transform.toString(transform), transition }}
    >
      <div className="outline-row">
        <NodeButton
          nodeId={nodeId}
          text={name(item)}
          className="node item-node"
          current={selectedKey === nodeId}
          count={countOf(nodeId)}
          handlers={handlers}
        />
        <button
          type="button"
          className="drag-handle"
          {...attributes}
          {...listeners}
          aria-label={t('builder.drag.handle', { name: name(item) })}
        >
          ⠿
        </button>
      </div>
      {options && (
        <ul className="outline-options">
          {options.map((o, oi) => {
            const key = nodeKey({ kind: 'option', section, item: index, option: oi })
            return (
              <li key={oi}>
                <NodeButton
                  nodeId={key}
                  text={`${o.code} ${l(o.label)}`}
                  className="node option-node"
                  current={selectedKey === key}
                  count={countOf(key)}
                  handlers={handlers}
                />
              </li>
            )
          })}
        </ul>
      )}
    </li>
  )
})

// Module constants: useSensor makes a new sensor for new options, and with it dnd-kit gives every
// sortable row a new context, drawing every row again at each keystroke.
const POINTER_OPTIONS = { activationConstraint: { distance: 4 } }
const KEYBOARD_OPTIONS = { coordinateGetter: sortableKeyboardCoordinates }

/**
 * The instrument as a tree of sections, items and (for the selected item) its options. A node is
 * selected with Enter or a click; Alt+↑ and Alt+↓ move it; its handle drags it with the mouse or,
 * after Space, with the arrow keys (dnd-kit), across sections too.
 */
export function Outline({ draft, selected, problemCounts, onSelect, onMove }: OutlineProps) {
  const { t, l } = useText()
  const name = useNodeName()
  const sensors = useSensors(
    useSensor(PointerSensor, POINTER_OPTIONS),
    useSensor(KeyboardSensor, KEYBOARD_OPTIONS),
  )
  const sections = draft.instrument.sections
  // The same array while no item is added or removed: dnd-kit redoes every row for a new one.
  const sizes = sections.map((s) => s.items.length).join(',')
  const itemIds = useMemo(
    () =>
      sizes
        .split(',')
        .flatMap((n, si) =>
          Array.from({ length: Number(n) }, (_, ii) =>
            nodeKey({ kind: 'item', section: si, item: ii }),
          ),
        ),
    [sizes],
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

  // Stable handlers for the memoised rows, reading the latest draft when called.
  const latest = useRef({ draft, onSelect, onMove })
  useLayoutEffect(() => {
    latest.current = { draft, onSelect, onMove }
  })
  const handlers = useMemo<NodeHandlers>(
    () => ({
      onSelect: (key) => {
        const ref = nodeOfKey(key)
        if (ref) latest.current.onSelect(ref)
      },
      onKey: (key, e) => {
        if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return
        e.preventDefault()
        const { draft: now, onMove: move } = latest.current
        const ref = nodeOfKey(key)
        const place = ref && stepPlace(now, ref, e.key === 'ArrowUp')
        if (ref && place) move(ref, place)
      },
    }),
    [],
  )
  const selectedKey = nodeKey(selected)
  /** The problem counts that concern one item and its options, as a small stable string. */
  // Grouped by item once per check, not per row at every keystroke.
  const countsByItem = useMemo(() => {
    const grouped = new Map<string, [string, string][]>()
    for (const [key, n] of problemCounts) {
      const item = /^s\d+\.i\d+/.exec(key)?.[0]
      if (item) grouped.set(item, [...(grouped.get(item) ?? []), [key, String(n)]])
    }
    return new Map([...grouped].map(([item, list]) => [item, new URLSearchParams(list).toString()]))
  }, [problemCounts])
  return (
    <nav aria-label={t('builder.outline')} className="builder-outline">
      <p id="outline-keys" className="hint">
        {t('builder.outlineKeys')}
      </p>
      <NodeButton
        nodeId="instrument"
        text={l(draft.instrument.title) || draft.instrument.id}
        className="node instrument-node"
        current={selectedKey === 'instrument'}
        count={problemCounts.get('instrument') ?? 0}
        handlers={handlers}
      />
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
            {sections.map((section, si) => {
              const sectionKey = nodeKey({ kind: 'section', section: si })
              return (
                <li key={si} className="outline-section">
                  <NodeButton
                    nodeId={sectionKey}
                    text={name(section)}
                    className="node section-node"
                    current={selectedKey === sectionKey}
                    count={problemCounts.get(sectionKey) ?? 0}
                    handlers={handlers}
                  />
                  <ul>
                    {section.items.map((item, ii) => {
                      const key = nodeKey({ kind: 'item', section: si, item: ii })
                      const here = selectedKey === key || selectedKey.startsWith(`${key}.`)
                      return (
                        <OutlineItem
                          key={key}
                          nodeId={key}
                          item={item}
                          section={si}
                          index={ii}
                          selectedKey={here ? selectedKey : undefined}
                          counts={countsByItem.get(key) ?? ''}
                          handlers={handlers}
                        />
                      )
                    })}
                  </ul>
                </li>
              )
            })}
          </ul>
        </SortableContext>
      </DndContext>
    </nav>
  )
}
