// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest'
import { cleanup, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Answers, Assessment } from '../../src/core/assessment/assessment-schema'
import { newAssessment } from '../../src/core/assessment/new-assessment'
import { findVocabulary } from '../../src/core/instrument/catalogue-data'
import type { Instrument, Vocabulary } from '../../src/core/instrument/meta-schema'
import { AssessmentForm } from '../../src/form/assessment-form'
import { shipped, shippedCatalogue } from '../helpers/instruments'
import { renderWithI18n } from '../helpers/render'

afterEach(cleanup)
beforeAll(() => {
  // jsdom has no layout and no modal dialogs: scrolling is a no-op, a dialog just opens and closes.
  Element.prototype.scrollIntoView = () => {}
  HTMLDialogElement.prototype.showModal = function (this: HTMLDialogElement) {
    this.setAttribute('open', '')
  }
  HTMLDialogElement.prototype.close = function (this: HTMLDialogElement) {
    this.removeAttribute('open')
  }
})

const fml = shipped('fml')
const bar = shipped('bar')
const vocabulary = findVocabulary(
  shippedCatalogue().vocabularies,
  fml.vocabulary.version,
) as Vocabulary

/** The FML's ranked items outside the cover: rubrieken I to VI without IV.1 and IV.2 (no rank). */
const RANKED = fml.sections
  .slice(1)
  .flatMap((s) => s.items.map((i) => i.id))
  .filter((id) => id !== 'IV.1' && id !== 'IV.2')

function draft(instrument: Instrument, answers: Answers = {}): Assessment {
  return {
    ...newAssessment({
      instrument,
      id: '22222222-2222-4222-8222-222222222222',
      now: new Date('2026-11-23T10:00:00Z'),
      language: 'nl',
      authorRole: 'verzekeringsarts',
    }),
    answers,
  }
}

function setup(assessment: Assessment, instrument = fml) {
  const saves: Assessment[] = []
  const user = userEvent.setup()
  renderWithI18n(
    <AssessmentForm
      instrument={instrument}
      vocabulary={vocabulary}
      assessment={assessment}
      onSave={async (a) => {
        saves.push(a)
      }}
    />,
  )
  return { user, saves }
}

function item(id: string) {
  return document.querySelector(`[data-item-id="${id}"]`) as HTMLElement
}

/** The option codes ticked in an item, as the user sees them. */
function checkedIn(id: string) {
  return [...item(id).querySelectorAll<HTMLInputElement>('input:is([type=radio], [type=checkbox])')]
    .filter((el) => el.checked)
    .map((el) => el.value)
}

const given: Answers = {
  'I.1': { kind: 'single', choice: '1' },
  'I.5': { kind: 'multiple', choices: ['2'] },
}

describe('NormForOpenItems', () => {
  it('asks first, naming how many, then sets exactly the open items to Norm and saves them', async () => {
    expect(RANKED).toHaveLength(62)
    const { user, saves } = setup(draft(fml, given))
    await user.click(screen.getByRole('button', { name: 'Alle overige items: Norm' }))

    const dialog = screen.getByRole('dialog', { name: 'Alle overige items op Norm zetten?' })
    expect(dialog).toHaveAccessibleDescription(
      /^60 getoonde items zonder antwoord \(buiten Voorblad\) krijgen het antwoord Norm\./,
    )
    expect(within(dialog).getByRole('button', { name: 'Annuleren' })).toHaveFocus()
    expect(checkedIn('I.2')).toEqual([])
    await user.click(within(dialog).getByRole('button', { name: 'Ja, zet 60 items op Norm' }))

    expect(screen.queryByRole('dialog')).toBeNull()
    expect(screen.getByText('60 items op Norm gezet.')).toHaveFocus()
    expect(checkedIn('I.1')).toEqual(['1'])
    expect(checkedIn('I.5')).toEqual(['2'])
    for (const id of RANKED.filter((id) => !(id in given))) expect(checkedIn(id), id).toEqual(['0'])
    // The cover and the items without a Norm option stay open.
    for (const id of ['voorblad.conclusie', 'voorblad.volledigheid', 'IV.1', 'IV.2'])
      expect(checkedIn(id), id).toEqual([])

    await waitFor(() => expect(Object.keys(saves.at(-1)?.answers ?? {})).toHaveLength(62), {
      timeout: 2000,
    })
    const saved = (saves.at(-1) as Assessment).answers
    expect(saved['I.1']).toEqual({ kind: 'single', choice: '1' })
    expect(saved['I.5']).toEqual({ kind: 'multiple', choices: ['2'] })
    expect(saved['I.7']).toEqual({ kind: 'single', choice: '0' })
    expect(saved['I.8']).toEqual({ kind: 'multiple', choices: ['0'] })
    expect(saved['IV.1']).toBeUndefined()
    expect(
      await screen.findByText('Geen open items om op Norm te zetten.', {}, { timeout: 2000 }),
    ).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Alle overige items: Norm' })).toBeNull()
  })

  it('sets nothing when the question is cancelled', async () => {
    const { user, saves } = setup(draft(fml, given))
    const action = screen.getByRole('button', { name: 'Alle overige items: Norm' })
    await user.click(action)
    await user.click(screen.getByRole('button', { name: 'Annuleren' }))

    expect(screen.queryByRole('dialog')).toBeNull()
    expect(action).toHaveFocus()
    for (const id of RANKED.filter((id) => !(id in given))) expect(checkedIn(id), id).toEqual([])
    expect(checkedIn('I.1')).toEqual(['1'])
    expect(screen.queryByText(/op Norm gezet/)).toBeNull()
    await new Promise((resolve) => setTimeout(resolve, 600))
    expect(saves).toEqual([])
  })

  it('says so instead of offering the action when no ranked item is open', () => {
    const all: Answers = {}
    for (const i of fml.sections.flatMap((s) => s.items))
      if (RANKED.includes(i.id))
        all[i.id] =
          i.answer.kind === 'multiple'
            ? { kind: 'multiple', choices: ['1'] }
            : { kind: 'single', choice: '1' }
    setup(draft(fml, all))
    expect(screen.getByText('Geen open items om op Norm te zetten.')).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Alle overige items: Norm' })).toBeNull()
  })

  it('is not offered on the BAR, which has no cover conclusion', () => {
    setup(draft(bar), bar)
    expect(screen.getByRole('navigation', { name: 'Onderdelen' })).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: /Norm/ })).toBeNull()
    expect(screen.queryByText(/op Norm te zetten/)).toBeNull()
  })
})
