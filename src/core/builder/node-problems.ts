import { cloneJson } from '../assessment/clone-json'
import { loadInstrument } from '../instrument/load-instrument'
import { nextVersion } from '../instrument/schema-diff'
import type { Instrument, Localized, Vocabulary } from '../instrument/meta-schema'
import type { LoadResult, PathSegment, ValidationIssue } from '../issues/validation-issue'
import { issue } from '../issues/validation-issue'
import type { Draft } from './draft'
import type { NodeRef } from './node-ref'
import { nodeKey, nodeOfPath, pathSegments } from './node-ref'
import type { TranslationRow } from './translations'
import { isBlank, translationRows } from './translations'

const FIELD_NAMES: Readonly<Record<string, Localized>> = {
  title: { nl: 'Titel', en: 'Title' },
  description: { nl: 'Beschrijving', en: 'Description' },
  summary: { nl: 'Samenvatting', en: 'Summary' },
  note: { nl: 'Toelichting', en: 'Note' },
  verified: { nl: 'Gecontroleerd', en: 'Verified' },
  reconstructed: { nl: 'Gereconstrueerd', en: 'Reconstructed' },
  label: { nl: 'Label', en: 'Label' },
  help: { nl: 'Uitleg', en: 'Help' },
  reason: { nl: 'Reden', en: 'Reason' },
}

/** "Engelse tekst ontbreekt bij Label" / "English text missing for Label". */
function missingText(row: TranslationRow, lang: 'nl' | 'en'): ValidationIssue {
  const field = FIELD_NAMES[row.field] ?? { nl: row.field, en: row.field }
  return lang === 'nl'
    ? issue(
        [...row.path, lang],
        `Nederlandse tekst ontbreekt bij ${field.nl}`,
        `Dutch text missing for ${field.en}`,
      )
    : issue(
        [...row.path, lang],
        `Engelse tekst ontbreekt bij ${field.nl}`,
        `English text missing for ${field.en}`,
      )
}

/** Put in for a missing text, so that the loader checks everything else instead of stopping there. */
const PLACEHOLDER = '…'

/**
 * A copy of `instrument` with every missing text filled in, for the checks that do not read texts.
 * @example
 * withTextsFilled(draft.instrument).sections[0].items[11].label // { nl: '…', en: '…' } for a new item
 */
export function withTextsFilled(instrument: Instrument): Instrument {
  const copy = cloneJson(instrument)
  for (const row of translationRows(copy)) {
    let text: unknown = copy
    for (const seg of row.path) text = (text as Record<PathSegment, unknown>)[seg]
    const t = text as Record<string, unknown>
    for (const lang of ['nl', 'en'] as const)
      if (typeof t[lang] !== 'string' || isBlank(t[lang] as string)) t[lang] = PLACEHOLDER
  }
  return copy
}

/**
 * A problem when the draft was not opened from `base`.
 * @example
 * otherBase(startDraft(bar100), bar110)?.message.en // 'This draft was opened from bar 1.0.0, not from bar 1.1.0'
 */
export function otherBase(draft: Draft, base: Instrument): ValidationIssue | undefined {
  if (draft.base.id === base.id && draft.base.version === base.version) return undefined
  return issue(
    [],
    `Dit concept is geopend vanaf ${draft.base.id} ${draft.base.version}, niet vanaf ${base.id} ${base.version}`,
    `This draft was opened from ${draft.base.id} ${draft.base.version}, not from ${base.id} ${base.version}`,
  )
}

/**
 * The draft loaded as the version following `base` (its migration checked against it), without its
 * missing texts (`draftProblems` names those), under the placeholder version: the real one is
 * chosen at save, whatever a `set` put in the draft.
 * @example
 * const r = loadDraft(draft, vocabulary, bar100) // r.ok: nothing but texts to write
 */
export function loadDraft(
  draft: Draft,
  vocabulary: Vocabulary | undefined,
  base: Instrument,
): LoadResult<Instrument> {
  const other = otherBase(draft, base)
  if (other) return { ok: false, issues: [other] }
  const filled = {
    ...withTextsFilled(draft.instrument),
    version: nextVersion(base.version, 'patch'),
  }
  if (!filled.migration)
    return {
      ok: false,
      issues: [
        issue(
          ['migration'],
          `Deze versie volgt op ${base.version}: zeg met "migration" hoe antwoorden overgaan`,
          `This version follows ${base.version}: say with "migration" how answers carry over`,
        ),
      ],
    }
  return loadInstrument(filled, vocabulary, base)
}

/** Instrument-level problems first, then by section, item and option, each in the order found. */
function documentOrder(a: NodeRef, b: NodeRef): number {
  const rank = (r: NodeRef) =>
    r.kind === 'instrument'
      ? [-1]
      : r.kind === 'section'
        ? [r.section, -1]
        : r.kind === 'item'
          ? [r.section, r.item, -1]
          : [r.section, r.item, r.option]
  const x = rank(a)
  const y = rank(b)
  for (let k = 0; k < Math.max(x.length, y.length); k++) {
    const d = (x[k] ?? -1) - (y[k] ?? -1)
    if (d) return d
  }
  return 0
}

/**
 * Every problem of the draft, and the same grouped by the node they are in (by `nodeKey`), for
 * badges in the outline: what `loadInstrument` finds with the base as the previous version (the
 * migration included), and one problem per missing text, naming the field and the language. The
 * placeholder version is not a problem: the version is chosen at save.
 * @example
 * const { byNode, all } = draftProblems(draft, vocabulary, bar100)
 * byNode.get('s2.i0') // [{ path: '$.sections[2].items[0].label.en', message: { nl: 'Engelse tekst ontbreekt bij Label', … } }]
 */
export function draftProblems(
  draft: Draft,
  vocabulary: Vocabulary | undefined,
  base: Instrument,
): { byNode: Map<string, ValidationIssue[]>; all: ValidationIssue[] } {
  const texts = translationRows(draft.instrument).flatMap((row) =>
    (['nl', 'en'] as const)
      .filter((lang) => isBlank(row[lang]))
      .map((lang) => missingText(row, lang)),
  )
  const loaded = loadDraft(draft, vocabulary, base)
  const placed = [...texts, ...(loaded.ok ? [] : loaded.issues)].map((i) => ({
    issue: i,
    node: nodeOfPath(pathSegments(i.path)),
  }))
  placed.sort((a, b) => documentOrder(a.node, b.node))
  const byNode = new Map<string, ValidationIssue[]>()
  for (const { issue: i, node } of placed) {
    const key = nodeKey(node)
    byNode.set(key, [...(byNode.get(key) ?? []), i])
  }
  return { byNode, all: placed.map((p) => p.issue) }
}
