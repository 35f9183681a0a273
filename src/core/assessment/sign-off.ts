import { answerKind } from '../answer-kinds'
import { answerText } from '../report/answer-text'
import type { Instrument } from '../instrument/meta-schema'
import type { Lang } from '../answer-kinds/answer-kind'
import { itemIndex } from '../instrument/item-index'
import { issue, type ValidationIssue } from '../issues/validation-issue'
import type { AnswerValue, Assessment, Edition, SignOff } from './assessment-schema'
import { cloneJson } from './clone-json'

/** Signed off: read-only until a change (an amendment) is begun. */
export function isSignedOff(a: Pick<Assessment, 'status'>): boolean {
  return a.status !== 'concept'
}

/**
 * The assessment signed off by its author ("definitief maken"): `definitief` for the first edition,
 * `gewijzigd` for an amendment. Pure: the moment and the name come in.
 */
export function signOffAssessment(a: Assessment, signedOff: SignOff): Assessment {
  return {
    ...a,
    status: a.history.length ? 'gewijzigd' : 'definitief',
    signedOff,
    updatedAt: signedOff.at,
  }
}

/** The signed edition as it stands, to keep in the history when a change to it begins. */
function editionOf(a: Assessment): Edition {
  if (a.status === 'concept' || !a.signedOff) throw new Error('Only a signed-off edition is kept')
  return cloneJson({
    edition: a.edition,
    status: a.status,
    signedOff: a.signedOff,
    instrument: a.instrument,
    meta: a.meta,
    answers: a.answers,
    released: a.released,
  })
}

/**
 * Begins a change to a signed-off assessment: the signed edition goes into the history as it is,
 * and the next edition is a concept with the same answers, to be signed off in its turn.
 */
export function startAmendment(a: Assessment, now: Date): Assessment {
  const next: Assessment = {
    ...a,
    history: [...a.history, editionOf(a)],
    edition: a.edition + 1,
    status: 'concept',
    updatedAt: now.toISOString(),
  }
  delete next.signedOff
  return next
}

/** The history entry and the status fields agree: what the loader checks beyond the schema. */
export function editionIssues(a: Assessment): ValidationIssue[] {
  const issues: ValidationIssue[] = []
  if (a.status === 'concept' && a.signedOff)
    issues.push(
      issue(
        ['signedOff'],
        'Een concept is nog niet definitief gemaakt en heeft dus geen ondertekening',
        'A concept has not been signed off, so it has no sign-off',
      ),
    )
  if (a.status !== 'concept' && !a.signedOff)
    issues.push(
      issue(
        ['signedOff'],
        `Een beoordeling met status "${a.status}" noemt wie haar definitief maakte en wanneer`,
        `An assessment with status "${a.status}" names who signed it off and when`,
      ),
    )
  if (a.history.length !== a.edition - 1)
    issues.push(
      issue(
        ['history'],
        `Versie ${a.edition} hoort ${a.edition - 1} eerdere versies te bewaren, niet ${a.history.length}`,
        `Edition ${a.edition} should keep ${a.edition - 1} earlier editions, not ${a.history.length}`,
      ),
    )
  a.history.forEach((e, i) => {
    if (e.edition !== i + 1 || e.status !== (i === 0 ? 'definitief' : 'gewijzigd'))
      issues.push(
        issue(
          ['history', i],
          `Eerdere versie ${i + 1} is genummerd of benoemd als ${e.edition} (${e.status})`,
          `Earlier edition ${i + 1} is numbered or named as ${e.edition} (${e.status})`,
        ),
      )
  })
  if (a.status === 'definitief' && a.edition !== 1)
    issues.push(
      issue(
        ['status'],
        'Een gewijzigde versie heet "gewijzigd", niet "definitief"',
        'A changed edition is "gewijzigd", not "definitief"',
      ),
    )
  if (a.status === 'gewijzigd' && a.edition === 1)
    issues.push(
      issue(
        ['status'],
        'De eerste versie kan niet "gewijzigd" zijn',
        'The first edition cannot be "gewijzigd"',
      ),
    )
  return issues
}

/** One change between two editions: an answer, a detail of the assessment, a released text. */
export interface EditionChange {
  id: string
  label: string
  before: string
  after: string
}

/**
 * The answer without the texts typed into it, whose reading then holds no free text: a text item's
 * answer is nothing but its text; a choice's reading would name its "namely" texts.
 */
function withoutFreeTexts(answer: AnswerValue): AnswerValue | undefined {
  if (answer.kind === 'text') return undefined
  if (answer.kind === 'single' || answer.kind === 'multiple') {
    const rest = { ...answer }
    delete rest.specify
    return rest
  }
  return answer
}

/** An answer as one line: its reading and every free text typed into it. */
function fullText(
  item: Parameters<typeof answerText>[0] | undefined,
  answer: AnswerValue | undefined,
  lang: Lang,
  unitLabel: (u: string) => string,
  showsText: (field: string) => boolean,
): string {
  if (!answer) return ''
  const free = answerKind(answer.kind).freeTexts(answer)
  const plain = withoutFreeTexts(answer)
  const head = item && plain ? answerText(item, plain, lang, unitLabel) : ''
  const texts = free.filter((f) => showsText(f.field)).map((f) => f.text)
  return [head, ...texts].filter(Boolean).join(' · ')
}

type Side = Pick<Assessment, 'answers' | 'meta' | 'instrument'>

/**
 * What changed from one edition to the next, item by item in the instrument's order (items the
 * new version lacks last): each answer that differs, as text in one language. Items are named by
 * the newer side's instrument where it has them.
 */
export function editionChanges(args: {
  before: Side
  after: Side
  /** The instrument versions of both sides (the same one, unless the change migrated it). */
  instruments: readonly Instrument[]
  lang: Lang
  unitLabel: (u: string) => string
  /**
   * Whether the reader sees an item's answer (`field` undefined) and each of its free texts; all by
   * default. An item the reader does not see is left out; so is a change only in a hidden text.
   */
  shows?: (itemId: string, field?: string) => boolean
}): EditionChange[] {
  const shows = args.shows ?? (() => true)
  const { before, after, lang } = args
  const find = (ref: Side['instrument']) =>
    args.instruments.find((i) => i.id === ref.id && i.version === ref.version)
  const newer = find(after.instrument)
  const older = find(before.instrument)
  const items = new Map([
    ...(older ? itemIndex(older).items : []),
    ...(newer ? itemIndex(newer).items : []),
  ])
  const order = [
    ...new Set([
      ...(newer?.sections.flatMap((s) => s.items.map((i) => i.id)) ?? []),
      ...Object.keys(after.answers),
      ...Object.keys(before.answers),
    ]),
  ]
  const changes: EditionChange[] = []
  for (const id of order) {
    const a = before.answers[id]
    const b = after.answers[id]
    if (JSON.stringify(a) === JSON.stringify(b)) continue
    if (!shows(id)) continue
    const item = items.get(id)
    const was = fullText(item, a, lang, args.unitLabel, (f) => shows(id, f))
    const is = fullText(item, b, lang, args.unitLabel, (f) => shows(id, f))
    if (was !== is) changes.push({ id, label: item?.label[lang] ?? id, before: was, after: is })
  }
  return changes
}
