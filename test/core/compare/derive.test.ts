import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { answersSchema } from '../../../src/core/assessment/answer-validator'
import type { Answers, Assessment } from '../../../src/core/assessment/assessment-schema'
import { checkConsistency } from '../../../src/core/assessment/consistency'
import { deriveAssessment, meetsClaim, pickByThreshold } from '../../../src/core/compare/derive'
import { choiceOptions } from '../../../src/core/instrument/choice-options'
import { itemIndex } from '../../../src/core/instrument/item-index'
import type { Item, Threshold } from '../../../src/core/instrument/meta-schema'
import { DERIVED, assessmentOf, capacity } from '../../helpers/assessments'
import { readJson, root } from '../../helpers/files'
import { shippedPair } from '../../helpers/shipped-pair'

const { bar, fml, crosswalk } = shippedPair()

const fmlItem = (id: string) => itemIndex(fml).items.get(id) as Item

/** The option code pickByThreshold gives, with " flagged" when it lies below every threshold. */
function pick(id: string, unit: Threshold['unit'], value: number, normFrom?: 8) {
  const r = pickByThreshold(
    choiceOptions(fmlItem(id)) ?? [],
    unit,
    value,
    normFrom ? { unit, value: normFrom } : undefined,
  )
  return r && `${r.option.code}${r.belowLowest ? ' flagged' : ''}`
}

function derive(answers: Answers): Assessment {
  return deriveAssessment({
    source: assessmentOf(bar, answers),
    sourceInstrument: bar,
    target: fml,
    crosswalk: crosswalk,
    ...DERIVED,
  })
}

/** The derived choice of an FML item ("1", or "0,4" for several), or undefined. */
function choice(d: Assessment, id: string): string | undefined {
  const a = d.answers[id]
  if (a?.kind === 'single') return a.choice
  if (a?.kind === 'multiple') return a.choices.join(',')
  return undefined
}
const note = (d: Assessment, id: string) => d.derivation?.items[id]?.note?.en ?? ''
const notDerivable = (d: Assessment, id: string) => d.derivation?.notDerivable[id]?.en
const FLAG = /check this/

describe('meetsClaim', () => {
  const t = (comparator: Threshold['comparator'], value = 10): Threshold => ({
    value,
    unit: 'kg',
    comparator,
  })

  it('reads "about X" and "at most X" (hooguit) as claiming X: met from X up', () => {
    for (const c of ['about', 'at-most'] as const) {
      expect(meetsClaim(t(c), 10), c).toBe(true)
      expect(meetsClaim(t(c), 12), c).toBe(true)
      expect(meetsClaim(t(c), 9.5), c).toBe(false)
      expect(meetsClaim(t(c), 0), c).toBe(false)
    }
  })

  it('reads "at least X" and "more than X" as needing more than X', () => {
    for (const c of ['at-least', 'more-than'] as const) {
      expect(meetsClaim(t(c), 10), c).toBe(false)
      expect(meetsClaim(t(c), 10.5), c).toBe(true)
    }
  })

  it('reads "less than X" as claiming no capacity at all: always met, even by 0', () => {
    expect(meetsClaim(t('less-than'), 0)).toBe(true)
    expect(meetsClaim(t('less-than'), 100)).toBe(true)
  })

  it('handles a negative threshold (FML III.1 cold, below −15 °C)', () => {
    const cold: Threshold = { value: -15, unit: 'celsius', comparator: 'about' }
    expect(meetsClaim(cold, -15)).toBe(true)
    expect(meetsClaim(cold, -20)).toBe(false)
  })
})

describe('pickByThreshold', () => {
  it('IV.13 lifting (about X kg): on a threshold gives that option, between two the more restrictive', () => {
    expect(pick('IV.13', 'kg', 20)).toBe('0')
    expect(pick('IV.13', 'kg', 15)).toBe('0')
    expect(pick('IV.13', 'kg', 14.5)).toBe('1')
    expect(pick('IV.13', 'kg', 10)).toBe('1')
    expect(pick('IV.13', 'kg', 9.5)).toBe('2')
    expect(pick('IV.13', 'kg', 2)).toBe('3')
  })

  it('below the lowest threshold gives the most restrictive option, flagged unless the value is 0', () => {
    expect(pick('IV.13', 'kg', 1.5)).toBe('3 flagged')
    expect(pick('IV.13', 'kg', 0)).toBe('3')
  })

  it('IV.20 kneeling: "hooguit 2 keer per uur" is a ceiling, so 0 times an hour is the most restrictive option', () => {
    expect(pick('IV.20', 'times-per-hour', 10)).toBe('0')
    expect(pick('IV.20', 'times-per-hour', 5)).toBe('1')
    expect(pick('IV.20', 'times-per-hour', 2)).toBe('2')
    expect(pick('IV.20', 'times-per-hour', 1.5)).toBe('3 flagged')
    expect(pick('IV.20', 'times-per-hour', 0)).toBe('3')
  })

  it('V.6 bent or twisted: "ten minste 5" needs more than 5, "hooguit 2" is a ceiling', () => {
    expect(pick('V.6', 'minutes', 5.5)).toBe('0')
    expect(pick('V.6', 'minutes', 5)).toBe('1')
    expect(pick('V.6', 'minutes', 2.5)).toBe('2')
    expect(pick('V.6', 'minutes', 1)).toBe('2 flagged')
    expect(pick('V.6', 'minutes', 0)).toBe('2')
  })

  it('IV.19 climbing: 0 m is "kan niet opstappen", not "één enkele opstap"', () => {
    expect(pick('IV.19', 'm', 5)).toBe('0')
    expect(pick('IV.19', 'm', 3)).toBe('1')
    expect(pick('IV.19', 'm', 0)).toBe('3')
    expect(pick('IV.19', 'm', 0.5)).toBe('3 flagged')
  })

  it('I.1 attention: 30 minutes is not "at least 30", and 6 minutes is not more than "hooguit 5"', () => {
    expect(pick('I.1', 'minutes', 30.5)).toBe('0')
    expect(pick('I.1', 'minutes', 30)).toBe('1')
    expect(pick('I.1', 'minutes', 6)).toBe('2')
    expect(pick('I.1', 'minutes', 5)).toBe('2')
    expect(pick('I.1', 'minutes', 4.5)).toBe('2 flagged')
  })

  it('VI.2 and VI.3: exactly 8 hours a day or 40 a week is not the Norm "at least 8 / 40"', () => {
    expect(pick('VI.2', 'hours-per-day', 8.5)).toBe('0')
    expect(pick('VI.2', 'hours-per-day', 8)).toBe('1')
    expect(pick('VI.2', 'hours-per-day', 7)).toBe('2')
    expect(pick('VI.2', 'hours-per-day', 4)).toBe('3')
    expect(pick('VI.2', 'hours-per-day', 1.5)).toBe('4 flagged')
    expect(pick('VI.3', 'hours-per-week', 40)).toBe('1')
    expect(pick('VI.3', 'hours-per-week', 40.5)).toBe('0')
  })

  it('reaches a Norm that states no number only from normFrom', () => {
    expect(pick('IV.4', 'hours-per-day', 8)).toBe('1')
    expect(pick('IV.4', 'hours-per-day', 8, 8)).toBe('0')
    expect(pick('IV.4', 'hours-per-day', 7.5, 8)).toBe('1')
    expect(pick('IV.4', 'hours-per-day', 1, 8)).toBe('2')
    expect(pick('IV.4', 'hours-per-day', 0.5, 8)).toBe('3')
    expect(pick('IV.4', 'hours-per-day', 0, 8)).toBe('3')
  })

  it('finds nothing when no option states a threshold in the unit', () => {
    expect(pick('IV.13', 'minutes', 5)).toBeUndefined()
    expect(pick('I.2', 'minutes', 5)).toBeUndefined()
  })
})

describe('deriveAssessment', () => {
  describe('never claims more than the BAR states', () => {
    it('lifting "ernstig" with 15 kg gives IV.13 "Sterk beperkt", not Norm, and says why', () => {
      const d = derive({ 'fysiek.tillen': capacity('ernstig', { 'max-load': 15 }) })
      expect(choice(d, 'IV.13')).toBe('3')
      expect(note(d, 'IV.13')).toMatch(/Severe limitation → 3 .*Maximum load per lift 15 → 0/)
      expect(d.derivation?.items['IV.13']?.rule).toBe('threshold')
    })

    it('work hours "ernstig" with 8 hours a day gives VI.2 "Zeer beperkt", not Norm', () => {
      const d = derive({ 'werktijd.uren': capacity('ernstig', { 'per-day': 8 }) })
      expect(choice(d, 'VI.2')).toBe('4')
      expect(note(d, 'VI.2')).toMatch(/Severe limitation → 4/)
    })

    it('IV.13 15 kg at 2 times an hour is not Norm "15 kg, up to 10 times an hour": most restrictive, flagged', () => {
      const d = derive({ 'fysiek.tillen': capacity(undefined, { 'max-load': 15, frequency: 2 }) })
      expect(choice(d, 'IV.13')).toBe('3')
      expect(note(d, 'IV.13')).toMatch(FLAG)
    })

    it('IV.13 claims no frequency the BAR does not state: 5 kg at 20 times an hour is not "5 kg, up to 50 times"', () => {
      const d = derive({ 'fysiek.tillen': capacity(undefined, { 'max-load': 5, frequency: 20 }) })
      expect(choice(d, 'IV.13')).toBe('3')
      expect(note(d, 'IV.13')).toMatch(/No FML option stays within .*Times per hour 20.*check this/)
      const often = derive({
        'fysiek.tillen': capacity('licht', { 'max-load': 12, frequency: 60 }),
      })
      expect(choice(often, 'IV.13')).toBe('1')
    })

    it('goes on past an option that claims more than the BAR to the first one that claims no more', () => {
      // A variant FML whose most restrictive lifting option ties 2 kg to at most 5 times an hour.
      const variant = structuredClone(fml)
      const iv13 = itemIndex(variant).items.get('IV.13')?.answer
      const strong = iv13 && 'options' in iv13 ? iv13.options[3] : undefined
      if (strong)
        strong.thresholds = [
          strong.thresholds?.[0] as Threshold,
          { value: 5, unit: 'times-per-hour', comparator: 'at-most' },
        ]
      const d = deriveAssessment({
        source: assessmentOf(bar, {
          'fysiek.tillen': capacity('matig', { 'max-load': 5, frequency: 20 }),
        }),
        sourceInstrument: bar,
        target: variant,
        crosswalk,
        ...DERIVED,
      })
      expect(choice(d, 'IV.13')).toBe('3')
      expect(note(d, 'IV.13')).toBe(
        '2 Limited claims more than the BAR states (Times per hour 20): 3 Severely limited was chosen.',
      )
    })

    it('IV.13 without a level needs the frequency too: the weight alone is not derivable', () => {
      const d = derive({ 'fysiek.tillen': capacity(undefined, { 'max-load': 15 }) })
      expect(d.answers['IV.13']).toBeUndefined()
      expect(notDerivable(d, 'IV.13')).toMatch(/gives no level and not: Times per hour/)
    })

    it('IV.14 ties the weight to the carrying time: 15 kg for 1 minute is not Norm', () => {
      const d = derive({ 'fysiek.dragen': capacity(undefined, { 'max-load': 15, duration: 1 }) })
      expect(choice(d, 'IV.14')).toBe('2')
      const norm = derive({ 'fysiek.dragen': capacity('geen', { 'max-load': 15, duration: 4 }) })
      expect(choice(norm, 'IV.14')).toBe('0')
    })

    it('V.7 ties the duration to the frequency: 2 minutes at 5 times an hour is not Norm', () => {
      const d = derive({
        'fysiek.boven-schouderhoogte': capacity(undefined, { continuous: 2, frequency: 5 }),
      })
      expect(choice(d, 'V.7')).not.toBe('0')
      expect(choice(d, 'V.7')).toBe('2')
      expect(note(d, 'V.7')).toMatch(FLAG)
      const norm = derive({
        'fysiek.boven-schouderhoogte': capacity('geen', { continuous: 2, frequency: 10 }),
      })
      expect(choice(norm, 'V.7')).toBe('0')
    })

    it('kneeling 0 times an hour gives IV.20 the most restrictive option, unflagged', () => {
      const d = derive({ 'fysiek.knielen-hurken': capacity(undefined, { frequency: 0 }) })
      expect(choice(d, 'IV.20')).toBe('3')
      expect(note(d, 'IV.20')).not.toMatch(FLAG)
    })

    it('bent work for 0 minutes gives V.6 the most restrictive option', () => {
      const d = derive({
        'fysiek.buigen': capacity(undefined, { continuous: 0 }),
        'fysiek.romp-draaien': capacity('geen'),
      })
      expect(choice(d, 'V.6')).toBe('2')
    })

    it('climbing 0 m gives IV.19 "kan niet opstappen"', () => {
      const d = derive({ 'fysiek.klimmen': capacity(undefined, { height: 0 }) })
      expect(choice(d, 'IV.19')).toBe('3')
    })

    it('exactly 8 hours a day gives VI.2 "about 8", 40 a week VI.3 "about 40": not Norm', () => {
      const d = derive({ 'werktijd.uren': capacity(undefined, { 'per-day': 8, 'per-week': 40 }) })
      expect(choice(d, 'VI.2')).toBe('1')
      expect(choice(d, 'VI.3')).toBe('1')
      const more = derive({
        'werktijd.uren': capacity('geen', { 'per-day': 9, 'per-week': 45 }),
      })
      expect([choice(more, 'VI.2'), choice(more, 'VI.3')]).toEqual(['0', '0'])
    })

    it('VI.3 from hours per week alone, without a level or hours per day', () => {
      const d = derive({ 'werktijd.uren': capacity(undefined, { 'per-week': 40 }) })
      expect(choice(d, 'VI.3')).toBe('1')
      expect(d.answers['VI.2']).toBeUndefined()
    })

    it('IV.11 reads the rotation angle: 30 degrees is not Norm "at least 45", even at level "geen"', () => {
      const d = derive({ 'fysiek.romp-draaien': capacity('geen', { angle: 30 }) })
      expect(choice(d, 'IV.11')).toBe('1')
      expect(
        choice(derive({ 'fysiek.romp-draaien': capacity('geen', { angle: 45 }) }), 'IV.11'),
      ).toBe('1')
      expect(
        choice(derive({ 'fysiek.romp-draaien': capacity('geen', { angle: 50 }) }), 'IV.11'),
      ).toBe('0')
    })

    it('IV.15 reads the head-movement frequency: 60 times an hour is not Norm "about 120"', () => {
      const d = derive({ 'fysiek.hoofdbewegingen': capacity('geen', { frequency: 60 }) })
      expect(choice(d, 'IV.15')).not.toBe('0')
      expect(note(d, 'IV.15')).toMatch(FLAG)
      const norm = derive({ 'fysiek.hoofdbewegingen': capacity('geen', { frequency: 120 }) })
      expect(choice(norm, 'IV.15')).toBe('0')
      const level = derive({ 'fysiek.hoofdbewegingen': capacity('licht') })
      expect(choice(level, 'IV.15')).toBe('1')
    })

    it('below the lowest stated number the level chooses among the options that state none; without a level the most restrictive, flagged', () => {
      // IV.15: 60 head movements an hour at a light level: "Beperkt", not "nauwelijks of niet".
      const light = derive({ 'fysiek.hoofdbewegingen': capacity('licht', { frequency: 60 }) })
      expect(choice(light, 'IV.15')).toBe('1')
      expect(note(light, 'IV.15')).not.toMatch(FLAG)
      const alone = derive({ 'fysiek.hoofdbewegingen': capacity(undefined, { frequency: 60 }) })
      expect(choice(alone, 'IV.15')).toBe('2')
      expect(note(alone, 'IV.15')).toMatch(FLAG)
      // IV.19: 0.5 m at a moderate level is "één enkele opstap"; a level allowing a ladder is
      // overruled by the height, and 0 m stays "kan niet opstappen" whatever the level.
      const step = derive({ 'fysiek.klimmen': capacity('matig', { height: 0.5 }) })
      expect(choice(step, 'IV.19')).toBe('2')
      const ladder = derive({ 'fysiek.klimmen': capacity('geen', { height: 0.5 }) })
      expect(choice(ladder, 'IV.19')).toBe('3')
      expect(note(ladder, 'IV.19')).toMatch(FLAG)
      expect(choice(derive({ 'fysiek.klimmen': capacity('matig', { height: 0 }) }), 'IV.19')).toBe(
        '3',
      )
    })

    it('VI.3 never exceeds five times the hours per day', () => {
      const light = derive({ 'werktijd.uren': capacity('licht', { 'per-day': 4 }) })
      expect(choice(light, 'VI.3')).toBe('3')
      const weekly = derive({ 'werktijd.uren': capacity('geen', { 'per-day': 4, 'per-week': 40 }) })
      expect(choice(weekly, 'VI.3')).toBe('3')
      expect(note(weekly, 'VI.3')).toMatch(/Hours per day 4 × 5 → 3/)
    })

    it('VI.2 is not derived from a level without hours per day, except "geen"', () => {
      for (const level of ['licht', 'matig', 'ernstig']) {
        const d = derive({ 'werktijd.uren': capacity(level) })
        expect(d.answers['VI.2'], level).toBeUndefined()
        expect(notDerivable(d, 'VI.2'), level).toMatch(/only from the hours per day/)
      }
      expect(choice(derive({ 'werktijd.uren': capacity('geen') }), 'VI.2')).toBe('0')
    })

    it('a Norm rests on every BAR item the rule reads: one left open makes it not derivable', () => {
      const d = derive({ 'fysiek.hand-vinger': capacity('geen') })
      expect(d.answers['IV.3']).toBeUndefined()
      expect(notDerivable(d, 'IV.3')).toMatch(/Working with keyboard and mouse/)
      const both = derive({
        'fysiek.hand-vinger': capacity('geen'),
        'fysiek.toetsenbord-muis': capacity('geen'),
      })
      expect(choice(both, 'IV.3')).toBe('0')
    })
  })

  describe('leaves to the conclusion what the conclusion covers', () => {
    it('a BAR with no work capacity at present leaves VI.2 and VI.3 to the conclusion', () => {
      for (const answer of [
        capacity('volledig'),
        capacity(undefined, { 'per-day': 0 }),
        capacity('ernstig', { 'per-week': 0 }),
      ]) {
        const d = derive({ 'werktijd.uren': answer, 'fysiek.tillen': capacity('matig') })
        for (const id of ['VI.2', 'VI.3']) {
          expect(d.answers[id], id).toBeUndefined()
          expect(notDerivable(d, id), id).toBeUndefined()
        }
        expect(choice(d, 'IV.13')).toBe('2')
      }
    })
  })

  describe('never contradicts itself', () => {
    it('I.8 "Nee, geen specifieke voorwaarden" never beside a slowed pace (I.7)', () => {
      const d = derive({
        'mentaal.stress-hanteren': capacity('geen'),
        'mentaal.tempo': capacity('matig'),
        'mentaal.aandacht-vasthouden': capacity('geen'),
        'mentaal.flexibiliteit': capacity('geen'),
      })
      expect(choice(d, 'I.7')).toBe('1')
      expect(choice(d, 'I.8')).toBeUndefined()
      expect(notDerivable(d, 'I.8')).toBeTruthy()
      expect(checkConsistency(fml, d.answers)).toEqual([])
    })

    it('IV.3 Norm never beside a limited keyboard and mouse (IV.4): the claim is listed as not derivable', () => {
      const d = derive({
        'fysiek.hand-vinger': capacity('geen'),
        'fysiek.toetsenbord-muis': capacity('geen', { 'per-day': 6 }),
      })
      expect(choice(d, 'IV.4')).toBe('1')
      expect(d.answers['IV.3']).toBeUndefined()
      expect(notDerivable(d, 'IV.3')).toBe(
        fml.exclusions?.find((e) => e.when.item === 'IV.3')?.reason.en,
      )
    })

    it('II.12 "Nee" never beside a strongly limited collaboration (II.9)', () => {
      const d = derive({
        'sociaal.contact-publiek': capacity('geen'),
        'sociaal.samenwerken': capacity('ernstig'),
        'mentaal.zelfstandigheid': capacity('geen'),
      })
      expect(choice(d, 'II.9')).toBe('2')
      expect(choice(d, 'II.12')).toBeUndefined()
    })

    it('V.6 reads the trunk rotation: no Norm beside a limited rotation', () => {
      const level = derive({
        'fysiek.buigen': capacity('geen'),
        'fysiek.romp-draaien': capacity('licht'),
      })
      expect(choice(level, 'V.6')).toBe('1')
      const angle = derive({
        'fysiek.buigen': capacity('geen'),
        'fysiek.romp-draaien': capacity('geen', { angle: 30 }),
      })
      expect(choice(angle, 'IV.11')).toBe('1')
      expect(angle.answers['V.6']).toBeUndefined()
      expect(notDerivable(angle, 'V.6')).toBeTruthy()
    })
  })

  describe('gives no false differences', () => {
    it('IV.4, IV.17, V.2, V.4 and V.8 reach Norm with "geen beperking, 8 uur"', () => {
      const full = { 'per-day': 8 }
      const d = derive({
        'fysiek.toetsenbord-muis': capacity('geen', full),
        'fysiek.lopen': capacity('geen', full),
        'fysiek.zitten': capacity('geen', full),
        'fysiek.staan': capacity('geen', full),
        'fysiek.hoofdstand': capacity('geen', full),
      })
      expect(['IV.4', 'IV.17', 'V.2', 'V.4', 'V.8'].map((id) => choice(d, id))).toEqual([
        '0',
        '0',
        '0',
        '0',
        '0',
      ])
      const less = derive({ 'fysiek.toetsenbord-muis': capacity('geen', { 'per-day': 7.5 }) })
      expect(choice(less, 'IV.4')).toBe('1')
    })

    it('II.10: a light or moderate travel limitation is not "kan niet zelfstandig reizen"', () => {
      for (const level of ['licht', 'matig']) {
        const d = derive({ 'sociaal.reizen': capacity(level) })
        expect(d.answers['II.10'], level).toBeUndefined()
        expect(notDerivable(d, 'II.10'), level).toMatch(/Only a severe or complete/)
      }
      expect(choice(derive({ 'sociaal.reizen': capacity('ernstig') }), 'II.10')).toBe('1')
      expect(choice(derive({ 'sociaal.reizen': capacity('geen') }), 'II.10')).toBe('0')
    })
  })

  describe('output', () => {
    it('writes the "namely" text an FML option requires, from the BAR', () => {
      const d = derive({
        'sociaal.zien': { kind: 'capacity', level: 'matig', conditions: 'Groot beeldscherm' },
      })
      expect(d.answers['II.1']).toEqual({
        kind: 'single',
        choice: '1',
        specify: 'Afgeleid uit BAR Zien (Matige beperking): Groot beeldscherm',
      })
      expect(d.derivation?.items['II.1']).toEqual({ sources: ['sociaal.zien'], rule: 'level-map' })
    })

    it('a level the FML item cannot express stays unanswered and is listed with the rule note', () => {
      const d = derive({ 'mentaal.plannen-organiseren': capacity('matig') })
      expect(d.answers['I.5']).toBeUndefined()
      expect(notDerivable(d, 'I.5')).toMatch(/^FML options 1 to 5 are separate shortcomings/)
      expect(derive({ 'mentaal.plannen-organiseren': capacity('geen') }).answers['I.5']).toEqual({
        kind: 'multiple',
        choices: ['0'],
      })
    })

    it('lists a not-derivable rule with its reason, and leaves items of an empty BAR open', () => {
      const d = derive({})
      expect(d.answers).toEqual({})
      expect(d.derivation?.items).toEqual({})
      expect(notDerivable(d, 'IV.1')).toBe(
        'The BAR does not record the preferred hand. In the FML, dominance is context information, not a limitation.',
      )
    })

    it('produces an FML assessment that the FML validator accepts, naming its source', () => {
      const example = readJson(join(root, 'public/examples/bar-example.json')) as Assessment
      const d = deriveAssessment({
        source: example,
        sourceInstrument: bar,
        target: fml,
        crosswalk: crosswalk,
        ...DERIVED,
      })
      expect(d.instrument).toEqual({ id: 'fml', version: '1.0.0' })
      expect(Object.keys(d.answers).length).toBeGreaterThan(30)
      expect(answersSchema(fml).safeParse(d.answers).success).toBe(true)
      expect(checkConsistency(fml, d.answers)).toEqual([])
      expect(d.derivation?.from).toEqual({
        assessmentId: example.id,
        instrument: { id: 'bar', version: '1.0.0' },
      })
      expect(d.derivation?.crosswalk).toEqual({ id: crosswalk.id, version: crosswalk.version })
    })
  })
})
