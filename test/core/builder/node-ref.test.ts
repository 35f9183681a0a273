import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { NodeRef } from '../../../src/core/builder/node-ref'
import {
  itemRefById,
  nodeExists,
  nodeKey,
  nodeName,
  nodeOfKey,
  nodeOfPath,
  pathOfNode,
  pathSegments,
  textOr,
} from '../../../src/core/builder/node-ref'
import { jsonPath } from '../../../src/core/issues/validation-issue'
import { item, option, section, shippedInstrument, tiny } from './builder-fixtures'

const refArb: fc.Arbitrary<NodeRef> = fc.oneof(
  fc.constant<NodeRef>({ kind: 'instrument' }),
  fc.nat(50).map((s): NodeRef => ({ kind: 'section', section: s })),
  fc
    .tuple(fc.nat(50), fc.nat(50))
    .map(([s, i]): NodeRef => ({ kind: 'item', section: s, item: i })),
  fc
    .tuple(fc.nat(50), fc.nat(50), fc.nat(50))
    .map(([s, i, o]): NodeRef => ({ kind: 'option', section: s, item: i, option: o })),
)

describe('nodeKey', () => {
  it('names each kind of node by its position', () => {
    expect(nodeKey({ kind: 'instrument' })).toBe('instrument')
    expect(nodeKey(section(2))).toBe('s2')
    expect(nodeKey(item(2, 5))).toBe('s2.i5')
    expect(nodeKey(option(2, 5, 1))).toBe('s2.i5.o1')
  })

  it('gives different nodes different keys, which nodeOfKey reads back', () => {
    fc.assert(
      fc.property(refArb, refArb, (a, b) => {
        expect(nodeOfKey(nodeKey(a))).toEqual(a)
        if (JSON.stringify(a) !== JSON.stringify(b)) expect(nodeKey(a)).not.toBe(nodeKey(b))
      }),
    )
  })
})

describe('nodeOfKey', () => {
  it('refuses what no node key looks like', () => {
    for (const key of ['', 's', 'i2', 's2.o1', 's1.i2.o3.x', 'S1', 'instruments'])
      expect(nodeOfKey(key), key).toBeUndefined()
  })
})

describe('nodeOfPath', () => {
  it('finds the deepest node a path points into', () => {
    expect(nodeOfPath(['sections', 2, 'items', 5, 'answer', 'options', 1, 'label', 'nl'])).toEqual(
      option(2, 5, 1),
    )
    expect(nodeOfPath(['sections', 2, 'items', 5, 'answer', 'levels', 0])).toEqual(option(2, 5, 0))
    expect(nodeOfPath(['sections', 2, 'items', 5, 'label', 'en'])).toEqual(item(2, 5))
    expect(nodeOfPath(['sections', 2, 'items', 5, 'answer', 'quantities', 0, 'label'])).toEqual(
      item(2, 5),
    )
    expect(nodeOfPath(['sections', 2, 'items', 5, 'answer', 'options'])).toEqual(item(2, 5))
    expect(nodeOfPath(['sections', 2, 'label'])).toEqual(section(2))
    expect(nodeOfPath(['sections', 2, 'items'])).toEqual(section(2))
  })

  it('places what lies outside the sections in the instrument', () => {
    for (const path of [
      [],
      ['title', 'nl'],
      ['conclusion', 'item'],
      ['migration', 'steps', 0],
      ['sections'],
    ])
      expect(nodeOfPath(path), JSON.stringify(path)).toEqual({ kind: 'instrument' })
    expect(nodeOfPath(['sections', 'x', 'items', 0])).toEqual({ kind: 'instrument' })
  })
})

describe('pathOfNode', () => {
  const bar = shippedInstrument('bar')
  const fml = shippedInstrument('fml')

  it('gives the path of each kind of node, options under `levels` for a capacity', () => {
    expect(pathOfNode({ kind: 'instrument' }, bar)).toEqual([])
    expect(pathOfNode(section(1), bar)).toEqual(['sections', 1])
    expect(pathOfNode(item(1, 3), bar)).toEqual(['sections', 1, 'items', 3])
    expect(pathOfNode(option(2, 0, 1), bar)).toEqual([
      'sections',
      2,
      'items',
      0,
      'answer',
      'levels',
      1,
    ])
    expect(pathOfNode(option(1, 0, 1), fml)).toEqual([
      'sections',
      1,
      'items',
      0,
      'answer',
      'options',
      1,
    ])
  })

  it('is the inverse of nodeOfPath for every node of the BAR and the FML', () => {
    for (const instrument of [bar, fml])
      instrument.sections.forEach((s, si) =>
        s.items.forEach((it, ii) => {
          const refs: NodeRef[] = [section(si), item(si, ii)]
          const a = it.answer
          const options = a.kind === 'capacity' ? a.levels : 'options' in a ? a.options : []
          options.forEach((_, oi) => refs.push(option(si, ii, oi)))
          for (const ref of refs) expect(nodeOfPath(pathOfNode(ref, instrument))).toEqual(ref)
        }),
      )
  })
})

describe('pathSegments', () => {
  it('reads back the JSON paths that issues carry', () => {
    expect(pathSegments('$')).toEqual([])
    expect(pathSegments('$.sections[2].items[0].label.en')).toEqual([
      'sections',
      2,
      'items',
      0,
      'label',
      'en',
    ])
    expect(pathSegments('$.migration.steps[1].options["IV.13"]')).toEqual([
      'migration',
      'steps',
      1,
      'options',
      'IV.13',
    ])
  })

  it('is the inverse of jsonPath for any path', () => {
    const segment = fc.oneof(fc.nat(1000), fc.string({ maxLength: 8 }))
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 8 }), (path) => {
        expect(pathSegments(jsonPath(path))).toEqual(path)
      }),
    )
  })
})

describe('nodeName', () => {
  const fml = shippedInstrument('fml')

  it('names a node by its display code and label in the language asked', () => {
    const iv = fml.sections.findIndex((s) => s.id === 'IV')
    expect(nodeName(fml, section(iv), 'nl')).toMatch(/^IV /)
    const t = tiny()
    expect(nodeName(t, item(0, 0), 'nl')).toBe('Tillen')
    expect(nodeName(t, item(0, 0), 'en')).toBe('Lifting')
    expect(nodeName(t, option(0, 1, 1), 'en')).toBe('Yes')
    expect(nodeName(t, { kind: 'instrument' }, 'nl')).toBe('Klein instrument')
  })

  it('falls back to the id or code while the label is blank, and to nothing for a missing node', () => {
    const t = tiny()
    const blank = { ...t, sections: [{ ...t.sections[0]!, label: { nl: ' ', en: '' } }] }
    expect(nodeName(blank, section(0), 'nl')).toBe('fysiek')
    expect(nodeName(t, item(9, 9), 'nl')).toBe('')
    expect(textOr(undefined, 'nl', 'x')).toBe('x')
  })
})

describe('nodeExists', () => {
  it('says whether a position holds a node', () => {
    const t = tiny()
    expect(nodeExists(t, { kind: 'instrument' })).toBe(true)
    expect(nodeExists(t, option(0, 0, 2))).toBe(true)
    expect(nodeExists(t, option(0, 0, 3))).toBe(false)
    expect(nodeExists(t, option(0, 2, 0))).toBe(false)
    expect(nodeExists(t, item(1, 3))).toBe(false)
    expect(nodeExists(t, section(2))).toBe(false)
  })
})

describe('itemRefById', () => {
  it('finds an item by its id, or nothing', () => {
    const t = tiny()
    expect(itemRefById(t, 'uren')).toEqual(item(1, 1))
    expect(itemRefById(t, 'nope')).toBeUndefined()
  })
})
