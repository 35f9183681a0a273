import { choiceOptions } from '../instrument/choice-options'
import { itemQuantities } from '../instrument/item-quantities'
import type { Instrument, Item } from '../instrument/meta-schema'
import type { LoadResult, PathSegment, ValidationIssue } from '../issues/validation-issue'
import { issue } from '../issues/validation-issue'
import { fromZodError } from '../issues/zod-issues'
import type { Crosswalk } from './crosswalk-schema'
import { crosswalkSchema } from './crosswalk-schema'

/** The target items a crosswalk must cover: every item outside a cover page (FML voorblad). */
export function crosswalkTargets(target: Instrument): Item[] {
  return target.sections.filter((s) => s.role !== 'cover').flatMap((s) => s.items)
}

function itemsById(instrument: Instrument) {
  return new Map(instrument.sections.flatMap((s) => s.items.map((i) => [i.id, i] as const)))
}

function checkLevels(
  levels: Record<string, string>,
  source: Item | undefined,
  target: Item,
  path: PathSegment[],
  out: ValidationIssue[],
) {
  const from = new Set(source ? (choiceOptions(source) ?? []).map((o) => o.code) : [])
  const to = new Set((choiceOptions(target) ?? []).map((o) => o.code))
  for (const [level, code] of Object.entries(levels)) {
    if (source && !from.has(level))
      out.push(
        issue(
          [...path, level],
          `Item "${source.id}" heeft geen niveau "${level}"`,
          `Item "${source.id}" has no level "${level}"`,
        ),
      )
    if (!to.has(code))
      out.push(
        issue(
          [...path, level],
          `Item "${target.id}" heeft geen optie "${code}"`,
          `Item "${target.id}" has no option "${code}"`,
        ),
      )
  }
}

/**
 * Validates a crosswalk against the two instruments it joins: one rule per target item in the
 * target's order, sources that exist, quantities whose unit the target's thresholds use.
 */
export function loadCrosswalk(
  input: unknown,
  from: Instrument,
  to: Instrument,
): LoadResult<Crosswalk> {
  const parsed = crosswalkSchema.safeParse(input, { reportInput: true })
  if (!parsed.success) return { ok: false, issues: fromZodError(parsed.error) }
  const cw = parsed.data
  const out: ValidationIssue[] = []
  for (const [side, ref, instrument] of [
    ['from', cw.from, from],
    ['to', cw.to, to],
  ] as const)
    if (ref.id !== instrument.id || ref.version !== instrument.version)
      out.push(
        issue(
          [side],
          `Verwacht ${instrument.id} ${instrument.version}, maar het bestand noemt ${ref.id} ${ref.version}`,
          `Expected ${instrument.id} ${instrument.version}, but the file names ${ref.id} ${ref.version}`,
        ),
      )
  const targets = crosswalkTargets(to)
  const expected = targets.map((i) => i.id)
  const got = cw.rules.map((r) => r.target)
  if (expected.join('\n') !== got.join('\n')) {
    const missing = expected.filter((id) => !got.includes(id))
    const extra = got.filter((id) => !expected.includes(id))
    out.push(
      issue(
        ['rules'],
        `Eén regel per item van ${to.id} in volgorde vereist; ontbreekt: ${missing.join(', ') || '-'}; onbekend of dubbel: ${extra.join(', ') || '-'}`,
        `One rule per item of ${to.id} in order required; missing: ${missing.join(', ') || '-'}; unknown or duplicate: ${extra.join(', ') || '-'}`,
      ),
    )
  }
  const source = itemsById(from)
  const target = itemsById(to)
  cw.rules.forEach((rule, r) => {
    const path: PathSegment[] = ['rules', r]
    const t = target.get(rule.target)
    if (!t || rule.kind === 'not-derivable') return
    const options = choiceOptions(t) ?? []
    const normFrom = rule.normFrom
    const norm = options.find((o) => o.rank === 0)
    if (normFrom && norm?.thresholds?.some((th) => th.unit === normFrom.unit))
      out.push(
        issue(
          [...path, 'normFrom'],
          `De norm van ${t.id} noemt al een grens in ${normFrom.unit}`,
          `The norm of ${t.id} already states a threshold in ${normFrom.unit}`,
        ),
      )
    rule.sources.forEach((src, k) => {
      const sp: PathSegment[] = [...path, 'sources', k]
      const s = source.get(src.item)
      if (!s) {
        out.push(
          issue(
            [...sp, 'item'],
            `Item "${src.item}" bestaat niet in ${from.id}`,
            `Item "${src.item}" does not exist in ${from.id}`,
          ),
        )
        return
      }
      checkLevels(src.levels, s, t, [...sp, 'levels'], out)
      src.dimensions?.forEach((d, j) => {
        const dp: PathSegment[] = [...sp, 'dimensions', j]
        const q = itemQuantities(s).find((x) => x.id === d.quantity)
        if (!q)
          out.push(
            issue(
              [...dp, 'quantity'],
              `Item "${src.item}" heeft geen hoeveelheid "${d.quantity}"`,
              `Item "${src.item}" has no quantity "${d.quantity}"`,
            ),
          )
        else if (!d.factor && q.unit !== d.unit)
          out.push(
            issue(
              [...dp, 'unit'],
              `Eenheid ${d.unit} past niet bij ${src.item}/${q.id} (${q.unit})`,
              `Unit ${d.unit} does not match ${src.item}/${q.id} (${q.unit})`,
            ),
          )
        if (!options.some((o) => o.thresholds?.some((th) => th.unit === d.unit)))
          out.push(
            issue(
              [...dp, 'unit'],
              `Geen optie van ${t.id} noemt een grens in ${d.unit}`,
              `No option of ${t.id} states a threshold in ${d.unit}`,
            ),
          )
      })
    })
  })
  return out.length ? { ok: false, issues: out } : { ok: true, value: cw }
}
