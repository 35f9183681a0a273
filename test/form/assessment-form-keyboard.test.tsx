// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest'
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'
import type { Assessment } from '../../src/core/assessment/assessment-schema'
import { newAssessment } from '../../src/core/assessment/new-assessment'
import { AssessmentForm } from '../../src/form/assessment-form'
import { fixtureVocabulary, minimalInstrument } from '../helpers/instruments'
import { renderWithI18n } from '../helpers/render'

afterEach(cleanup)
// jsdom has no layout: scrolling is a no-op here.
Element.prototype.scrollIntoView = () => {}

const instrument = minimalInstrument()
const vocabulary = fixtureVocabulary()
const draft = newAssessment({
  instrument,
  id: '11111111-1111-4111-8111-111111111111',
  now: new Date('2026-11-23T10:00:00Z'),
  language: 'nl',
  authorRole: 'bedrijfsarts',
})

function setup(assessment: Assessment = draft) {
  const user = userEvent.setup()
  renderWithI18n(
    <AssessmentForm instrument={instrument} vocabulary={vocabulary} assessment={assessment} />,
  )
  return { user }
}

function item(id: string) {
  return document.querySelector(`[data-item-id="${id}"]`) as HTMLElement
}

const firstInput = (id: string) =>
  item(id).querySelector(':is(input, textarea, select)') as HTMLElement
const NEXT_OPEN = '{Alt>}{Shift>}[KeyN]{/Shift}{/Alt}'
const NEXT_ERROR = '{Alt>}{Shift>}[KeyF]{/Shift}{/Alt}'

describe('AssessmentForm: next open item', () => {
  it('moves focus to the first input of the next unanswered item, by button and by key, wrapping around', async () => {
    const { user } = setup()
    const button = screen.getByRole('button', { name: /Volgend open item/ })
    expect(button).toHaveAttribute('aria-keyshortcuts', 'Alt+Shift+N')
    screen.getByLabelText('Naam van de opsteller').focus()
    await user.click(button)
    expect(firstInput('tillen')).toHaveFocus()
    // "Keuze" answered: it is skipped.
    fireEvent.click(within(item('keuze')).getByRole('radio', { name: 'Ja' }))
    firstInput('tillen').focus()
    await user.keyboard(NEXT_OPEN)
    expect(firstInput('meer')).toHaveFocus()
    screen.getByLabelText('Datum').focus()
    await user.keyboard(NEXT_OPEN)
    expect(firstInput('tillen')).toHaveFocus()
  })

  it('says so politely, leaving focus where it is, when no shown item is open', async () => {
    const answered: Assessment = {
      ...draft,
      answers: {
        tillen: { kind: 'capacity', level: instrumentLevel() },
        keuze: { kind: 'single', choice: 'ja' },
        meer: { kind: 'multiple', choices: [firstOption('meer')] },
        uren: { kind: 'quantity', value: 8 },
        datum: { kind: 'date', date: '2026-11-23' },
      } as Assessment['answers'],
    }
    const { user } = setup(answered)
    const author = screen.getByLabelText('Naam van de opsteller')
    author.focus()
    await user.keyboard(NEXT_OPEN)
    expect(author).toHaveFocus()
    expect(screen.getByText(/Geen open items meer/)).toHaveAttribute('role', 'status')
  })
})

describe('AssessmentForm: next error', () => {
  it('moves focus to the next field with an error, and says when there is no other', async () => {
    const { user } = setup()
    const author = screen.getByLabelText('Naam van de opsteller')
    author.focus()
    await user.keyboard(NEXT_ERROR)
    expect(author).toHaveFocus()
    expect(screen.getByText('Geen (andere) velden met een fout.')).toBeInTheDocument()

    const hours = screen.getByLabelText('Uren')
    await user.type(hours, 'veel')
    await user.tab()
    expect(await screen.findByText('Vul een getal in')).toBeInTheDocument()
    author.focus()
    await user.click(screen.getByRole('button', { name: /Volgende fout/ }))
    expect(hours).toHaveFocus()
    expect(screen.queryByText('Geen (andere) velden met een fout.')).toBeNull()
    await user.keyboard(NEXT_ERROR)
    expect(hours).toHaveFocus()
    expect(screen.getByText('Geen (andere) velden met een fout.')).toBeInTheDocument()
  })
})

describe('AssessmentForm: check all answers', () => {
  it('brings focus to a list of the problems, each going to its field', async () => {
    const { user } = setup()
    await user.type(screen.getByLabelText('Uren'), '61')
    fireEvent.click(within(item('keuze')).getByRole('radio', { name: 'Nee' }))
    await user.click(screen.getByRole('button', { name: 'Controleer alle antwoorden' }))
    const list = await screen.findByRole('region', { name: /gevonden/ })
    await waitFor(() => expect(list).toHaveFocus())
    const goTo = within(list).getByRole('button', { name: /^Uren: Moet tussen 0 en 60 liggen/ })
    expect(list).toHaveAccessibleName('2 fouten gevonden')
    expect(
      within(list).getByRole('button', { name: 'Keuze: Vul bij deze keuze "namelijk" in' }),
    ).toBeInTheDocument()
    await user.click(goTo)
    expect(screen.getByLabelText('Uren')).toHaveFocus()
  })

  it('says that nothing was found, with focus on that message', async () => {
    const { user } = setup()
    fireEvent.click(within(item('keuze')).getByRole('radio', { name: 'Ja' }))
    await user.click(screen.getByRole('button', { name: 'Controleer alle antwoorden' }))
    const result = await screen.findByRole('region', { name: 'Geen fouten gevonden' })
    await waitFor(() => expect(result).toHaveFocus())
    expect(within(result).queryByRole('button')).toBeNull()
  })
})

describe('AssessmentForm: keys on an item', () => {
  it('keeps "Antwoord wissen" and the terms out of the tab path, still as named buttons', async () => {
    const { user } = setup()
    screen.getByLabelText('Voorwaarden voor werk').focus()
    await user.tab()
    expect(firstInput('keuze')).toHaveFocus()
    const clear = within(item('keuze')).getByRole('button', { name: 'Antwoord wissen bij Keuze' })
    expect(clear).toHaveAttribute('tabindex', '-1')
    expect(clear).toHaveAttribute('aria-keyshortcuts', 'Alt+Shift+Backspace')
    expect(screen.getByRole('button', { name: 'beperking' })).toHaveAttribute('tabindex', '-1')
    expect(item('keuze')).toHaveAccessibleDescription(/Alt\+Shift\+Backspace wist het antwoord/)
  })

  it('clears the answer with Alt+Shift+Backspace in the item, and does nothing elsewhere', async () => {
    const { user } = setup()
    const nee = within(item('keuze')).getByRole('radio', { name: 'Nee' })
    await user.click(nee)
    expect(nee).toBeChecked()
    screen.getByLabelText('Naam van de opsteller').focus()
    await user.keyboard('{Alt>}{Shift>}{Backspace}{/Shift}{/Alt}')
    expect(nee).toBeChecked()
    nee.focus()
    await user.keyboard('{Alt>}{Shift>}{Backspace}{/Shift}{/Alt}')
    expect(nee).not.toBeChecked()
  })

  it('opens the terms of the item with Alt+Shift+D and closes them again', async () => {
    const { user } = setup()
    firstInput('tillen').focus()
    await user.keyboard('{Alt>}{Shift>}[KeyD]{/Shift}{/Alt}')
    const term = screen.getByRole('button', { name: 'beperking' })
    expect(term).toHaveAttribute('aria-expanded', 'true')
    expect(term).toHaveFocus()
    await user.keyboard('{Alt>}{Shift>}[KeyD]{/Shift}{/Alt}')
    expect(term).toHaveAttribute('aria-expanded', 'false')
  })
})

function firstOption(id: string): string {
  const a = instrument.sections[0]?.items.find((i) => i.id === id)?.answer
  return a?.kind === 'multiple' ? (a.options[0]?.code ?? '') : ''
}

function instrumentLevel(): string {
  const a = instrument.sections[0]?.items.find((i) => i.id === 'tillen')?.answer
  return a?.kind === 'capacity' ? (a.levels[0]?.code ?? '') : ''
}
