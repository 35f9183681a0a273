import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { MigrateArgs } from '../../src/cli/migrate-command'
import { migrateCommand } from '../../src/cli/migrate-command'
import { EXIT } from '../../src/cli/run'
import type { Assessment } from '../../src/core/assessment/assessment-schema'
import { loadAssessment } from '../../src/core/assessment/load-assessment'
import { NOW } from '../helpers/assessments'
import { fixtures, readJson } from '../helpers/files'
import { shippedCatalogue } from '../helpers/instruments'

const catalogue = shippedCatalogue()
const BAR_100 = join(fixtures, 'frozen/bar-1.0.0.json')
const BAR_110 = join(fixtures, 'frozen/bar-1.1.0.json')

function cli(args: Partial<MigrateArgs> & { file: string }) {
  const out: string[] = []
  const err: string[] = []
  const code = migrateCommand(
    { to: '1.1.0', lang: 'nl', ...args },
    catalogue,
    { out: (t) => out.push(t), err: (t) => err.push(t) },
    NOW,
  )
  return { code, out: out.join('\n'), err: err.join('\n') }
}

describe('migrateCommand', () => {
  it('prints the assessment migrated to 1.1.0 and the report on stderr, in Dutch by default', () => {
    const r = cli({ file: BAR_100 })
    expect(r.code).toBe(EXIT.ok)
    const migrated = JSON.parse(r.out) as Assessment
    expect(migrated.instrument).toEqual({ id: 'bar', version: '1.1.0' })
    expect(migrated.captured?.answers).toEqual((readJson(BAR_100) as Assessment).answers)
    expect(loadAssessment(migrated, catalogue.instruments).ok).toBe(true)
    const lines = r.err.split('\n')
    expect(lines.slice(0, 2)).toEqual([
      'bar 1.0.0 naar 1.1.0: 45 behouden, 1 verplaatst, 1 omgezet, 0 vervallen',
      'Stappen: bar-1.1.0/split-hand-vinger, bar-1.1.0/rename-omgaan-met-stress',
    ])
    expect(lines[2]).toMatch(
      /^verplaatst: mentaal\.stress-hanteren → mentaal\.omgaan-met-stress: Hernoemd van /,
    )
    expect(lines[3]).toMatch(
      /^omgezet: fysiek\.hand-vinger → fysiek\.fijne-handvaardigheid, fysiek\.knijp-grijpkracht: /,
    )
    expect(lines[4]).toBe(
      'De antwoorden zoals ze gegeven zijn, blijven bewaard bij de beoordeling (bar 1.0.0).',
    )
  })

  it('says the report in English with lang en, and takes latest as the version', () => {
    const r = cli({ file: BAR_100, to: 'latest', lang: 'en' })
    expect(r.code).toBe(EXIT.ok)
    expect((JSON.parse(r.out) as Assessment).instrument).toEqual({ id: 'bar', version: '1.2.0' })
    // Through 1.1.0, whose steps carry the answers; 1.2.0 only rewords help texts.
    expect(r.err.split('\n').slice(0, 2)).toEqual([
      'bar 1.0.0 to 1.2.0: 45 kept, 1 moved, 1 transformed, 0 dropped',
      'Steps: bar-1.1.0/split-hand-vinger, bar-1.1.0/rename-omgaan-met-stress',
    ])
    expect(r.err).toContain('moved: mentaal.stress-hanteren → mentaal.omgaan-met-stress: Renamed')
  })

  it('writes the migrated assessment to -o as the app exports it, and says so', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'migrate-')), 'bar-1.1.0.json')
    const r = cli({ file: BAR_100, out })
    expect(r.code).toBe(EXIT.ok)
    expect(r.out).toBe(`Geschreven: ${out}`)
    const text = readFileSync(out, 'utf8')
    expect(text.endsWith('}\n')).toBe(true)
    const loaded = loadAssessment(JSON.parse(text), catalogue.instruments)
    expect(loaded.ok && loaded.value.assessment.instrument.version).toBe('1.1.0')
  })

  it('leaves an assessment already at the version as it is, and says there was nothing to do', () => {
    const r = cli({ file: BAR_110, lang: 'en' })
    expect(r.code).toBe(EXIT.ok)
    // Written in today's file format: the frozen file is of format 1.
    expect(JSON.parse(r.out)).toEqual({
      ...(readJson(BAR_110) as object),
      formatVersion: 2,
      status: 'concept',
      edition: 1,
      released: [],
      history: [],
    })
    expect(r.err).toBe('bar is already at version 1.1.0: there is nothing to migrate.')
  })

  it('exits 1 on an invalid assessment, an unknown version, a way back, or a file it cannot write', () => {
    const broken = cli({ file: join(fixtures, 'assessments/broken-bar.json'), lang: 'en' })
    expect(broken.code).toBe(EXIT.invalid)
    expect(broken.out).toBe('')
    expect(broken.err.split('\n')[0]).toBe(`${join(fixtures, 'assessments/broken-bar.json')}:`)
    const unknown = cli({ file: BAR_100, to: '9.0.0', lang: 'en' })
    expect(unknown).toEqual({
      code: EXIT.invalid,
      out: '',
      err: '$: Cannot migrate to version 9.0.0 of bar: it is not known (known: 1.0.0, 1.1.0, 1.2.0)',
    })
    const back = cli({ file: BAR_110, to: '1.0.0' })
    expect(back.code).toBe(EXIT.invalid)
    expect(back.err).toBe(
      '$: Een beoordeling gaat niet terug naar een eerdere versie (bar 1.1.0 naar 1.0.0)',
    )
    const unwritable = cli({ file: BAR_100, out: tmpdir(), lang: 'en' })
    expect(unwritable.code).toBe(EXIT.invalid)
    expect(unwritable.err.split('\n').at(-1)).toBe(`Cannot write ${tmpdir()}`)
  })

  it('exits 2 when --to is not a version', () => {
    expect(cli({ file: BAR_100, to: 'v2' })).toEqual({
      code: EXIT.usage,
      out: '',
      err: '--to neemt een versienummer, zoals 1.1.0, of latest; niet "v2"',
    })
  })
})
