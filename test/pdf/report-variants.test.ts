import { execFileSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { writeReportPdf } from '../../src/cli/pdf-command'
import { answerKind } from '../../src/core/answer-kinds'
import type { AnswerValue, Assessment } from '../../src/core/assessment/assessment-schema'
import { loadAssessment } from '../../src/core/assessment/load-assessment'
import { signOffAssessment, startAmendment } from '../../src/core/assessment/sign-off'
import { mayReadSection, textRef, type Reader } from '../../src/core/report/readers'
import type { Instrument } from '../../src/core/instrument/meta-schema'
import { readJson, root } from '../helpers/files'
import { shippedCatalogue } from '../helpers/instruments'

/*
 * Every reader's report read back as a PDF reader (poppler) reads it: what the employer and the
 * employee get holds no text the author kept private, no personal factor and no cover ground.
 */

const catalogue = shippedCatalogue()
const dir = mkdtempSync(join(tmpdir(), 'bar-variants-'))
const text = (file: string) =>
  execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ')
const pages = (file: string) =>
  Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1])

function load(json: unknown) {
  const r = loadAssessment(json, catalogue.instruments)
  if (!r.ok) throw new Error(r.issues.map((i) => `${i.path} ${i.message.en}`).join('\n'))
  return r.value
}
const example = (f: string) => load(readJson(join(root, 'public/examples', f)))

let n = 0
async function render(assessment: Assessment, instrument: Instrument, audience: Reader) {
  const out = join(dir, `${n++}-${audience}.pdf`)
  const r = await writeReportPdf({
    main: { assessment, instrument },
    catalogue,
    lang: 'nl',
    out,
    audience,
  })
  if (!r.ok) throw new Error(r.issues.map((i) => i.message.en).join('\n'))
  return out
}

/** Every free text of an assessment with its section, by its release key. */
function freeTexts(a: Assessment, instrument: Instrument) {
  return instrument.sections.flatMap((s) =>
    s.items.flatMap((item) => {
      const answer = a.answers[item.id]
      if (!answer) return []
      return answerKind(answer.kind)
        .freeTexts(answer)
        .map((f) => ({ ref: textRef(item.id, f.field), text: f.text, section: s.id }))
    }),
  )
}

/** The answer with each free text replaced by `mark(field)`. */
function marked(answer: AnswerValue, mark: (field: string) => string): AnswerValue {
  const a = structuredClone(answer)
  if (a.kind === 'text') a.text = mark('text')
  if (a.kind === 'capacity') {
    if (a.possible) a.possible = mark('possible')
    if (a.conditions) a.conditions = mark('conditions')
  }
  if (a.kind === 'single' && a.specify) a.specify = mark('specify')
  if (a.kind === 'multiple' && a.specify)
    for (const code of Object.keys(a.specify)) a.specify[code] = mark(`specify.${code}`)
  return a
}

const bar = example('bar-example.json')
const fml = example('fml-example.json')

describe('the employer and employee reports', () => {
  it('name their reader on every page, say on the cover they hold no medical details, and carry the concept mark', async () => {
    for (const audience of ['employer', 'employee'] as const) {
      const file = await render(bar.assessment, bar.instrument, audience)
      const t = text(file)
      const name =
        audience === 'employer' ? 'Rapport voor de werkgever' : 'Verslag voor de werknemer'
      expect(t.split(name).length - 1).toBe(pages(file))
      expect(t).toContain('Dit rapport bevat geen medische gegevens')
      expect(t.split('CONCEPT').length - 1).toBeGreaterThanOrEqual(pages(file))
    }
  })

  it('leave out every private text, personal factor and work factor of the example BAR', async () => {
    const texts = freeTexts(bar.assessment, bar.instrument)
    expect(texts.length).toBeGreaterThan(10)
    const personal = bar.instrument.sections.find((s) => s.id === 'persoonlijke-factoren')
    for (const audience of ['employer', 'employee'] as const) {
      const t = text(await render(bar.assessment, bar.instrument, audience))
      for (const f of texts) expect(t, f.ref).not.toContain(f.text.slice(0, 40))
      for (const item of personal?.items ?? []) expect(t).not.toContain(item.label.nl)
      expect(t).not.toContain('Werkfactoren')
      // What they are for is there: a level, a quantity, the re-evaluation date.
      expect(t).toContain('Matige beperking')
      expect(t).toContain('7,5 kg')
      expect(t).toContain('21-12-2026')
    }
    // The professionals' report holds every text.
    const full = text(await render(bar.assessment, bar.instrument, 'professional'))
    for (const f of texts) expect(full, f.ref).toContain(f.text.slice(0, 20))
  })

  it("leave out the verzekeringsarts's cover ground of an FML", async () => {
    const answers = { ...fml.assessment.answers }
    delete answers['voorblad.toelichting-mogelijkheden']
    answers['voorblad.conclusie'] = { kind: 'single', choice: 'nee' }
    answers['voorblad.gronden-geen-mogelijkheden'] = { kind: 'single', choice: 'bedlegerig' }
    const a = load({ ...fml.assessment, answers }).assessment
    const full = text(await render(a, fml.instrument, 'professional'))
    expect(full).toContain('Bedlegerig')
    for (const audience of ['employer', 'employee'] as const) {
      const t = text(await render(a, fml.instrument, audience))
      expect(t).not.toContain('Bedlegerig')
      expect(t).not.toContain('Grond voor het ontbreken')
      // The rubrieken are there.
      expect(t).toContain('Vasthouden van de aandacht')
    }
  })

  it('show a released text only where its reader may read its section, for any choice of releases (property)', async () => {
    const refs = freeTexts(bar.assessment, bar.instrument).map((f) => f.ref)
    await fc.assert(
      fc.asyncProperty(
        fc.subarray(refs),
        fc.constantFrom<Reader>('employer', 'employee'),
        async (released, audience) => {
          // Each text a marker of its own, so that what the PDF shows can be told apart.
          const markers = new Map<string, string>()
          const answers = Object.fromEntries(
            Object.entries(bar.assessment.answers).map(([id, answer]) => [
              id,
              marked(answer, (field) => {
                const m = `ZQ${String(markers.size + 100)}X`
                markers.set(textRef(id, field), m)
                return m
              }),
            ]),
          )
          const a = load({ ...bar.assessment, answers, released }).assessment
          const t = text(await render(a, bar.instrument, audience))
          for (const f of freeTexts(a, bar.instrument)) {
            const shown = released.includes(f.ref) && mayReadSection(audience, 'bar', f.section)
            expect(t.includes(markers.get(f.ref) ?? '?'), `${f.ref} shown: ${shown}`).toBe(shown)
          }
        },
      ),
      { numRuns: 6 },
    )
  }, 120_000)

  it('name who signed a definitief report off and when, without the concept mark', async () => {
    const signed = signOffAssessment(bar.assessment, {
      name: 'Dr. A. de Vries',
      role: 'bedrijfsarts',
      date: '2026-12-02',
      at: '2026-12-02T10:00:00.000Z',
    })
    for (const audience of ['professional', 'employer'] as const) {
      const t = text(await render(signed, bar.instrument, audience))
      expect(t).toMatch(
        /Definitief \(versie 1\): definitief gemaakt door Dr\. A\. de Vries \(bedrijfsarts\) op 02-12-2026/,
      )
      expect(t).toContain('definitief, versie 1')
      expect(t).not.toContain('CONCEPT')
    }
  })

  it('say in an amended report what changed since the edition before, as far as its reader may see', async () => {
    const sign = (at: string) => ({
      name: 'Dr. A. de Vries',
      role: 'bedrijfsarts' as const,
      date: at.slice(0, 10),
      at,
    })
    const first = signOffAssessment(bar.assessment, sign('2026-12-02T10:00:00.000Z'))
    const amending = startAmendment(first, new Date('2026-12-03T09:00:00Z'))
    const answers = structuredClone(amending.answers)
    answers['fysiek.tillen'] = { ...answers['fysiek.tillen'], kind: 'capacity', level: 'ernstig' }
    answers['persoonlijke-factoren.toelichting'] = { kind: 'text', text: 'ZQPRIVEX nieuw' }
    const second = signOffAssessment({ ...amending, answers }, sign('2026-12-03T11:00:00.000Z'))
    const full = text(await render(second, bar.instrument, 'professional'))
    expect(full).toContain('Gewijzigd ten opzichte van versie 1 (definitief op 02-12-2026)')
    expect(full).toMatch(/Tillen Was: Matige beperking.* Nu: Ernstige beperking/)
    expect(full).toContain('ZQPRIVEX')
    expect(full).toContain('gewijzigd, versie 2')
    const employer = text(await render(second, bar.instrument, 'employer'))
    expect(employer).toMatch(/Tillen Was: Matige beperking.* Nu: Ernstige beperking/)
    expect(employer).not.toContain('ZQPRIVEX')
  })
})
