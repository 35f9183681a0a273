import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { ParseArgsConfig } from 'node:util'
import { parseArgs } from 'node:util'
import { ASSESSMENT_FORMAT } from '../core/assessment/constants'
import { loadAssessment } from '../core/assessment/load-assessment'
import { parseJsonBytes } from '../core/assessment/safe-json'
import { buildCatalogue } from '../core/instrument/catalogue'
import { findVocabulary } from '../core/instrument/catalogue-data'
import { jsonSchemas } from '../core/instrument/json-schemas'
import { loadInstrument, loadVocabulary } from '../core/instrument/load-instrument'
import type { Instrument } from '../core/instrument/meta-schema'
import { diffInstruments } from '../core/instrument/schema-diff'
import type { LoadResult } from '../core/issues/validation-issue'
import type { ValidationIssue } from '../core/issues/validation-issue'
import { formatIssues, issue } from '../core/issues/validation-issue'
import type { Side } from '../core/compare/compare'
import { compareAssessments } from '../core/compare/compare'
import { deriveAssessment } from '../core/compare/derive'
import { buildComparisonView } from '../core/report/comparison-view'
import { unitLabelFrom } from '../core/report/format'
import { createFixedT } from '../i18n/fixed-t'
import { diffText } from './diff-text'
import { migrateCommand } from './migrate-command'
import { readBytes } from './read-bytes'
import { writeReportPdf } from './pdf-command'
import { cohortCsv, cohortFromPath } from './cohort-command'
import { syntheticCohortNdjson } from './synthetic-cohort'
import { fromQuestionnaireResponse, toQuestionnaire, toQuestionnaireResponse } from '../core/fhir'
import { READERS, type Reader } from '../core/report/readers'
import { readSchemaFiles, schemasDir } from './schema-files'

type Lang = 'nl' | 'en'

const isReader = (v: unknown): v is Reader => READERS.includes(v as Reader)

/** Exit codes, the same for every command. */
export const EXIT = { ok: 0, invalid: 1, usage: 2 } as const

export interface Io {
  out: (text: string) => void
  err: (text: string) => void
}

const USAGE: Record<Lang, string> = {
  nl: `Gebruik: npm run --silent cli -- <opdracht> [argumenten] [--lang nl|en]

Opdrachten:
  instruments              de instrumenten in schemas/ (id, versie, titel)
  validate <bestand>       controleer een beoordeling, instrument of begrippenlijst; elk probleem op stderr
  cohort <map|paren.ndjson> [--format json|csv]
                           overeenstemming per item over vele BA/VA-paren (kappa, AC1/AC2, alfa)
  synthetic-cohort --pairs <aantal> [--seed <getal>] -o <paren.ndjson>
                           schrijf een synthetisch cohort van geldige BA/VA-paren (uit de voorbeelden), herhaalbaar per seed
  fhir <instrument.json|beoordeling.json>
                           het instrument als FHIR R4 Questionnaire, of de beoordeling als QuestionnaireResponse
  derive-fml <bar.json>    de FML afgeleid uit een BAR-beoordeling, als JSON
  diff <ba.json> <va.json> [--format json|text]
                           vergelijk de beoordeling van de bedrijfsarts met die van de verzekeringsarts
  pdf <beoordeling.json> [--for professional|employer|employee] [--compare <va.json>] [--lang nl|en] -o <uit.pdf>
                           schrijf het rapport als PDF: voor professionals volledig (BAR, FML,
                           vergelijking, begrippenlijst), voor de werkgever of de werknemer alleen
                           de functionele informatie en de vrijgegeven teksten
  json-schemas [--check]   schrijf schemas/*.schema.json uit de zod-metaschema's (--check: alleen vergelijken)
  schema-diff <oud.json> <nieuw.json>
                           wat er tussen twee versies van een instrument veranderde en welke versiesprong dat vraagt
  migrate <beoordeling.json> --to <versie|latest> [-o <uit.json>]
                           zet een beoordeling om naar een latere versie van haar instrument; het verslag op stderr

Elke opdracht neemt --help. Afsluitcodes: 0 gelukt, 1 ongeldige invoer, 2 verkeerd gebruik.`,
  en: `Usage: npm run --silent cli -- <command> [args] [--lang nl|en]

Commands:
  instruments              list the instruments in schemas/ (id, version, title)
  validate <file>          check an assessment, instrument or vocabulary file; every problem on stderr
  cohort <folder|pairs.ndjson> [--format json|csv]
                           agreement per item over many BA/VA pairs (kappa, AC1/AC2, alpha)
  synthetic-cohort --pairs <count> [--seed <number>] -o <pairs.ndjson>
                           write a synthetic cohort of valid BA/VA pairs (from the examples), repeatable per seed
  fhir <instrument.json|assessment.json>
                           print the instrument as a FHIR R4 Questionnaire, or the assessment as a QuestionnaireResponse
  derive-fml <bar.json>    print the FML derived from a BAR assessment, as JSON
  diff <ba.json> <va.json> [--format json|text]
                           compare the bedrijfsarts's and the verzekeringsarts's assessments
  pdf <assessment.json> [--for professional|employer|employee] [--compare <va.json>] [--lang nl|en] -o <out.pdf>
                           write the report PDF: for professionals in full (BAR, FML, comparison,
                           glossary), for the employer or the employee only the functional
                           information and the released texts
  json-schemas [--check]   write schemas/*.schema.json from the zod meta-schemas (--check: only compare)
  schema-diff <old.json> <new.json>
                           what changed between two versions of an instrument and the version bump it needs
  migrate <assessment.json> --to <version|latest> [-o <out.json>]
                           bring an assessment to a later version of its instrument; the report on stderr

Every command takes --help. Exit codes: 0 success, 1 invalid input, 2 usage error.`,
}

/** A usage error, said in the language asked for. */
class UsageError extends Error {
  constructor(readonly text: Record<Lang, string>) {
    super(text.en)
  }
}
const usage = (nl: string, en: string) => new UsageError({ nl, en })

/** The language asked for, read before the rest so that even an error in the arguments uses it. */
function requestedLang(argv: readonly string[]): Lang {
  let lang: Lang = 'nl'
  argv.forEach((a, i) => {
    const v = a === '--lang' ? argv[i + 1] : a.startsWith('--lang=') ? a.slice(7) : undefined
    if (v !== undefined) lang = v === 'en' ? 'en' : 'nl'
  })
  return lang
}

type Options = NonNullable<ParseArgsConfig['options']>

interface CommandSpec {
  options: Options
  /** How many arguments it takes, and what to say otherwise. */
  args: number
  wrongArgs: [nl: string, en: string]
}

const COMMON: Options = { lang: { type: 'string' }, help: { type: 'boolean' } }

const COMMANDS: Record<string, CommandSpec> = {
  instruments: {
    options: {},
    args: 0,
    wrongArgs: ['instruments neemt geen argumenten', 'instruments takes no arguments'],
  },
  validate: {
    options: {},
    args: 1,
    wrongArgs: ['validate neemt precies één bestand', 'validate takes exactly one file'],
  },
  cohort: {
    options: { format: { type: 'string' } },
    args: 1,
    wrongArgs: [
      'cohort neemt één map of één NDJSON-bestand met BA/VA-paren',
      'cohort takes one folder or one NDJSON file of BA/VA pairs',
    ],
  },
  'synthetic-cohort': {
    options: {
      pairs: { type: 'string' },
      seed: { type: 'string' },
      out: { type: 'string', short: 'o' },
    },
    args: 0,
    wrongArgs: [
      'synthetic-cohort neemt --pairs <aantal> en -o <paren.ndjson>, geen argumenten',
      'synthetic-cohort takes --pairs <count> and -o <pairs.ndjson>, no arguments',
    ],
  },
  fhir: {
    options: {},
    args: 1,
    wrongArgs: [
      'fhir neemt precies één instrument- of beoordelingsbestand',
      'fhir takes exactly one instrument or assessment file',
    ],
  },
  'derive-fml': {
    options: {},
    args: 1,
    wrongArgs: [
      'derive-fml neemt precies één BAR-beoordeling',
      'derive-fml takes exactly one BAR assessment file',
    ],
  },
  diff: {
    options: { format: { type: 'string' } },
    args: 2,
    wrongArgs: [
      'diff neemt twee beoordelingen: <ba.json> <va.json>',
      'diff takes two assessment files: <ba.json> <va.json>',
    ],
  },
  pdf: {
    options: {
      compare: { type: 'string' },
      out: { type: 'string', short: 'o' },
      for: { type: 'string' },
    },
    args: 1,
    wrongArgs: [
      'pdf neemt één beoordeling en -o <uit.pdf>',
      'pdf takes one assessment file and -o <out.pdf>',
    ],
  },
  'json-schemas': {
    options: { check: { type: 'boolean' } },
    args: 0,
    wrongArgs: ['json-schemas neemt geen argumenten', 'json-schemas takes no arguments'],
  },
  'schema-diff': {
    options: {},
    args: 2,
    wrongArgs: [
      'schema-diff neemt twee instrumentbestanden: <oud.json> <nieuw.json>',
      'schema-diff takes two instrument files: <old.json> <new.json>',
    ],
  },
  migrate: {
    options: { to: { type: 'string' }, out: { type: 'string', short: 'o' } },
    args: 1,
    wrongArgs: [
      'migrate neemt één beoordeling en --to <versie>',
      'migrate takes one assessment file and --to <version>',
    ],
  },
  help: {
    options: {},
    args: 0,
    wrongArgs: ['help neemt geen argumenten', 'help takes no arguments'],
  },
}

/** What the value of an option must be, for the message when it is missing or wrong. */
const VALUE_OF: Record<string, [nl: string, en: string]> = {
  lang: ['nl of en', 'nl or en'],
  format: ['json of text', 'json or text'],
  compare: ['een bestand', 'a file'],
  out: ['een bestand', 'a file'],
  to: ['een versie', 'a version'],
  pairs: ['een aantal', 'a count'],
  seed: ['een geheel getal', 'a whole number'],
}

function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const next = [i]
    for (let j = 1; j <= b.length; j++)
      next[j] = Math.min(
        (row[j] as number) + 1,
        (next[j - 1] as number) + 1,
        (row[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1),
      )
    row = next
  }
  return row[b.length] as number
}

/** " (bedoelt u --format?)" for a near miss among `known`, or nothing. */
function suggestion(got: string, known: readonly string[]): { nl: string; en: string } {
  const best = known
    .map((k) => ({ k, d: editDistance(got, k) }))
    .filter((x) => x.d <= 2)
    .sort((x, y) => x.d - y.d)[0]
  return best
    ? { nl: ` (bedoelt u ${best.k}?)`, en: ` (did you mean ${best.k}?)` }
    : { nl: '', en: '' }
}

const flagNames = (options: Options) =>
  Object.entries(options).flatMap(([name, o]) => [`--${name}`, ...(o.short ? [`-${o.short}`] : [])])

/** Every option any command takes, so that finding the command never reads an option's value. */
const ALL_OPTIONS: Options = Object.assign(
  {},
  COMMON,
  ...Object.values(COMMANDS).map((c) => c.options),
)

/** The command (the first argument that is not an option or its value) and the other arguments. */
function splitCommand(argv: string[]): { command?: string; rest: string[] } {
  const { tokens } = parseArgs({
    args: argv,
    options: ALL_OPTIONS,
    allowPositionals: true,
    strict: false,
    tokens: true,
  })
  const first = tokens.find((t) => t.kind === 'positional')
  if (!first || first.kind !== 'positional') return { rest: argv }
  return { command: first.value, rest: argv.filter((_, i) => i !== first.index) }
}

/** A usage error for what strict parsing refused, found again among the tokens to name it. */
function parseError(e: unknown, command: string, args: string[], options: Options): UsageError {
  const code = (e as { code?: unknown }).code
  const { tokens } = parseArgs({
    args,
    options,
    allowPositionals: true,
    strict: false,
    tokens: true,
  })
  for (const t of tokens) {
    if (t.kind !== 'option') continue
    const spec = options[t.name]
    if (!spec && code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      const hint = suggestion(t.rawName, flagNames(options))
      return usage(
        `onbekende optie bij ${command}: ${t.rawName}${hint.nl}`,
        `unknown option for ${command}: ${t.rawName}${hint.en}`,
      )
    }
    if (
      spec?.type === 'string' &&
      (t.value === undefined || (!t.inlineValue && t.value.startsWith('-')))
    ) {
      const [nl, en] = VALUE_OF[t.name] ?? ['een waarde', 'a value']
      return usage(`${t.rawName} neemt ${nl}`, `${t.rawName} takes ${en}`)
    }
    if (spec?.type === 'boolean' && t.value !== undefined)
      return usage(`${t.rawName} neemt geen waarde`, `${t.rawName} takes no value`)
  }
  throw e
}

interface Parsed {
  command?: string
  args: string[]
  values: Record<string, string | boolean | undefined>
  lang: Lang
}

/**
 * The arguments, parsed strictly for their command: an unknown or misspelled option, a missing or
 * wrong value, or a wrong number of arguments is a usage error, never a default.
 */
function parseCommandLine(argv: string[]): Parsed {
  const { command, rest } = splitCommand(argv)
  const spec = command === undefined ? undefined : COMMANDS[command]
  if (command !== undefined && !spec) {
    const hint = suggestion(command, Object.keys(COMMANDS))
    throw usage(`onbekende opdracht: ${command}${hint.nl}`, `unknown command: ${command}${hint.en}`)
  }
  const options = { ...COMMON, ...spec?.options }
  let parsed
  try {
    parsed = parseArgs({ args: rest, options, allowPositionals: true, strict: true })
  } catch (e) {
    throw parseError(e, command ?? 'cli', rest, options)
  }
  const values = parsed.values as Parsed['values']
  const { lang, format } = values
  if (lang !== undefined && lang !== 'nl' && lang !== 'en')
    throw usage('--lang neemt nl of en', '--lang takes nl or en')
  // diff writes json or text; cohort json or csv (checked where it runs).
  if (format !== undefined && command !== 'cohort' && format !== 'json' && format !== 'text')
    throw usage('--format neemt json of text', '--format takes json or text')
  if (spec && !values.help && parsed.positionals.length !== spec.args)
    throw usage(...spec.wrongArgs)
  return { command, args: parsed.positionals, values, lang: (lang ?? 'nl') as Lang }
}

/** A JSON file read exactly as the app reads an import: the same bytes give the same result. */
function readJson(file: string): { json?: unknown; issues?: ValidationIssue[] } {
  const bytes = readBytes(file)
  const parsed = bytes.ok ? parseJsonBytes(bytes.value) : bytes
  return parsed.ok ? { json: parsed.value } : { issues: parsed.issues }
}

/** An assessment file checked like the app checks an import; problems are printed. */
function readAssessment(file: string, lang: Lang, io: Io): Side | undefined {
  const { json, issues } = readJson(file)
  const r = issues ? { ok: false as const, issues } : loadAssessment(json, catalogue().instruments)
  if (!r.ok) {
    io.err(`${file}:\n${formatIssues(r.issues, lang)}`)
    return undefined
  }
  return r.value
}

/** Agreement over a cohort of pairs; a pair that does not load or compare is named on stderr. */
function cohort(path: string, format: 'json' | 'csv', lang: Lang, io: Io): number {
  if (!existsSync(path)) {
    io.err(lang === 'nl' ? `${path}: niet gevonden` : `${path}: not found`)
    return EXIT.invalid
  }
  const result = cohortFromPath(path, catalogue())
  io.out(format === 'csv' ? cohortCsv(result).trimEnd() : JSON.stringify(result, null, 2))
  for (const s of result.skipped) io.err(`${s.source}:\n${formatIssues(s.issues, lang)}`)
  return result.skipped.length ? EXIT.invalid : EXIT.ok
}

/** A synthetic cohort written as NDJSON; how many pairs it holds on stdout. */
function syntheticCohortCommand(pairs: number, seed: number, out: string, lang: Lang, io: Io) {
  const text = syntheticCohortNdjson({ pairs, seed, catalogue: catalogue() })
  writeFileSync(out, text)
  const made = text.split('\n').filter(Boolean).length
  io.out(
    lang === 'nl'
      ? `Geschreven: ${out} (${made} paren, seed ${seed})`
      : `Written: ${out} (${made} pairs, seed ${seed})`,
  )
  return made === pairs ? EXIT.ok : EXIT.invalid
}

/** An instrument file as a Questionnaire, an assessment file as a QuestionnaireResponse (JSON). */
function fhir(file: string, lang: Lang, io: Io): number {
  const { json, issues } = readJson(file)
  if (issues) {
    io.err(formatIssues(issues, lang))
    return EXIT.invalid
  }
  if ((json as { format?: unknown } | null)?.format === ASSESSMENT_FORMAT) {
    const a = readAssessment(file, lang, io)
    if (!a) return EXIT.invalid
    io.out(JSON.stringify(toQuestionnaireResponse(a.assessment, a.instrument), null, 2))
    return EXIT.ok
  }
  const r = instrumentFromJson(json)
  if (!r.ok) {
    io.err(formatIssues(r.issues, lang))
    return EXIT.invalid
  }
  io.out(JSON.stringify(toQuestionnaire(r.value), null, 2))
  return EXIT.ok
}

function deriveFml(file: string, lang: Lang, io: Io): number {
  const bar = readAssessment(file, lang, io)
  if (!bar) return EXIT.invalid
  const c = catalogue()
  const isFml = (ref: { id: string; version: string }) =>
    c.instruments.find((i) => i.id === ref.id && i.version === ref.version)?.family === 'fml'
  const cw = c.crosswalks.find(
    (x) =>
      x.from.id === bar.instrument.id && x.from.version === bar.instrument.version && isFml(x.to),
  )
  const fml = cw && c.instruments.find((i) => i.id === cw.to.id && i.version === cw.to.version)
  if (!cw || !fml) {
    io.err(
      lang === 'nl'
        ? `Geen vertaaltabel van ${bar.instrument.id} ${bar.instrument.version} naar de FML`
        : `No crosswalk from ${bar.instrument.id} ${bar.instrument.version} to the FML`,
    )
    return EXIT.invalid
  }
  const derived = deriveAssessment({
    source: bar.assessment,
    sourceInstrument: bar.instrument,
    target: fml,
    crosswalk: cw,
    id: crypto.randomUUID(),
    now: new Date(),
  })
  io.out(JSON.stringify(derived, null, 2))
  return EXIT.ok
}

function diff(baFile: string, vaFile: string, format: 'json' | 'text', lang: Lang, io: Io): number {
  const ba = readAssessment(baFile, lang, io)
  const va = readAssessment(vaFile, lang, io)
  if (!ba || !va) return EXIT.invalid
  const r = compareAssessments(ba, va, catalogue(), {
    id: crypto.randomUUID(),
    now: new Date(),
  })
  if (!r.ok) {
    io.err(formatIssues(r.issues, lang))
    return EXIT.invalid
  }
  const { conclusion, completeness, warnings, summary, rows, migrated } = r.value
  // Swapped sides invert "more restrictive": say so before any figure.
  for (const w of warnings) io.err(w.message[lang])
  const t = createFixedT(lang)
  const translate = (key: string, options?: Record<string, unknown>) =>
    t(key as 'compare.title', options)
  io.out(
    format === 'json'
      ? JSON.stringify(
          {
            ...(migrated ? { migrated: { side: migrated.side, report: migrated.report } } : {}),
            conclusion,
            completeness,
            warnings,
            summary,
            rows,
          },
          null,
          2,
        )
      : diffText(
          buildComparisonView(r.value, { lang, t: translate, unitLabel: unitLabelFrom(translate) }),
          translate,
        ),
  )
  return EXIT.ok
}

let loaded: ReturnType<typeof buildCatalogue> | undefined

/** The schemas/ catalogue, validated once per run however many files a command reads. */
function catalogue() {
  loaded ??= buildCatalogue(readSchemaFiles())
  return loaded
}

function validate(file: string, lang: Lang, io: Io): number {
  const { json, issues } = readJson(file)
  if (issues) {
    io.err(formatIssues(issues, lang))
    return EXIT.invalid
  }
  // A QuestionnaireResponse and our own file are both an assessment once read.
  const kind =
    (json as { resourceType?: unknown } | null)?.resourceType === 'QuestionnaireResponse'
      ? {
          nl: 'FHIR QuestionnaireResponse, een beoordeling',
          en: 'FHIR QuestionnaireResponse, an assessment',
          read: fromQuestionnaireResponse,
        }
      : (json as { format?: unknown } | null)?.format === ASSESSMENT_FORMAT
        ? { nl: 'beoordeling', en: 'assessment', read: loadAssessment }
        : undefined
  if (kind) {
    const r = kind.read(json, catalogue().instruments)
    if (!r.ok) {
      io.err(formatIssues(r.issues, lang))
      return EXIT.invalid
    }
    const { id, version } = r.value.assessment.instrument
    io.out(
      lang === 'nl'
        ? `Geldig: ${kind.nl} (${id} ${version})`
        : `Valid: ${kind.en} (${id} ${version})`,
    )
    return EXIT.ok
  }
  const isVocabulary = (json as { id?: unknown } | null)?.id === 'vocabulary'
  const result = isVocabulary ? loadVocabulary(json) : instrumentFromJson(json)
  if (!result.ok) {
    io.err(formatIssues(result.issues, lang))
    return EXIT.invalid
  }
  const v = result.value
  io.out(
    lang === 'nl'
      ? `Geldig: ${isVocabulary ? 'begrippenlijst' : 'instrument'} ${v.id} ${v.version}`
      : `Valid: ${isVocabulary ? 'vocabulary' : 'instrument'} ${v.id} ${v.version}`,
  )
  return EXIT.ok
}

/**
 * An instrument file checked as `validate` checks it, against the vocabulary it names in schemas/;
 * an assessment or vocabulary file is said to be one.
 */
function instrumentFromJson(json: unknown): LoadResult<Instrument> {
  const head = (json ?? {}) as {
    format?: unknown
    id?: unknown
    vocabulary?: { version?: unknown }
  }
  if (head.format === ASSESSMENT_FORMAT || head.id === 'vocabulary') {
    const [nl, en] =
      head.id === 'vocabulary'
        ? ['een begrippenlijst', 'a vocabulary']
        : ['een beoordeling', 'an assessment']
    return {
      ok: false,
      issues: [issue([], `Dit is ${nl}, geen instrument`, `This is ${en}, not an instrument`)],
    }
  }
  const wanted = head.vocabulary?.version
  const vocabulary =
    typeof wanted === 'string' ? findVocabulary(catalogue().vocabularies, wanted) : undefined
  const result = loadInstrument(json, vocabulary)
  if (result.ok && !vocabulary)
    return {
      ok: false,
      issues: [
        issue(
          ['vocabulary', 'version'],
          `Begrippenlijst ${result.value.vocabulary.version} niet gevonden in schemas/vocabulary/`,
          `Vocabulary ${result.value.vocabulary.version} not found in schemas/vocabulary/`,
        ),
      ],
    }
  return result
}

/** An instrument file read and checked like `validate` does; problems are printed with its name. */
function readInstrument(file: string, lang: Lang, io: Io): Instrument | undefined {
  const { json, issues } = readJson(file)
  const r = issues ? { ok: false as const, issues } : instrumentFromJson(json)
  if (!r.ok) {
    io.err(`${file}:\n${formatIssues(r.issues, lang)}`)
    return undefined
  }
  return r.value
}

function schemaDiff(oldFile: string, newFile: string, lang: Lang, io: Io): number {
  const old = readInstrument(oldFile, lang, io)
  const next = readInstrument(newFile, lang, io)
  if (!old || !next) return EXIT.invalid
  const r = diffInstruments(old, next)
  if (!r.ok) {
    io.err(formatIssues(r.issues, lang))
    return EXIT.invalid
  }
  io.out(JSON.stringify({ bump: r.value.bump, changes: r.value.changes }, null, 2))
  return EXIT.ok
}

function instruments(lang: Lang, io: Io): number {
  const c = catalogue()
  for (const i of c.instruments) io.out(`${i.id}\t${i.version}\t${i.title[lang]}`)
  for (const p of c.problems) io.err(`${p.path}:\n${formatIssues(p.issues, lang)}`)
  return c.problems.length ? EXIT.invalid : EXIT.ok
}

function writeJsonSchemas(check: boolean, io: Io): number {
  let stale = 0
  for (const [name, schema] of Object.entries(jsonSchemas())) {
    const path = join(schemasDir, name)
    const text = `${JSON.stringify(schema, null, 2)}\n`
    let current = ''
    try {
      current = readFileSync(path, 'utf8')
    } catch {
      // a missing file is simply stale
    }
    if (current === text) continue
    stale++
    if (check) io.err(`schemas/${name} is out of date: run npm run schemas`)
    else {
      writeFileSync(path, text)
      io.out(`wrote schemas/${name}`)
    }
  }
  return check && stale ? EXIT.invalid : EXIT.ok
}

async function pdfCommand(
  file: string,
  compare: string | undefined,
  out: string,
  lang: Lang,
  io: Io,
  audience: Reader,
) {
  const main = readAssessment(file, lang, io)
  const other = compare ? readAssessment(compare, lang, io) : undefined
  if (!main || (compare && !other)) return EXIT.invalid
  const r = await writeReportPdf({
    main,
    ...(other ? { other } : {}),
    catalogue: catalogue(),
    lang,
    out,
    audience,
  })
  if (!r.ok) {
    io.err(formatIssues(r.issues, lang))
    return EXIT.invalid
  }
  io.out(
    lang === 'nl' ? `Geschreven: ${out} (${r.bytes} bytes)` : `Written: ${out} (${r.bytes} bytes)`,
  )
  return EXIT.ok
}

/** Runs one command and returns its exit code; output goes through `io`. */
export async function run(argv: string[], io: Io): Promise<number> {
  try {
    const { command, args, values, lang } = parseCommandLine(argv)
    const [first = '', second = ''] = args
    if (values.help || command === 'help') {
      io.out(USAGE[lang])
      return EXIT.ok
    }
    switch (command) {
      case 'instruments':
        return instruments(lang, io)
      case 'validate':
        return validate(first, lang, io)
      case 'fhir':
        return fhir(first, lang, io)
      case 'cohort': {
        const format = values.format ?? 'json'
        if (format !== 'json' && format !== 'csv')
          throw usage('--format neemt json of csv', '--format takes json or csv')
        return cohort(first, format, lang, io)
      }
      case 'synthetic-cohort': {
        const { pairs, seed, out } = values
        const spec = COMMANDS['synthetic-cohort'] as CommandSpec
        if (typeof pairs !== 'string' || typeof out !== 'string') throw usage(...spec.wrongArgs)
        const count = Number(pairs)
        if (!/^\d+$/.test(pairs) || count < 1)
          throw usage(
            '--pairs neemt een positief geheel getal',
            '--pairs takes a positive whole number',
          )
        const s = seed === undefined ? 1 : Number(seed)
        if (typeof seed === 'string' && !/^-?\d+$/.test(seed))
          throw usage('--seed neemt een geheel getal', '--seed takes a whole number')
        return syntheticCohortCommand(count, s, out, lang, io)
      }
      case 'derive-fml':
        return deriveFml(first, lang, io)
      case 'diff':
        return diff(first, second, (values.format ?? 'json') as 'json' | 'text', lang, io)
      case 'pdf': {
        const { out, compare } = values
        if (typeof out !== 'string') throw usage(...(COMMANDS.pdf as CommandSpec).wrongArgs)
        const reader = values.for ?? 'professional'
        if (!isReader(reader))
          throw usage(
            `--for is professional, employer of employee, niet "${String(reader)}"`,
            `--for is professional, employer or employee, not "${String(reader)}"`,
          )
        if (reader !== 'professional' && typeof compare === 'string')
          throw usage(
            'Een vergelijking staat alleen in het rapport voor professionals: --compare gaat niet samen met --for employer of employee',
            'A comparison is only in the report for professionals: --compare does not go with --for employer or employee',
          )
        return await pdfCommand(
          first,
          typeof compare === 'string' ? compare : undefined,
          out,
          lang,
          io,
          reader,
        )
      }
      case 'json-schemas':
        return writeJsonSchemas(values.check === true, io)
      case 'schema-diff':
        return schemaDiff(first, second, lang, io)
      case 'migrate': {
        const { to, out } = values
        if (typeof to !== 'string') throw usage(...(COMMANDS.migrate as CommandSpec).wrongArgs)
        const target = { file: first, to, lang, ...(typeof out === 'string' ? { out } : {}) }
        return migrateCommand(target, catalogue(), io)
      }
      default:
        throw usage('geen opdracht gegeven', 'no command given')
    }
  } catch (e) {
    if (e instanceof UsageError) {
      const lang = requestedLang(argv)
      io.err(`${e.text[lang]}\n\n${USAGE[lang]}`)
      return EXIT.usage
    }
    throw e
  }
}
