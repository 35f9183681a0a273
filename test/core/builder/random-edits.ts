import fc from 'fast-check'
import { expect } from 'vitest'
import type { Draft } from '../../../src/core/builder/draft'
import type { Edit } from '../../../src/core/builder/edits'
import { applyEdit, insertPoints } from '../../../src/core/builder/edits'
import { itemOrigin } from '../../../src/core/builder/migration-record'
import { ANSWER_KINDS } from '../../../src/core/builder/new-nodes'
import type { NodeRef } from '../../../src/core/builder/node-ref'
import { itemAt, optionsOf, pathOfNode } from '../../../src/core/builder/node-ref'
import type { Instrument, Item } from '../../../src/core/instrument/meta-schema'
import { item, option, section } from './builder-fixtures'

const steps = (d: Draft) => d.instrument.migration?.steps ?? []

/** One random choice, read against the draft it is applied to. */
export interface Seed {
  op: Edit['op'] | 'setHelp' | 'setReason'
  a: number
  b: number
  where: 'before' | 'after' | 'inside'
  kind: (typeof ANSWER_KINDS)[number]
  node: 'section' | 'item' | 'option'
  text: string
  id: number
}

export const seedArb: fc.Arbitrary<Seed> = fc.record({
  op: fc.constantFrom<Seed['op']>(
    'set',
    'setHelp',
    'setReason',
    'add',
    'add',
    'duplicate',
    'delete',
    'delete',
    'move',
    'move',
    'rename',
    'rename',
    'setKind',
    'setCondition',
  ),
  a: fc.nat(),
  b: fc.nat(),
  where: fc.constantFrom('before', 'after', 'inside'),
  kind: fc.constantFrom(...ANSWER_KINDS),
  node: fc.constantFrom('section', 'item', 'option'),
  text: fc.oneof(fc.constant(''), fc.constant('  '), fc.string({ maxLength: 6 })),
  id: fc.nat(),
})

function nodesOf(instrument: Instrument): NodeRef[] {
  return instrument.sections.flatMap((s, si) => [
    section(si),
    ...s.items.flatMap((it, ii) => [
      item(si, ii),
      ...(optionsOf(it) ?? []).map((_, oi) => option(si, ii, oi)),
    ]),
  ])
}

const pick = <T>(list: readonly T[], n: number): T | undefined => list[n % Math.max(list.length, 1)]

/** The edit a seed stands for in this draft: ids to rename to include base ids, so refusals happen too. */
export function editOf(draft: Draft, seed: Seed): Edit | undefined {
  const instrument = draft.instrument
  const nodes = nodesOf(instrument)
  const of = (kind: NodeRef['kind']) => nodes.filter((n) => n.kind === kind)
  const ref = pick(nodes, seed.a)
  if (!ref) return undefined
  const baseIds = Object.keys(draft.base.items)
  switch (seed.op) {
    case 'set':
      return {
        op: 'set',
        path: [...pathOfNode(ref, instrument), 'label', seed.b % 2 ? 'nl' : 'en'],
        value: seed.text,
      }
    case 'setHelp': {
      const it = pick(of('item'), seed.a) as NodeRef
      const value = seed.b % 3 === 0 ? undefined : { nl: seed.text, en: 'help' }
      return { op: 'set', path: [...pathOfNode(it, instrument), 'help'], value }
    }
    case 'setReason': {
      const k = steps(draft).findIndex((s, n) => n >= seed.b % 5 && 'reason' in s)
      if (k < 0) return undefined
      return { op: 'set', path: ['migration', 'steps', k, 'reason', 'nl'], value: seed.text }
    }
    case 'add': {
      const target =
        seed.node === 'section' && seed.where === 'inside'
          ? ({ kind: 'instrument' } as const)
          : pick(
              seed.where === 'inside'
                ? of(seed.node === 'item' ? 'section' : 'item')
                : of(seed.node),
              seed.b,
            )
      if (!target) return undefined
      return {
        op: 'add',
        node: seed.node,
        at: { where: seed.where, target },
        answerKind: seed.kind,
      }
    }
    case 'duplicate':
    case 'delete':
      return { op: seed.op, ref }
    case 'move': {
      const points = insertPoints(draft, ref)
      const p = pick(points, seed.b)
      return p
        ? { op: 'move', ref, to: p.at }
        : { op: 'move', ref, to: { where: seed.where, target: pick(nodes, seed.b) as NodeRef } }
    }
    case 'rename': {
      const ref = pick(of(seed.node), seed.a) as NodeRef
      if (ref.kind === 'option') {
        const it = itemAt(instrument, ref) as Item
        const origin = itemOrigin(instrument, draft.base, it.id)
        const pool = ['c1', 'c2', 'c3', ...(origin ? (draft.base.items[origin]?.codes ?? []) : [])]
        return { op: 'rename', ref, id: pick(pool, seed.id) as string }
      }
      const it = ref.kind === 'item' ? (itemAt(instrument, ref) as Item) : undefined
      const origin = it && itemOrigin(instrument, draft.base, it.id)
      const pool = [
        'r1',
        'r2',
        'r3',
        'r4',
        ...(origin ? [origin, origin] : []),
        pick(baseIds, seed.b) as string,
      ]
      return { op: 'rename', ref, id: pick(pool, seed.id) as string }
    }
    case 'setKind':
      return { op: 'setKind', ref: pick(of('item'), seed.a) as NodeRef, kind: seed.kind }
    case 'setCondition': {
      const it = pick(of('item'), seed.a) as NodeRef
      if (seed.where === 'inside') return { op: 'setCondition', ref: it, condition: undefined }
      const choices = allChoiceItems(instrument)
      const target = pick(choices, seed.b)
      if (!target) return undefined
      const opts = optionsOf(target) ?? []
      return {
        op: 'setCondition',
        ref: it,
        condition: { item: target.id, anyOf: [pick(opts, seed.id)!.code] },
      }
    }
  }
}

const allChoiceItems = (i: Instrument) =>
  i.sections.flatMap((s) => s.items).filter((x) => optionsOf(x))

/** Applies the seeds that make an accepted edit, checking each edit leaves its input as it was. */
export function run(
  start: Draft,
  seeds: readonly Seed[],
  check: (d: Draft, e: Edit) => void = () => {},
) {
  let draft = start
  const applied: Edit[] = []
  for (const seed of seeds) {
    const e = editOf(draft, seed)
    if (!e) continue
    const before = JSON.stringify(draft)
    const r = applyEdit(draft, e)
    expect(JSON.stringify(draft)).toBe(before)
    if (r.refused) {
      expect(r.draft).toBe(draft)
      expect(r.patches).toEqual([])
      continue
    }
    draft = r.draft
    applied.push(e)
    check(draft, e)
  }
  return { draft, applied }
}
