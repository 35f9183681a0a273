import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ANSWER_KINDS, answerKind } from '../../../src/core/answer-kinds'
import { ANSWER_KIND_SCHEMAS, answerKindSchemas } from '../../../src/core/answer-kinds/schemas'
import type { AnswerValue } from '../../../src/core/assessment/assessment-schema'
import { answerValueSchema } from '../../../src/core/assessment/assessment-schema'
import type { AnswerSpec, Item, Option } from '../../../src/core/instrument/meta-schema'
import type { PathSegment, ValidationIssue } from '../../../src/core/issues/validation-issue'
import { issue } from '../../../src/core/issues/validation-issue'
import { answerText } from '../../../src/core/report/answer-text'
import { formatNumber } from '../../../src/core/report/format'
import type { ReportDetail } from '../../../src/core/report/report-model'
import { answerArb } from '../../helpers/answer-arbitraries'
import { SPEC_KINDS } from '../../helpers/answer-kinds'

// The meta-schema's and the value schema's answer unions are made from ANSWER_KINDS, and a module
// registered under another kind than its schemas' fails `npm run typecheck` (`answerKind`); this
// test says the same at run time, against the schemas the JSON Schemas are made from.
describe('ANSWER_KINDS', () => {
  it('has one module for every kind of the meta-schema, and no other', () => {
    expect(Object.keys(ANSWER_KINDS).sort()).toEqual(SPEC_KINDS)
  })

  it('covers the same kinds as the assessment value schema', () => {
    expect(answerValueSchema.options.map((o) => o.shape.kind.value).sort()).toEqual(SPEC_KINDS)
  })

  it('gives every module all its parts', () => {
    for (const module of Object.values(ANSWER_KINDS))
      for (const part of ['text', 'isAnswered', 'chosenCodes', 'checkSpec'] as const)
        expect(typeof module[part]).toBe('function')
  })
})

describe('ANSWER_KIND_SCHEMAS', () => {
  it('has the schemas of the same kinds as ANSWER_KINDS, each under its own kind', () => {
    expect(Object.keys(ANSWER_KIND_SCHEMAS).sort()).toEqual(SPEC_KINDS)
    for (const [kind, schemas] of Object.entries(ANSWER_KIND_SCHEMAS)) {
      expect(schemas.specSchema.shape.kind.value).toBe(kind)
      expect(schemas.valueSchema.shape.kind.value).toBe(kind)
    }
  })
})

describe('answerKind', () => {
  it('returns the module of an answer kind', () => {
    expect(answerKind('capacity')).toBe(ANSWER_KINDS.capacity)
    expect(answerKind('multiple').chosenCodes({ kind: 'multiple', choices: ['a', 'b'] })).toEqual([
      'a',
      'b',
    ])
  })

  it('reads a blank text as not answered', () => {
    expect(answerKind('text').isAnswered({ kind: 'text', text: '  ' })).toBe(false)
    expect(answerKind('text').isAnswered({ kind: 'text', text: 'x' })).toBe(true)
  })
})

// The registry's members against the code they replaced, kept here as the oracle: the hand-written
// switches of choice-options.ts, load-instrument.ts, report-model.ts, migrate.ts and conclusion.ts.

const localized = fc.constant({ nl: 'woord', en: 'word' })
const optionArb = fc.record(
  {
    code: fc.constantFrom('0', '1', '2', 'a', 'b'),
    label: localized,
    description: localized,
    rank: fc.nat(3),
    specify: fc.boolean(),
  },
  { requiredKeys: ['code', 'label'] },
)
const optionsArb = fc.array(optionArb, { minLength: 2, maxLength: 4 })
const rangeArb = fc.record(
  {
    unit: fc.constantFrom('kg' as const, 'hours-per-day' as const),
    min: fc.integer({ min: -2, max: 4 }),
    max: fc.integer({ min: 0, max: 6 }),
    step: fc.constantFrom(0.5, 1, 2),
  },
  { requiredKeys: ['unit', 'min', 'max'] },
)
const namedArb = fc
  .tuple(rangeArb, fc.constantFrom('q1', 'q2', 'q3'), localized)
  .map(([r, id, label]) => ({ ...r, id, label }))

/** Any spec the meta-schema accepts, with the problems only the loader finds now and then. */
const specArb: fc.Arbitrary<AnswerSpec> = fc.oneof(
  optionsArb.map((options) => ({ kind: 'single' as const, options })),
  optionsArb.map((options) => ({ kind: 'multiple' as const, options })),
  rangeArb.map((r) => ({ kind: 'quantity' as const, ...r })),
  fc
    .record({ multiline: fc.boolean(), maxLength: fc.integer({ min: 1, max: 40 }) })
    .map((t) => ({ kind: 'text' as const, ...t })),
  fc.constant({ kind: 'date' as const }),
  fc
    .tuple(optionsArb, fc.array(namedArb, { maxLength: 3 }))
    .map(([levels, quantities]) => ({ kind: 'capacity' as const, levels, quantities })),
)

function optionListBefore(a: AnswerSpec) {
  if (a.kind === 'single' || a.kind === 'multiple') return a.options
  if (a.kind === 'capacity') return a.levels
  return undefined
}

function quantitiesBefore(a: AnswerSpec) {
  return a.kind === 'capacity' ? a.quantities : []
}

function specIssuesBefore(a: AnswerSpec, ip: PathSegment[]): ValidationIssue[] {
  const out: ValidationIssue[] = []
  const duplicates = (values: string[]) => new Set(values.filter((v, i) => values.indexOf(v) !== i))
  const checkOptions = (options: readonly Option[], path: PathSegment[]) => {
    const dup = duplicates(options.map((o) => o.code))
    options.forEach((o, i) => {
      if (dup.has(o.code))
        out.push(
          issue(
            [...path, i, 'code'],
            `Optiecode "${o.code}" komt meer dan eens voor`,
            `Option code "${o.code}" occurs more than once`,
          ),
        )
    })
    const ranked = options.filter((o) => o.rank !== undefined).length
    if (ranked > 0 && ranked < options.length)
      out.push(
        issue(
          path,
          'Geef een rangorde (rank) bij alle opties of bij geen enkele',
          'Give a rank on every option or on none',
        ),
      )
  }
  if (a.kind === 'single' || a.kind === 'multiple') checkOptions(a.options, [...ip, 'options'])
  if (a.kind === 'capacity') {
    checkOptions(a.levels, [...ip, 'levels'])
    const dupQ = duplicates(a.quantities.map((q) => q.id))
    a.quantities.forEach((q, k) => {
      if (dupQ.has(q.id))
        out.push(
          issue(
            [...ip, 'quantities', k, 'id'],
            `Hoeveelheid-id "${q.id}" komt meer dan eens voor`,
            `Quantity id "${q.id}" occurs more than once`,
          ),
        )
    })
  }
  const bounds = a.kind === 'quantity' ? [a] : a.kind === 'capacity' ? a.quantities : []
  bounds.forEach((q) => {
    if (q.min > q.max)
      out.push(
        issue(
          ip,
          `Ondergrens ${q.min} ligt boven bovengrens ${q.max}`,
          `Lower bound ${q.min} is above upper bound ${q.max}`,
        ),
      )
  })
  return out
}

function reportBefore(item: Item, answer: AnswerValue, lang: 'nl' | 'en') {
  const unit = (u: string) => `[${u}]`
  const options = optionListBefore(item.answer) ?? []
  const details: ReportDetail[] = []
  let description: string | undefined
  let limited = false
  let main = answerText(item, answer, lang, unit)
  if (answer.kind === 'single' || answer.kind === 'multiple') {
    const codes = answer.kind === 'single' ? [answer.choice] : answer.choices
    const chosen = codes.map((c) => options.find((o) => o.code === c))
    // A number before the label only where the instrument numbers its options (FML "0 Norm").
    main = chosen
      .map((o, i) =>
        o ? (/^\d+$/.test(o.code) ? `${o.code} ${o.label[lang]}` : o.label[lang]) : codes[i],
      )
      .join('; ')
    description =
      chosen.flatMap((o) => (o?.description ? [o.description[lang]] : [])).join(' ') || undefined
    limited = chosen.some((o) => (o?.rank ?? 0) > 0)
    if (answer.kind === 'single' && answer.specify)
      details.push({ kind: 'specify', field: 'specify', text: answer.specify })
    if (answer.kind === 'multiple')
      for (const [code, text] of Object.entries(answer.specify ?? {}))
        details.push({ kind: 'specify', field: `specify.${code}`, label: code, text })
  } else if (answer.kind === 'capacity') {
    const spec = item.answer.kind === 'capacity' ? item.answer : undefined
    const level = options.find((o) => o.code === answer.level)
    main = level ? level.label[lang] : ''
    limited = (level?.rank ?? 0) > 0
    for (const q of spec?.quantities ?? []) {
      const value = answer.quantities?.[q.id]
      if (value !== undefined)
        details.push({
          kind: 'quantity',
          label: q.label[lang],
          text: `${formatNumber(value, lang)} ${unit(q.unit)}`,
        })
    }
    if (answer.possible)
      details.push({ kind: 'possible', field: 'possible', text: answer.possible })
    if (answer.conditions)
      details.push({ kind: 'conditions', field: 'conditions', text: answer.conditions })
  }
  return {
    answer: main,
    ...(answer.kind === 'text' ? { free: true } : {}),
    ...(description ? { description } : {}),
    details,
    limited,
  }
}

/** A spec the loader accepts, in an item, with any answer its validator accepts. */
const answeredArb = specArb
  .filter((spec) => specIssuesBefore(spec, []).length === 0)
  .chain((spec) => {
    const item: Item = { id: 'item', label: { nl: 'Item', en: 'Item' }, answer: spec }
    return answerArb(item).map((answer) => ({ item, answer }))
  })

describe('the registry members', () => {
  it('give the option lists and quantities the hand-written switches gave', () => {
    fc.assert(
      fc.property(specArb, (spec) => {
        expect(answerKind(spec.kind).optionList(spec)).toEqual(optionListBefore(spec))
        expect(answerKind(spec.kind).quantities(spec)).toEqual(quantitiesBefore(spec))
      }),
    )
  })

  it('check a spec as the loader did: codes, ranks, quantity ids and ranges', () => {
    fc.assert(
      fc.property(specArb, (spec) => {
        const path = ['sections', 0, 'items', 1, 'answer']
        expect(answerKind(spec.kind).checkSpec(spec, path)).toEqual(specIssuesBefore(spec, path))
      }),
    )
  })

  it('report an answer as the report model did', () => {
    fc.assert(
      fc.property(
        answeredArb,
        fc.constantFrom('nl' as const, 'en' as const),
        ({ item, answer }, lang) => {
          const unit = (u: string) => `[${u}]`
          const spec = item.answer.kind === answer.kind ? item.answer : undefined
          expect(answerKind(answer.kind).report(answer, spec, lang, unit)).toEqual(
            reportBefore(item, answer, lang),
          )
        },
      ),
    )
  })

  it('accept in the value schema every answer the item validator accepts', () => {
    fc.assert(
      fc.property(answeredArb, ({ item, answer }) => {
        const schemas = answerKindSchemas(item.answer.kind)
        expect(schemas.answerSchema(item.answer).safeParse(answer).success).toBe(true)
        expect(answerKindSchemas(answer.kind).valueSchema.safeParse(answer).success).toBe(true)
        expect(schemas.specSchema.safeParse(item.answer).success).toBe(true)
      }),
    )
  })

  it('map codes as the migration did: kept as they are, or all dropped', () => {
    fc.assert(
      fc.property(answeredArb, ({ answer }) => {
        const kind = answerKind(answer.kind)
        expect(kind.mapCodes(answer, (c) => c)).toEqual(answer)
        const dropped = kind.mapCodes(answer, () => undefined)
        expect(dropped === undefined ? [] : kind.chosenCodes(dropped)).toEqual([])
        if (kind.chosenCodes(answer).length === 0) expect(dropped).toBe(answer)
      }),
    )
  })

  it('choose one option for a single or multiple choice only, as a Norm or derived answer', () => {
    fc.assert(
      fc.property(
        specArb,
        fc.option(fc.constantFrom('namelijk'), { nil: undefined }),
        (spec, specify) => {
          const code = answerKind(spec.kind).optionList(spec)?.[0]?.code ?? 'x'
          const chosen = answerKind(spec.kind).choose(code, specify)
          const before =
            spec.kind === 'multiple'
              ? {
                  kind: 'multiple',
                  choices: [code],
                  ...(specify ? { specify: { [code]: specify } } : {}),
                }
              : spec.kind === 'single'
                ? { kind: 'single', choice: code, ...(specify ? { specify } : {}) }
                : undefined
          expect(chosen).toEqual(before)
          if (chosen) expect(answerKind(chosen.kind).chosenCodes(chosen)).toEqual([code])
        },
      ),
    )
  })
})

describe('answerKind(...).text', () => {
  const levels = [
    { code: 'licht', label: { nl: 'Licht beperkt', en: 'Slightly limited' } },
    { code: 'geen', label: { nl: 'Niet beperkt', en: 'Not limited' } },
  ]
  it('names options and quantities from the spec, and shows codes and ids without one', () => {
    const spec = {
      kind: 'capacity' as const,
      levels,
      quantities: [
        { id: 'q', label: { nl: 'Gewicht', en: 'Weight' }, unit: 'kg' as const, min: 0, max: 50 },
      ],
    }
    const answer = { kind: 'capacity' as const, level: 'licht', quantities: { q: 7.5 } }
    expect(answerKind('capacity').text(answer, spec, 'nl', (u) => u)).toBe(
      'Licht beperkt; Gewicht 7,5 kg',
    )
    expect(answerKind('capacity').text(answer, undefined, 'en', (u) => u)).toBe('licht; q 7.5')
    expect(
      answerKind('single').text(
        { kind: 'single', choice: '0' },
        {
          kind: 'single',
          options: [
            { code: '0', label: { nl: 'Norm', en: 'Norm' } },
            { code: '1', label: { nl: 'Beperkt', en: 'Limited' } },
          ],
        },
        'nl',
        (u) => u,
      ),
    ).toBe('0 Norm')
  })
})
