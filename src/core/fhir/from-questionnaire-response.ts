import { v5 as uuidv5 } from 'uuid'
import type { Answers, Assessment, AnswerValue } from '../assessment/assessment-schema'
import type { AssessmentStatus } from '../assessment/constants'
import { ASSESSMENT_FORMAT, ASSESSMENT_FORMAT_VERSION } from '../assessment/constants'
import { loadAssessment } from '../assessment/load-assessment'
import { itemIndex } from '../instrument/item-index'
import type { Instrument } from '../instrument/meta-schema'
import type { LoadResult, PathSegment, ValidationIssue } from '../issues/validation-issue'
import { issue, jsonPath } from '../issues/validation-issue'
import type { AssessmentRecord } from './assessment-extension'
import { RESPONSE_STATUS } from './assessment-extension'
import type { Extension, QuestionnaireResponseItem } from './fhir-types'
import { ASSESSMENT_EXTENSION, FHIR_BASE, partLinkId, questionnaireUrl } from './fhir-urls'
import { AnswerReader } from './qr-answers'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** The namespace of the ids named after a response's identity elsewhere (UUID version 5). */
const FOREIGN_ID_NAMESPACE = '5d0e6a43-6c3e-4b8e-9a51-3f1c2e7d9b40'

/**
 * The id of the assessment a response becomes: its own UUID (an identifier `urn:uuid:…`, as we
 * write it, or a UUID as its id). A response made by another system is named there otherwise
 * (identifier system and value, or its id): a UUID version 5 of that name, so that importing it
 * again finds the same assessment; without either, one of its content.
 */
function assessmentId(json: Record<string, unknown>): string {
  const identifier = isObject(json.identifier) ? json.identifier : undefined
  const value = typeof identifier?.value === 'string' ? identifier.value : undefined
  const own = value?.replace(/^urn:uuid:/, '')
  if (own && UUID.test(own)) return own.toLowerCase()
  if (typeof json.id === 'string' && UUID.test(json.id)) return json.id.toLowerCase()
  const system = typeof identifier?.system === 'string' ? identifier.system : ''
  const name =
    value !== undefined
      ? `identifier|${system}|${value}`
      : typeof json.id === 'string'
        ? `id|${json.id}`
        : `content|${JSON.stringify(json)}`
  return uuidv5(name, FOREIGN_ID_NAMESPACE)
}

type Json = Record<string, unknown>
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v)

/** Which instrument version a response answers, from its `questionnaire` (`<url>|<version>`). */
function findQuestionnaire(
  questionnaire: unknown,
  instruments: readonly Instrument[],
): LoadResult<Instrument> {
  const at = ['questionnaire']
  if (typeof questionnaire !== 'string')
    return fail(
      at,
      'Het veld "questionnaire" ontbreekt: welke vragenlijst is ingevuld?',
      'The field "questionnaire" is missing: which questionnaire was filled in?',
    )
  const bar = questionnaire.indexOf('|')
  const url = bar < 0 ? questionnaire : questionnaire.slice(0, bar)
  const version = bar < 0 ? undefined : questionnaire.slice(bar + 1)
  const prefix = questionnaireUrl('')
  const id = url.startsWith(prefix) ? url.slice(prefix.length) : undefined
  const sameId = instruments.filter((i) => i.id === id)
  if (!sameId.length) {
    const known = [...new Set(instruments.map((i) => questionnaireUrl(i.id)))].join(', ')
    return fail(
      at,
      `Vragenlijst "${url}" is geen vragenlijst van BAR studio (${FHIR_BASE}); bekend: ${known}`,
      `Questionnaire "${url}" is not a BAR studio questionnaire (${FHIR_BASE}); known: ${known}`,
    )
  }
  const versions = sameId.map((i) => i.version).join(', ')
  if (!version)
    return fail(
      at,
      `De versie van vragenlijst "${id}" ontbreekt: schrijf "${url}|<versie>" (bekend: ${versions})`,
      `The version of questionnaire "${id}" is missing: write "${url}|<version>" (known: ${versions})`,
    )
  const found = sameId.find((i) => i.version === version)
  if (!found)
    return fail(
      at,
      `Versie ${version} van vragenlijst "${id}" is niet bekend (bekend: ${versions})`,
      `Version ${version} of questionnaire "${id}" is not known (known: ${versions})`,
    )
  return { ok: true, value: found }
}

function fail(
  path: readonly PathSegment[],
  nl: string,
  en: string,
): { ok: false; issues: ValidationIssue[] } {
  return { ok: false, issues: [issue(path, nl, en)] }
}

const STATUS_OF = Object.fromEntries(
  Object.entries(RESPONSE_STATUS).map(([ours, theirs]) => [theirs, ours]),
) as Record<string, AssessmentStatus>

/** The parts of our extension by name (`released` may repeat). */
function extensionParts(qr: Json): { parts: Map<string, Extension[]>; at: PathSegment[] } {
  const list = Array.isArray(qr.extension) ? (qr.extension as unknown[]) : []
  const k = list.findIndex((e) => isObject(e) && e.url === ASSESSMENT_EXTENSION)
  const parts = new Map<string, Extension[]>()
  const ext = list[k]
  if (isObject(ext) && Array.isArray(ext.extension))
    for (const p of ext.extension as unknown[])
      if (isObject(p) && typeof p.url === 'string')
        parts.set(p.url, [...(parts.get(p.url) ?? []), p as unknown as Extension])
  return { parts, at: ['extension', Math.max(k, 0)] }
}

/** The answers in the response's items: sections hold items; a linkId not in the instrument is refused. */
function readItems(
  instrument: Instrument,
  items: unknown,
  path: readonly PathSegment[],
  reader: AnswerReader,
  answers: Answers,
  issues: ValidationIssue[],
  paths: Map<string, PathSegment[]>,
) {
  if (items === undefined) return
  if (!Array.isArray(items)) {
    issues.push(issue(path, 'Verwacht een lijst items', 'Expected a list of items'))
    return
  }
  const index = itemIndex(instrument)
  const sections = new Set(instrument.sections.map((s) => s.id))
  items.forEach((raw: unknown, k) => {
    const at = [...path, k]
    const linkId = isObject(raw) ? raw.linkId : undefined
    const item = typeof linkId === 'string' ? index.items.get(linkId) : undefined
    if (typeof linkId === 'string' && sections.has(linkId))
      readItems(instrument, (raw as Json).item, [...at, 'item'], reader, answers, issues, paths)
    else if (item) {
      paths.set(item.id, at)
      const parts = (raw as Json).item
      if (Array.isArray(parts))
        parts.forEach((part: unknown, j) => {
          if (isObject(part) && typeof part.linkId === 'string')
            paths.set(part.linkId, [...at, 'item', j])
        })
      if (item.id in answers)
        issues.push(
          issue(
            [...at, 'linkId'],
            `Item "${item.id}" komt meer dan eens voor`,
            `Item "${item.id}" occurs more than once`,
          ),
        )
      const answer = reader.read(item, raw as QuestionnaireResponseItem, at)
      if (answer !== undefined) answers[item.id] = answer
    } else
      issues.push(
        issue(
          [...at, 'linkId'],
          `Onbekende linkId ${JSON.stringify(linkId)}: geen sectie of item van ${instrument.id} ${instrument.version}`,
          `Unknown linkId ${JSON.stringify(linkId)}: no section or item of ${instrument.id} ${instrument.version}`,
        ),
      )
  })
}

function display(v: unknown): string {
  return isObject(v) && typeof v.display === 'string' ? v.display : ''
}

/**
 * A FHIR R4 QuestionnaireResponse (JSON) to one of our Questionnaires, read back as an assessment and
 * validated as `loadAssessment` does; a response to another questionnaire, to an unknown version, or
 * with linkIds or codes the instrument does not have is refused with every problem at once.
 * @example
 * const r = fromQuestionnaireResponse(JSON.parse(text), catalogue.instruments)
 * if (r.ok) save(r.value.assessment)
 */
export function fromQuestionnaireResponse(
  json: unknown,
  instruments: readonly Instrument[],
): LoadResult<{ assessment: Assessment; instrument: Instrument }> {
  if (!isObject(json) || json.resourceType !== 'QuestionnaireResponse') {
    const type = isObject(json) ? json.resourceType : undefined
    return type === 'Questionnaire'
      ? fail(
          ['resourceType'],
          'Dit is een FHIR Questionnaire (de vragenlijst zelf), geen QuestionnaireResponse (de antwoorden)',
          'This is a FHIR Questionnaire (the form itself), not a QuestionnaireResponse (the answers)',
        )
      : fail(
          ['resourceType'],
          `Dit is geen FHIR QuestionnaireResponse (resourceType: ${JSON.stringify(type)})`,
          `This is not a FHIR QuestionnaireResponse (resourceType: ${JSON.stringify(type)})`,
        )
  }
  const found = findQuestionnaire(json.questionnaire, instruments)
  if (!found.ok) return found
  const instrument = found.value
  const issues: ValidationIssue[] = []

  const status = typeof json.status === 'string' ? STATUS_OF[json.status] : undefined
  if (!status)
    issues.push(
      issue(
        ['status'],
        `Status ${JSON.stringify(json.status)} kan niet worden ingelezen (wel: in-progress, completed, amended)`,
        `Status ${JSON.stringify(json.status)} cannot be read (possible: in-progress, completed, amended)`,
      ),
    )
  const id = assessmentId(json)
  if (typeof json.authored !== 'string')
    issues.push(
      issue(['authored'], 'Het veld "authored" ontbreekt', 'The field "authored" is missing'),
    )
  const language = json.language ?? 'nl'
  if (language !== 'nl' && language !== 'en')
    issues.push(
      issue(
        ['language'],
        `Taal ${JSON.stringify(language)} wordt niet ondersteund (wel: nl, en)`,
        `Language ${JSON.stringify(language)} is not supported (possible: nl, en)`,
      ),
    )

  const reader = new AnswerReader(instrument.id)
  const answers: Answers = {}
  const paths = new Map<string, PathSegment[]>()
  readItems(instrument, json.item, ['item'], reader, answers, issues, paths)
  issues.push(...reader.issues)

  const { parts, at } = extensionParts(json)
  const value = <K extends keyof Extension>(name: string, key: K) => parts.get(name)?.[0]?.[key]
  let record: AssessmentRecord = {}
  const recordText = value('record', 'valueString')
  if (typeof recordText === 'string')
    try {
      record = JSON.parse(recordText) as AssessmentRecord
    } catch {
      issues.push(
        issue(
          [...at, 'record'],
          'Het onderdeel "record" is geen geldige JSON',
          'The part "record" is not valid JSON',
        ),
      )
    }
  if (issues.length) return { ok: false, issues }

  const authored = json.authored as string
  const signed = parts.get('signedOff')?.[0]?.extension ?? []
  const signedPart = <K extends keyof Extension>(name: string, key: K) =>
    signed.find((e) => e.url === name)?.[key]
  const validUntil = value('validUntil', 'valueDate')
  const assessment: Assessment = {
    ...(record.$schema === undefined ? {} : { $schema: record.$schema }),
    format: ASSESSMENT_FORMAT,
    formatVersion: ASSESSMENT_FORMAT_VERSION,
    id,
    instrument: { id: instrument.id, version: instrument.version },
    language: language as 'nl' | 'en',
    meta: {
      authorRole: (value('authorRole', 'valueCode') ??
        instrument.authorRoles[0]) as Assessment['meta']['authorRole'],
      authorName: display(json.author),
      employee: display(json.subject),
      assessmentDate: (value('assessmentDate', 'valueDate') ?? authored.slice(0, 10)) as string,
      ...(validUntil === undefined ? {} : { validUntil }),
    },
    answers: { ...answers, ...(record.answers ?? {}) } as Record<string, AnswerValue>,
    createdAt: (value('createdAt', 'valueDateTime') ?? authored) as string,
    updatedAt: authored,
    ...(record.derivation ? { derivation: record.derivation } : {}),
    ...(record.captured ? { captured: record.captured } : {}),
    status: status as AssessmentStatus,
    edition: (value('edition', 'valuePositiveInt') ?? 1) as number,
    ...(signed.length
      ? {
          signedOff: {
            name: signedPart('name', 'valueString'),
            role: signedPart('role', 'valueCode'),
            date: signedPart('date', 'valueDate'),
            at: signedPart('at', 'valueDateTime'),
          } as Assessment['signedOff'],
        }
      : {}),
    released: (parts.get('released') ?? []).map((p) => p.valueString) as string[],
    history: record.history ?? [],
  }
  const loaded = loadAssessment(assessment, instruments)
  return loaded.ok ? loaded : { ok: false, issues: loaded.issues.map((i) => inResponse(i, paths)) }
}

/** The names of a JSON path as {@link jsonPath} writes it: `$.a["b.c"][0]` → a, b.c, 0. */
function pathNames(path: string): string[] {
  const segment = /\.([A-Za-z_$][\w$]*)|\[("(?:[^"\\]|\\.)*")\]|\[(\d+)\]/g
  return [...path.slice(1).matchAll(segment)].map(
    (m) => m[1] ?? m[3] ?? (JSON.parse(m[2] as string) as string),
  )
}

/**
 * A problem the assessment check found in an answer, located in the response it was read from:
 * the path of the response's item (or of its part: a capacity's level or one quantity), the
 * linkId named in the message. Problems elsewhere keep their path.
 */
function inResponse(found: ValidationIssue, paths: ReadonlyMap<string, PathSegment[]>) {
  const [top, id, ...rest] = pathNames(found.path)
  if (top !== 'answers' || id === undefined) return found
  // A capacity's parts are sub-items: `level`, or one quantity under `quantities`.
  const part = rest[0] === 'quantities' ? rest[1] : rest[0]
  const sub = part === undefined ? undefined : partLinkId(id, part)
  const linkId = sub !== undefined && paths.has(sub) ? sub : id
  const at = paths.get(linkId)
  if (!at) return found
  return {
    path: jsonPath(at),
    message: {
      nl: `"${linkId}": ${found.message.nl}`,
      en: `"${linkId}": ${found.message.en}`,
    },
  }
}
