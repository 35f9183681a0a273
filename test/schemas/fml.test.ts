import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadInstrument } from '../../src/core/instrument/load-instrument'
import type { Instrument, Option } from '../../src/core/instrument/meta-schema'
import { root, readJson } from '../helpers/files'

interface DomainItem {
  id: string
  rubriek: string
  nl: string
  en: string
  select: 'single' | 'multi (inferred)'
  scale: { code: number; level_nl: string; en: string; free_text?: boolean }[]
}

const reference = readJson(join(root, 'test/fixtures/domain/fml-items.json')) as DomainItem[]

function fml(): Instrument {
  const r = loadInstrument(readJson(join(root, 'schemas/fml/1.0.0.json')))
  if (!r.ok) throw new Error(JSON.stringify(r.issues, null, 2))
  return r.value
}

const RUBRIEKEN = ['I', 'II', 'III', 'IV', 'V', 'VI']

describe('schemas/fml/1.0.0.json', () => {
  const instrument = fml()
  const rubrieken = instrument.sections.filter((s) => RUBRIEKEN.includes(s.id))
  const items = rubrieken.flatMap((s) => s.items)

  it('has the six rubrieken I to VI, in order, after the cover page', () => {
    expect(instrument.sections.map((s) => s.id)).toEqual(['voorblad', ...RUBRIEKEN])
  })

  it('has all 64 items of the domain reference, in the same order, with the same ids', () => {
    expect(items.map((i) => i.id)).toEqual(reference.map((r) => r.id))
    expect(items).toHaveLength(64)
  })

  it('puts every item in the rubriek the domain reference gives it', () => {
    for (const section of rubrieken)
      for (const item of section.items)
        expect(reference.find((r) => r.id === item.id)?.rubriek, item.id).toBe(section.id)
  })

  for (const ref of reference) {
    it(`${ref.id} ${ref.nl}: same name, selection, option codes, level words and specify texts`, () => {
      const item = items.find((i) => i.id === ref.id)
      expect(item?.label.nl).toBe(ref.nl)
      const answer = item?.answer
      expect(answer?.kind).toBe(ref.select === 'single' ? 'single' : 'multiple')
      const options: Option[] = answer && 'options' in answer ? answer.options : []
      expect(options.map((o) => o.code)).toEqual(ref.scale.map((s) => String(s.code)))
      expect(options.map((o) => o.label.nl)).toEqual(ref.scale.map((s) => s.level_nl))
      expect(options.map((o) => o.specify === true)).toEqual(
        ref.scale.map((s) => s.free_text === true),
      )
      for (const o of options) expect(o.description?.nl, `${ref.id} option ${o.code}`).toBeTruthy()
    })
  }

  it('ranks code 0 (Norm) lowest wherever an item is ranked', () => {
    for (const item of items) {
      const a = item.answer
      if (!('options' in a) || a.options[0]?.rank === undefined) continue
      expect(a.options[0]?.code, item.id).toBe('0')
      expect(a.options[0]?.rank, item.id).toBe(0)
      for (const o of a.options.slice(1)) expect(o.rank, `${item.id}/${o.code}`).toBeGreaterThan(0)
    }
  })

  it('states the lifting thresholds of IV.13 as structured data', () => {
    const a = items.find((i) => i.id === 'IV.13')?.answer
    const byCode = a && 'options' in a ? a.options.map((o) => o.thresholds) : []
    expect(byCode[1]).toEqual([
      { value: 10, unit: 'kg', comparator: 'about' },
      { value: 10, unit: 'times-per-hour', comparator: 'at-most' },
    ])
  })

  it('has the cover page: conclusion, grounds, duurzaamheid, dates and completeness', () => {
    const cover = instrument.sections[0]?.items ?? []
    expect(cover.map((i) => i.id)).toEqual([
      'voorblad.conclusie',
      'voorblad.toelichting-mogelijkheden',
      'voorblad.gronden-geen-mogelijkheden',
      'voorblad.duurzaamheid',
      'voorblad.opgesteld-op',
      'voorblad.geldig-per',
      'voorblad.volledigheid',
    ])
    expect(cover[2]?.visibleWhen).toEqual({ item: 'voorblad.conclusie', anyOf: ['nee'] })
    expect(cover[4]?.answer.kind).toBe('date')
  })
})
