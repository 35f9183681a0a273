import { mkdtempSync, readFileSync, truncateSync, writeFileSync } from 'node:fs'
import { execFileSync } from 'node:child_process'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { EXIT, run } from '../../src/cli/run'
import { fixtures, root } from '../helpers/files'

async function cli(...argv: string[]) {
  const out: string[] = []
  const err: string[] = []
  const code = await run(argv, { out: (t) => out.push(t), err: (t) => err.push(t) })
  return { code, out: out.join('\n'), err: err.join('\n') }
}

describe('cli instruments', () => {
  it('lists every instrument with id, version and title, in Dutch by default', async () => {
    const r = await cli('instruments')
    expect(r.code).toBe(EXIT.ok)
    expect(r.err).toBe('')
    expect(r.out.split('\n')).toEqual([
      'bar\t1.0.0\tBeschrijving Arbeidsbelastbaarheid en Re-integratiemogelijkheden (BAR)',
      'bar\t1.1.0\tBeschrijving Arbeidsbelastbaarheid en Re-integratiemogelijkheden (BAR)',
      'bar\t1.2.0\tBeschrijving Arbeidsbelastbaarheid en Re-integratiemogelijkheden (BAR)',
      'fml\t1.0.0\tFunctionele Mogelijkhedenlijst (FML)',
    ])
  })

  it('gives English titles with --lang en', async () => {
    expect((await cli('instruments', '--lang', 'en')).out).toContain(
      'fml\t1.0.0\tFunctional Abilities List (FML)',
    )
  })
})

describe('cli validate', () => {
  it('accepts a shipped instrument file', async () => {
    const r = await cli('validate', join(root, 'schemas/bar/1.0.0.json'))
    expect(r).toEqual({ code: EXIT.ok, out: 'Geldig: instrument bar 1.0.0', err: '' })
  })

  it('accepts the vocabulary file', async () => {
    expect(
      (await cli('validate', join(root, 'schemas/vocabulary/1.0.0.json'), '--lang', 'en')).out,
    ).toBe('Valid: vocabulary vocabulary 1.0.0')
  })

  it('exits 1 and lists every problem on stderr for a broken file', async () => {
    const r = await cli(
      'validate',
      join(fixtures, 'instruments/broken/several-problems.json'),
      '--lang',
      'en',
    )
    expect(r.code).toBe(EXIT.invalid)
    expect(r.out).toBe('')
    expect(r.err.split('\n')).toEqual([
      '$.version: "v2" is not a valid version number (semver, e.g. 1.0.0)',
      '$.sections[0].items[0].label.nl: Text missing in Dutch',
      '$.sections[0].items[1]: Unknown field: extra',
    ])
  })

  it('exits 1 when a term reference dangles against the shipped vocabulary', async () => {
    const r = await cli('validate', join(fixtures, 'instruments/broken/dangling-term.json'))
    expect(r.code).toBe(EXIT.invalid)
    expect(r.err).toContain(
      '$.sections[0].items[0].terms[1]: Begrip "onbekend-begrip" staat niet in de begrippenlijst',
    )
  })

  it('exits 1 on a file that is not JSON, and on one that does not exist', async () => {
    const notJson = await cli('validate', join(root, 'README.md'))
    expect(notJson.code).toBe(EXIT.invalid)
    expect(notJson.err).toBe(
      '$: Ongeldige JSON op regel 1, kolom 1: verwacht een waarde, gevonden "#"',
    )
    const missing = await cli('validate', join(root, 'nope.json'), '--lang', 'en')
    expect(missing.code).toBe(EXIT.invalid)
    expect(missing.err).toContain('Cannot read file')
  })
})

describe('cli validate (assessments)', () => {
  it('accepts the example assessments', async () => {
    expect(await cli('validate', join(root, 'public/examples/bar-example.json'))).toEqual({
      code: EXIT.ok,
      out: 'Geldig: beoordeling (bar 1.0.0)',
      err: '',
    })
  })

  it('exits 1 with every problem for a broken assessment, with the same checks as the app', async () => {
    const r = await cli('validate', join(fixtures, 'assessments/broken-bar.json'), '--lang', 'en')
    expect(r.code).toBe(EXIT.invalid)
    expect(r.err.split('\n')).toEqual([
      '$.answers["fysiek.tillen"].kind: Wrong answer kind: "text", expected "capacity"',
      '$.answers["fysiek.vliegen"]: Unknown item "fysiek.vliegen" in bar 1.0.0',
    ])
  })
})

describe('cli validate (bytes read as the app reads an import)', () => {
  const example = readFileSync(join(root, 'public/examples/bar-example.json'), 'utf8')
  const withEmployee = (employee: string) =>
    example.replace('"employee": "W.V."', `"employee": "${employee}"`)
  const dir = mkdtempSync(join(tmpdir(), 'bar-cli-bytes-'))
  const write = (name: string, bytes: Uint8Array | string) => {
    const path = join(dir, name)
    writeFileSync(path, bytes)
    return path
  }
  const utf16le = (text: string) => {
    const out = [0xff, 0xfe]
    for (let i = 0; i < text.length; i++)
      out.push(text.charCodeAt(i) & 0xff, text.charCodeAt(i) >> 8)
    return Uint8Array.from(out)
  }

  it('has an example to change', () => {
    expect(example).toContain('"employee": "W.V."')
    expect(example).toContain('"level": "matig"')
  })

  it('refuses a Latin-1 file with a message naming the encoding, in Dutch and English', async () => {
    const file = write('latin1.json', Buffer.from(withEmployee('J.É.'), 'latin1'))
    const nl = await cli('validate', file)
    expect(nl.code).toBe(EXIT.invalid)
    expect(nl.out).toBe('')
    expect(nl.err).toMatch(
      /^\$: Het bestand is geen geldige UTF-8: byte 0xC9 op regel 13, kolom 20 is in UTF-8 geen teken \(is het bestand opgeslagen als Latin-1 of Windows-1252\?\); sla het op als UTF-8$/,
    )
    expect((await cli('validate', file, '--lang', 'en')).err).toMatch(
      /^\$: The file is not valid UTF-8: byte 0xC9 at line 13, column 20 is not a character in UTF-8 \(was the file saved as Latin-1 or Windows-1252\?\); save it as UTF-8$/,
    )
  })

  it('refuses a duplicate key ("volledig" then "geen") instead of keeping the last value', async () => {
    const file = write(
      'duplicate.json',
      example.replace('"level": "matig"', '"level": "volledig", "level": "geen"'),
    )
    const r = await cli('validate', file)
    expect(r).toEqual({
      code: EXIT.invalid,
      out: '',
      err: '$.answers["mentaal.tempo"]: Sleutel "level" komt twee keer voor',
    })
    expect((await cli('validate', file, '--lang', 'en')).err).toBe(
      '$.answers["mentaal.tempo"]: Key "level" occurs twice',
    )
  })

  it('accepts UTF-8 with a byte-order mark and UTF-16 with one, as the app does', async () => {
    const text = withEmployee('J.É.')
    for (const [name, bytes] of [
      ['bom.json', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])],
      ['utf16le.json', utf16le(text)],
      ['utf16be.json', Buffer.from(utf16le(text)).swap16()],
    ] as const)
      expect(await cli('validate', write(name, bytes)), name).toEqual({
        code: EXIT.ok,
        out: 'Geldig: beoordeling (bar 1.0.0)',
        err: '',
      })
  })

  it('refuses UTF-16 without a byte-order mark with a clear message', async () => {
    const r = await cli('validate', write('utf16-no-bom.json', utf16le(example).subarray(2)))
    expect(r.code).toBe(EXIT.invalid)
    expect(r.err).toBe('$: Het bestand lijkt UTF-16 zonder byte-order mark; sla het op als UTF-8')
  })

  it('refuses a lone surrogate with its path, for validate, derive-fml and pdf, without a stack trace', async () => {
    const file = write('surrogate.json', withEmployee('W.\\ud800V.'))
    const r = await cli('validate', file, '--lang', 'en')
    expect(r).toEqual({
      code: EXIT.invalid,
      out: '',
      err: '$.meta.employee: The text contains an invalid character (\\ud800, a lone UTF-16 surrogate)',
    })
    const derive = await cli('derive-fml', file)
    expect(derive.code).toBe(EXIT.invalid)
    expect(derive.err).toBe(
      `${file}:\n$.meta.employee: De tekst bevat een ongeldig teken (\\ud800, een losse UTF-16-surrogaat)`,
    )
    const pdf = await cli('pdf', file, '-o', join(dir, 'out.pdf'))
    expect(pdf.code).toBe(EXIT.invalid)
    expect(pdf.err).toContain('$.meta.employee: De tekst bevat een ongeldig teken')
  })

  it('refuses JSON nested 10,000 deep as too deeply nested', async () => {
    const r = await cli('validate', write('deep.json', '['.repeat(10_000)))
    expect(r.code).toBe(EXIT.invalid)
    expect(r.err).toMatch(
      /^\$(\[0\]){100}: Ongeldige JSON op regel 1, kolom 101: te diep genest \(meer dan 100 niveaus\)$/,
    )
  })

  it('refuses a 50 MB file by its size, without reading it', async () => {
    const file = join(dir, 'big.json')
    writeFileSync(file, '')
    truncateSync(file, 50 * 1024 * 1024)
    expect(await cli('validate', file, '--lang', 'en')).toEqual({
      code: EXIT.invalid,
      out: '',
      err: '$: File is too large (50.0 MB); an assessment is at most 2.0 MB',
    })
  })

  it('stops reading a device whose size is unknown one chunk past the limit', async () => {
    const r = await cli('validate', '/dev/zero', '--lang', 'en')
    expect(r.code).toBe(EXIT.invalid)
    expect(r.err).toMatch(/^\$: File is too large \(2\.\d MB\); an assessment is at most 2\.0 MB$/)
  })
})

describe('cli usage', () => {
  it('exits 2 with usage in Dutch on an unknown command, a missing argument or a bad flag', async () => {
    for (const argv of [['frobnicate'], ['validate'], [], ['instruments', '--lang', 'de']]) {
      const r = await cli(...argv)
      expect(r.code, argv.join(' ')).toBe(EXIT.usage)
      expect(r.err).toContain('Gebruik: npm run --silent cli --')
    }
    expect((await cli('frobnicate')).err.split('\n')[0]).toBe('onbekende opdracht: frobnicate')
  })

  it('says usage errors in English with --lang en, even when the error comes first', async () => {
    const r = await cli('diff', 'a.json', '--format', 'pdf', '--lang', 'en')
    expect(r.code).toBe(EXIT.usage)
    expect(r.err.split('\n')[0]).toBe('--format takes json or text')
    expect(r.err).toContain('Usage: npm run --silent cli --')
  })

  it('prints usage and exits 0 on help', async () => {
    const r = await cli('help')
    expect(r.code).toBe(EXIT.ok)
    expect(r.out).toContain('validate <bestand>')
    expect((await cli('help', '--lang', 'en')).out).toContain('validate <file>')
  })
})

describe('cli migrate', () => {
  const example = join(fixtures, 'frozen/bar-1.0.0.json')

  it('runs migrate-command.ts: the migrated assessment on stdout, the report on stderr', async () => {
    const r = await cli('migrate', example, '--to', '1.1.0', '--lang', 'en')
    expect(r.code).toBe(EXIT.ok)
    expect((JSON.parse(r.out) as { instrument: unknown }).instrument).toEqual({
      id: 'bar',
      version: '1.1.0',
    })
    expect(r.err.split('\n')[0]).toBe(
      'bar 1.0.0 to 1.1.0: 45 kept, 1 moved, 1 transformed, 0 dropped',
    )
  })

  it('exits 2 without --to, with its usage', async () => {
    const r = await cli('migrate', example, '--lang', 'en')
    expect(r.code).toBe(EXIT.usage)
    expect(r.err.split('\n')[0]).toBe('migrate takes one assessment file and --to <version>')
  })
})

describe('cli json-schemas --check', () => {
  it('finds the JSON Schemas in schemas/ up to date', async () => {
    expect(await cli('json-schemas', '--check')).toEqual({ code: EXIT.ok, out: '', err: '' })
  })

  it('is the command `npm run schemas` runs', async () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>
    }
    const [runner, entry, ...args] = (pkg.scripts.schemas ?? '').split(' ')
    expect([runner, entry]).toEqual(['tsx', 'src/cli/main.ts'])
    expect(await cli(...args, '--check')).toEqual({ code: EXIT.ok, out: '', err: '' })
  })
})

describe('cli derive-fml', () => {
  it('prints the FML derived from the example BAR as JSON, naming its sources', async () => {
    const r = await cli('derive-fml', join(root, 'public/examples/bar-example.json'))
    expect(r.code).toBe(EXIT.ok)
    const fml = JSON.parse(r.out) as {
      instrument: unknown
      answers: Record<string, unknown>
      derivation: {
        items: Record<string, { sources: string[] }>
        notDerivable: Record<string, unknown>
      }
    }
    expect(fml.instrument).toEqual({ id: 'fml', version: '1.0.0' })
    // 7.5 kg at 10 times an hour: no option meets both, so the most restrictive one.
    expect(fml.answers['IV.13']).toEqual({ kind: 'single', choice: '3' })
    expect(fml.derivation.items['IV.13']?.sources).toEqual(['fysiek.tillen'])
    expect(Object.keys(fml.derivation.notDerivable)).toContain('IV.1')
    expect((await cli('validate', join(fixtures, 'assessments/broken-bar.json'))).code).toBe(
      EXIT.invalid,
    )
  })

  it('exits 1 on an invalid BAR file', async () => {
    const r = await cli('derive-fml', join(fixtures, 'assessments/broken-bar.json'), '--lang', 'en')
    expect(r.code).toBe(EXIT.invalid)
    expect(r.err).toContain('Unknown item "fysiek.vliegen" in bar 1.0.0')
  })
})

describe('cli diff', () => {
  const ba = join(root, 'public/examples/bar-example.json')
  const va = join(root, 'public/examples/fml-example.json')

  it('prints the conclusion, completeness, warnings, summary and rows as JSON and exits 0', async () => {
    const r = await cli('diff', ba, va)
    expect(r.code).toBe(EXIT.ok)
    expect(r.err).toBe('')
    const out = JSON.parse(r.out) as {
      conclusion: { status: string }
      completeness: { va?: string }
      summary: { total: number; compared: number; counts: Record<string, number> }
      rows: { item: string; status: string; vaImplied?: string }[]
    }
    expect(Object.keys(out)).toEqual(['conclusion', 'completeness', 'warnings', 'summary', 'rows'])
    expect(out.conclusion.status).toBe('agree')
    expect(out.completeness.va).toBe('complete')
    expect(out.rows.find((row) => row.item === 'IV.13')?.status).toBe('ba-more-restrictive')
    // V.5 is not ticked in the verzekeringsarts's complete FML: Norm, so the BA is more restrictive.
    expect(out.rows.find((row) => row.item === 'V.5')).toMatchObject({
      status: 'ba-more-restrictive',
      vaImplied: 'norm',
    })
    expect(out.summary.total).toBe(out.rows.length)
    expect(out.summary.compared).toBeLessThan(out.summary.total)
  })

  it('prints a readable table with --format text, the conclusion first', async () => {
    const r = await cli('diff', ba, va, '--format', 'text', '--lang', 'en')
    expect(r.code).toBe(EXIT.ok)
    const lines = r.out.split('\n')
    expect(lines[0]).toBe('Conclusion: The conclusions agree.')
    expect(r.out).toMatch(/^\d+ items compared; \d+ items left open by one side/m)
    expect(r.out).toMatch(/^Agreement: \d+%$/m)
    expect(r.out).toMatch(/Scale 0–3, \d+ items \(pooled\): linear −?\d\.\d\d \(95% CI/)
    expect(r.out).toMatch(/IV\.13 +3 Severely limited +1 Slightly limited +BA more restrictive/)
    expect(r.out).toMatch(/V\.5 +1 Limited: .* +0 Norm \(not ticked\) +BA more restrictive/)
  })

  it('warns on stderr before any figure when the sides look swapped or are the same', async () => {
    const swapped = await cli('diff', va, ba, '--lang', 'en')
    expect(swapped.code).toBe(EXIT.ok)
    expect(swapped.err).toMatch(/bedrijfsarts's side was written by a verzekeringsarts/)
    expect(swapped.err).toMatch(/verzekeringsarts's side was written by a bedrijfsarts/)
    const same = await cli('diff', va, va)
    expect(same.err).toMatch(/Aan beide kanten staat dezelfde beoordeling/)
  })

  it('puts a BAR stating no work capacity against an FML allowing 20 hours a week first', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bar-cli-'))
    const bar = JSON.parse(readFileSync(ba, 'utf8')) as {
      answers: Record<string, unknown>
    }
    bar.answers['werktijd.uren'] = { kind: 'capacity', level: 'volledig' }
    const file = join(dir, 'bar.json')
    writeFileSync(file, JSON.stringify(bar))
    const r = await cli('diff', file, va, '--format', 'text')
    expect(r.code).toBe(EXIT.ok)
    expect(r.out.split('\n')[0]).toBe(
      'Conclusie: De conclusies verschillen: de bedrijfsarts is beperkender.',
    )
    expect(r.out).toMatch(/^Overeenstemming: geen cijfer: de conclusies verschillen/m)
    expect(r.out).not.toMatch(/Overeenstemming: \d+%/)
    expect(r.out).toMatch(
      /VI\.3 +Geen benutbare mogelijkheden \(conclusie\) +2 Licht beperkt.* +BA beperkender/,
    )
  })

  it('compares a BAR 1.0.0 with a BAR 1.1.0 on 1.1.0, says so first, and changes no file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bar-cli-versions-'))
    const upgraded = join(dir, 'bar-1.1.0.json')
    expect((await cli('migrate', ba, '--to', '1.1.0', '-o', upgraded)).code).toBe(EXIT.ok)
    const newer = JSON.parse(readFileSync(upgraded, 'utf8')) as { id: string }
    newer.id = '33333333-3333-4333-8333-333333333333'
    writeFileSync(upgraded, JSON.stringify(newer))
    const given = readFileSync(ba, 'utf8')

    const text = await cli('diff', ba, upgraded, '--format', 'text')
    expect(text.code).toBe(EXIT.ok)
    expect(text.out.split('\n')[0]).toMatch(
      /^BA-beoordeling voor de vergelijking bijgewerkt van BAR 1\.0\.0 naar 1\.1\.0 \(\d+ antwoorde?n? verplaatst, \d+ omgezet, \d+ vervallen\)\./,
    )
    expect(text.out).toMatch(/^Conclusie: De conclusies komen overeen\.$/m)

    const json = await cli('diff', ba, upgraded)
    const out = JSON.parse(json.out) as {
      migrated: { side: string; report: { from: string; to: string; entries: unknown[] } }
      rows: { item: string; status: string; ba: unknown; va: unknown }[]
    }
    expect(out.migrated.side).toBe('ba')
    expect(out.migrated.report).toMatchObject({ from: '1.0.0', to: '1.1.0' })
    const answered = out.rows.filter((r) => r.ba !== null || r.va !== null)
    expect(answered.length).toBeGreaterThan(30)
    expect(answered.filter((r) => r.status !== 'agree')).toEqual([])
    expect(readFileSync(ba, 'utf8')).toBe(given)
  })

  it('words units, dates and options as the screen does, in the language asked', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bar-cli-words-'))
    const bar = JSON.parse(readFileSync(ba, 'utf8')) as { answers: Record<string, unknown> }
    bar.answers['werktijd.uren'] = {
      kind: 'capacity',
      level: 'matig',
      quantities: { 'per-day': 1 },
    }
    bar.answers['prognose.opbouw'] = { kind: 'quantity', value: 1 }
    const fml = JSON.parse(readFileSync(va, 'utf8')) as { answers: Record<string, unknown> }
    fml.answers['voorblad.toelichting-mogelijkheden'] = {
      kind: 'single',
      choice: 'anders',
      specify: 'Zie het rapport.',
    }
    const baFile = join(dir, 'bar.json')
    const vaFile = join(dir, 'fml.json')
    writeFileSync(baFile, JSON.stringify(bar))
    writeFileSync(vaFile, JSON.stringify(fml))

    const nl = (await cli('diff', baFile, vaFile, '--format', 'text')).out.split('\n')
    expect(nl[1]).toContain('Uren per dag 1 uur per dag;')
    expect(nl[1]).toContain('Verwachte arbeidsduur aan het einde van de termijn: 1 uur per week;')
    expect(nl[1]).toContain('Datum herevaluatie: 21-12-2026')
    expect(nl[2]).toContain(
      'Toelichting bij de mogelijkheden: Anders (zie de rapportage van de verzekeringsarts): Zie het rapport.',
    )
    expect(nl.join('\n')).not.toMatch(/\banders\b|hours-per|units\./)

    const en = (await cli('diff', baFile, vaFile, '--format', 'text', '--lang', 'en')).out
    expect(en).toContain('Hours per day 1 hour per day;')
    expect(en).toContain('Expected working hours at the end of the horizon: 1 hour per week;')
    expect(en).toContain('Re-evaluation date: 21/12/2026')
    expect(en).toContain('Explanation of the possibilities: Other (see the insurance physician')
    expect(en).not.toMatch(/\banders\b|hours-per|units\.|1 hours/)
  })

  it('exits 1 when the two assessments cannot be compared, 2 on usage errors', async () => {
    const r = await cli('diff', ba, join(fixtures, 'assessments/broken-bar.json'))
    expect(r.code).toBe(EXIT.invalid)
    expect((await cli('diff', ba)).code).toBe(EXIT.usage)
    expect((await cli('diff', ba, va, '--format', 'pdf')).code).toBe(EXIT.usage)
  })
})

describe('cli strict arguments', () => {
  const bar = join(root, 'public/examples/bar-example.json')

  it('refuses a misspelled option with a usage error naming it, in Dutch and English', async () => {
    const nl = await cli('diff', bar, bar, '--fromat', 'text')
    expect(nl.code).toBe(EXIT.usage)
    expect(nl.out).toBe('')
    expect(nl.err.split('\n')[0]).toBe('onbekende optie bij diff: --fromat (bedoelt u --format?)')
    expect(nl.err).toContain('Gebruik: npm run --silent cli --')
    const en = await cli('diff', bar, bar, '--fromat', 'text', '--lang', 'en')
    expect(en.code).toBe(EXIT.usage)
    expect(en.err.split('\n')[0]).toBe('unknown option for diff: --fromat (did you mean --format?)')
    expect(en.err).toContain('Usage: npm run --silent cli --')
  })

  it('refuses an option another command takes instead of ignoring it', async () => {
    const r = await cli('validate', bar, '--format', 'text', '--lang=en')
    expect(r.code).toBe(EXIT.usage)
    expect(r.err.split('\n')[0]).toBe('unknown option for validate: --format')
  })

  it('refuses an option without its value, also when the next argument is an option', async () => {
    for (const [argv, first] of [
      [['validate', bar, '--lang'], '--lang neemt nl of en'],
      [['diff', bar, bar, '--format', '--lang', 'en'], '--format takes json or text'],
      [['pdf', bar, '-o'], '-o neemt een bestand'],
      [['pdf', bar, '--compare', '-o', 'x.pdf', '--lang', 'en'], '--compare takes a file'],
    ] as const) {
      const r = await cli(...argv)
      expect(r.code, argv.join(' ')).toBe(EXIT.usage)
      expect(r.err.split('\n')[0], argv.join(' ')).toBe(first)
    }
  })

  it('refuses a value given to a flag and an extra argument', async () => {
    const flag = await cli('json-schemas', '--check=yes')
    expect(flag.code).toBe(EXIT.usage)
    expect(flag.err.split('\n')[0]).toBe('--check neemt geen waarde')
    const extra = await cli('json-schemas', '--check', 'schemas', '--lang', 'en')
    expect(extra.code).toBe(EXIT.usage)
    expect(extra.err.split('\n')[0]).toBe('json-schemas takes no arguments')
    expect((await cli('validate', bar, bar)).err.split('\n')[0]).toBe(
      'validate neemt precies één bestand',
    )
  })

  it('suggests the command meant by a near miss', async () => {
    const r = await cli('schema-dif', 'a.json', 'b.json', '--lang', 'en')
    expect(r.code).toBe(EXIT.usage)
    expect(r.err.split('\n')[0]).toBe('unknown command: schema-dif (did you mean schema-diff?)')
  })

  it('prints usage and exits 0 on --help after any command, or before it', async () => {
    for (const argv of [['--help'], ['validate', '--help'], ['--lang', 'en', '--help', 'diff']]) {
      const r = await cli(...argv)
      expect(r.code, argv.join(' ')).toBe(EXIT.ok)
      expect(r.out).toContain('schema-diff')
    }
  })

  it('takes the command after its options', async () => {
    expect(await cli('--lang', 'en', 'validate', bar)).toEqual({
      code: EXIT.ok,
      out: 'Valid: assessment (bar 1.0.0)',
      err: '',
    })
  })
})

describe('cli schema-diff', () => {
  const bar = join(root, 'schemas/bar/1.0.0.json')
  const dir = mkdtempSync(join(tmpdir(), 'bar-cli-schema-diff-'))
  const reworded = join(dir, 'bar-reworded.json')
  const text = readFileSync(bar, 'utf8')
  writeFileSync(reworded, text.replace('"nl": "Tillen"', '"nl": "Optillen"'))

  it('has a label to reword', () => {
    expect(text.split('"nl": "Tillen"')).toHaveLength(2)
  })

  it('prints the bump and the changes as JSON and exits 0', async () => {
    const r = await cli('schema-diff', bar, reworded)
    expect(r.code).toBe(EXIT.ok)
    expect(r.err).toBe('')
    const out = JSON.parse(r.out) as Record<string, unknown>
    expect(Object.keys(out)).toEqual(['bump', 'changes'])
    expect(out).toEqual({
      bump: 'patch',
      changes: [
        {
          kind: 'wording',
          path: { section: 'fysiek', item: 'fysiek.tillen', field: 'label' },
          bump: 'patch',
          old: { nl: 'Tillen', en: 'Lifting' },
          new: { nl: 'Optillen', en: 'Lifting' },
        },
      ],
    })
  })

  it('prints bump none for a file against itself', async () => {
    const r = await cli('schema-diff', bar, bar)
    expect(r.code).toBe(EXIT.ok)
    expect(JSON.parse(r.out)).toEqual({ bump: 'none', changes: [] })
  })

  it('refuses a misspelled option with exit 2, in Dutch and English', async () => {
    const nl = await cli('schema-diff', bar, reworded, '--formt', 'json')
    expect(nl.code).toBe(EXIT.usage)
    expect(nl.out).toBe('')
    expect(nl.err.split('\n')[0]).toBe('onbekende optie bij schema-diff: --formt')
    const en = await cli('schema-diff', bar, reworded, '--lang', 'en', '--lnag', 'en')
    expect(en.code).toBe(EXIT.usage)
    expect(en.err.split('\n')[0]).toBe(
      'unknown option for schema-diff: --lnag (did you mean --lang?)',
    )
    expect(en.err).toContain('schema-diff <old.json> <new.json>')
  })

  it('refuses one file or three with exit 2', async () => {
    expect((await cli('schema-diff', bar)).err.split('\n')[0]).toBe(
      'schema-diff neemt twee instrumentbestanden: <oud.json> <nieuw.json>',
    )
    expect((await cli('schema-diff', bar, bar, bar)).code).toBe(EXIT.usage)
  })

  it('exits 1 on a missing file, naming it, in the language asked for', async () => {
    const missing = join(dir, 'nope.json')
    const nl = await cli('schema-diff', bar, missing)
    expect(nl).toEqual({
      code: EXIT.invalid,
      out: '',
      err: `${missing}:\n$: Bestand ${missing} kan niet gelezen worden`,
    })
    const en = await cli('schema-diff', missing, bar, '--lang', 'en')
    expect(en.code).toBe(EXIT.invalid)
    expect(en.err).toBe(`${missing}:\n$: Cannot read file ${missing}`)
  })

  it('exits 1 with every problem of an invalid instrument, as validate gives them', async () => {
    const broken = join(fixtures, 'instruments/broken/several-problems.json')
    const r = await cli('schema-diff', bar, broken, '--lang', 'en')
    expect(r.code).toBe(EXIT.invalid)
    expect(r.err).toBe(`${broken}:\n${(await cli('validate', broken, '--lang', 'en')).err}`)
  })

  it('exits 1 on an assessment or two different instruments', async () => {
    const assessment = await cli('schema-diff', bar, join(root, 'public/examples/bar-example.json'))
    expect(assessment.code).toBe(EXIT.invalid)
    expect(assessment.err).toContain('$: Dit is een beoordeling, geen instrument')
    const other = await cli(
      'schema-diff',
      bar,
      join(root, 'schemas/fml/1.0.0.json'),
      '--lang',
      'en',
    )
    expect(other).toEqual({
      code: EXIT.invalid,
      out: '',
      err: '$.id: Two different instruments ("bar" and "fml"): compare two versions of one instrument',
    })
  })
})

describe('cli pdf --for', () => {
  const example = join(root, 'public/examples/bar-example.json')
  const va = join(root, 'public/examples/fml-example.json')
  const outDir = mkdtempSync(join(tmpdir(), 'bar-cli-for-'))
  const pdfText = (file: string) =>
    execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ')

  it('writes the employer report: the reader named, no private text, no comparison', async () => {
    const out = join(outDir, 'werkgever.pdf')
    const r = await cli('pdf', example, '--for', 'employer', '-o', out)
    expect(r.code).toBe(EXIT.ok)
    const text = pdfText(out)
    expect(text).toContain('Rapport voor de werkgever')
    expect(text).toContain('Dit rapport bevat geen medische gegevens')
    expect(text).not.toContain('Wil graag terug naar het eigen team.')
    expect(text).not.toContain('Vergelijking bedrijfsarts en verzekeringsarts')
    const full = join(outDir, 'professioneel.pdf')
    expect((await cli('pdf', example, '-o', full)).code).toBe(EXIT.ok)
    expect(pdfText(full)).toContain('Wil graag terug naar het eigen team.')
  })

  it('refuses an unknown reader and a comparison in a report that is not for professionals', async () => {
    const unknown = await cli('pdf', example, '--for', 'boss', '-o', join(outDir, 'x.pdf'))
    expect(unknown.code).toBe(EXIT.usage)
    expect(unknown.err.split('\n')[0]).toBe(
      '--for is professional, employer of employee, niet "boss"',
    )
    const compared = await cli(
      'pdf',
      example,
      '--for',
      'employee',
      '--compare',
      va,
      '-o',
      join(outDir, 'y.pdf'),
      '--lang',
      'en',
    )
    expect(compared.code).toBe(EXIT.usage)
    expect(compared.err.split('\n')[0]).toBe(
      'A comparison is only in the report for professionals: --compare does not go with --for employer or employee',
    )
  })
})

describe('cli fhir', () => {
  const example = join(root, 'public/examples/bar-example.json')
  const outDir = mkdtempSync(join(tmpdir(), 'bar-cli-fhir-'))

  it('prints an assessment as a QuestionnaireResponse, which validate then accepts', async () => {
    const r = await cli('fhir', example)
    expect(r.code).toBe(EXIT.ok)
    const qr = JSON.parse(r.out) as { resourceType: string; questionnaire: string; status: string }
    expect(qr).toMatchObject({
      resourceType: 'QuestionnaireResponse',
      questionnaire: 'https://bar-studio.example/fhir/Questionnaire/bar|1.0.0',
      status: 'in-progress',
    })
    const file = join(outDir, 'qr.json')
    writeFileSync(file, r.out)
    expect(await cli('validate', file)).toMatchObject({
      code: EXIT.ok,
      out: 'Geldig: FHIR QuestionnaireResponse, een beoordeling (bar 1.0.0)',
    })
  })

  it('prints an instrument file as a Questionnaire', async () => {
    const r = await cli('fhir', join(root, 'schemas/fml/1.0.0.json'))
    expect(r.code).toBe(EXIT.ok)
    expect(JSON.parse(r.out)).toMatchObject({ resourceType: 'Questionnaire', version: '1.0.0' })
  })

  it('refuses a QuestionnaireResponse of an unknown version, by name, in the language asked', async () => {
    const qr = JSON.parse((await cli('fhir', example)).out) as { questionnaire: string }
    qr.questionnaire = qr.questionnaire.replace('|1.0.0', '|9.9.9')
    const file = join(outDir, 'unknown.json')
    writeFileSync(file, JSON.stringify(qr))
    const r = await cli('validate', file, '--lang', 'en')
    expect(r.code).toBe(EXIT.invalid)
    expect(r.err).toContain('9.9.9')
  })
})

describe('cli cohort', () => {
  const ba = JSON.parse(
    readFileSync(join(root, 'public/examples/bar-example.json'), 'utf8'),
  ) as object
  const va = JSON.parse(
    readFileSync(join(root, 'public/examples/fml-example.json'), 'utf8'),
  ) as object
  const cohortDir = mkdtempSync(join(tmpdir(), 'bar-cli-cohort-'))

  it('computes agreement per item over the pairs of an NDJSON file and names a pair it skips', async () => {
    const file = join(cohortDir, 'pairs.ndjson')
    const pair = JSON.stringify({ ba, va })
    writeFileSync(file, `${pair}\n${pair}\n\n${pair}\n{"ba": {}, "va": 1}\n`)
    const r = await cli('cohort', file)
    expect(r.code).toBe(EXIT.invalid)
    const result = JSON.parse(r.out) as {
      groups: {
        instrument: object
        pairs: number
        items: { item: string; n: number; exactAgreement: number }[]
      }[]
      skipped: { source: string }[]
    }
    expect(result.groups).toHaveLength(1)
    expect(result.groups[0]).toMatchObject({
      instrument: { id: 'fml', version: '1.0.0' },
      pairs: 3,
    })
    // The example BA is more restrictive on I.1 (1 Beperkt against 0 Norm): no agreement, three times.
    expect(result.groups[0]?.items.find((i) => i.item === 'I.1')).toMatchObject({
      n: 3,
      exactAgreement: 0,
    })
    // Both say Norm on I.3.
    expect(result.groups[0]?.items.find((i) => i.item === 'I.3')).toMatchObject({
      n: 3,
      exactAgreement: 1,
    })
    expect(result.skipped.map((s) => s.source)).toEqual(['pairs.ndjson:5'])
    expect(r.err.split('\n')[0]).toBe('pairs.ndjson:5:')
  })

  it('reads a folder of pair files and writes CSV', async () => {
    const dir = mkdtempSync(join(cohortDir, 'folder-'))
    for (const name of ['a.json', 'b.json'])
      writeFileSync(join(dir, name), JSON.stringify({ ba, va }))
    const r = await cli('cohort', dir, '--format', 'csv')
    expect(r.code).toBe(EXIT.ok)
    const [header, ...rows] = r.out.split('\n')
    expect(header?.split(',').slice(0, 9)).toEqual([
      'instrument',
      'version',
      'item',
      'rubriek',
      'scale',
      'n',
      'agreement',
      'within_one',
      'kappa',
    ])
    expect(rows.find((row) => row.startsWith('fml,1.0.0,I.1,I,'))).toMatch(
      /^fml,1\.0\.0,I\.1,I,0 1 2,2,0\.0000,1\.0000,/,
    )
  })

  it('refuses a format it does not write and a path that is not there', async () => {
    expect(
      (await cli('cohort', cohortDir, '--format', 'xml', '--lang', 'en')).err.split('\n')[0],
    ).toBe('--format takes json or csv')
    const missing = await cli('cohort', join(cohortDir, 'nope.ndjson'), '--lang', 'en')
    expect(missing.code).toBe(EXIT.invalid)
    expect(missing.err).toMatch(/nope\.ndjson: not found$/)
  })
})
