import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { EXIT, run } from '../../src/cli/run'
import { fixtures, root } from '../helpers/files'

function cli(...argv: string[]) {
  const out: string[] = []
  const err: string[] = []
  const code = run(argv, { out: (t) => out.push(t), err: (t) => err.push(t) })
  return { code, out: out.join('\n'), err: err.join('\n') }
}

describe('cli instruments', () => {
  it('lists every instrument with id, version and title, in Dutch by default', () => {
    const r = cli('instruments')
    expect(r.code).toBe(EXIT.ok)
    expect(r.err).toBe('')
    expect(r.out.split('\n')).toEqual([
      'bar\t1.0.0\tBeschrijving Arbeidsbelastbaarheid en Re-integratiemogelijkheden (BAR)',
      'fml\t1.0.0\tFunctionele Mogelijkhedenlijst (FML)',
    ])
  })

  it('gives English titles with --lang en', () => {
    expect(cli('instruments', '--lang', 'en').out).toContain(
      'fml\t1.0.0\tFunctional Abilities List (FML)',
    )
  })
})

describe('cli validate', () => {
  it('accepts a shipped instrument file', () => {
    const r = cli('validate', join(root, 'schemas/bar/1.0.0.json'))
    expect(r).toEqual({ code: EXIT.ok, out: 'Geldig: instrument bar 1.0.0', err: '' })
  })

  it('accepts the vocabulary file', () => {
    expect(cli('validate', join(root, 'schemas/vocabulary/1.0.0.json'), '--lang', 'en').out).toBe(
      'Valid: vocabulary vocabulary 1.0.0',
    )
  })

  it('exits 1 and lists every problem on stderr for a broken file', () => {
    const r = cli(
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

  it('exits 1 when a term reference dangles against the shipped vocabulary', () => {
    const r = cli('validate', join(fixtures, 'instruments/broken/dangling-term.json'))
    expect(r.code).toBe(EXIT.invalid)
    expect(r.err).toContain(
      '$.sections[0].items[0].terms[1]: Begrip "onbekend-begrip" staat niet in de begrippenlijst',
    )
  })

  it('exits 1 on a file that is not JSON, and on one that does not exist', () => {
    const notJson = cli('validate', join(root, 'README.md'))
    expect(notJson.code).toBe(EXIT.invalid)
    expect(notJson.err).toMatch(/^\$: Geen geldige JSON/)
    const missing = cli('validate', join(root, 'nope.json'), '--lang', 'en')
    expect(missing.code).toBe(EXIT.invalid)
    expect(missing.err).toContain('Cannot read file')
  })
})

describe('cli validate (assessments)', () => {
  it('accepts the example assessments', () => {
    expect(cli('validate', join(root, 'public/examples/bar-example.json'))).toEqual({
      code: EXIT.ok,
      out: 'Geldig: beoordeling (bar 1.0.0)',
      err: '',
    })
  })

  it('exits 1 with every problem for a broken assessment, with the same checks as the app', () => {
    const r = cli('validate', join(fixtures, 'assessments/broken-bar.json'), '--lang', 'en')
    expect(r.code).toBe(EXIT.invalid)
    expect(r.err.split('\n')).toEqual([
      '$.answers["fysiek.tillen"].kind: Wrong answer kind: "text", expected "capacity"',
      '$.answers["fysiek.vliegen"]: Unknown item "fysiek.vliegen" in bar 1.0.0',
    ])
  })
})

describe('cli usage', () => {
  it('exits 2 with usage on an unknown command, a missing argument or a bad flag', () => {
    for (const argv of [['frobnicate'], ['validate'], [], ['instruments', '--lang', 'de']]) {
      const r = cli(...argv)
      expect(r.code, argv.join(' ')).toBe(EXIT.usage)
      expect(r.err).toContain('Usage: npm run --silent cli --')
    }
  })

  it('prints usage and exits 0 on help', () => {
    const r = cli('help')
    expect(r.code).toBe(EXIT.ok)
    expect(r.out).toContain('validate <file>')
  })
})

describe('cli json-schemas --check', () => {
  it('finds the JSON Schemas in schemas/ up to date', () => {
    expect(cli('json-schemas', '--check')).toEqual({ code: EXIT.ok, out: '', err: '' })
  })
})
