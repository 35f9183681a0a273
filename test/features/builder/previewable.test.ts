import { describe, expect, it } from 'vitest'
import { cloneJson } from '../../../src/core/assessment/clone-json'
import { startDraft } from '../../../src/core/builder/draft'
import type { Instrument } from '../../../src/core/instrument/meta-schema'
import { stepPlace } from '../../../src/features/builder/outline'
import { inputShape } from '../../../src/features/builder/preview-pane'
import { previewable } from '../../../src/features/builder/previewable'
import { shipped } from '../../helpers/instruments'

const bar = () => cloneJson(shipped('bar', '1.1.0'))
const items = (i: Instrument) => i.sections.flatMap((s) => s.items)

describe('previewable', () => {
  it('shows a shipped instrument, and one with blank texts', () => {
    const i = bar()
    expect(previewable(i)).toBe(true)
    items(i)[0]!.label = { nl: '', en: '' }
    expect(previewable(i)).toBe(true)
  })

  it('refuses two items with one id: their answers would be one', () => {
    const i = bar()
    items(i)[1]!.id = items(i)[0]!.id
    expect(previewable(i)).toBe(false)
  })

  it('refuses a condition on a missing item and a ring of conditions of any length', () => {
    const i = bar()
    const [a, b, c] = items(i).filter((x) => x.answer.kind === 'capacity')
    if (!a || !b || !c || a.answer.kind !== 'capacity' || b.answer.kind !== 'capacity')
      throw new Error('BAR has capacities')
    a.visibleWhen = { item: 'gone', anyOf: ['x'] }
    expect(previewable(i)).toBe(false)
    a.visibleWhen = { item: b.id, anyOf: [b.answer.levels[0]!.code] }
    b.visibleWhen = { item: c.id, anyOf: ['x'] }
    expect(previewable(i)).toBe(true)
    c.visibleWhen = { item: a.id, anyOf: [a.answer.levels[0]!.code] }
    expect(previewable(i)).toBe(false)
  })
})

describe('inputShape', () => {
  it('stays the same for wording, and changes with an id, a kind or an option code', () => {
    // As the builder makes them: a changed item is a new object (immer), the others stay.
    const i = bar()
    const shape = inputShape(i)
    const items = i.sections[0]!.items
    const first = items[0]!
    items[0] = { ...first, label: { nl: 'Anders', en: 'Other' } }
    expect(inputShape(i)).toBe(shape)
    items[0] = { ...first, id: 'nieuw' }
    expect(inputShape(i)).not.toBe(shape)
    items[0] = { ...first, answer: { kind: 'text', multiline: false, maxLength: 100 } }
    expect(inputShape(i)).not.toBe(shape)
  })
})

describe('stepPlace', () => {
  it('moves an item one place among its siblings, and across into the next or previous section', () => {
    const draft = startDraft(shipped('bar', '1.1.0'))
    const last = draft.instrument.sections[0]!.items.length - 1
    expect(stepPlace(draft, { kind: 'item', section: 0, item: 1 }, true)).toEqual({
      where: 'before',
      target: { kind: 'item', section: 0, item: 0 },
    })
    expect(stepPlace(draft, { kind: 'item', section: 0, item: last }, false)).toEqual({
      where: 'before',
      target: { kind: 'item', section: 1, item: 0 },
    })
    expect(stepPlace(draft, { kind: 'item', section: 1, item: 0 }, true)).toEqual({
      where: 'inside',
      target: { kind: 'section', section: 0 },
    })
  })

  it('has nowhere to go past the first or last section', () => {
    const draft = startDraft(shipped('bar', '1.1.0'))
    const sections = draft.instrument.sections.length
    expect(stepPlace(draft, { kind: 'item', section: 0, item: 0 }, true)).toBeUndefined()
    expect(stepPlace(draft, { kind: 'section', section: sections - 1 }, false)).toBeUndefined()
    expect(stepPlace(draft, { kind: 'instrument' }, true)).toBeUndefined()
  })
})
