import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import canonicalize from 'canonicalize'
import { beforeAll, describe, expect, it } from 'vitest'
import { writeReportPdf } from '../../src/cli/pdf-command'
import type { Assessment } from '../../src/core/assessment/assessment-schema'
import { compareAssessments, type Side } from '../../src/core/compare/compare'
import { deriveAssessment } from '../../src/core/compare/derive'
import { choiceOptions } from '../../src/core/instrument/choice-options'
import { migrate } from '../../src/core/migration/migrate'
import { optionText } from '../../src/core/answer-kinds/option-text'
import { formatDate } from '../../src/core/report/format'
import { readJson, root } from '../helpers/files'
import { shipped, shippedCatalogue } from '../helpers/instruments'

const catalogue = shippedCatalogue()
const bar = shipped('bar')
const fml = shipped('fml')
const example = (f: string) => readJson(join(root, 'public/examples', f)) as Assessment
const dir = mkdtempSync(join(tmpdir(), 'bar-pdf-'))

/** The PDF's text as a real PDF reader (poppler) extracts it, with runs of white space made single. */
function pdfText(file: string) {
  return execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' })
}
const flat = (text: string) => text.replace(/\s+/g, ' ')

function pageCount(file: string) {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' })
  return Number(/Pages:\s+(\d+)/.exec(info)?.[1])
}

async function render(
  main: Assessment,
  other: Assessment | undefined,
  lang: 'nl' | 'en',
  name: string,
) {
  const out = join(dir, name)
  const side = (a: Assessment) => ({
    assessment: a,
    instrument: a.instrument.id === 'bar' ? bar : fml,
  })
  const r = await writeReportPdf({
    main: side(main),
    ...(other ? { other: side(other) } : {}),
    catalogue,
    lang,
    out,
  })
  expect(r.ok).toBe(true)
  return out
}

describe('report PDF (BAR with the verzekeringsarts FML), read back with pdftotext', () => {
  let file = ''
  let text = ''
  const ba = example('bar-example.json')
  const va = example('fml-example.json')
  beforeAll(async () => {
    file = await render(ba, va, 'nl', 'full-nl.pdf')
    text = flat(pdfText(file))
  }, 30_000)

  it('has the cover with pseudonym, author, dates and instrument versions', () => {
    expect(text).toContain('Rapport belastbaarheid en re-integratiemogelijkheden')
    expect(text).toContain('W.V.')
    expect(text).toContain('bedrijfsarts, Dr. A. de Vries (fictief)')
    // Dates as the report's language writes them.
    expect(text).toContain('Datum beoordeling 02-11-2026')
    expect(text).not.toContain('2026-11-02 ')
    expect(text).toContain('Functionele Mogelijkhedenlijst (FML) 1.0.0')
  })

  it('has the label and the answer of every answered BAR item, with what is possible and the conditions', () => {
    let checked = 0
    for (const section of bar.sections)
      for (const item of section.items) {
        const a = ba.answers[item.id]
        if (!a) continue
        checked++
        expect(text, item.id).toContain(flat(item.label.nl))
        if (a.kind === 'capacity') {
          expect(text, item.id).toContain(
            choiceOptions(item)?.find((o) => o.code === a.level)?.label.nl,
          )
          for (const free of [a.possible, a.conditions])
            if (free) expect(text, item.id).toContain(flat(free))
        }
        if (a.kind === 'single') {
          const label = choiceOptions(item)?.find((o) => o.code === a.choice)?.label.nl
          expect(text, item.id).toContain(label)
          // A BAR option's code is an id, never shown before its label ("neutraal Neutraal").
          expect(text, item.id).not.toContain(`${a.choice} ${label}`)
          if (a.specify) expect(text, item.id).toContain(flat(a.specify))
        }
        if (a.kind === 'text') expect(text, item.id).toContain(flat(a.text))
        if (a.kind === 'date') expect(text, item.id).toContain(formatDate(a.date, 'nl'))
        if (a.kind === 'quantity') expect(text, item.id).toContain(`${a.value} uur per week`)
      }
    expect(checked).toBe(Object.keys(ba.answers).length)
  })

  it("has every chosen option text of the derived FML and of the verzekeringsarts's FML", () => {
    const derived = deriveAssessment({
      source: ba,
      sourceInstrument: bar,
      target: fml,
      crosswalk: catalogue.crosswalks[0]!,
      id: '00000000-0000-4000-8000-000000000002',
      now: new Date(ba.updatedAt),
    })
    for (const assessment of [derived, va])
      for (const section of fml.sections)
        for (const item of section.items) {
          const a = assessment.answers[item.id]
          if (a?.kind !== 'single' && a?.kind !== 'multiple') continue
          const codes = a.kind === 'single' ? [a.choice] : a.choices
          for (const code of codes) {
            const option = choiceOptions(item)?.find((o) => o.code === code)
            expect(text, `${item.id}/${code}`).toContain(
              flat(optionText(choiceOptions(item), code, 'nl')),
            )
            if (option?.description)
              expect(text, `${item.id}/${code}`).toContain(flat(option.description.nl))
          }
        }
  })

  it('has every comparison status that occurs, and the critical FML', () => {
    const r = compareAssessments(
      { assessment: ba, instrument: bar },
      { assessment: va, instrument: fml },
      catalogue,
      { id: 'x', now: new Date() },
    )
    if (!r.ok) throw new Error('not comparable')
    const labels: Record<string, string> = {
      agree: 'Eens',
      'ba-more-restrictive': 'BA beperkender',
      'va-more-restrictive': 'VA beperkender',
      differs: 'Anders (geen rangorde)',
      'only-ba': 'Alleen BA',
      'only-va': 'Alleen VA',
      'not-comparable': 'Niet vergelijkbaar',
    }
    for (const [status, n] of Object.entries(r.value.summary.counts))
      if (n > 0) expect(text, status).toContain(labels[status])
    expect(text).toContain('Kritische FML: items met een beperking')
    expect(text).toContain('Begrippenlijst')
  })

  it('states the conclusion of both sides before the comparison table, and Norm for an unticked item', () => {
    const comparison = text.slice(text.lastIndexOf('Vergelijking bedrijfsarts en verzekeringsarts'))
    const headline = comparison.indexOf('De conclusies komen overeen.')
    expect(headline).toBeGreaterThan(-1)
    expect(comparison.indexOf('Bedrijfsarts: Arbeidsmogelijkheden op dit moment')).toBeGreaterThan(
      headline,
    )
    expect(comparison).toContain('Verzekeringsarts: Duurzaam benutbare mogelijkheden')
    expect(comparison).toContain('Volledige FML: een item dat niet is aangekruist, is Norm')
    expect(headline).toBeLessThan(comparison.indexOf('I.1 Vasthouden'))
    // V.5 is not ticked in the verzekeringsarts's complete FML.
    expect(comparison).toMatch(/V\.5 Geknield of gehurkt actief zijn .*0 Norm \(niet aangekruist\)/)
    expect(comparison).toMatch(/Schaal 0–3, \d+ items \(gepoold\): lineair \d,\d\d \(95%-BI/)
  })

  it('numbers every page "Pagina X van Y" with the real page count', () => {
    const pages = pageCount(file)
    expect(pages).toBeGreaterThan(5)
    for (let p = 1; p <= pages; p++) expect(text).toContain(`Pagina ${p} van ${pages}`)
  })

  it('prints in its footer the first 16 hex of the SHA-256 of the assessment in RFC 8785 canonical JSON', () => {
    const expected = createHash('sha256')
      .update(canonicalize(ba) ?? '')
      .digest('hex')
      .slice(0, 16)
    expect(text).toContain(`kenmerk ${expected}`)
    expect(text).toContain('vertaaltabel bar-1.0.0__fml-1.0.0 1.0.0')
  })
})

describe('report PDF in English, from a Dutch assessment', () => {
  it('uses English wording for the report and the instrument', async () => {
    const file = await render(example('bar-example.json'), undefined, 'en', 'bar-en.pdf')
    const text = flat(pdfText(file))
    expect(text).toContain('Report on work capacity and re-integration possibilities')
    expect(text).toContain("The occupational physician's BAR")
    expect(text).toContain('FML derived from the BAR')
    expect(text).toMatch(/Page 1 of \d+/)
    expect(text).toContain('Lifting')
  }, 30_000)
})

describe('report PDF with hostile free text', () => {
  it('keeps markup as text and wraps 5,000 characters and very long words inside the page', async () => {
    const base = example('bar-example.json')
    const long =
      `${'Lange toelichting met ĳsvrije “aanhalingstekens” ≥ 5 kg en € 10. '.repeat(80)}`.slice(
        0,
        5000,
      )
    const word =
      'Arbeidsongeschiktheidsverzekeringsvoorwaardenonderzoekscommissievergaderingsverslag'.repeat(
        3,
      )
    const hostile: Assessment = {
      ...base,
      answers: {
        ...base.answers,
        'fysiek.tillen': {
          kind: 'capacity',
          level: 'matig',
          quantities: { 'max-load': 7.5 },
          possible: long,
          conditions: `<b>vet</b> <script>alert(1)</script> ${word}`,
        },
      },
    }
    const file = await render(hostile, undefined, 'nl', 'hostile.pdf')
    const text = pdfText(file)
    expect(flat(text)).toContain('<b>vet</b> <script>alert(1)</script>')
    expect(flat(text)).toContain('ĳsvrije “aanhalingstekens” ≥ 5 kg en € 10.')
    // Every word's box lies inside the A4 page (595 × 842 pt) with its margins.
    const boxes = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' })
    const xs = [...boxes.matchAll(/xMax="([\d.]+)"/g)].map((m) => Number(m[1]))
    const ys = [...boxes.matchAll(/yMax="([\d.]+)"/g)].map((m) => Number(m[1]))
    expect(Math.max(...xs)).toBeLessThanOrEqual(595 - 30)
    expect(Math.max(...ys)).toBeLessThanOrEqual(842 - 10)
    expect(pageCount(file)).toBeLessThan(30)
  }, 30_000)
})

describe('report PDF of an assessment migrated to BAR 1.1.0', () => {
  const bar110 = shipped('bar', '1.1.0')
  const ba = example('bar-example.json')
  const migrated = (() => {
    const r = migrate(ba, '1.1.0', catalogue.instruments, { now: new Date('2026-11-24T10:00:00Z') })
    if (!r.ok) throw new Error('no migration')
    return r.value.assessment
  })()
  const write = async (main: Side, other: Side | undefined, lang: 'nl' | 'en', name: string) => {
    const out = join(dir, name)
    const r = await writeReportPdf({ main, ...(other ? { other } : {}), catalogue, lang, out })
    expect(r.ok).toBe(true)
    return flat(pdfText(out))
  }

  it('names both versions in its footer and on the cover, and derives the FML through the 1.1.0 crosswalk', async () => {
    const text = await write(
      { assessment: migrated, instrument: bar110 },
      { assessment: example('fml-example.json'), instrument: fml },
      'nl',
      'migrated-nl.pdf',
    )
    expect(text).toContain('BAR 1.1.0, ingevuld in 1.0.0; FML 1.0.0')
    expect(text).toContain(
      'Beschrijving Arbeidsbelastbaarheid en Re-integratiemogelijkheden (BAR) 1.1.0, ingevuld in 1.0.0',
    )
    expect(text).toContain('vertaaltabel bar-1.1.0__fml-1.0.0 1.0.0')
    const en = await write(
      { assessment: migrated, instrument: bar110 },
      undefined,
      'en',
      'migrated-en.pdf',
    )
    expect(en).toContain('BAR 1.1.0, captured in 1.0.0; FML 1.0.0')
  }, 30_000)

  it('compares a BAR 1.0.0 with a BAR 1.1.0 on 1.1.0 and says so above the comparison', async () => {
    const text = await write(
      { assessment: ba, instrument: bar },
      {
        assessment: { ...migrated, id: '33333333-3333-4333-8333-333333333333' },
        instrument: bar110,
      },
      'nl',
      'across-versions.pdf',
    )
    const comparison = text.slice(text.lastIndexOf('Vergelijking bedrijfsarts en verzekeringsarts'))
    expect(comparison).toMatch(
      /^Vergelijking bedrijfsarts en verzekeringsarts BA-beoordeling voor de vergelijking bijgewerkt van BAR 1\.0\.0 naar 1\.1\.0 \(/,
    )
    expect(comparison).toContain('De conclusies komen overeen.')
    expect(text).toContain('BAR 1.0.0; BAR 1.1.0, ingevuld in 1.0.0')
  }, 30_000)
})

describe('fingerprint', () => {
  it('is stable for the same assessment and changes when an answer changes', async () => {
    const { fingerprint } = await import('../../src/pdf/fingerprint')
    const a = example('bar-example.json')
    const reordered = JSON.parse(
      JSON.stringify({ ...a, meta: { ...a.meta } }, Object.keys(a).reverse()),
    ) as Assessment
    expect(await fingerprint(a)).toMatch(/^[0-9a-f]{16}$/)
    expect(await fingerprint({ ...a })).toBe(await fingerprint(a))
    expect(
      readFileSync(join(root, 'public/examples/bar-example.json'), 'utf8').length,
    ).toBeGreaterThan(0)
    expect(await fingerprint({ ...a, answers: {} })).not.toBe(await fingerprint(a))
    void reordered
  })
})
