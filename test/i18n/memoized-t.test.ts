import { describe, expect, it, vi } from 'vitest'
import type { TFunction } from 'i18next'
import { memoizedT } from '../../src/i18n/memoized-t'
import { createFixedT } from '../../src/i18n/fixed-t'
import { LANGUAGES, resources } from '../../src/i18n/resources'

/** Every leaf key of a locale with its text: `form.clearLabel` → `Antwoord wissen bij {{label}}`. */
function leaves(node: unknown, prefix = ''): [string, string][] {
  if (typeof node === 'string') return [[prefix, node]]
  return Object.entries(node as Record<string, unknown>).flatMap(([k, v]) =>
    leaves(v, prefix ? `${prefix}.${k}` : k),
  )
}

describe('memoizedT', () => {
  for (const lang of LANGUAGES) {
    it(`gives the same text as i18next for every ${lang} key, placeholders filled`, () => {
      const tree = resources[lang].translation
      const t = createFixedT(lang)
      const memo = memoizedT(t, lang)
      for (const [key, text] of leaves(tree)) {
        const base = key.replace(/_(zero|one|two|few|many|other)$/, '')
        const names = [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1] as string)
        // Plural texts with every count that picks another form; others with each placeholder.
        const counts = names.includes('count') ? [0, 1, 2, 5, 21] : [undefined]
        for (const count of counts) {
          const options = Object.fromEntries(
            names.map((n, i) => [n, n === 'count' ? count : `<${n} ${i}>`]),
          )
          const args = names.length ? [base, options] : [base]
          const call = (f: TFunction) => (f as unknown as (...a: unknown[]) => string)(...args)
          expect(call(memo), `${key} ${count ?? ''}`).toBe(call(t))
        }
      }
    })
  }

  it('fills plurals itself, in the form the language needs', () => {
    const t = vi.fn(createFixedT('nl')) as unknown as TFunction
    const memo = memoizedT(t, 'nl') as (k: string, o?: object) => string
    expect(memo('form.open.count', { count: 1 })).toBe('1 item nog open')
    expect(memo('form.open.count', { count: 3 })).toBe('3 items nog open')
    expect(t).not.toHaveBeenCalled()
  })

  it('leaves a lookup in another language, or with a default, to i18next', () => {
    const memo = memoizedT(createFixedT('nl'), 'nl') as (k: string, o?: object) => string
    expect(memo('form.clear', { lng: 'en' })).toBe('Clear answer')
    expect(memo('form.noSuchText', { defaultValue: 'Standaard' })).toBe('Standaard')
    expect(memo('form.clear')).toBe('Antwoord wissen')
  })

  it('asks i18next for a text it cannot fill itself, and for a plain text only once', () => {
    const t = vi.fn(createFixedT('nl')) as unknown as TFunction
    const memo = memoizedT(t, 'nl', () => undefined) as (k: string, o?: object) => string
    expect(memo('form.clear')).toBe('Antwoord wissen')
    expect(memo('form.clear')).toBe('Antwoord wissen')
    expect(memo('form.clearLabel', { label: 'Tillen' })).toBe('Antwoord wissen bij Tillen')
    expect(memo('form.clearLabel', { label: 'Bukken' })).toBe('Antwoord wissen bij Bukken')
    expect(t).toHaveBeenCalledTimes(3)
  })
})
