import { describe, expect, it } from 'vitest'
import type { Answers } from '../../../src/core/assessment/assessment-schema'
import type { Instrument } from '../../../src/core/instrument/meta-schema'
import { capturedNotes } from '../../../src/core/migration/captured-notes'
import { migrate } from '../../../src/core/migration/migrate'
import { assessmentOf, capacity, NOW, one } from '../../helpers/assessments'
import { deepFreeze } from '../../helpers/deep-freeze'
import { demoChain } from '../../helpers/migration-chain'

const demo = demoChain()
const [v100] = demo as [Instrument, Instrument, Instrument]

const given: Answers = {
  tillen: capacity('licht', { 'max-load': 10 }),
  reizen: { kind: 'capacity', level: 'licht', possible: 'Met de fiets' },
  oud: one('a'),
  kleur: { kind: 'single', choice: 'blauw', specify: 'donkerblauw' },
  notitie: { kind: 'text', text: 'Een notitie' },
  weg: { kind: 'date', date: '2026-11-01' },
}

function upgraded(to: string) {
  const r = migrate(deepFreeze(assessmentOf(v100, given)), to, demo, { now: NOW })
  if (!r.ok) throw new Error('no migration')
  return r.value.assessment
}

describe('capturedNotes', () => {
  it('puts each captured answer that did not stay as it was at the items it went to', () => {
    const notes = capturedNotes(deepFreeze(upgraded('1.1.0')), demo)
    expect(notes?.from).toEqual({ id: 'demo', version: '1.0.0' })
    expect(notes?.migratedAt).toBe(NOW.toISOString())
    const at = (id: string) => notes?.byItem.get(id)?.map((n) => [n.item.id, n.outcome])
    // Split over two items: the one answer is shown at both.
    expect(at('reizen-werk')).toEqual([['reizen', 'transformed']])
    expect(at('reizen-woon')).toEqual([['reizen', 'transformed']])
    expect(at('nieuw')).toEqual([['oud', 'moved']])
    expect(at('toelichting')).toEqual([['notitie', 'moved']])
    // Dropped where the item is still there; kept answers have no note.
    expect(at('kleur')).toEqual([['kleur', 'dropped']])
    expect(notes?.byItem.has('tillen')).toBe(false)
    expect([...(notes?.byItem.keys() ?? [])]).not.toContain('weg')
    expect(notes?.dropped.map((n) => n.item.id)).toEqual(['kleur', 'weg'])
  })

  it('carries the captured answer as given and the reason in both languages', () => {
    const notes = capturedNotes(upgraded('1.1.0'), demo)
    const [kleur] = notes?.byItem.get('kleur') ?? []
    expect(kleur?.answer).toEqual(given.kleur)
    expect(kleur?.item.label.nl).toBe('kleur (nl)')
    expect(kleur?.text.en).toMatch(/option "blauw \(en\)" \(blauw\) is dropped/)
    expect(kleur?.text.nl).toMatch(/vervalt/)
  })

  it('reads from the first capture over several versions', () => {
    const once = upgraded('1.1.0')
    const r = migrate(once, '2.0.0', demo, { now: NOW })
    if (!r.ok) throw new Error('no migration')
    const notes = capturedNotes(r.value.assessment, demo)
    expect(notes?.from.version).toBe('1.0.0')
    expect(notes?.dropped.map((n) => n.item.id)).toContain('weg')
  })

  it('is undefined for an assessment never migrated, or when a version on the way is missing', () => {
    expect(capturedNotes(assessmentOf(v100, given), demo)).toBeUndefined()
    expect(capturedNotes(upgraded('1.1.0'), demo.slice(1))).toBeUndefined()
  })
})
