import { choiceOptions } from '../instrument/choice-options'
import type { Instrument, Item } from '../instrument/meta-schema'
import type { LoadResult, PathSegment, ValidationIssue } from '../issues/validation-issue'
import { issue } from '../issues/validation-issue'
import { fromZodError } from '../issues/zod-issues'
import type { Crosswalk } from './crosswalk-schema'
import { crosswalkSchema } from './crosswalk-schema'

/** The target items a crosswalk must cover: every item outside a cover page (FML voorblad). */
export function crosswalkTargets(target: Instrument): Item[] {
  return target.sections.filter((s) => s.id !== 'voorblad').flatMap((s) => s.items)
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
    const srcId = rule.source.item
    const s = source.get(srcId)
    if (!s)
      out.push(
        issue(
          [...path, 'source', 'item'],
          `Item "${srcId}" bestaat niet in ${from.id}`,
          `Item "${srcId}" does not exist in ${from.id}`,
        ),
      )
    if (rule.kind === 'level-map')
      checkLevels(rule.source.levels, s, t, [...path, 'source', 'levels'], out)
    if (rule.kind === 'threshold') {
      const q =
        s?.answer.kind === 'capacity'
          ? s.answer.quantities.find((x) => x.id === rule.source.quantity)
          : undefined
      if (s && !q)
        out.push(
          issue(
            [...path, 'source', 'quantity'],
            `Item "${srcId}" heeft geen hoeveelheid "${rule.source.quantity}"`,
            `Item "${srcId}" has no quantity "${rule.source.quantity}"`,
          ),
        )
      if (q && q.unit !== rule.unit)
        out.push(
          issue(
            [...path, 'unit'],
            `Eenheid ${rule.unit} past niet bij ${srcId}/${q.id} (${q.unit})`,
            `Unit ${rule.unit} does not match ${srcId}/${q.id} (${q.unit})`,
          ),
        )
      const options = choiceOptions(t) ?? []
      if (!options.some((o) => o.thresholds?.some((th) => th.unit === rule.unit)))
        out.push(
          issue(
            [...path, 'unit'],
            `Geen optie van ${t.id} noemt een grens in ${rule.unit}`,
            `No option of ${t.id} states a threshold in ${rule.unit}`,
          ),
        )
      if (rule.fallback) {
        const fs = source.get(rule.fallback.item)
        if (!fs)
          out.push(
            issue(
              [...path, 'fallback', 'item'],
              `Item "${rule.fallback.item}" bestaat niet in ${from.id}`,
              `Item "${rule.fallback.item}" does not exist in ${from.id}`,
            ),
          )
        checkLevels(rule.fallback.levels, fs, t, [...path, 'fallback', 'levels'], out)
      }
    }
  })
  return out.length ? { ok: false, issues: out } : { ok: true, value: cw }
}
