import type {
  AnswerKind,
  AnswerSpec,
  Item,
  Localized,
  Option,
  Section,
} from '../instrument/meta-schema'

/** The kinds of answer, in the order a "kind" menu lists them. */
export const ANSWER_KINDS: readonly AnswerKind[] = [
  'single',
  'multiple',
  'capacity',
  'quantity',
  'text',
  'date',
]

/**
 * A text still to be written in both languages: the problems list shows it as missing.
 * @example
 * blankText() // { nl: '', en: '' }
 */
export function blankText(): Localized {
  return { nl: '', en: '' }
}

/**
 * The first of `stem`, `stem-2`, `stem-3`… that is not taken.
 * @example
 * freshId('nieuw-item', new Set(['nieuw-item'])) // 'nieuw-item-2'
 */
export function freshId(stem: string, taken: ReadonlySet<string>): string {
  if (!taken.has(stem)) return stem
  for (let n = 2; ; n++) if (!taken.has(`${stem}-${n}`)) return `${stem}-${n}`
}

/**
 * The first of `optie-1`, `optie-2`… that is not taken.
 * @example
 * freshCode(new Set(['optie-1'])) // 'optie-2'
 */
export function freshCode(taken: ReadonlySet<string>): string {
  for (let n = 1; ; n++) if (!taken.has(`optie-${n}`)) return `optie-${n}`
}

/**
 * A new option with blank texts; ranked when the options beside it are (all or none are).
 * @example
 * newOption('optie-3', 2) // { code: 'optie-3', label: { nl: '', en: '' }, rank: 2 }
 */
export function newOption(code: string, rank?: number): Option {
  return { code, label: blankText(), ...(rank === undefined ? {} : { rank }) }
}

/**
 * The rank an option added to these options gets: one more than the highest, when all are ranked.
 * @example
 * nextRank(barTillen.answer.levels) // 5
 */
export function nextRank(options: readonly Option[]): number | undefined {
  if (!options.length || options.some((o) => o.rank === undefined)) return undefined
  return Math.max(...options.map((o) => o.rank as number)) + 1
}

/**
 * The answer spec a new item of this kind starts with: two blank options for a choice or a
 * capacity, a one-line text of at most 2000 characters, hours per day from 0 to 24.
 * @example
 * defaultAnswer('quantity') // { kind: 'quantity', unit: 'hours-per-day', min: 0, max: 24 }
 */
export function defaultAnswer(kind: AnswerKind): AnswerSpec {
  const two = () => [newOption(freshCode(new Set())), newOption(freshCode(new Set(['optie-1'])))]
  switch (kind) {
    case 'single':
      return { kind, options: two() }
    case 'multiple':
      return { kind, options: two() }
    case 'text':
      return { kind, multiline: false, maxLength: 2000 }
    case 'quantity':
      return { kind, unit: 'hours-per-day', min: 0, max: 24 }
    case 'date':
      return { kind }
    case 'capacity':
      return { kind, levels: two(), quantities: [] }
  }
}

/**
 * A new item with a blank label and the default answer of its kind.
 * @example
 * newItem('nieuw-item', 'date') // { id: 'nieuw-item', label: { nl: '', en: '' }, answer: { kind: 'date' } }
 */
export function newItem(id: string, kind: AnswerKind): Item {
  return { id, label: blankText(), answer: defaultAnswer(kind) }
}

/**
 * A new section with a blank label, holding one item (a section has at least one).
 * @example
 * newSection('nieuwe-sectie', newItem('nieuw-item', 'text'), 'werkfactoren')
 */
export function newSection(id: string, item: Item, domain?: string): Section {
  return { id, ...(domain === undefined ? {} : { domain }), label: blankText(), items: [item] }
}
