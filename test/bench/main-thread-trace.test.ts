import { describe, expect, it } from 'vitest'
import { summariseTrace, type TraceEvent } from '../../bench/lib/main-thread-trace'

const MAIN = { pid: 1, tid: 7 }
const thread = (pid: number, tid: number, name: string): TraceEvent => ({
  name: 'thread_name',
  ph: 'M',
  pid,
  tid,
  ts: 0,
  args: { name },
})
// Times in µs, as Chromium writes them.
const task = (name: string, ts: number, dur: number, at = MAIN): TraceEvent => ({
  name,
  ph: 'X',
  ...at,
  ts,
  dur,
})

describe('summariseTrace', () => {
  it('sums each event name inclusively and, as self time, without the events inside it', () => {
    const events = [
      thread(1, 7, 'CrRendererMain'),
      thread(1, 9, 'Compositor'),
      // A task with script that forced a layout, then a frame's style and layout after it.
      task('RunTask', 0, 10_000),
      task('FunctionCall', 1_000, 6_000),
      task('Layout', 2_000, 2_000),
      task('RunTask', 20_000, 5_000),
      task('UpdateLayoutTree', 20_000, 1_000),
      task('Layout', 21_000, 3_000),
      // Another thread's work is not the page's main thread.
      task('RunTask', 0, 50_000, { pid: 1, tid: 9 }),
    ]
    const t = summariseTrace(events)
    expect(t.tasksMs).toBe(15)
    expect(t.countByName.get('RunTask')).toBe(2)
    expect(t.byName.get('Layout')).toBe(5)
    expect(t.renderingMs).toBe(6)
    expect(t.selfByName.get('RunTask')).toBe(4 + 1)
    expect(t.selfByName.get('FunctionCall')).toBe(4)
    expect(t.selfByName.get('Layout')).toBe(5)
    expect(t.selfByName.get('UpdateLayoutTree')).toBe(1)
  })

  it('takes an event starting with its parent as the parent’s child, whichever comes first', () => {
    const events = [
      thread(1, 7, 'CrRendererMain'),
      task('FunctionCall', 0, 2_000),
      task('RunTask', 0, 3_000),
    ]
    const t = summariseTrace(events)
    expect(t.selfByName.get('RunTask')).toBe(1)
    expect(t.selfByName.get('FunctionCall')).toBe(2)
  })
})
