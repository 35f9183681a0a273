import { describe, expect, it } from 'vitest'
import en from '../../src/i18n/locales/en.json'
import nl from '../../src/i18n/locales/nl.json'

function leaves(value: unknown, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>()
  if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      const key = prefix ? `${prefix}.${k}` : k
      if (v && typeof v === 'object') for (const [kk, vv] of leaves(v, key)) out.set(kk, vv)
      else out.set(key, v)
    }
  return out
}

describe('locales', () => {
  it('have exactly the same keys in nl and en', () => {
    expect([...leaves(nl).keys()].sort()).toEqual([...leaves(en).keys()].sort())
  })

  it('have no empty or non-string texts', () => {
    for (const [lang, tree] of [
      ['nl', nl],
      ['en', en],
    ] as const)
      for (const [key, value] of leaves(tree)) {
        expect(typeof value, `${lang}:${key}`).toBe('string')
        expect((value as string).trim(), `${lang}:${key}`).not.toBe('')
      }
  })

  it('use the same interpolation variables in both languages', () => {
    const vars = (s: unknown) => [...String(s).matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort()
    const enLeaves = leaves(en)
    for (const [key, value] of leaves(nl)) expect(vars(value), key).toEqual(vars(enLeaves.get(key)))
  })
})
