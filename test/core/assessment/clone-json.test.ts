import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { cloneJson } from '../../../src/core/assessment/clone-json'

/** Every object and array inside a value. */
function containers(value: unknown, out = new Set<object>()): Set<object> {
  if (typeof value === 'object' && value !== null) {
    out.add(value)
    for (const v of Object.values(value)) containers(v, out)
  }
  return out
}

describe('cloneJson', () => {
  it('gives an equal copy of any JSON value that shares no object or array with it', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const copy = cloneJson(value)
        expect(copy).toStrictEqual(value)
        const inCopy = containers(copy)
        for (const c of containers(value)) expect(inCopy.has(c)).toBe(false)
      }),
    )
  })

  it('keeps a "__proto__" key of a parsed file as a key, without touching the prototype', () => {
    const parsed = JSON.parse('{"a": {"__proto__": {"polluted": true}, "b": 1}}') as {
      a: Record<string, unknown>
    }
    const copy = cloneJson(parsed)
    expect(copy).toStrictEqual(parsed)
    expect(Object.keys(copy.a)).toEqual(['__proto__', 'b'])
    expect(Object.getPrototypeOf(copy.a)).toBe(Object.prototype)
    expect((copy.a as { polluted?: unknown }).polluted).toBeUndefined()
  })
})
