import { answerKind } from '../answer-kinds'
import type { LoadResult, PathSegment, ValidationIssue } from '../issues/validation-issue'
import { issue } from '../issues/validation-issue'
import { fromZodError } from '../issues/zod-issues'
import { checkMigration } from '../migration/check-migration'
import { choiceOptions } from './choice-options'
import { itemQuantities } from './item-quantities'
import { declareRolesFromIds } from './legacy-roles'
import type { Instrument, Item, Vocabulary } from './meta-schema'
import { instrumentSchema, vocabularySchema } from './meta-schema'

/**
 * Conditions that come back to where they started (a shows when b, b when a; any length): such an
 * item could never be shown, and hiding, which follows the chain, would not end. Reported once per
 * ring, at the first item in instrument order whose chain runs into it.
 */
function checkConditionCycles(
  instrument: Instrument,
  items: ReadonlyMap<string, Item>,
  out: ValidationIssue[],
) {
  const settled = new Set<string>()
  instrument.sections.forEach((section, s) =>
    section.items.forEach((item, i) => {
      const chain: string[] = []
      let current: Item | undefined = item
      while (current && !settled.has(current.id) && !chain.includes(current.id)) {
        chain.push(current.id)
        current = current.visibleWhen ? items.get(current.visibleWhen.item) : undefined
      }
      if (current && chain.includes(current.id)) {
        const ring = [...chain.slice(chain.indexOf(current.id)), current.id].join(' → ')
        out.push(
          issue(
            ['sections', s, 'items', i, 'visibleWhen', 'item'],
            `Voorwaarden vormen een kring: ${ring}; geen van deze items kan ooit getoond worden`,
            `Conditions form a ring: ${ring}; none of these items could ever be shown`,
          ),
        )
      }
      chain.forEach((id) => settled.add(id))
    }),
  )
}

function duplicates<T>(values: readonly T[]): Set<T> {
  const seen = new Set<T>()
  const dup = new Set<T>()
  for (const v of values) (seen.has(v) ? dup : seen).add(v)
  return dup
}

/** Checks that need the whole instrument: unique ids, references to terms, items and options. */
function checkReferences(instrument: Instrument, vocabulary: Vocabulary | undefined) {
  const out: ValidationIssue[] = []
  const items = new Map<string, Item>()
  const allItems = instrument.sections.flatMap((s) => s.items)
  const dupItems = duplicates(allItems.map((i) => i.id))
  const dupSections = duplicates(instrument.sections.map((s) => s.id))
  const domainIds = new Set(instrument.domains?.map((d) => d.id) ?? [])
  for (const d of duplicates(instrument.domains?.map((d) => d.id) ?? []))
    out.push(
      issue(
        ['domains'],
        `Domein-id "${d}" komt meer dan eens voor`,
        `Domain id "${d}" occurs more than once`,
      ),
    )
  for (const item of allItems) items.set(item.id, item)

  if (vocabulary && vocabulary.version !== instrument.vocabulary.version)
    out.push(
      issue(
        ['vocabulary', 'version'],
        `Begrippenlijst ${instrument.vocabulary.version} gevraagd, maar ${vocabulary.version} gevonden`,
        `Vocabulary ${instrument.vocabulary.version} requested, but ${vocabulary.version} found`,
      ),
    )
  const termIds = vocabulary ? new Set(vocabulary.terms.map((t) => t.id)) : undefined

  instrument.sections.forEach((section, s) => {
    const sp: PathSegment[] = ['sections', s]
    if (dupSections.has(section.id))
      out.push(
        issue(
          [...sp, 'id'],
          `Sectie-id "${section.id}" komt meer dan eens voor`,
          `Section id "${section.id}" occurs more than once`,
        ),
      )
    if (section.domain !== undefined && !domainIds.has(section.domain))
      out.push(
        issue(
          [...sp, 'domain'],
          `Domein "${section.domain}" bestaat niet in dit instrument`,
          `Domain "${section.domain}" does not exist in this instrument`,
        ),
      )
    section.items.forEach((item, i) => {
      const ip: PathSegment[] = [...sp, 'items', i]
      if (dupItems.has(item.id))
        out.push(
          issue(
            [...ip, 'id'],
            `Item-id "${item.id}" komt meer dan eens voor`,
            `Item id "${item.id}" occurs more than once`,
          ),
        )
      item.terms?.forEach((term, t) => {
        if (termIds && !termIds.has(term))
          out.push(
            issue(
              [...ip, 'terms', t],
              `Begrip "${term}" staat niet in de begrippenlijst`,
              `Term "${term}" is not in the vocabulary`,
            ),
          )
      })
      out.push(...answerKind(item.answer.kind).checkSpec(item.answer, [...ip, 'answer']))
      const cond = item.visibleWhen
      if (cond) {
        const target = items.get(cond.item)
        const cp: PathSegment[] = [...ip, 'visibleWhen']
        if (!target) {
          out.push(
            issue(
              [...cp, 'item'],
              `Voorwaarde verwijst naar item "${cond.item}", dat niet bestaat`,
              `Condition refers to item "${cond.item}", which does not exist`,
            ),
          )
        } else {
          const options = choiceOptions(target)
          if (!options) {
            out.push(
              issue(
                [...cp, 'item'],
                `Voorwaarde verwijst naar item "${cond.item}", dat geen opties heeft`,
                `Condition refers to item "${cond.item}", which has no options`,
              ),
            )
          } else {
            const codes = new Set(options.map((o) => o.code))
            cond.anyOf.forEach((code, k) => {
              if (!codes.has(code))
                out.push(
                  issue(
                    [...cp, 'anyOf', k],
                    `Item "${cond.item}" heeft geen optie "${code}"`,
                    `Item "${cond.item}" has no option "${code}"`,
                  ),
                )
            })
          }
        }
      }
    })
  })
  checkConditionCycles(instrument, items, out)
  checkConclusion(instrument, items, out)
  checkExclusions(instrument, items, out)
  return out
}

/** An item reference in instrument-level data: it exists, and has the named options and ranks. */
function checkItemRef(
  items: ReadonlyMap<string, Item>,
  id: string,
  path: PathSegment[],
  out: ValidationIssue[],
  need: { codes?: readonly string[]; kind?: Item['answer']['kind']; ranked?: boolean } = {},
): Item | undefined {
  const item = items.get(id)
  if (!item) {
    out.push(issue(path, `Item "${id}" bestaat niet`, `Item "${id}" does not exist`))
    return undefined
  }
  if (need.kind && item.answer.kind !== need.kind)
    out.push(
      issue(
        path,
        `Item "${id}" moet van de soort ${need.kind} zijn`,
        `Item "${id}" must be of kind ${need.kind}`,
      ),
    )
  const options = choiceOptions(item) ?? []
  if (need.ranked && !options.some((o) => o.rank !== undefined))
    out.push(issue(path, `Item "${id}" heeft geen rangorde`, `Item "${id}" has no ranked options`))
  for (const code of need.codes ?? [])
    if (!options.some((o) => o.code === code))
      out.push(
        issue(
          path,
          `Item "${id}" heeft geen optie "${code}"`,
          `Item "${id}" has no option "${code}"`,
        ),
      )
  return item
}

function checkConclusion(
  instrument: Instrument,
  items: ReadonlyMap<string, Item>,
  out: ValidationIssue[],
) {
  const c = instrument.conclusion
  if (!c) return
  const p: PathSegment[] = ['conclusion']
  if (c.kind === 'cover') {
    checkItemRef(items, c.item, [...p, 'item'], out, { kind: 'single', codes: c.noCapacity })
    if (c.completeness) {
      const { item, incomplete, complete, critical } = c.completeness
      checkItemRef(items, item, [...p, 'completeness'], out, {
        kind: 'single',
        codes: [incomplete, complete, critical],
      })
    }
  } else {
    const item = checkItemRef(items, c.item, [...p, 'item'], out, {
      kind: 'capacity',
      codes: c.noCapacity,
    })
    const quantities = item ? itemQuantities(item) : []
    for (const q of c.zeroMeansNone ?? [])
      if (item && !quantities.some((x) => x.id === q))
        out.push(
          issue(
            [...p, 'zeroMeansNone'],
            `Item "${c.item}" heeft geen hoeveelheid "${q}"`,
            `Item "${c.item}" has no quantity "${q}"`,
          ),
        )
  }
  c.details?.forEach((id, k) => checkItemRef(items, id, [...p, 'details', k], out))
}

function checkExclusions(
  instrument: Instrument,
  items: ReadonlyMap<string, Item>,
  out: ValidationIssue[],
) {
  instrument.exclusions?.forEach((x, k) => {
    const p: PathSegment[] = ['exclusions', k]
    const codes = 'options' in x.when ? x.when.options : []
    checkItemRef(items, x.when.item, [...p, 'when'], out, { codes, ranked: !codes.length })
    checkItemRef(items, x.excludes.item, [...p, 'excludes'], out, { ranked: true })
  })
}

/**
 * Validates unknown JSON as an instrument file and, when a vocabulary is given, its term references;
 * when the previous version is given, the migration from it. Returns every problem at once.
 * @example
 * const r = loadInstrument(JSON.parse(text), vocabulary, previousVersion)
 * if (!r.ok) console.error(formatIssues(r.issues, 'nl'))
 */
export function loadInstrument(
  input: unknown,
  vocabulary?: Vocabulary,
  previous?: Instrument,
): LoadResult<Instrument> {
  const parsed = instrumentSchema.safeParse(input, { reportInput: true })
  if (!parsed.success) return { ok: false, issues: fromZodError(parsed.error) }
  const instrument = declareRolesFromIds(parsed.data)
  const issues = [
    ...checkReferences(instrument, vocabulary),
    ...checkMigration(instrument, previous),
  ]
  return issues.length ? { ok: false, issues } : { ok: true, value: instrument }
}

/** Validates unknown JSON as a vocabulary file: unique term ids, related terms that exist. */
export function loadVocabulary(input: unknown): LoadResult<Vocabulary> {
  const parsed = vocabularySchema.safeParse(input, { reportInput: true })
  if (!parsed.success) return { ok: false, issues: fromZodError(parsed.error) }
  const out: ValidationIssue[] = []
  const ids = new Set(parsed.data.terms.map((t) => t.id))
  const dup = duplicates(parsed.data.terms.map((t) => t.id))
  parsed.data.terms.forEach((term, t) => {
    if (dup.has(term.id))
      out.push(
        issue(
          ['terms', t, 'id'],
          `Begrip-id "${term.id}" komt meer dan eens voor`,
          `Term id "${term.id}" occurs more than once`,
        ),
      )
    term.related?.forEach((r, k) => {
      if (!ids.has(r))
        out.push(
          issue(
            ['terms', t, 'related', k],
            `Verwant begrip "${r}" staat niet in de begrippenlijst`,
            `Related term "${r}" is not in the vocabulary`,
          ),
        )
    })
  })
  return out.length ? { ok: false, issues: out } : { ok: true, value: parsed.data }
}
