import fc from 'fast-check'
import type { AnswerValue, Answers } from '../../src/core/assessment/assessment-schema'
import { withoutHidden } from '../../src/core/assessment/visibility'
import type { Instrument, Item, QuantitySpec } from '../../src/core/instrument/meta-schema'

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined })
const words = fc.string({ minLength: 1, maxLength: 30 }).filter((s) => s.trim() !== '')

/** A value the spec accepts: on its grid when it has a step, else a whole number in range. */
function quantityArb(q: QuantitySpec): fc.Arbitrary<number> {
  if (q.step === undefined) return fc.integer({ min: Math.ceil(q.min), max: Math.floor(q.max) })
  const steps = Math.floor((q.max - q.min) / q.step + 1e-9)
  return fc
    .integer({ min: 0, max: steps })
    .map((k) => Number((q.min + k * (q.step as number)).toFixed(6)))
}

/** Any answer the item's validator accepts, "namely" texts included where an option needs one. */
export function answerArb(item: Item): fc.Arbitrary<AnswerValue> {
  const a = item.answer
  switch (a.kind) {
    case 'single':
      return fc.tuple(fc.constantFrom(...a.options), maybe(words)).map(([o, text]) => {
        const specify = o.specify ? (text ?? 'namelijk') : text
        return {
          kind: 'single' as const,
          choice: o.code,
          ...(specify === undefined ? {} : { specify }),
        }
      })
    case 'multiple': {
      const exclusive = a.options.filter((o) => o.exclusive).map((o) => [o.code])
      const others = a.options.filter((o) => !o.exclusive).map((o) => o.code)
      const needs = new Set(a.options.filter((o) => o.specify).map((o) => o.code))
      return fc
        .oneof(
          ...(exclusive.length ? [fc.constantFrom(...exclusive)] : []),
          fc.shuffledSubarray(others, { minLength: 1 }),
        )
        .map((choices) => {
          const texts = Object.fromEntries(
            choices.filter((c) => needs.has(c)).map((c) => [c, `namelijk ${c}`]),
          )
          return {
            kind: 'multiple' as const,
            choices,
            ...(Object.keys(texts).length ? { specify: texts } : {}),
          }
        })
    }
    case 'quantity':
      return quantityArb(a).map((value) => ({ kind: 'quantity' as const, value }))
    case 'text':
      return fc
        .string({ maxLength: Math.min(a.maxLength, 40) })
        .map((text) => ({ kind: 'text' as const, text }))
    case 'date':
      return fc
        .date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true })
        .map((d) => ({ kind: 'date' as const, date: d.toISOString().slice(0, 10) }))
    case 'capacity':
      return fc
        .record(
          {
            level: fc.constantFrom(...a.levels.map((l) => l.code)),
            quantities: fc.tuple(
              ...a.quantities.map((q) => maybe(quantityArb(q).map((v) => [q.id, v] as const))),
            ),
            possible: words,
            conditions: words,
          },
          { requiredKeys: [] },
        )
        .map(({ quantities, ...rest }) => {
          const given = Object.fromEntries((quantities ?? []).filter((x) => x !== undefined))
          return {
            kind: 'capacity' as const,
            ...rest,
            ...(Object.keys(given).length ? { quantities: given } : {}),
          }
        })
  }
}

/**
 * Any answers to an instrument as the app saves them: each item left open or answered with any
 * valid answer, without the answers of items a condition hides.
 */
export function answersArb(instrument: Instrument): fc.Arbitrary<Answers> {
  const items = instrument.sections.flatMap((s) => s.items)
  return fc
    .tuple(...items.map((item) => maybe(answerArb(item).map((v) => [item.id, v] as const))))
    .map((entries) =>
      withoutHidden(
        instrument,
        Object.fromEntries(entries.filter((e) => e !== undefined)) as Answers,
      ),
    )
}
