import { describe, expect, it } from 'vitest'
import { carryCrosswalk } from '../../../src/core/compare/carry-crosswalk'
import { loadInstrument } from '../../../src/core/instrument/load-instrument'
import { shipped, shippedCatalogue } from '../../helpers/instruments'
import { nextBar } from '../../helpers/next-version'

const catalogue = shippedCatalogue()
const crosswalk = (from: string) => {
  const found = catalogue.crosswalks.find((c) => c.from.version === from)
  if (!found) throw new Error(`no crosswalk from bar ${from}`)
  return found
}
const fml = shipped('fml')
const vocabulary = catalogue.vocabularies[0]

describe('carryCrosswalk', () => {
  it('carries every rule unchanged to a next version that only reworded, under the new name', () => {
    const r = carryCrosswalk(crosswalk('1.2.0'), nextBar(), fml)
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.value.id).toBe('bar-1.2.1__fml-1.0.0')
    expect(r.value.from).toEqual({ id: 'bar', version: '1.2.1' })
    expect(r.value.rules).toEqual(crosswalk('1.2.0').rules)
    expect(r.value.provenance.reconstructed.at(-1)?.en).toMatch(
      /^Carried over from bar-1.2.0__fml-1.0.0/,
    )
  })

  it('follows a rename and a split of BAR 1.1.0, and the result loads against it', () => {
    const r = carryCrosswalk(crosswalk('1.0.0'), shipped('bar', '1.1.0'), fml)
    expect(r.ok).toBe(true)
    if (!r.ok) return
    const items = r.value.rules.flatMap((rule) =>
      rule.kind === 'derive' ? rule.sources.map((s) => s.item) : [],
    )
    expect(items).toContain('mentaal.omgaan-met-stress')
    expect(items).not.toContain('mentaal.stress-hanteren')
    expect(items).not.toContain('fysiek.hand-vinger')
  })

  it('makes a rule whose only source was dropped "not derivable", saying why', () => {
    const next = nextBar('1.3.0')
    next.sections = next.sections.map((s) => ({
      ...s,
      items: s.items.filter((i) => i.id !== 'mentaal.inzicht'),
    }))
    next.migration = {
      from: '1.2.0',
      steps: [
        {
          name: 'drop-inzicht',
          kind: 'drop',
          item: 'mentaal.inzicht',
          reason: { nl: 'weg', en: 'gone' },
        },
      ],
    }
    const loaded = loadInstrument(next, vocabulary, shipped('bar', '1.2.0'))
    expect(loaded.ok).toBe(true)
    if (!loaded.ok) return
    const r = carryCrosswalk(crosswalk('1.2.0'), loaded.value, fml)
    expect(r.ok).toBe(true)
    const rule = r.ok ? r.value.rules.find((x) => x.target === 'I.4') : undefined
    expect(rule).toEqual({
      kind: 'not-derivable',
      target: 'I.4',
      reason: {
        nl: 'De BAR-items waaruit dit item werd afgeleid, zijn vervallen in versie 1.3.0',
        en: 'The BAR items this item was derived from were removed in version 1.3.0',
      },
    })
  })

  it("refuses, with the loader's messages, when a source no longer fits (a quantity renamed without a step)", () => {
    const next = nextBar()
    const read = new Set(
      crosswalk('1.2.0').rules.flatMap((rule) =>
        rule.kind === 'derive'
          ? rule.sources.filter((s) => s.dimensions?.length).map((s) => s.item)
          : [],
      ),
    )
    const work = next.sections.flatMap((s) => s.items).find((i) => read.has(i.id))
    if (!work || work.answer.kind !== 'capacity')
      throw new Error('a capacity read by its quantities')
    work.answer.quantities = work.answer.quantities.map((q) => ({ ...q, id: `${q.id}-x` }))
    const r = carryCrosswalk(crosswalk('1.2.0'), next, fml)
    expect(r.ok).toBe(false)
    expect(r.ok ? '' : r.issues.map((i) => i.message.en).join(' ')).toMatch(/quantit/i)
  })
})
