import type { LoadResult } from '../issues/validation-issue'
import { issue } from '../issues/validation-issue'
import { compareSemver } from './catalogue-data'
import type {
  AnswerSpec,
  Conclusion,
  Domain,
  Exclusion,
  Instrument,
  Item,
  Migration,
  NamedQuantity,
  Option,
  QuantitySpec,
  Section,
} from './meta-schema'
import { semverSchema } from './meta-schema'

/** How much a new version must differ from the old one (semver.org §6–8), least first. */
export const BUMPS = ['none', 'patch', 'minor', 'major'] as const
export type Bump = (typeof BUMPS)[number]

/** Every kind of change between two versions of one instrument. */
export const CHANGE_KINDS = [
  'schema-reference',
  'wording',
  'description',
  'help',
  'terms-changed',
  'provenance-changed',
  'author-roles-changed',
  'family-changed',
  'display-code-changed',
  'section-role-changed',
  'vocabulary-changed',
  'domain-added',
  'domain-removed',
  'domain-reordered',
  'section-added',
  'section-removed',
  'section-reordered',
  'section-domain-changed',
  'item-added-optional',
  'item-added-required',
  'item-removed',
  'item-moved',
  'item-reordered',
  'icf-added',
  'icf-changed',
  'required-changed',
  'condition-changed',
  'answer-kind-changed',
  'option-added',
  'option-removed',
  'option-reordered',
  'option-rank-changed',
  'option-specify-changed',
  'option-exclusive-changed',
  'threshold-changed',
  'quantity-added',
  'quantity-removed',
  'quantity-reordered',
  'unit-changed',
  'bounds-changed',
  'step-changed',
  'text-multiline-changed',
  'text-max-length-changed',
  'conclusion-changed',
  'conclusion-details-changed',
  'exclusion-added',
  'exclusion-removed',
  'migration-changed',
  'order-changed',
] as const
export type ChangeKind = (typeof CHANGE_KINDS)[number]

/** Where a change is, by ids (never by position); `field` names the field that changed. */
export interface ChangePath {
  domain?: string
  section?: string
  item?: string
  /** An option code, or a capacity level code. */
  option?: string
  /** A capacity quantity id. */
  quantity?: string
  /** An exclusion, named by the answers it excludes, e.g. `I.8 [0] / I.7 >= 1`. */
  exclusion?: string
  field?: string
}

export type JsonValue = string | number | boolean | null | JsonValue[] | { [k: string]: JsonValue }

/**
 * One change. `old` and `new` are given when the JSON of each is at most 200 characters (a label,
 * a threshold, a rank; `new` alone when the field is new, `old` alone when it is gone), and left
 * out for long texts and for whole added or removed parts.
 */
export interface SchemaChange {
  kind: ChangeKind
  path: ChangePath
  old?: JsonValue
  new?: JsonValue
  bump: Exclude<Bump, 'none'>
  /**
   * The migration step of the new version that carries every saved answer through this change
   * (a removed item that was renamed, moved or split; an option mapped to another): it then needs
   * a minor version, not a major one.
   */
  carriedBy?: string
}

export interface SchemaDiff {
  /** The largest bump of all changes; `none` when nothing that the meta-schema holds differs. */
  bump: Bump
  changes: SchemaChange[]
}

const SMALL = 200
const fits = (value: unknown) => value === undefined || JSON.stringify(value).length <= SMALL

/** Equal as JSON, whatever the order of object keys. */
function equal(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((x, i) => equal(x, b[i]))
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined)
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined)
  return (
    ka.length === kb.length &&
    ka.every((k) => equal((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
  )
}

const sameSet = (a: readonly unknown[] = [], b: readonly unknown[] = []) =>
  a.length === b.length && a.every((x) => b.some((y) => equal(x, y)))

function push(
  out: SchemaChange[],
  kind: ChangeKind,
  bump: Exclude<Bump, 'none'>,
  path: ChangePath,
  old?: unknown,
  next?: unknown,
) {
  const change: SchemaChange = { kind, path, bump }
  // Both values or neither, so that a change never shows half of itself.
  if (fits(old) && fits(next)) {
    if (old !== undefined) change.old = old as JsonValue
    if (next !== undefined) change.new = next as JsonValue
  }
  out.push(change)
}

/**
 * The ids of `b` that are out of order relative to `a`: those outside a longest common subsequence
 * of the ids both hold. Of two swapped ids, the one that moved forward is out of order.
 */
function outOfOrder(a: readonly string[], b: readonly string[]): Set<string> {
  const x = a.filter((id) => b.includes(id))
  const y = b.filter((id) => a.includes(id))
  const w = y.length + 1
  // lcs[i * w + j]: the length of a longest common subsequence of x[i..] and y[j..].
  const lcs = new Array<number>((x.length + 1) * w).fill(0)
  const at = (i: number, j: number) => lcs[i * w + j] as number
  for (let i = x.length - 1; i >= 0; i--)
    for (let j = y.length - 1; j >= 0; j--)
      lcs[i * w + j] = x[i] === y[j] ? at(i + 1, j + 1) + 1 : Math.max(at(i + 1, j), at(i, j + 1))
  const kept = new Set<string>()
  for (let i = 0, j = 0; i < x.length && j < y.length;) {
    if (x[i] === y[j]) {
      kept.add(x[i] as string)
      i++
      j++
    } else if (at(i, j + 1) >= at(i + 1, j)) j++
    else i++
  }
  return new Set(y.filter((id) => !kept.has(id)))
}

interface Ctx<T> {
  path: ChangePath
  out: SchemaChange[]
  old: T
  next: T
}
type FieldRule<T, V> = (a: V, b: V, ctx: Ctx<T> & { at: ChangePath }) => void
/** One rule per field of the meta-schema: a field the meta-schema gains fails to compile here. */
type Rules<T> = { readonly [K in keyof T]-?: FieldRule<T, T[K]> }

function compareFields<T extends object>(
  a: T,
  b: T,
  rules: Rules<T>,
  path: ChangePath,
  out: SchemaChange[],
  prefix = '',
) {
  for (const key of Object.keys(rules) as (keyof T & string)[]) {
    const rule = rules[key] as FieldRule<T, T[keyof T]>
    const at = { ...path, field: prefix + key }
    rule(a[key], b[key], { path, out, old: a, next: b, at })
  }
}

/** The key a list is matched by: a changed id shows as a removal and an addition. */
const matchedBy = () => {}

/** Text shown to the user: the tool cannot judge a reworded meaning, so the author may bump more. */
const text =
  (kind: 'wording' | 'description' | 'help' | 'provenance-changed' | 'schema-reference') =>
  (a: unknown, b: unknown, ctx: { out: SchemaChange[]; at: ChangePath }) => {
    if (!equal(a, b)) push(ctx.out, kind, 'patch', ctx.at, a, b)
  }

/** A yes/no field where absent means no. */
const flag = (a: boolean | undefined, b: boolean | undefined) => ({
  changed: (a ?? false) !== (b ?? false),
  nowOn: (b ?? false) && !(a ?? false),
})

/** Every value the old spec accepts is accepted by the new one (checkQuantity: bounds, then steps from min). */
function acceptsAll(a: QuantitySpec, b: QuantitySpec): boolean {
  if (b.min > a.min || b.max < a.max) return false
  if (b.step === undefined) return true
  if (a.step === undefined) return false
  const whole = (x: number) => Math.abs(x - Math.round(x)) < 1e-9
  return whole(a.step / b.step) && whole((a.min - b.min) / b.step)
}

// Bounds and steps: widening keeps every saved value valid (minor); narrowing may refuse one (major).
const bound: FieldRule<QuantitySpec, number | undefined> = (a, b, { out, at, old, next }) => {
  if (a !== b)
    push(
      out,
      at.field?.endsWith('step') ? 'step-changed' : 'bounds-changed',
      acceptsAll(old, next) ? 'minor' : 'major',
      at,
      a,
      b,
    )
}

// A saved number means another amount in another unit.
const unit: FieldRule<QuantitySpec, QuantitySpec['unit']> = (a, b, { out, at }) => {
  if (a !== b) push(out, 'unit-changed', 'major', at, a, b)
}

const optionRules: Rules<Option> = {
  code: matchedBy,
  label: text('wording'),
  description: text('description'),
  // Ranks order the scale: direction, agreement and kappa of saved answers are read from them.
  rank: (a, b, { out, at }) => {
    if (a !== b) push(out, 'option-rank-changed', 'major', at, a, b)
  },
  // A required "namelijk" refuses saved answers without one (major); dropping it refuses none.
  specify: (a, b, { out, at }) => {
    const f = flag(a, b)
    if (f.changed) push(out, 'option-specify-changed', f.nowOn ? 'major' : 'minor', at, a, b)
  },
  // An exclusive option refuses saved combinations with it (major); allowing them refuses none.
  exclusive: (a, b, { out, at }) => {
    const f = flag(a, b)
    if (f.changed) push(out, 'option-exclusive-changed', f.nowOn ? 'major' : 'minor', at, a, b)
  },
  // Thresholds are what an option claims ("hooguit 10 kg"): the crosswalk reads saved answers by them.
  thresholds: (a, b, { out, at }) => {
    if (!equal(a, b)) push(out, 'threshold-changed', 'major', at, a, b)
  },
}

function compareOptions(
  a: readonly Option[],
  b: readonly Option[],
  path: ChangePath,
  out: SchemaChange[],
) {
  const next = new Set(b.map((o) => o.code))
  const old = new Map(a.map((o) => [o.code, o]))
  // A saved answer with a removed code no longer validates.
  for (const o of a)
    if (!next.has(o.code)) push(out, 'option-removed', 'major', { ...path, option: o.code })
  const moved = outOfOrder(
    a.map((o) => o.code),
    b.map((o) => o.code),
  )
  for (const o of b) {
    const at = { ...path, option: o.code }
    const before = old.get(o.code)
    if (!before) {
      // No saved answer holds it, and every saved answer keeps its code.
      push(out, 'option-added', 'minor', at)
      continue
    }
    // Display order only: meaning is in the code and the rank.
    if (moved.has(o.code)) push(out, 'option-reordered', 'patch', at)
    compareFields(before, o, optionRules, at, out)
  }
}

const quantityRules: Rules<NamedQuantity> = {
  id: matchedBy,
  label: text('wording'),
  unit,
  min: bound,
  max: bound,
  step: bound,
}

function compareQuantities(
  a: readonly NamedQuantity[],
  b: readonly NamedQuantity[],
  path: ChangePath,
  out: SchemaChange[],
) {
  const next = new Set(b.map((q) => q.id))
  const old = new Map(a.map((q) => [q.id, q]))
  // A saved value of a removed quantity no longer validates.
  for (const q of a)
    if (!next.has(q.id)) push(out, 'quantity-removed', 'major', { ...path, quantity: q.id })
  const moved = outOfOrder(
    a.map((q) => q.id),
    b.map((q) => q.id),
  )
  for (const q of b) {
    const at = { ...path, quantity: q.id }
    const before = old.get(q.id)
    if (!before) {
      // Quantities of a capacity are each optional.
      push(out, 'quantity-added', 'minor', at)
      continue
    }
    if (moved.has(q.id)) push(out, 'quantity-reordered', 'patch', at)
    compareFields(before, q, quantityRules, at, out)
  }
}

type AnswerOf<K extends AnswerSpec['kind']> = Extract<AnswerSpec, { kind: K }>
const sameKind = matchedBy

const optionList: FieldRule<unknown, readonly Option[]> = (a, b, { out, path }) =>
  compareOptions(a, b, path, out)

const answerRules: { readonly [K in AnswerSpec['kind']]: Rules<AnswerOf<K>> } = {
  single: { kind: sameKind, options: optionList },
  multiple: { kind: sameKind, options: optionList },
  quantity: { kind: sameKind, unit, min: bound, max: bound, step: bound },
  text: {
    kind: sameKind,
    // Presentation only: one line or several.
    multiline: (a, b, { out, at }) => {
      if (a !== b) push(out, 'text-multiline-changed', 'patch', at, a, b)
    },
    // A lower limit refuses longer saved texts.
    maxLength: (a, b, { out, at }) => {
      if (a !== b) push(out, 'text-max-length-changed', b > a ? 'minor' : 'major', at, a, b)
    },
  },
  date: { kind: sameKind },
  capacity: {
    kind: sameKind,
    levels: optionList,
    quantities: (a, b, { out, path }) => compareQuantities(a, b, path, out),
  },
}

function compareAnswer(a: AnswerSpec, b: AnswerSpec, path: ChangePath, out: SchemaChange[]) {
  // A saved answer of the old kind is refused by the new item.
  if (a.kind !== b.kind) {
    push(out, 'answer-kind-changed', 'major', { ...path, field: 'answer.kind' }, a.kind, b.kind)
    return
  }
  const rules = answerRules[a.kind] as Rules<AnswerSpec>
  compareFields(a, b, rules, path, out, 'answer.')
}

// The number shown before a label or heading: display only.
const displayCode = (a: unknown, b: unknown, ctx: { out: SchemaChange[]; at: ChangePath }) => {
  if (!equal(a, b)) push(ctx.out, 'display-code-changed', 'patch', ctx.at, a ?? null, b ?? null)
}

const itemRules: Rules<Item> = {
  id: matchedBy,
  code: displayCode,
  label: text('wording'),
  help: text('help'),
  // A code added keeps what the item was classified as (minor); a code dropped or replaced
  // reclassifies every saved answer, which the crosswalk pairs and statistics read (major).
  icf: (a, b, { out, at }) => {
    if (equal(a, b)) return
    if (sameSet(a, b)) push(out, 'order-changed', 'patch', at, a, b)
    else if ((a ?? []).every((c) => b?.includes(c))) push(out, 'icf-added', 'minor', at, a, b)
    else push(out, 'icf-changed', 'major', at, a, b)
  },
  // Links to definitions shown under the item: they explain, never constrain, an answer.
  terms: (a, b, { out, at }) => {
    if (!equal(a, b)) push(out, 'terms-changed', 'patch', at, a, b)
  },
  // A newly required item makes a saved complete assessment incomplete (major); the reverse
  // refuses nothing (minor).
  required: (a, b, { out, at }) => {
    const f = flag(a, b)
    if (f.changed) push(out, 'required-changed', f.nowOn ? 'major' : 'minor', at, a, b)
  },
  // A saved answer was given when the item was shown: another condition hides saved answers or
  // shows items never asked, and changes what the answer was an answer to.
  visibleWhen: (a, b, { out, at }) => {
    if (equal(a, b)) return
    const reordered = a && b && a.item === b.item && sameSet(a.anyOf, b.anyOf)
    push(
      out,
      reordered ? 'order-changed' : 'condition-changed',
      reordered ? 'patch' : 'major',
      at,
      a,
      b,
    )
  },
  answer: (a, b, { out, path }) => compareAnswer(a, b, path, out),
}

const domainRules: Rules<Domain> = {
  id: matchedBy,
  label: text('wording'),
  description: text('description'),
}

function compareDomains(a: readonly Domain[] = [], b: readonly Domain[] = [], out: SchemaChange[]) {
  const next = new Set(b.map((d) => d.id))
  const old = new Map(a.map((d) => [d.id, d]))
  // Domains group sections and hold no answers: structure, not meaning (sections and items that
  // go with one are listed on their own).
  for (const d of a) if (!next.has(d.id)) push(out, 'domain-removed', 'minor', { domain: d.id })
  const moved = outOfOrder([...old.keys()], [...next])
  for (const d of b) {
    const before = old.get(d.id)
    if (!before) push(out, 'domain-added', 'minor', { domain: d.id })
    else {
      if (moved.has(d.id)) push(out, 'domain-reordered', 'patch', { domain: d.id })
      compareFields(before, d, domainRules, { domain: d.id }, out)
    }
  }
}

const sectionRules: Rules<Section> = {
  id: matchedBy,
  code: displayCode,
  // Whether the section is the cover: what a crosswalk maps and the report lists changes, a saved
  // answer does not.
  role: (a, b, { out, at }) => {
    if (a !== b) push(out, 'section-role-changed', 'minor', at, a ?? null, b ?? null)
  },
  // The form and the report show the section under another heading; answers are unchanged.
  domain: (a, b, { out, at }) => {
    if (a !== b) push(out, 'section-domain-changed', 'minor', at, a ?? null, b ?? null)
  },
  label: text('wording'),
  description: text('description'),
  // Items are matched by id over the whole instrument, so an item that moves is not removed.
  items: matchedBy,
}

function compareSections(a: readonly Section[], b: readonly Section[], out: SchemaChange[]) {
  const oldSections = new Map(a.map((s) => [s.id, s]))
  const newSections = new Set(b.map((s) => s.id))
  const oldItems = new Map<string, { item: Item; section: string }>()
  for (const s of a) for (const item of s.items) oldItems.set(item.id, { item, section: s.id })
  const newItems = new Set(b.flatMap((s) => s.items.map((i) => i.id)))

  // Sections hold no answers: their items are listed on their own.
  for (const s of a)
    if (!newSections.has(s.id)) push(out, 'section-removed', 'minor', { section: s.id })
  // A saved answer to a removed item is refused as unknown.
  for (const s of a)
    for (const item of s.items)
      if (!newItems.has(item.id))
        push(out, 'item-removed', 'major', { section: s.id, item: item.id })

  const movedSections = outOfOrder([...oldSections.keys()], [...newSections])
  for (const s of b) {
    const before = oldSections.get(s.id)
    if (!before) push(out, 'section-added', 'minor', { section: s.id })
    else {
      if (movedSections.has(s.id)) push(out, 'section-reordered', 'patch', { section: s.id })
      compareFields(before, s, sectionRules, { section: s.id }, out)
    }
    const stayed = (items: readonly Item[]) =>
      items.filter((i) => oldItems.get(i.id)?.section === s.id).map((i) => i.id)
    const reordered = before ? outOfOrder(stayed(before.items), stayed(s.items)) : new Set()
    for (const item of s.items) {
      const path = { section: s.id, item: item.id }
      const was = oldItems.get(item.id)
      if (!was) {
        // An optional item leaves every saved assessment as it was; a required one leaves it incomplete.
        if (item.required) push(out, 'item-added-required', 'major', path)
        else push(out, 'item-added-optional', 'minor', path)
        continue
      }
      // The answer keeps its item and meaning; the form and report show it under another heading.
      if (was.section !== s.id) push(out, 'item-moved', 'minor', path, was.section, s.id)
      else if (reordered.has(item.id)) push(out, 'item-reordered', 'patch', path)
      compareFields(was.item, item, itemRules, path, out)
    }
  }
}

type ConclusionOf<K extends Conclusion['kind']> = Extract<Conclusion, { kind: K }>

// What the comparison puts before any item: which answers mean no capacity, and (completeness)
// what an unticked item of a saved FML means. Changing it rereads saved assessments.
const conclusionRule: FieldRule<unknown, unknown> = (a, b, { out, at }) => {
  if (!equal(a, b)) push(out, 'conclusion-changed', 'major', at, a, b)
}
const conclusionSet: FieldRule<unknown, readonly string[] | undefined> = (a, b, { out, at }) => {
  if (equal(a, b)) return
  if (sameSet(a, b)) push(out, 'order-changed', 'patch', at, a, b)
  else push(out, 'conclusion-changed', 'major', at, a, b)
}
// Items shown beside the conclusion: what the comparison shows, not how it reads answers.
const conclusionDetails: FieldRule<unknown, readonly string[] | undefined> = (
  a,
  b,
  { out, at },
) => {
  if (!equal(a, b)) push(out, 'conclusion-details-changed', 'minor', at, a, b)
}

const conclusionRules: { readonly [K in Conclusion['kind']]: Rules<ConclusionOf<K>> } = {
  cover: {
    kind: sameKind,
    item: conclusionRule,
    noCapacity: conclusionSet,
    details: conclusionDetails,
    completeness: conclusionRule,
  },
  'work-capacity': {
    kind: sameKind,
    item: conclusionRule,
    noCapacity: conclusionSet,
    zeroMeansNone: conclusionSet,
    details: conclusionDetails,
  },
}

function compareConclusion(
  a: Conclusion | undefined,
  b: Conclusion | undefined,
  out: SchemaChange[],
) {
  if (!a || !b || a.kind !== b.kind) {
    if (!equal(a, b))
      push(out, 'conclusion-changed', 'major', { field: 'conclusion' }, a ?? null, b ?? null)
    return
  }
  compareFields(a, b, conclusionRules[a.kind] as Rules<Conclusion>, {}, out, 'conclusion.')
}

/** An exclusion is named by what it excludes; it has no id. */
export function exclusionKey(x: Exclusion): string {
  const when = 'options' in x.when ? `[${x.when.options.join(',')}]` : `<= ${x.when.maxRank}`
  return `${x.when.item} ${when} / ${x.excludes.item} >= ${x.excludes.minRank}`
}

const exclusionRules: Rules<Exclusion> = {
  when: matchedBy,
  excludes: matchedBy,
  reason: text('wording'),
}

function compareExclusions(
  a: readonly Exclusion[] = [],
  b: readonly Exclusion[] = [],
  out: SchemaChange[],
) {
  const old = new Map(a.map((x) => [exclusionKey(x), x]))
  const next = new Set(b.map(exclusionKey))
  // Exclusions only warn on the form: no saved answer is refused or read differently. The
  // derivation that also obeys them is pinned to this exact version by its crosswalk.
  for (const key of old.keys())
    if (!next.has(key)) push(out, 'exclusion-removed', 'minor', { exclusion: key })
  const moved = outOfOrder([...old.keys()], [...next])
  for (const x of b) {
    const key = exclusionKey(x)
    const before = old.get(key)
    if (!before) push(out, 'exclusion-added', 'minor', { exclusion: key })
    else {
      if (moved.has(key)) push(out, 'order-changed', 'patch', { exclusion: key })
      compareFields(before, x, exclusionRules, { exclusion: key }, out)
    }
  }
}

/** The largest part of two versions that differs: 1.2.3 → 2.0.0 is major, 1.2.3 → 1.2.4 patch. */
function versionStep(a: string, b: string): Exclude<Bump, 'none'> {
  const pa = parseSemver(a)
  const pb = parseSemver(b)
  if (!pa || !pb || compareSemver(b, a) < 0 || pa.major !== pb.major) return 'major'
  return pa.minor !== pb.minor ? 'minor' : 'patch'
}

// How answers to the previous version are carried over: it describes the changes listed on their
// own (a renamed item is still removed and added) and changes no form or saved answer itself.
const migrationChanged: FieldRule<unknown, unknown> = (a, b, { out, at }) => {
  if (!equal(a, b)) push(out, 'migration-changed', 'patch', at, a, b)
}
const migrationRules: Rules<Migration> = { from: migrationChanged, steps: migrationChanged }

const instrumentRules: Rules<Instrument> = {
  // The editor's JSON Schema: no effect on the form or on answers.
  $schema: text('schema-reference'),
  id: matchedBy,
  // What this comparison decides: not compared.
  version: () => {},
  title: text('wording'),
  description: text('description'),
  // Who normally completes it: the default role of a new assessment and the sides the compare
  // screen suggests; no saved assessment changes.
  authorRoles: (a, b, { out, at }) => {
    if (!equal(a, b)) push(out, 'author-roles-changed', 'minor', at, a, b)
  },
  provenance: text('provenance-changed'),
  // How the report and the crosswalks treat the instrument; a saved answer keeps its meaning.
  family: (a, b, { out, at }) => {
    if (a !== b) push(out, 'family-changed', 'minor', at, a ?? null, b ?? null)
  },
  // Term definitions explain items: the instrument changes as much as its vocabulary's own
  // version says the vocabulary changed.
  vocabulary: (a, b, { out, at }) => {
    if (equal(a, b)) return
    const bump = a.id === b.id ? versionStep(a.version, b.version) : 'major'
    push(out, 'vocabulary-changed', bump, at, a, b)
  },
  domains: (a, b, { out }) => compareDomains(a, b, out),
  sections: (a, b, { out }) => compareSections(a, b, out),
  conclusion: (a, b, { out }) => compareConclusion(a, b, out),
  exclusions: (a, b, { out }) => compareExclusions(a, b, out),
  migration: (a, b, { out, at }) => {
    if (!a || !b) {
      if (a !== b) push(out, 'migration-changed', 'patch', at)
    } else compareFields(a, b, migrationRules, {}, out, 'migration.')
  },
}

/**
 * The removals a migration step of the new version carries every saved answer through, without
 * loss: an item renamed, moved or split (copied, or through an option map that drops nothing), an
 * option mapped to another code. A saved answer keeps its meaning, so these need a minor version.
 * A merge or a drop loses answers (or their distinctions) and stays major; so does every other
 * change, a condition added to an existing item among them (it can hide a saved answer).
 */
function creditMigration(changes: SchemaChange[], migration: Migration) {
  const keepsAll = (map: Readonly<Record<string, unknown>>) =>
    Object.values(map).every((target) => typeof target === 'string')
  const carriedItems = new Map<string, string>()
  const carriedOptions = new Map<string, string>()
  for (const step of migration.steps) {
    if (step.kind === 'rename' || step.kind === 'move') carriedItems.set(step.from, step.name)
    if (step.kind === 'split' && step.to.every((t) => t.carry === 'copy' || keepsAll(t.options)))
      carriedItems.set(step.from, step.name)
    if (step.kind === 'mapOptions')
      for (const [code, target] of Object.entries(step.options))
        if (typeof target === 'string') carriedOptions.set(`${step.item}\u0000${code}`, step.name)
  }
  for (const change of changes) {
    const { item, option } = change.path
    const step =
      change.kind === 'item-removed' && item !== undefined
        ? carriedItems.get(item)
        : change.kind === 'option-removed' && item !== undefined && option !== undefined
          ? carriedOptions.get(`${item}\u0000${option}`)
          : undefined
    if (step !== undefined) {
      change.bump = 'minor'
      change.carriedBy = step
    }
  }
}

/** The largest bump of these changes; `none` for no changes. */
export function requiredBump(changes: readonly { bump: Bump }[]): Bump {
  let max = 0
  for (const c of changes) max = Math.max(max, BUMPS.indexOf(c.bump))
  return BUMPS[max] as Bump
}

/**
 * What changed between two versions of one instrument, matched by id (a renamed id is a removal
 * and an addition), each change with the semver bump it needs. A different instrument is refused.
 * The order is stable: instrument fields in meta-schema order; removals before the parts of the
 * new version, in its order.
 * @example
 * const r = diffInstruments(bar100, bar110)
 * if (r.ok) console.log(r.value.bump) // 'minor'
 */
export function diffInstruments(old: Instrument, next: Instrument): LoadResult<SchemaDiff> {
  if (old.id !== next.id)
    return {
      ok: false,
      issues: [
        issue(
          ['id'],
          `Twee verschillende instrumenten ("${old.id}" en "${next.id}"): vergelijk twee versies van één instrument`,
          `Two different instruments ("${old.id}" and "${next.id}"): compare two versions of one instrument`,
        ),
      ],
    }
  const changes: SchemaChange[] = []
  compareFields(old, next, instrumentRules, {}, changes)
  if (next.migration?.from === old.version) creditMigration(changes, next.migration)
  return { ok: true, value: { bump: requiredBump(changes), changes } }
}

interface Semver {
  major: number
  minor: number
  patch: number
  prerelease?: string
}

function parseSemver(version: string): Semver | undefined {
  if (!semverSchema.safeParse(version).success) return undefined
  const [core = '', ...pre] = version.split('-')
  const [major = 0, minor = 0, patch = 0] = core.split('.').map(Number)
  return pre.length ? { major, minor, patch, prerelease: pre.join('-') } : { major, minor, patch }
}

/**
 * The lowest version after `version` that a change of this size allows. A pre-release of a
 * version is released as that version when that is enough (as npm's `semver.inc`):
 * 2.0.0-rc.1 with major gives 2.0.0.
 * @example
 * nextVersion('1.2.3', 'minor') // '1.3.0'
 */
export function nextVersion(version: string, bump: Bump): string {
  const v = parseSemver(version)
  if (!v) throw new RangeError(`not a semantic version: ${version}`)
  const { major, minor, patch, prerelease: pre } = v
  switch (bump) {
    case 'none':
      return version
    case 'patch':
      return pre ? `${major}.${minor}.${patch}` : `${major}.${minor}.${patch + 1}`
    case 'minor':
      return pre && patch === 0 ? `${major}.${minor}.0` : `${major}.${minor + 1}.0`
    case 'major':
      return pre && minor === 0 && patch === 0 ? `${major}.0.0` : `${major + 1}.0.0`
  }
}

export type VersionRefusal = 'not-semver' | 'not-higher' | 'below-required'

/**
 * Whether `proposed` may follow `old` for changes of this size: a semantic version, higher than
 * `old`, and at least `nextVersion(old, bump)` (a pre-release of that version counts: 2.0.0-rc.1
 * for a major change of 1.4.2). `minimum` is the lowest version that would be accepted.
 * @example
 * checkProposedVersion('1.0.0', '1.0.1', 'major') // { ok: false, reason: 'below-required', minimum: '2.0.0' }
 */
export function checkProposedVersion(
  old: string,
  proposed: string,
  bump: Bump,
): { ok: true } | { ok: false; reason: VersionRefusal; minimum: string } {
  const minimum = nextVersion(old, bump === 'none' ? 'patch' : bump)
  const p = parseSemver(proposed)
  if (!p) return { ok: false, reason: 'not-semver', minimum }
  if (compareSemver(proposed, old) <= 0) return { ok: false, reason: 'not-higher', minimum }
  const release = `${p.major}.${p.minor}.${p.patch}`
  if (compareSemver(release, minimum.split('-')[0] as string) < 0)
    return { ok: false, reason: 'below-required', minimum }
  return { ok: true }
}
