import { writeFileSync } from 'node:fs'
import { assessmentJson } from '../core/assessment/file-name'
import { loadAssessment } from '../core/assessment/load-assessment'
import { parseJsonBytes } from '../core/assessment/safe-json'
import type { Catalogue } from '../core/instrument/catalogue-data'
import { latestVersions } from '../core/instrument/catalogue-data'
import { semverSchema } from '../core/instrument/meta-schema'
import { formatIssues } from '../core/issues/validation-issue'
import type { MigrationReport } from '../core/migration/migrate'
import { migrate } from '../core/migration/migrate'
import { createFixedT } from '../i18n/fixed-t'
import { readBytes } from './read-bytes'

type Lang = 'nl' | 'en'

/** Exit codes of every command (as in run.ts): 0 success, 1 invalid input, 2 usage error. */
const EXIT = { ok: 0, invalid: 1, usage: 2 } as const

export interface MigrateArgs {
  /** The assessment file to migrate. */
  file: string
  /** The version to migrate to, or `latest`. */
  to: string
  /** Where to write the migrated assessment; stdout when not given. */
  out?: string
  lang: Lang
}

export interface MigrateIo {
  out: (text: string) => void
  err: (text: string) => void
}

/** The report in words: a summary, the steps run, and one line per answer that did not stay as it was. */
export function reportText(report: MigrationReport, lang: Lang): string {
  const t = createFixedT(lang)
  const count = (outcome: string) => report.entries.filter((e) => e.outcome === outcome).length
  const lines = [
    t('migration.summary', {
      instrument: report.instrument,
      from: report.from,
      to: report.to,
      kept: count('kept'),
      moved: count('moved'),
      transformed: count('transformed'),
      dropped: count('dropped'),
    }),
    report.steps.length
      ? t('migration.steps', { steps: report.steps.join(', ') })
      : t('migration.noSteps'),
  ]
  for (const e of report.entries) {
    if (e.outcome === 'kept') continue
    const label = t(`migration.outcome.${e.outcome}`)
    if (e.outcome === 'dropped') lines.push(`${label}: ${e.item}: ${e.reason[lang]}`)
    else {
      const to = e.outcome === 'moved' ? e.to : e.to.join(', ')
      lines.push(`${label}: ${e.item} → ${to}: ${e.how[lang]}`)
    }
  }
  return lines.join('\n')
}

/**
 * `migrate <assessment.json> --to <version> [-o out.json]`: the assessment brought to a later
 * version of its instrument, on stdout or in `out`; the report on stderr.
 * @example
 * migrateCommand({ file: 'bar.json', to: '1.1.0', lang: 'nl' }, catalogue, io)
 */
export function migrateCommand(
  args: MigrateArgs,
  catalogue: Catalogue,
  io: MigrateIo,
  now: Date = new Date(),
): number {
  const t = createFixedT(args.lang)
  if (args.to !== 'latest' && !semverSchema.safeParse(args.to).success) {
    io.err(t('migration.badVersion', { value: args.to }))
    return EXIT.usage
  }
  const bytes = readBytes(args.file)
  const json = bytes.ok ? parseJsonBytes(bytes.value) : bytes
  const loaded = json.ok ? loadAssessment(json.value, catalogue.instruments) : json
  if (!loaded.ok) {
    io.err(`${args.file}:\n${formatIssues(loaded.issues, args.lang)}`)
    return EXIT.invalid
  }
  const { assessment } = loaded.value
  const { id, version } = assessment.instrument
  const target =
    args.to === 'latest'
      ? (latestVersions(catalogue.instruments).find((i) => i.id === id)?.version ?? version)
      : args.to
  const r = migrate(assessment, target, catalogue.instruments, { now })
  if (!r.ok) {
    io.err(formatIssues(r.issues, args.lang))
    return EXIT.invalid
  }
  const { assessment: migrated, report } = r.value
  if (target === version) io.err(t('migration.same', { instrument: id, version }))
  else {
    io.err(reportText(report, args.lang))
    const first = migrated.captured?.instrument
    if (first) io.err(t('migration.captured', { instrument: first.id, version: first.version }))
  }
  if (args.out === undefined) {
    io.out(JSON.stringify(migrated, null, 2))
    return EXIT.ok
  }
  try {
    writeFileSync(args.out, assessmentJson(migrated))
  } catch {
    io.err(t('migration.writeFailed', { file: args.out }))
    return EXIT.invalid
  }
  io.out(t('migration.written', { file: args.out }))
  return EXIT.ok
}
