import { describe, expect, it } from 'vitest'
import type { FieldErrors } from 'react-hook-form'
import { ItemErrorStore } from '../../src/form/item-errors'
import type { FormValues } from '../../src/form/model/form-values'

const error = (message: string) => ({ type: 'custom', message })
const errors = (items: Record<string, Record<string, unknown>>) =>
  ({ items }) as unknown as FieldErrors<FormValues>

describe('ItemErrorStore', () => {
  it('gives each item its messages by input path, and tells only the items whose messages changed', () => {
    const store = new ItemErrorStore()
    const told: string[] = []
    for (const key of ['f0', 'f1', 'f2']) store.subscribe(key, () => told.push(key))

    store.update(
      errors({ f0: { q0: error('Moet tussen 0 en 50 liggen') }, f1: { choice: error('Kies') } }),
    )
    expect(store.get('f0')).toEqual({ q0: 'Moet tussen 0 en 50 liggen' })
    expect(store.get('f2')).toEqual({})
    expect(told.sort()).toEqual(['f0', 'f1'])

    told.length = 0
    const f0 = store.get('f0')
    store.update(errors({ f0: { q0: error('Moet tussen 0 en 50 liggen') } }))
    expect(store.get('f0')).toBe(f0)
    expect(store.get('f1')).toEqual({})
    expect(told).toEqual(['f1'])
  })

  it('stops telling a listener once it unsubscribed', () => {
    const store = new ItemErrorStore()
    let calls = 0
    const unsubscribe = store.subscribe('f0', () => (calls += 1))
    unsubscribe()
    store.update(errors({ f0: { text: error('Te lang') } }))
    expect(calls).toBe(0)
    expect(store.get('f0')).toEqual({ text: 'Te lang' })
  })
})
