import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { answersSchema } from '../../../src/core/assessment/answer-validator'
import { loadCrosswalk } from '../../../src/core/compare/load-crosswalk'
import { itemIndex } from '../../../src/core/instrument/item-index'
import type { Instrument, Item, NamedQuantity } from '../../../src/core/instrument/meta-schema'
import { readSchemaFiles } from '../../../src/cli/schema-files'
import type { Crosswalk } from '../../../src/core/compare/crosswalk-schema'
import { deriveAssessment } from '../../../src/core/compare/derive'
import { assessmentOf, capacity, DERIVED } from '../../helpers/assessments'
import { shippedCatalogue } from '../../helpers/instruments'
import { readJson, root } from '../../helpers/files'
import { shippedPair } from '../../helpers/shipped-pair'

const { bar, fml, crosswalk } = shippedPair()
const barItem = (id: string) => itemIndex(bar).items.get(id) as Item
const fmlItem = (id: string) => itemIndex(fml).items.get(id) as Item

const shippedJson = () =>
  readJson(join(root, 'schemas/crosswalk/bar-1.0.0__fml-1.0.0.json')) as {
    rules: Record<string, unknown>[]
    from: { id: string; version: string }
  }

function problems(input: unknown) {
  const r = loadCrosswalk(input, bar, fml)
  return r.ok ? [] : r.issues.map((i) => `${i.path} ${i.message.en}`)
}

/** The shipped crosswalk with the rule for `target` replaced; returns the file and that rule's index. */
function withRule(target: string, rule: Record<string, unknown>) {
  const cw = shippedJson()
  const i = cw.rules.findIndex((r) => r.target === target)
  cw.rules[i] = { target, ...rule }
  return { cw, i }
}

describe('loadCrosswalk', () => {
  it('accepts the shipped crosswalk: one rule for each of the 64 FML items, both kinds used', () => {
    const r = loadCrosswalk(shippedJson(), bar, fml)
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.value.rules).toHaveLength(64)
    expect(new Set(r.value.rules.map((x) => x.kind))).toEqual(new Set(['derive', 'not-derivable']))
  })

  it('refuses a missing rule, naming the item', () => {
    const cw = shippedJson()
    cw.rules = cw.rules.filter((r) => r.target !== 'IV.13')
    expect(problems(cw)).toEqual([
      '$.rules One rule per item of fml in order required; missing: IV.13; unknown or duplicate: -',
    ])
  })

  it('refuses a rule of an old kind', () => {
    const { cw, i } = withRule('IV.13', {
      kind: 'threshold',
      source: { item: 'fysiek.tillen', quantity: 'max-load' },
      unit: 'kg',
    })
    expect(problems(cw).some((p) => p.startsWith(`$.rules[${i}]`))).toBe(true)
  })

  it('refuses a source item, quantity or level that does not exist, and an option the FML item lacks', () => {
    const { cw, i } = withRule('IV.13', {
      kind: 'derive',
      sources: [
        {
          item: 'fysiek.tillen',
          levels: { heel: '0', geen: '7' },
          dimensions: [{ quantity: 'gewicht', unit: 'kg' }],
        },
      ],
    })
    const j = cw.rules.findIndex((r) => r.target === 'II.1')
    cw.rules[j] = {
      kind: 'derive',
      target: 'II.1',
      sources: [{ item: 'sociaal.kijken', levels: { geen: '0' } }],
    }
    expect(j).toBeLessThan(i)
    expect(problems(cw)).toEqual([
      `$.rules[${j}].sources[0].item Item "sociaal.kijken" does not exist in bar`,
      `$.rules[${i}].sources[0].levels.heel Item "fysiek.tillen" has no level "heel"`,
      `$.rules[${i}].sources[0].levels.geen Item "IV.13" has no option "7"`,
      `$.rules[${i}].sources[0].dimensions[0].quantity Item "fysiek.tillen" has no quantity "gewicht"`,
    ])
  })

  it("refuses a dimension in a unit no option of the FML item states, or not the quantity's own", () => {
    const { cw, i } = withRule('IV.13', {
      kind: 'derive',
      sources: [
        {
          item: 'fysiek.zitten',
          levels: { geen: '0' },
          dimensions: [{ quantity: 'continuous', unit: 'minutes' }],
        },
        {
          item: 'fysiek.tillen',
          levels: { geen: '0' },
          dimensions: [{ quantity: 'max-load', unit: 'times-per-hour' }],
        },
      ],
    })
    expect(problems(cw)).toEqual([
      `$.rules[${i}].sources[0].dimensions[0].unit No option of IV.13 states a threshold in minutes`,
      `$.rules[${i}].sources[1].dimensions[0].unit Unit times-per-hour does not match fysiek.tillen/max-load (kg)`,
    ])
  })

  it('refuses a "norm from" where the Norm already states a threshold in that unit', () => {
    const cw = shippedJson()
    const i = cw.rules.findIndex((r) => r.target === 'VI.2')
    cw.rules[i] = { ...cw.rules[i], normFrom: { unit: 'hours-per-day', value: 8 } }
    expect(problems(cw)).toEqual([
      `$.rules[${i}].normFrom The norm of VI.2 already states a threshold in hours-per-day`,
    ])
  })

  it('refuses a crosswalk written for other instrument versions', () => {
    const cw = shippedJson()
    cw.from = { id: 'bar', version: '2.0.0' }
    expect(problems(cw)).toEqual(['$.from Expected bar 1.0.0, but the file names bar 2.0.0'])
  })
})

const ICF = /^[bsde]\d{1,5}$/
/** Two codes anchor the same thing: the same code, or one a subdivision of the other (d440, d4402). */
const related = (a: string, b: string) => a.startsWith(b) || b.startsWith(a)

describe('schemas/crosswalk/bar-1.0.0__fml-1.0.0.json', () => {
  const derives = crosswalk.rules.flatMap((r) => (r.kind === 'derive' ? [r] : []))

  it('pairs every FML item with BAR items that share an ICF code, or states why they belong together', () => {
    const unexplained = derives.flatMap((rule) =>
      rule.sources.flatMap((src) => {
        const t = fmlItem(rule.target).icf ?? []
        const s = barItem(src.item).icf ?? []
        const shared = t.some((a) => s.some((b) => related(a, b)))
        return shared || src.pairing ? [] : [`${rule.target} ← ${src.item}`]
      }),
    )
    expect(unexplained).toEqual([])
  })

  it('gives every FML item it derives an ICF anchor', () => {
    expect(derives.filter((r) => !fmlItem(r.target).icf?.length).map((r) => r.target)).toEqual([])
  })

  it('reads every BAR quantity on a grid no coarser than the FML thresholds it is read against', () => {
    const coarse: string[] = []
    for (const rule of derives) {
      const options = fmlItem(rule.target).answer
      const thresholds =
        'options' in options ? options.options.flatMap((o) => o.thresholds ?? []) : []
      for (const src of rule.sources)
        for (const d of src.dimensions ?? []) {
          const a = barItem(src.item).answer
          const q = (a.kind === 'capacity' ? a.quantities : []).find(
            (x) => x.id === d.quantity,
          ) as NamedQuantity
          const values = thresholds.filter((t) => t.unit === d.unit).map((t) => t.value)
          if (rule.normFrom?.unit === d.unit) values.push(rule.normFrom.value)
          for (const v of values) {
            const x = v / (d.factor ?? 1)
            const steps = (x - q.min) / (q.step ?? 1)
            if (Math.abs(steps - Math.round(steps)) > 1e-9 || x < q.min || x > q.max)
              coarse.push(`${rule.target} ${v} ${d.unit} ← ${src.item}/${q.id} step ${q.step}`)
          }
        }
    }
    expect(coarse).toEqual([])
  })

  it('accepts the values a physician really records: 2.5 minutes, 0.5 times an hour, 1.5 kg', () => {
    const schema = answersSchema(bar)
    expect(
      schema.safeParse({
        'fysiek.dragen': capacity('matig', { 'max-load': 1.5, duration: 2.5 }),
        'fysiek.tillen': capacity('matig', { 'max-load': 1.5, frequency: 0.5 }),
        'fysiek.knielen-hurken': capacity('matig', { frequency: 0.5, continuous: 2.5 }),
        'werktijd.uren': capacity('matig', { 'per-day': 4.5, 'per-week': 22.5 }),
      }).success,
    ).toBe(true)
    expect(
      schema.safeParse({ 'fysiek.tillen': capacity('matig', { 'max-load': 1.25 }) }).success,
    ).toBe(false)
  })
})

describe('ICF codes in schemas/', () => {
  /** Every item and term of a versioned file, with its ICF codes (none, if uncoded) and its texts. */
  function anchors() {
    const out: { where: string; icf: unknown[]; text: string }[] = []
    const walk = (node: unknown, where: string) => {
      if (Array.isArray(node)) node.forEach((x, i) => walk(x, `${where}[${i}]`))
      else if (node && typeof node === 'object') {
        const o = node as Record<string, unknown>
        if ('icf' in o || (typeof o.id === 'string' && ('answer' in o || 'term' in o)))
          out.push({
            where: `${where} ${String(o.id)}`,
            icf: o.icf === undefined ? [] : Array.isArray(o.icf) ? o.icf : [o.icf],
            text: JSON.stringify([o.label, o.term, o.help, o.definition, o.description]),
          })
        for (const [k, v] of Object.entries(o)) walk(v, `${where}.${k}`)
      }
    }
    for (const f of readSchemaFiles()) if (!f.path.endsWith('.schema.json')) walk(f.json, f.path)
    return out
  }

  it('holds only codes of the ICF code pattern (b, s, d or e and 1 to 5 digits)', () => {
    const all = anchors().filter((a) => a.icf.length)
    expect(all.length).toBeGreaterThan(100)
    expect(all.flatMap((a) => a.icf.filter((c) => typeof c !== 'string' || !ICF.test(c)))).toEqual(
      [],
    )
  })

  it('does not anchor work pressure on e590 (labour and employment services), in codes or texts', () => {
    const pressure = anchors().filter((a) => /werkdruk|work pressure|workload/i.test(a.text))
    expect(pressure.length).toBeGreaterThan(0)
    expect(
      pressure
        .filter(
          (a) =>
            a.icf.some((c) => String(c).startsWith('e590')) ||
            /(verankerd op|anchored on) e590/i.test(a.text),
        )
        .map((a) => a.where),
    ).toEqual([])
  })
})

describe('schemas/crosswalk/bar-1.1.0__fml-1.0.0.json', () => {
  const c = shippedCatalogue()
  const bar110 = c.instruments.find((i) => i.id === 'bar' && i.version === '1.1.0') as Instrument
  const cw110 = c.crosswalks.find((x) => x.id === 'bar-1.1.0__fml-1.0.0') as Crosswalk
  const item110 = (id: string) => itemIndex(bar110).items.get(id) as Item

  it('is loaded by the catalogue beside the crosswalks for BAR 1.0.0 and 1.2.0', () => {
    expect(c.problems).toEqual([])
    expect(c.crosswalks.map((x) => x.id).sort()).toEqual([
      'bar-1.0.0__fml-1.0.0',
      'bar-1.1.0__fml-1.0.0',
      'bar-1.2.0__fml-1.0.0',
    ])
  })

  it('differs from the crosswalk for BAR 1.0.0 only where BAR 1.1.0 changed', () => {
    const differing = cw110.rules
      .filter((r, k) => JSON.stringify(r) !== JSON.stringify(crosswalk.rules[k]))
      .map((r) => r.target)
    expect(differing).toEqual(['I.8', 'III.1', 'IV.3'])
    const sources = (target: string) =>
      cw110.rules.flatMap((r) =>
        r.kind === 'derive' && r.target === target ? r.sources.map((s) => s.item) : [],
      )
    expect(sources('IV.3')).toEqual([
      'fysiek.fijne-handvaardigheid',
      'fysiek.knijp-grijpkracht',
      'fysiek.toetsenbord-muis',
    ])
    expect(sources('I.8')[0]).toBe('mentaal.omgaan-met-stress')
    expect(sources('III.1')).toEqual(['fysiek.hitte-koude'])
  })

  it('pairs every FML item with BAR 1.1.0 items that share an ICF code, or states why', () => {
    const unexplained = cw110.rules.flatMap((rule) =>
      rule.kind !== 'derive'
        ? []
        : rule.sources.flatMap((src) => {
            const t = fmlItem(rule.target).icf ?? []
            const s = item110(src.item).icf ?? []
            const shared = t.some((a) => s.some((b) => related(a, b)))
            return shared || src.pairing ? [] : [`${rule.target} ← ${src.item}`]
          }),
    )
    expect(unexplained).toEqual([])
  })

  it('derives III.1 Norm from no limitation in tolerating heat and cold, and leaves a limitation to the verzekeringsarts', () => {
    const derive = (level: string) =>
      deriveAssessment({
        source: assessmentOf(bar110, { 'fysiek.hitte-koude': capacity(level) }),
        sourceInstrument: bar110,
        target: fml,
        crosswalk: cw110,
        ...DERIVED,
      })
    expect(derive('geen').answers['III.1']).toEqual({ kind: 'multiple', choices: ['0'] })
    const limited = derive('matig')
    expect(limited.answers['III.1']).toBeUndefined()
    expect(limited.derivation?.notDerivable['III.1']?.en).toContain('verzekeringsarts')
  })
})

describe('schemas/crosswalk/bar-1.2.0__fml-1.0.0.json', () => {
  const c = shippedCatalogue()
  const cw = (version: string) =>
    c.crosswalks.find((x) => x.id === `bar-${version}__fml-1.0.0`) as Crosswalk

  it('reads BAR 1.2.0 with every rule of the crosswalk for BAR 1.1.0, as 1.2.0 only rewords help texts', () => {
    expect(c.problems).toEqual([])
    expect(cw('1.2.0').from).toEqual({ id: 'bar', version: '1.2.0' })
    expect(cw('1.2.0').to).toEqual({ id: 'fml', version: '1.0.0' })
    expect(cw('1.2.0').rules).toEqual(cw('1.1.0').rules)
  })
})
