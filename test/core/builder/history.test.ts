import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Draft } from '../../../src/core/builder/draft'
import { startDraft } from '../../../src/core/builder/draft'
import type { Edit } from '../../../src/core/builder/edits'
import { applyEdit } from '../../../src/core/builder/edits'
import type { History } from '../../../src/core/builder/history'
import { emptyHistory, MAX_PAST, record, redo, undo } from '../../../src/core/builder/history'
import { edit, item, section, shippedInstrument, tiny } from './builder-fixtures'
import { editOf, seedArb } from './random-edits'

const label = (s: number, i: number, lang: 'nl' | 'en' = 'nl') => [
  'sections',
  s,
  'items',
  i,
  'label',
  lang,
]
const type = (path: (string | number)[], value: string): Edit => ({ op: 'set', path, value })

/** Applies and records edits, the n-th at time `times[n]`. */
function play(draft: Draft, list: Edit[], times: number[] = list.map((_, n) => n * 10_000)) {
  let history: History = emptyHistory
  list.forEach((e, n) => {
    const r = edit(draft, e)
    history = record(history, r, e, times[n] as number)
    draft = r.draft
  })
  return { draft, history }
}

function undoAll(draft: Draft, history: History): Draft {
  for (let r = undo(draft, history); r; r = undo(draft, history)) ({ draft, history } = r)
  return draft
}

describe('record', () => {
  it('merges typing in one field into one entry while no pause exceeds 1500 ms', () => {
    const start = startDraft(tiny())
    const { draft, history } = play(
      start,
      [type(label(0, 0), 'T'), type(label(0, 0), 'Ti'), type(label(0, 0), 'Til')],
      [0, 1000, 2400],
    )
    expect(history.past).toHaveLength(1)
    expect(history.past[0]?.intent).toBe('set $.sections[0].items[0].label.nl')
    expect(history.past[0]?.at).toBe(2400)
    expect(draft.instrument.sections[0]!.items[0]!.label.nl).toBe('Til')
    expect(undo(draft, history)?.draft).toEqual(start)
  })

  it('starts a new entry after a pause, for another field, or for another kind of edit', () => {
    const { history } = play(
      startDraft(tiny()),
      [
        type(label(0, 0), 'A'),
        type(label(0, 0), 'AB'),
        type(label(0, 0, 'en'), 'X'),
        { op: 'rename', ref: item(0, 0), id: 'optillen' },
        { op: 'rename', ref: item(0, 0), id: 'tillen-2' },
        type(label(0, 0, 'en'), 'XY'),
      ],
      [0, 2000, 2100, 2200, 2300, 2400],
    )
    expect(history.past.map((e) => e.intent)).toEqual([
      'set $.sections[0].items[0].label.nl',
      'set $.sections[0].items[0].label.nl',
      'set $.sections[0].items[0].label.en',
      'rename s0.i0',
      'rename s0.i0',
      'set $.sections[0].items[0].label.en',
    ])
  })

  it('clears what could be redone, and does not merge into an entry from before an undo', () => {
    const start = startDraft(tiny())
    const first = play(start, [type(label(0, 0), 'A'), type(label(0, 1), 'B')], [0, 100])
    const back = undo(first.draft, first.history)!
    expect(back.history.future).toHaveLength(1)
    const e = type(label(0, 0), 'AC')
    const r = edit(back.draft, e)
    const h = record(back.history, r, e, 200)
    expect(h.future).toEqual([])
    expect(h.past).toHaveLength(2)
  })

  it('ignores an edit that changed nothing, or was refused', () => {
    const d = startDraft(tiny())
    const same = type(['sections', 0, 'label', 'nl'], 'Fysiek')
    expect(record(emptyHistory, applyEdit(d, same), same, 0)).toBe(emptyHistory)
    const refused: Edit = { op: 'delete', ref: { kind: 'instrument' } }
    expect(record(emptyHistory, applyEdit(d, refused), refused, 0)).toBe(emptyHistory)
  })

  it('keeps the last 500 entries', () => {
    let d = startDraft(tiny())
    let h: History = emptyHistory
    for (let n = 0; n < MAX_PAST + 20; n++) {
      const e = type(label(0, n % 2), `t${n}`)
      const r = edit(d, e)
      h = record(h, r, e, n * 10_000)
      d = r.draft
    }
    expect(h.past).toHaveLength(500)
    expect(h.past.at(-1)?.at).toBe((MAX_PAST + 19) * 10_000)
  })
})

describe('undo', () => {
  it('restores the draft before the edit and selects the node the edit was about', () => {
    const start = startDraft(tiny())
    const { draft, history } = play(start, [{ op: 'delete', ref: item(0, 2) }])
    const r = undo(draft, history)!
    expect(r.draft).toEqual(start)
    expect(r.selected).toEqual(item(0, 2))
    expect(r.history).toEqual({ past: [], future: history.past })
  })

  it('selects the insertion target when undoing an add', () => {
    const { draft, history } = play(startDraft(tiny()), [
      { op: 'add', node: 'item', at: { where: 'inside', target: section(1) } },
    ])
    expect(undo(draft, history)?.selected).toEqual(section(1))
  })

  it('gives nothing when there is nothing to undo', () => {
    expect(undo(startDraft(tiny()), emptyHistory)).toBeUndefined()
  })

  it('works on a draft and history read back from JSON, as stored in IndexedDB', () => {
    const start = startDraft(shippedInstrument('bar'))
    const played = play(start, [
      { op: 'rename', ref: item(2, 0), id: 'fysiek.optillen' },
      { op: 'delete', ref: item(2, 1) },
      { op: 'move', ref: item(2, 0), to: { where: 'inside', target: section(3) } },
      type(label(0, 0), ''),
    ])
    const stored = JSON.parse(JSON.stringify(played)) as typeof played
    expect(stored).toEqual(played)
    expect(undoAll(stored.draft, stored.history)).toEqual(start)
  })
})

describe('redo', () => {
  it('makes the undone edit again and selects its result', () => {
    const start = startDraft(tiny())
    const { draft, history } = play(start, [{ op: 'duplicate', ref: item(1, 0) }])
    const back = undo(draft, history)!
    const again = redo(back.draft, back.history)!
    expect(again.draft).toEqual(draft)
    expect(again.selected).toEqual(item(1, 1))
    expect(again.history).toEqual(history)
    expect(redo(again.draft, again.history)).toBeUndefined()
  })
})

describe('history (properties over random edits)', () => {
  const bar = shippedInstrument('bar')

  /** Random edits from BAR 1.0.0 at random times, some close enough together to merge. */
  const sessions = fc.array(fc.tuple(seedArb, fc.integer({ min: 0, max: 3000 })), {
    minLength: 1,
    maxLength: 20,
  })

  function replay(list: [Parameters<typeof editOf>[1], number][]) {
    const start = startDraft(bar)
    let draft = start
    let history: History = emptyHistory
    let now = 0
    for (const [seed, pause] of list) {
      const e = editOf(draft, seed)
      if (!e) continue
      now += pause
      const r = applyEdit(draft, e)
      history = record(history, r, e, now)
      draft = r.draft
    }
    return { start, draft, history }
  }

  it('undoing every entry gives back the draft it started from', () => {
    fc.assert(
      fc.property(sessions, (list) => {
        const { start, draft, history } = replay(list)
        expect(undoAll(draft, history)).toEqual(start)
      }),
      { numRuns: 60 },
    )
  })

  it('undo then redo gives back the same draft, at every point', () => {
    fc.assert(
      fc.property(sessions, fc.nat(), (list, at) => {
        let { draft, history } = replay(list)
        for (let n = at % (history.past.length + 1); n > 0; n--)
          ({ draft, history } = undo(draft, history)!)
        const back = undo(draft, history)
        if (!back) return
        const again = redo(back.draft, back.history)!
        expect(again.draft).toEqual(draft)
        expect(again.history).toEqual(history)
      }),
      { numRuns: 60 },
    )
  })
})
