import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { ASSESSMENT_FORMAT } from '../core/assessment/constants'
import { loadAssessment } from '../core/assessment/load-assessment'
import { parseJsonBytes } from '../core/assessment/safe-json'
import { buildCatalogue } from '../core/instrument/catalogue'
import { findVocabulary } from '../core/instrument/catalogue-data'
import { jsonSchemas } from '../core/instrument/json-schemas'
import { loadInstrument, loadVocabulary } from '../core/instrument/load-instrument'
import type { ValidationIssue } from '../core/issues/validation-issue'
import { formatIssues, issue } from '../core/issues/validation-issue'
import type { Side } from '../core/compare/compare'
import { compareAssessments } from '../core/compare/compare'
import { deriveAssessment } from '../core/compare/derive'
import { buildComparisonView } from '../core/report/comparison-view'
import { createFixedT } from '../i18n/fixed-t'
import { diffText } from './diff-text'
import { readBytes } from './read-bytes'
import { writeReportPdf } from './pdf-command'
import { readSchemaFiles, schemasDir } from './schema-files'

type Lang = 'nl' | 'en'

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
  derive-fml <bar.json>    de FML afgeleid uit een BAR-beoordeling, als JSON
  diff <ba.json> <va.json> [--format json|text]
                           vergelijk de beoordeling van de bedrijfsarts met die van de verzekeringsarts
  pdf <beoordeling.json> [--compare <va.json>] [--lang nl|en] -o <uit.pdf>
                           schrijf het rapport als PDF (BAR, FML, vergelijking, begrippenlijst)
  json-schemas [--check]   schrijf schemas/*.schema.json uit de zod-metaschema's (--check: alleen vergelijken)

Afsluitcodes: 0 gelukt, 1 ongeldige invoer, 2 verkeerd gebruik.`,
  en: `Usage: npm run --silent cli -- <command> [args] [--lang nl|en]

Commands:
  instruments              list the instruments in schemas/ (id, version, title)
  validate <file>          check an assessment, instrument or vocabulary file; every problem on stderr
  derive-fml <bar.json>    print the FML derived from a BAR assessment, as JSON
  diff <ba.json> <va.json> [--format json|text]
                           compare the bedrijfsarts's and the verzekeringsarts's assessments
  pdf <assessment.json> [--compare <va.json>] [--lang nl|en] -o <out.pdf>
                           write the report PDF (BAR, FML, comparison, glossary)
  json-schemas [--check]   write schemas/*.schema.json from the zod meta-schemas (--check: only compare)

Exit codes: 0 success, 1 invalid input, 2 usage error.`,
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
  const v = argv[argv.indexOf('--lang') + 1]
  return argv.includes('--lang') && v === 'en' ? 'en' : 'nl'
}

function parseArgs(argv: string[]) {
  const positional: string[] = []
  const flags = new Map<string, string | true>()
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string
    if (a === '--format') {
      const v = argv[++i]
      if (v !== 'json' && v !== 'text')
        throw usage('--format neemt json of text', '--format takes json or text')
      flags.set('format', v)
    } else if (a === '--lang') {
      const v = argv[++i]
      if (v !== 'nl' && v !== 'en') throw usage('--lang neemt nl of en', '--lang takes nl or en')
      flags.set('lang', v)
    } else if (a === '--compare' || a === '-o') {
      const v = argv[++i]
      if (!v || v.startsWith('-')) throw usage(`${a} neemt een bestand`, `${a} takes a file`)
      flags.set(a === '-o' ? 'out' : 'compare', v)
    } else if (a.startsWith('--')) flags.set(a.slice(2), true)
    else positional.push(a)
  }
  return { positional, flags, lang: (flags.get('lang') ?? 'nl') as Lang }
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

function deriveFml(file: string, lang: Lang, io: Io): number {
  const bar = readAssessment(file, lang, io)
  if (!bar) return EXIT.invalid
  const c = catalogue()
  const cw = c.crosswalks.find(
    (x) =>
      x.from.id === bar.instrument.id &&
      x.from.version === bar.instrument.version &&
      x.to.id === 'fml',
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
  const r = compareAssessments(ba, va, catalogue().crosswalks, {
    id: crypto.randomUUID(),
    now: new Date(),
  })
  if (!r.ok) {
    io.err(formatIssues(r.issues, lang))
    return EXIT.invalid
  }
  const { conclusion, completeness, warnings, summary, rows } = r.value
  // Swapped sides invert "more restrictive": say so before any figure.
  for (const w of warnings) io.err(w.message[lang])
  const t = createFixedT(lang)
  io.out(
    format === 'json'
      ? JSON.stringify({ conclusion, completeness, warnings, summary, rows }, null, 2)
      : diffText(
          buildComparisonView(r.value, {
            lang,
            t: (key, options) => t(key as 'compare.title', options),
            unitLabel: (u) => t(`units.${u}` as 'units.kg'),
          }),
          (key) => t(key as 'compare.title'),
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
  if ((json as { format?: unknown } | null)?.format === ASSESSMENT_FORMAT) {
    const r = loadAssessment(json, catalogue().instruments)
    if (!r.ok) {
      io.err(formatIssues(r.issues, lang))
      return EXIT.invalid
    }
    const { id, version } = r.value.assessment.instrument
    io.out(
      lang === 'nl'
        ? `Geldig: beoordeling (${id} ${version})`
        : `Valid: assessment (${id} ${version})`,
    )
    return EXIT.ok
  }
  const isVocabulary = (json as { id?: unknown } | null)?.id === 'vocabulary'
  let result
  if (isVocabulary) result = loadVocabulary(json)
  else {
    const wanted = (json as { vocabulary?: { version?: unknown } } | null)?.vocabulary?.version
    const vocabulary =
      typeof wanted === 'string' ? findVocabulary(catalogue().vocabularies, wanted) : undefined
    result = loadInstrument(json, vocabulary)
    if (result.ok && !vocabulary) {
      io.err(
        formatIssues(
          [
            issue(
              ['vocabulary', 'version'],
              `Begrippenlijst ${result.value.vocabulary.version} niet gevonden in schemas/vocabulary/`,
              `Vocabulary ${result.value.vocabulary.version} not found in schemas/vocabulary/`,
            ),
          ],
          lang,
        ),
      )
      return EXIT.invalid
    }
  }
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
    const { positional, flags, lang } = parseArgs(argv)
    const [command, ...args] = positional
    switch (command) {
      case 'instruments':
        if (args.length)
          throw usage('instruments neemt geen argumenten', 'instruments takes no arguments')
        return instruments(lang, io)
      case 'validate':
        if (args.length !== 1)
          throw usage('validate neemt precies één bestand', 'validate takes exactly one file')
        return validate(args[0] as string, lang, io)
      case 'derive-fml':
        if (args.length !== 1)
          throw usage(
            'derive-fml neemt precies één BAR-beoordeling',
            'derive-fml takes exactly one BAR assessment file',
          )
        return deriveFml(args[0] as string, lang, io)
      case 'diff':
        if (args.length !== 2)
          throw usage(
            'diff neemt twee beoordelingen: <ba.json> <va.json>',
            'diff takes two assessment files: <ba.json> <va.json>',
          )
        return diff(
          args[0] as string,
          args[1] as string,
          (flags.get('format') ?? 'json') as 'json' | 'text',
          lang,
          io,
        )
      case 'pdf': {
        const out = flags.get('out')
        if (args.length !== 1 || typeof out !== 'string')
          throw usage(
            'pdf neemt één beoordeling en -o <uit.pdf>',
            'pdf takes one assessment file and -o <out.pdf>',
          )
        const compare = flags.get('compare')
        return await pdfCommand(
          args[0] as string,
          typeof compare === 'string' ? compare : undefined,
          out,
          lang,
          io,
        )
      }
      case 'json-schemas':
        return writeJsonSchemas(flags.has('check'), io)
      case undefined:
      case 'help':
        if (flags.has('help') || command === 'help') {
          io.out(USAGE[lang])
          return EXIT.ok
        }
        throw usage('geen opdracht gegeven', 'no command given')
      default:
        throw usage(`onbekende opdracht: ${command}`, `unknown command: ${command}`)
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
