import { answerKind } from '../answer-kinds'
import { itemAnswerSchema } from '../assessment/answer-validator'
import { cloneJson } from '../assessment/clone-json'
import type { AnswerValue, Answers, Assessment, Derivation } from '../assessment/assessment-schema'
import { chosenCodes, isVisible } from '../assessment/visibility'
import { isSignedOff, startAmendment } from '../assessment/sign-off'
import { choiceOptions } from '../instrument/choice-options'
import { itemIndex } from '../instrument/item-index'
import type {
  Instrument,
  Item,
  Localized,
  MigrationStep,
  OptionMap,
} from '../instrument/meta-schema'
import type { LoadResult } from '../issues/validation-issue'
import { fromZodError } from '../issues/zod-issues'
import { migrationPath } from './migration-path'

type Lang = 'nl' | 'en'

/** What became of one answer of the input, by its item id in the input's version. */
export type MigrationEntry =
  | { item: string; outcome: 'kept' }
  /** The same answer under another item (renamed or moved). */
  | { item: string; outcome: 'moved'; to: string; steps: string[]; how: Localized }
  /** Changed on the way: options mapped, split over several items, or merged into one. */
  | { item: string; outcome: 'transformed'; to: string[]; steps: string[]; how: Localized }
  /** No longer in the answers (it stays in `captured`), with the reason. */
  | { item: string; outcome: 'dropped'; steps: string[]; reason: Localized }

export interface MigrationReport {
  instrument: string
  from: string
  to: string
  /** Every step run, qualified: `bar-1.1.0/split-hand-vinger`. */
  steps: string[]
  /** One entry per answer of the input, in the order of the input's instrument. */
  entries: MigrationEntry[]
}

export interface MigrationResult {
  assessment: Assessment
  report: MigrationReport
}

/** An answer on its way through the steps, with the input items it came from. */
interface Held {
  answer: AnswerValue
  origins: readonly string[]
}

/** What happened to one input answer, in order. */
interface Note {
  step?: string
  kind: 'moved' | 'changed' | 'dropped'
  text: Localized
}

/** The step as it is named in `captured.steps` and in the report. */
export function qualifiedStep(instrument: { id: string; version: string }, step: { name: string }) {
  return `${instrument.id}-${instrument.version}/${step.name}`
}

function localized(make: (lang: Lang) => string): Localized {
  return { nl: make('nl'), en: make('en') }
}

function join(texts: readonly Localized[]): Localized {
  return localized((lang) => texts.map((t) => t[lang]).join(' '))
}

/** The result of passing one answer through an option map. */
interface Mapped {
  answer?: AnswerValue
  changed: [string, string][]
  dropped: [string, Localized][]
}

function mapAnswer(answer: AnswerValue, map: OptionMap): Mapped {
  const changed: [string, string][] = []
  const dropped: [string, Localized][] = []
  /** The new code of `code`, or undefined when it is dropped (and recorded either way). */
  const to = (code: string): string | undefined => {
    const target = Object.hasOwn(map, code) ? map[code] : code
    if (target === undefined) return code
    if (typeof target !== 'string') {
      dropped.push([code, target.drop])
      return undefined
    }
    if (target !== code) changed.push([code, target])
    return target
  }
  const mapped = answerKind(answer.kind).mapCodes(answer, to)
  return { ...(mapped === undefined ? {} : { answer: mapped }), changed, dropped }
}

/** The most restrictive rank among an answer's chosen codes; -1 when it chose none with a rank. */
function rankOf(answer: AnswerValue, ...items: (Item | undefined)[]): number {
  let best = -1
  for (const code of chosenCodes(answer)) {
    for (const item of items) {
      const rank = item && choiceOptions(item)?.find((o) => o.code === code)?.rank
      if (rank !== undefined) {
        best = Math.max(best, rank)
        break
      }
    }
  }
  return best
}

/** What a hop from one version to the next needs that does not depend on the assessment. */
interface HopPlan {
  next: Instrument
  before: ReadonlyMap<string, Item>
  after: ReadonlyMap<string, Item>
  /** The ids of the items whose definition is the same in both versions. */
  same: ReadonlySet<string>
  /** The steps of `next`, each with its qualified name. */
  steps: readonly { step: MigrationStep; qualified: string }[]
  version: string
  /** An item by its label, as the texts of the report name it. */
  name: (id: string, lang: Lang) => string
  /** An option by its label, looked up in the new version first, or in the previous for an old code. */
  optionName: (ids: readonly string[], code: string, lang: Lang, old?: boolean) => string
  /**
   * The text of a step that says the same for every answer (it names only items), made once and
   * shared by the notes of every assessment (a report entry joins its notes into a new text).
   */
  fixedText: (step: MigrationStep, make: () => Localized) => Localized
}

const hopPlans = new WeakMap<Instrument, WeakMap<Instrument, HopPlan>>()

/**
 * The plan of the hop from `previous` to `next`, made once per pair of instrument objects (a
 * loaded instrument is never changed; an edited one is a new object, with plans of its own).
 */
function hopPlan(previous: Instrument, next: Instrument): HopPlan {
  let byNext = hopPlans.get(previous)
  if (!byNext) hopPlans.set(previous, (byNext = new WeakMap()))
  let plan = byNext.get(next)
  if (!plan) byNext.set(next, (plan = makeHopPlan(previous, next)))
  return plan
}

function makeHopPlan(previous: Instrument, next: Instrument): HopPlan {
  const before = itemIndex(previous).items
  const after = itemIndex(next).items
  const same = new Set<string>()
  for (const [id, item] of before)
    if (after.has(id) && JSON.stringify(after.get(id)) === JSON.stringify(item)) same.add(id)
  const texts = new Map<MigrationStep, Localized>()
  return {
    next,
    before,
    after,
    same,
    steps: (next.migration?.steps ?? []).map((step) => ({
      step,
      qualified: qualifiedStep(next, step),
    })),
    version: `${next.id} ${next.version}`,
    name: (id, lang) => {
      const item = after.get(id) ?? before.get(id)
      return item ? `"${item.label[lang]}" (${id})` : `"${id}"`
    },
    optionName: (ids, code, lang, old = false) => {
      for (const id of ids)
        for (const items of old ? [before, after] : [after, before]) {
          const item = items.get(id)
          const option = item && choiceOptions(item)?.find((o) => o.code === code)
          if (option) return `"${option.label[lang]}" (${code})`
        }
      return `"${code}"`
    },
    fixedText: (step, make) => {
      let text = texts.get(step)
      if (!text) texts.set(step, (text = make()))
      return text
    },
  }
}

/**
 * Runs the steps of a hop over what is held (`given`: what each item held before the steps ran),
 * then keeps what fits the new version and is shown.
 */
function hop(
  plan: HopPlan,
  given: ReadonlyMap<string, Held>,
  notes: Map<string, Note[]>,
): Map<string, Held> {
  const { next, before, after, same, version, name, optionName, fixedText } = plan
  const held = new Map(given)
  const note = (h: Held, n: Note) => {
    for (const o of h.origins) {
      const list = notes.get(o) ?? []
      list.push(n)
      notes.set(o, list)
    }
  }
  /** What a map did to an answer, in words: codes changed and codes dropped with the reason. */
  const mapText = (m: Mapped, from: string, to: string, lang: Lang) => {
    const ids = [from, to]
    const parts = m.changed.map(([a, b]) =>
      lang === 'nl'
        ? `optie ${optionName(ids, a, lang, true)} werd ${optionName([to, from], b, lang)}`
        : `option ${optionName(ids, a, lang, true)} became ${optionName([to, from], b, lang)}`,
    )
    for (const [code, reason] of m.dropped)
      parts.push(
        lang === 'nl'
          ? `optie ${optionName(ids, code, lang, true)} vervalt (${reason.nl})`
          : `option ${optionName(ids, code, lang, true)} is dropped (${reason.en})`,
      )
    return parts.join('; ')
  }
  const withNote = (text: Localized, step: MigrationStep): Localized =>
    step.note ? join([text, step.note]) : text

  for (const { step, qualified: q } of plan.steps) {
    switch (step.kind) {
      case 'rename':
      case 'move': {
        const h = held.get(step.from)
        if (!h) break
        held.delete(step.from)
        held.set(step.to, h)
        const verb = step.kind === 'rename' ? ['Hernoemd', 'Renamed'] : ['Verplaatst', 'Moved']
        note(h, {
          step: q,
          kind: 'moved',
          text: fixedText(step, () =>
            withNote(
              localized((lang) =>
                lang === 'nl'
                  ? `${verb[0]} van ${name(step.from, lang)} naar ${name(step.to, lang)}.`
                  : `${verb[1]} from ${name(step.from, lang)} to ${name(step.to, lang)}.`,
              ),
              step,
            ),
          ),
        })
        break
      }
      case 'mapOptions': {
        const h = held.get(step.item)
        if (!h) break
        const m = mapAnswer(h.answer, step.options)
        if (!m.changed.length && !m.dropped.length) break
        const text = withNote(
          localized((lang) => {
            const what = mapText(m, step.item, step.item, lang)
            return lang === 'nl'
              ? `Opties van ${name(step.item, lang)} omgezet: ${what}.`
              : `Options of ${name(step.item, lang)} mapped: ${what}.`
          }),
          step,
        )
        if (m.answer) {
          held.set(step.item, { ...h, answer: m.answer })
          note(h, { step: q, kind: 'changed', text })
        } else {
          held.delete(step.item)
          note(h, { step: q, kind: 'dropped', text })
        }
        break
      }
      case 'split': {
        const h = held.get(step.from)
        if (!h) break
        held.delete(step.from)
        /** What each target's option map made of the answer; undefined where it is copied. */
        const mapped: (Mapped | undefined)[] = []
        for (const t of step.to) {
          if (t.carry === 'copy') {
            held.set(t.item, h)
            mapped.push(undefined)
            continue
          }
          const m = mapAnswer(h.answer, t.options)
          if (m.answer) held.set(t.item, { ...h, answer: m.answer })
          mapped.push(m)
        }
        const allCopied = mapped.every((m) => m === undefined)
        const parts = (): Localized[] =>
          allCopied
            ? [
                localized((lang) =>
                  lang === 'nl'
                    ? 'Het antwoord staat bij elk ervan zoals het gegeven was.'
                    : 'The answer is given for each of them as it was.',
                ),
              ]
            : step.to.map((t, k) => {
                const m = mapped[k]
                if (!m)
                  return localized((lang) =>
                    lang === 'nl'
                      ? `${name(t.item, lang)}: overgenomen zoals gegeven.`
                      : `${name(t.item, lang)}: copied as given.`,
                  )
                return localized((lang) => {
                  const what =
                    mapText(m, step.from, t.item, lang) ||
                    (lang === 'nl' ? 'ongewijzigd' : 'unchanged')
                  if (m.answer) return `${name(t.item, lang)}: ${what}.`
                  return lang === 'nl'
                    ? `${name(t.item, lang)}: geen antwoord, want ${what}.`
                    : `${name(t.item, lang)}: no answer, as ${what}.`
                })
              })
        const text = () =>
          withNote(
            join([
              localized((lang) => {
                const targets = step.to
                  .map((t) => name(t.item, lang))
                  .join(lang === 'nl' ? ' en ' : ' and ')
                return lang === 'nl'
                  ? `${name(step.from, lang)} is gesplitst in ${targets}.`
                  : `${name(step.from, lang)} was split into ${targets}.`
              }),
              ...parts(),
            ]),
            step,
          )
        // Copied to every target, the answer makes no difference to what the step says.
        note(h, { step: q, kind: 'changed', text: allCopied ? fixedText(step, text) : text() })
        break
      }
      case 'merge': {
        const present = step.from.flatMap((id) => {
          const h = held.get(id)
          return h ? [{ id, h }] : []
        })
        for (const id of step.from) held.delete(id)
        const first = present[0]
        if (!first) break
        const winner =
          step.rule === 'first'
            ? first
            : present.reduce((best, x) =>
                rankOf(x.h.answer, after.get(step.to), before.get(x.id)) >
                rankOf(best.h.answer, after.get(step.to), before.get(best.id))
                  ? x
                  : best,
              )
        held.set(step.to, winner.h)
        const how = (lang: Lang) =>
          step.rule === 'first'
            ? lang === 'nl'
              ? `het eerst gegeven antwoord, van ${name(winner.id, lang)}`
              : `the first answer given, of ${name(winner.id, lang)}`
            : lang === 'nl'
              ? `het meest beperkende antwoord, van ${name(winner.id, lang)}`
              : `the most restrictive answer, of ${name(winner.id, lang)}`
        const sources = (lang: Lang) =>
          step.from.map((id) => name(id, lang)).join(lang === 'nl' ? ' en ' : ' and ')
        const text = join([
          localized((lang) =>
            lang === 'nl'
              ? `${sources(lang)} zijn samengevoegd in ${name(step.to, lang)}, dat ${how(lang)} kreeg.`
              : `${sources(lang)} were merged into ${name(step.to, lang)}, which got ${how(lang)}.`,
          ),
          step.reason,
          ...(step.note ? [step.note] : []),
        ])
        for (const x of present)
          note(x.h, { step: q, kind: x === winner ? 'changed' : 'dropped', text })
        break
      }
      case 'drop': {
        const h = held.get(step.item)
        if (!h) break
        held.delete(step.item)
        note(h, {
          step: q,
          kind: 'dropped',
          text: fixedText(step, () =>
            withNote(
              join([
                localized((lang) =>
                  lang === 'nl'
                    ? `${name(step.item, lang)} vervalt in ${version}:`
                    : `${name(step.item, lang)} is dropped in ${version}:`,
                ),
                step.reason,
              ]),
              step,
            ),
          ),
        })
        break
      }
    }
  }

  // What the steps left must be an item of the new version, with an answer that still fits it.
  const fits = new Map<string, Held>()
  for (const [id, h] of held) {
    const item = after.get(id)
    if (!item) {
      note(h, {
        kind: 'dropped',
        text: localized((lang) =>
          lang === 'nl'
            ? `${name(id, lang)} bestaat niet in ${version} en geen migratiestap zegt waar het antwoord heen gaat.`
            : `${name(id, lang)} does not exist in ${version} and no migration step says where its answer goes.`,
        ),
      })
      continue
    }
    // An answer no step touched, of an item that did not change, still fits (the input was loaded,
    // so it fitted the previous version).
    if (same.has(id) && given.get(id)?.answer === h.answer) {
      fits.set(id, h)
      continue
    }
    const parsed = itemAnswerSchema(item).safeParse(h.answer)
    if (!parsed.success) {
      const problems = fromZodError(parsed.error)
      note(h, {
        kind: 'dropped',
        text: localized((lang) => {
          const why = problems.map((p) => p.message[lang]).join('; ')
          return lang === 'nl'
            ? `Het antwoord past niet bij ${name(id, lang)} in ${version}: ${why}.`
            : `The answer does not fit ${name(id, lang)} in ${version}: ${why}.`
        }),
      })
      continue
    }
    fits.set(id, h)
  }
  // The app saves only the answers of items that are shown; a new condition can hide one.
  const answers: Answers = {}
  for (const [id, h] of fits) answers[id] = h.answer
  for (const [id, h] of fits) {
    const item = after.get(id) as Item
    const cond = item.visibleWhen
    // Deleting the entry at hand does not disturb the loop; `answers` keeps what was shown before.
    if (!cond || isVisible(item, answers, next)) continue
    fits.delete(id)
    const chosen = chosenCodes(answers[cond.item])
    note(h, {
      kind: 'dropped',
      text: localized((lang) => {
        const options = cond.anyOf.map((code) => optionName([cond.item], code, lang)).join(', ')
        const now = chosen.map((code) => optionName([cond.item], code, lang)).join(', ')
        return lang === 'nl'
          ? `In ${version} staat ${name(id, lang)} alleen op het formulier als bij ${name(cond.item, lang)} een van deze keuzes gemaakt is: ${options}; ${now ? `hier is ${now} gekozen` : 'dat item is hier niet beantwoord'}.`
          : `In ${version} ${name(id, lang)} is on the form only when one of these is chosen for ${name(cond.item, lang)}: ${options}; ${now ? `here ${now} is chosen` : 'that item is not answered here'}.`
      }),
    })
  }
  return fits
}

/** The report entry of one input answer, from what happened to it and where it ended up. */
function entryOf(item: string, list: readonly Note[], to: readonly string[]): MigrationEntry {
  if (!list.length && to.length === 1 && to[0] === item) return { item, outcome: 'kept' }
  const steps = [...new Set(list.flatMap((n) => (n.step ? [n.step] : [])))]
  if (!to.length) {
    const drops = list.filter((n) => n.kind === 'dropped')
    return { item, outcome: 'dropped', steps, reason: join(drops.map((n) => n.text)) }
  }
  const how = join(list.map((n) => n.text))
  if (to.length === 1 && list.every((n) => n.kind === 'moved'))
    return { item, outcome: 'moved', to: to[0] as string, steps, how }
  return { item, outcome: 'transformed', to: [...to], steps, how }
}

/** The ids of the given answers in the order of the instrument's form; ids it lacks last, as given. */
function inFormOrder(answers: Answers, instrument: Instrument): string[] {
  const given = Object.keys(answers)
  const items = itemIndex(instrument).items
  const ids = new Set(given)
  return [...[...items.keys()].filter((id) => ids.has(id)), ...given.filter((id) => !items.has(id))]
}

/** The derivation of a derived assessment, its item keys following the answers they describe. */
function followDerivation(
  derivation: Derivation,
  entries: readonly MigrationEntry[],
  target: Instrument,
): Derivation {
  const items = itemIndex(target).items
  const where = new Map(
    entries.map((e) => [
      e.item,
      e.outcome === 'kept'
        ? [e.item]
        : e.outcome === 'moved'
          ? [e.to]
          : e.outcome === 'transformed'
            ? e.to
            : [],
    ]),
  )
  const derived: Derivation['items'] = {}
  for (const [id, d] of Object.entries(derivation.items))
    for (const to of where.get(id) ?? (items.has(id) ? [id] : [])) derived[to] ??= cloneJson(d)
  const notDerivable = Object.fromEntries(
    Object.entries(derivation.notDerivable).filter(([id]) => items.has(id)),
  )
  return { ...cloneJson(derivation), items: derived, notDerivable }
}

/**
 * The released free texts under the items their answers landed on: an answer kept or moved keeps
 * its release; one transformed, merged or dropped is private again until its author releases it.
 */
function followReleased(released: readonly string[], entries: readonly MigrationEntry[]) {
  const to = new Map<string, string>()
  for (const e of entries) {
    if (e.outcome === 'kept') to.set(e.item, e.item)
    else if (e.outcome === 'moved') to.set(e.item, e.to)
  }
  return released.flatMap((ref) => {
    const [item = '', field] = ref.split('#')
    const landed = to.get(item)
    return landed ? [`${landed}#${field}`] : []
  })
}

/**
 * Brings an assessment to a later version of its instrument through the migration steps of every
 * version in between. Pure: the input is never changed. The answers as given are kept in
 * `captured` (the first captured answers stay when an assessment is migrated again), and the
 * report says for every input answer whether it was kept, moved, transformed or dropped, and why.
 * @example
 * const r = migrate(assessment, '1.1.0', catalogue.instruments, { now: new Date() })
 * if (r.ok) save(r.value.assessment)
 */
export function migrate(
  given: Assessment,
  targetVersion: string,
  instruments: readonly Instrument[],
  options: { now: Date },
): LoadResult<MigrationResult> {
  const { id, version } = given.instrument
  const path = migrationPath(instruments, id, version, targetVersion)
  if (!path.ok) return path
  const chain = path.value
  const source = chain[0] as Instrument
  const target = chain[chain.length - 1] as Instrument

  const inputIds = inFormOrder(given.answers, source)
  let held = new Map<string, Held>(
    inputIds.map((k) => [k, { answer: given.answers[k] as AnswerValue, origins: [k] }]),
  )
  const notes = new Map<string, Note[]>()
  const steps: string[] = []
  for (let k = 1; k < chain.length; k++) {
    const plan = hopPlan(chain[k - 1] as Instrument, chain[k] as Instrument)
    held = hop(plan, held, notes)
    steps.push(...plan.steps.map((s) => s.qualified))
  }

  const answers: Answers = {}
  const landed = new Map<string, string[]>()
  for (const itemId of itemIndex(target).items.keys()) {
    const h = held.get(itemId)
    if (!h) continue
    answers[itemId] = cloneJson(h.answer)
    for (const o of h.origins) {
      const to = landed.get(o)
      if (to) to.push(itemId)
      else landed.set(o, [itemId])
    }
  }
  const entries = inputIds.map((k) => entryOf(k, notes.get(k) ?? [], landed.get(k) ?? []))
  const report: MigrationReport = {
    instrument: id,
    from: version,
    to: target.version,
    steps,
    entries,
  }
  if (chain.length === 1) return { ok: true, value: { assessment: cloneJson(given), report } }

  // A signed-off assessment is never changed in place: migrating it begins its next edition.
  const assessment = isSignedOff(given) ? startAmendment(given, options.now) : given
  const stamp = options.now.toISOString()
  // The migrated answers replace the given ones, which are copied once, into `captured`.
  const { derivation, captured, answers: givenAnswers, ...rest } = assessment
  return {
    ok: true,
    value: {
      assessment: {
        ...cloneJson(rest),
        instrument: { id, version: target.version },
        answers,
        released: followReleased(assessment.released, entries),
        updatedAt: stamp,
        ...(derivation ? { derivation: followDerivation(derivation, entries, target) } : {}),
        captured: captured
          ? { ...cloneJson(captured), migratedAt: stamp, steps: [...captured.steps, ...steps] }
          : {
              instrument: { id, version },
              answers: cloneJson(givenAnswers),
              migratedAt: stamp,
              steps,
            },
      },
      report,
    },
  }
}
