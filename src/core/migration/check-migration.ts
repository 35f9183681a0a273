import { compareSemver } from '../instrument/catalogue-data'
import { choiceOptions } from '../instrument/choice-options'
import { itemIndex } from '../instrument/item-index'
import { itemQuantities } from '../instrument/item-quantities'
import type { AnswerKind, Instrument, Item, OptionMap } from '../instrument/meta-schema'
import type { Unit } from '../instrument/units'
import type { PathSegment, ValidationIssue } from '../issues/validation-issue'
import { issue } from '../issues/validation-issue'

/** What an answer held under one id may look like at a point in the migration. */
interface Shape {
  kind: AnswerKind
  /** The option or level codes it may hold (choice and capacity items). */
  codes?: ReadonlySet<string>
  ranked: boolean
  quantities: ReadonlyMap<string, Unit>
  /** The last step that put the answer here; undefined while no step touched it. */
  step?: number
}

function shapeOf(item: Item): Shape {
  const options = choiceOptions(item)
  return {
    kind: item.answer.kind,
    ...(options ? { codes: new Set(options.map((o) => o.code)) } : {}),
    ranked: options?.some((o) => o.rank !== undefined) ?? false,
    quantities: new Map(itemQuantities(item).map((q) => [q.id, q.unit])),
  }
}

/** The codes an option map turns `codes` into: mapped, kept, or gone when dropped. */
export function mappedCodes(codes: ReadonlySet<string>, map: OptionMap): Set<string> {
  const out = new Set<string>()
  for (const c of codes) {
    const to = Object.hasOwn(map, c) ? map[c] : c
    if (typeof to === 'string') out.add(to)
  }
  return out
}

function duplicates(values: readonly string[]): Set<string> {
  const seen = new Set<string>()
  const dup = new Set<string>()
  for (const v of values) (seen.has(v) ? dup : seen).add(v)
  return dup
}

/** Checks of a migration that need only its own instrument: an earlier version, unique step names. */
function checkOwn(next: Instrument, out: ValidationIssue[]) {
  const m = next.migration
  if (!m) return
  if (compareSemver(m.from, next.version) >= 0)
    out.push(
      issue(
        ['migration', 'from'],
        `Migratie vanaf ${m.from}: dat moet een eerdere versie dan ${next.version} zijn`,
        `Migration from ${m.from}: that must be a version before ${next.version}`,
      ),
    )
  const dup = duplicates(m.steps.map((s) => s.name))
  m.steps.forEach((step, k) => {
    if (dup.has(step.name))
      out.push(
        issue(
          ['migration', 'steps', k, 'name'],
          `Stapnaam "${step.name}" komt meer dan eens voor`,
          `Step name "${step.name}" occurs more than once`,
        ),
      )
  })
}

/**
 * Validates the migration `next` carries from `previous` (when given): every id a step reads holds
 * an answer at that point, every id it writes exists in `next` and holds none yet, kinds agree,
 * option maps name existing codes, and every item of `previous` missing from `next` has a step.
 * @example
 * const issues = checkMigration(bar110, bar100) // [] when the steps fit both versions
 */
export function checkMigration(next: Instrument, previous?: Instrument): ValidationIssue[] {
  const out: ValidationIssue[] = []
  checkOwn(next, out)
  const m = next.migration
  if (!m || !previous) return out
  const { id } = next
  const before = `${id} ${previous.version}`
  const after = `${id} ${next.version}`
  if (m.from !== previous.version) {
    out.push(
      issue(
        ['migration', 'from'],
        `Migratie vanaf ${m.from}, maar de vorige versie van ${id} is ${previous.version}`,
        `Migration from ${m.from}, but the previous version of ${id} is ${previous.version}`,
      ),
    )
    return out
  }
  const prevItems = itemIndex(previous).items
  const nextItems = itemIndex(next).items
  const held = new Map<string, Shape>()
  for (const [itemId, item] of prevItems) held.set(itemId, shapeOf(item))

  m.steps.forEach((step, k) => {
    const p: PathSegment[] = ['migration', 'steps', k]
    /** The answer held under `from`, taken out; undefined (and said why) when there is none. */
    const take = (from: string, path: PathSegment[]): Shape | undefined => {
      const shape = held.get(from)
      if (shape) {
        held.delete(from)
        return shape
      }
      out.push(
        prevItems.has(from)
          ? issue(
              path,
              `Item "${from}" is door een eerdere stap al verplaatst of weggelaten`,
              `Item "${from}" was already moved or dropped by an earlier step`,
            )
          : issue(
              path,
              `Item "${from}" bestaat niet in ${before}`,
              `Item "${from}" does not exist in ${before}`,
            ),
      )
      return undefined
    }
    /** Puts `shape` under `to`, which must be an item of `next` holding no answer yet. */
    const put = (to: string, shape: Shape | undefined, path: PathSegment[]) => {
      const target = nextItems.get(to)
      if (!target) {
        out.push(
          issue(
            path,
            `Item "${to}" bestaat niet in ${after}`,
            `Item "${to}" does not exist in ${after}`,
          ),
        )
        return
      }
      if (held.has(to)) {
        out.push(
          issue(
            path,
            `Item "${to}" heeft hier al een antwoord (uit ${before} of van een eerdere stap): laat een eerdere stap dat eerst verplaatsen of weglaten`,
            `Item "${to}" already holds an answer here (from ${before} or an earlier step): let an earlier step move or drop it first`,
          ),
        )
        return
      }
      if (!shape) return
      if (shape.kind !== target.answer.kind) {
        out.push(
          issue(
            path,
            `Een antwoord van de soort ${shape.kind} past niet bij item "${to}" (${target.answer.kind})`,
            `An answer of kind ${shape.kind} does not fit item "${to}" (${target.answer.kind})`,
          ),
        )
        return
      }
      held.set(to, { ...shape, step: k })
    }
    /** An option map reads only codes the answer can hold. */
    const checkMap = (
      shape: Shape | undefined,
      item: string,
      map: OptionMap,
      path: PathSegment[],
    ) => {
      if (!shape) return undefined
      if (!shape.codes) {
        out.push(
          issue(
            path,
            `Item "${item}" heeft geen opties om om te zetten`,
            `Item "${item}" has no options to map`,
          ),
        )
        return undefined
      }
      for (const code of Object.keys(map))
        if (!shape.codes.has(code))
          out.push(
            issue(
              [...path, code],
              `Item "${item}" heeft geen optie "${code}" om om te zetten`,
              `Item "${item}" has no option "${code}" to map`,
            ),
          )
      return { ...shape, codes: mappedCodes(shape.codes, map) }
    }

    switch (step.kind) {
      case 'rename': {
        if (nextItems.has(step.from))
          out.push(
            issue(
              [...p, 'from'],
              `Item "${step.from}" bestaat nog in ${after}: een hernoeming geeft het item een nieuwe id (gebruik move om een antwoord naar een ander item te brengen)`,
              `Item "${step.from}" still exists in ${after}: a rename gives the item a new id (use move to bring an answer to another item)`,
            ),
          )
        if (prevItems.has(step.to))
          out.push(
            issue(
              [...p, 'to'],
              `Item "${step.to}" bestaat al in ${before}: een hernoeming geeft het item een nieuwe id (gebruik move)`,
              `Item "${step.to}" already exists in ${before}: a rename gives the item a new id (use move)`,
            ),
          )
        const shape = take(step.from, [...p, 'from'])
        if (!prevItems.has(step.to)) put(step.to, shape, [...p, 'to'])
        break
      }
      case 'move':
        put(step.to, take(step.from, [...p, 'from']), [...p, 'to'])
        break
      case 'mapOptions': {
        const shape = checkMap(take(step.item, [...p, 'item']), step.item, step.options, [
          ...p,
          'options',
        ])
        if (shape) held.set(step.item, { ...shape, step: k })
        break
      }
      case 'split': {
        const shape = take(step.from, [...p, 'from'])
        const dup = duplicates(step.to.map((t) => t.item))
        step.to.forEach((t, j) => {
          const tp: PathSegment[] = [...p, 'to', j]
          if (dup.has(t.item)) {
            out.push(
              issue(
                [...tp, 'item'],
                `Item "${t.item}" staat meer dan eens in deze splitsing`,
                `Item "${t.item}" occurs more than once in this split`,
              ),
            )
            return
          }
          const carried =
            t.carry === 'map' ? checkMap(shape, step.from, t.options, [...tp, 'options']) : shape
          put(t.item, carried, [...tp, 'item'])
        })
        break
      }
      case 'merge': {
        const dup = duplicates(step.from)
        const shapes: Shape[] = []
        step.from.forEach((from, j) => {
          if (dup.has(from) && step.from.indexOf(from) !== j) {
            out.push(
              issue(
                [...p, 'from', j],
                `Item "${from}" staat meer dan eens in deze samenvoeging`,
                `Item "${from}" occurs more than once in this merge`,
              ),
            )
            return
          }
          const shape = take(from, [...p, 'from', j])
          if (!shape) return
          shapes.push(shape)
          if (step.rule === 'most-restrictive' && !shape.ranked)
            out.push(
              issue(
                [...p, 'from', j],
                `Item "${from}" heeft geen rangorde, die "most-restrictive" nodig heeft`,
                `Item "${from}" has no ranked options, which "most-restrictive" needs`,
              ),
            )
        })
        const kinds = [...new Set(shapes.map((s) => s.kind))]
        if (kinds.length > 1) {
          out.push(
            issue(
              [...p, 'from'],
              `Samenvoegen kan alleen bij één soort antwoord, niet bij ${kinds.join(' en ')}`,
              `Only answers of one kind can be merged, not ${kinds.join(' and ')}`,
            ),
          )
          break
        }
        const target = nextItems.get(step.to)
        if (step.rule === 'most-restrictive' && target && !shapeOf(target).ranked)
          out.push(
            issue(
              [...p, 'to'],
              `Item "${step.to}" heeft geen rangorde, die "most-restrictive" nodig heeft`,
              `Item "${step.to}" has no ranked options, which "most-restrictive" needs`,
            ),
          )
        const first = shapes[0]
        const merged: Shape | undefined = first && {
          kind: first.kind,
          ...(first.codes ? { codes: new Set(shapes.flatMap((s) => [...(s.codes ?? [])])) } : {}),
          ranked: shapes.every((s) => s.ranked),
          quantities: new Map(shapes.flatMap((s) => [...s.quantities])),
        }
        put(step.to, merged, [...p, 'to'])
        break
      }
      case 'drop':
        take(step.item, [...p, 'item'])
        break
    }
  })

  for (const [itemId, shape] of held) {
    const target = nextItems.get(itemId)
    const path: PathSegment[] =
      shape.step === undefined ? ['migration'] : ['migration', 'steps', shape.step]
    if (!target) {
      out.push(
        issue(
          path,
          `Item "${itemId}" van ${before} staat niet in ${after} en geen stap zegt waar het antwoord heen gaat (rename, move, split, merge of drop)`,
          `Item "${itemId}" of ${before} is not in ${after} and no step says where its answer goes (rename, move, split, merge or drop)`,
        ),
      )
      continue
    }
    // An item no step touched keeps its answer only where it still fits: that is checked per answer.
    if (shape.step === undefined) continue
    const codes = new Set((choiceOptions(target) ?? []).map((o) => o.code))
    for (const code of shape.codes ?? [])
      if (!codes.has(code))
        out.push(
          issue(
            path,
            `Na deze stap kan item "${itemId}" optie "${code}" hebben, die in ${after} niet bestaat: zet die om met mapOptions`,
            `After this step item "${itemId}" can hold option "${code}", which does not exist in ${after}: map it with mapOptions`,
          ),
        )
    const quantities = new Map(itemQuantities(target).map((q) => [q.id, q.unit]))
    for (const [q, unit] of shape.quantities)
      if (quantities.get(q) !== unit)
        out.push(
          issue(
            path,
            `Item "${itemId}" heeft in ${after} geen hoeveelheid "${q}" in ${unit}`,
            `Item "${itemId}" has no quantity "${q}" in ${unit} in ${after}`,
          ),
        )
  }
  return out
}
