import { afterEach, describe, expect, it, vi } from 'vitest'
import { nextTask } from '../../src/core/next-task'

afterEach(() => vi.unstubAllGlobals())

describe('nextTask', () => {
  it('resolves after a task queued before it (a click, a paint), not in the same task', async () => {
    const order: string[] = []
    setTimeout(() => order.push('queued task'), 0)
    void Promise.resolve().then(() => order.push('microtask'))
    await nextTask()
    order.push('after nextTask')
    expect(order).toEqual(['microtask', 'queued task', 'after nextTask'])
  })

  it("uses the browser's scheduler.yield where there is one", async () => {
    const yieldNow = vi.fn(() => Promise.resolve())
    vi.stubGlobal('scheduler', { yield: yieldNow })
    await nextTask()
    expect(yieldNow).toHaveBeenCalledTimes(1)
  })
})
