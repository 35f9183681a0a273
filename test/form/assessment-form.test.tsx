// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest'
import { act, cleanup, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
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

function setup(onSave?: (a: Assessment) => Promise<void>, assessment = draft) {
  const user = userEvent.setup()
  const view = renderWithI18n(
    <AssessmentForm
      instrument={instrument}
      vocabulary={vocabulary}
      assessment={assessment}
      onSave={onSave}
    />,
  )
  return { user, ...view }
}

function item(id: string) {
  return document.querySelector(`[data-item-id="${id}"]`) as HTMLElement
}

describe('AssessmentForm', () => {
  it('renders an input for every answer kind, labelled from the instrument in Dutch', () => {
    setup()
    expect(screen.getByRole('group', { name: /Tillen/ })).toBe(item('tillen'))
    expect(
      within(item('tillen')).getByRole('radio', { name: /Lichte beperking/ }),
    ).toBeInTheDocument()
    expect(within(item('tillen')).getByLabelText('Maximaal gewicht')).toBeInTheDocument()
    expect(within(item('tillen')).getByLabelText('Voorwaarden voor werk')).toBeInTheDocument()
    expect(within(item('keuze')).getAllByRole('radio')).toHaveLength(2)
    expect(within(item('meer')).getAllByRole('checkbox')).toHaveLength(3)
    expect(screen.getByLabelText('Uren')).toBeInTheDocument()
    // A text field in the app's format, with the format named beside it (not the browser's date input).
    expect(screen.getByLabelText('Datum')).toHaveAttribute('type', 'text')
    expect(screen.getByLabelText('Datum')).toHaveAccessibleDescription(/dd-mm-jjjj/)
    expect(item('toelichting')).toBeNull()
  })

  it('shows a conditional item when its option is chosen and hides it again', async () => {
    const { user } = setup()
    await user.click(screen.getByRole('radio', { name: 'Nee' }))
    expect(screen.getByLabelText('Toelichting')).toBeInTheDocument()
    await user.click(screen.getByRole('radio', { name: 'Ja' }))
    expect(screen.queryByLabelText('Toelichting')).toBeNull()
  })

  it('opens a saved choice with its conditional item and "namely" text, and clearing it hides both', async () => {
    const saved: Assessment = {
      ...draft,
      answers: { keuze: { kind: 'single', choice: 'nee', specify: 'alleen ochtenden' } },
    }
    const { user } = setup(undefined, saved)
    expect(within(item('keuze')).getByRole('radio', { name: 'Nee' })).toBeChecked()
    expect(screen.getByLabelText('Namelijk (Nee)')).toHaveValue('alleen ochtenden')
    expect(screen.getByLabelText('Toelichting')).toBeInTheDocument()

    await user.click(
      within(item('keuze')).getByRole('button', { name: 'Antwoord wissen bij Keuze' }),
    )
    expect(within(item('keuze')).getByRole('radio', { name: 'Nee' })).not.toBeChecked()
    await waitFor(() => expect(screen.queryByLabelText('Toelichting')).toBeNull())
    expect(screen.queryByLabelText('Namelijk (Nee)')).toBeNull()
  })

  it('asks for the "namely" text where the chosen option needs it', async () => {
    const { user } = setup()
    await user.click(screen.getByRole('radio', { name: 'Nee' }))
    const specify = screen.getByLabelText('Namelijk (Nee)')
    await user.click(specify)
    await user.tab()
    await user.click(screen.getByRole('button', { name: 'Controleer alle antwoorden' }))
    expect(await screen.findByText('Vul bij deze keuze "namelijk" in')).toBeInTheDocument()
    expect(specify).toHaveAttribute('aria-invalid', 'true')
  })

  it('checks a choice only to clear an error it shows, not when it is left', async () => {
    const { user } = setup()
    const message = 'Vul bij deze keuze "namelijk" in'
    await user.click(screen.getByRole('radio', { name: 'Nee' }))
    await user.tab()
    expect(screen.getByLabelText('Namelijk (Nee)')).toHaveFocus()
    expect(screen.queryByText(message)).toBeNull()
    await user.click(screen.getByRole('button', { name: 'Controleer alle antwoorden' }))
    expect(await screen.findByText(message)).toBeInTheDocument()
    // Another choice makes the error go; choosing "Nee" again starts without the old message.
    await user.click(screen.getByRole('radio', { name: 'Ja' }))
    await user.click(screen.getByRole('radio', { name: 'Nee' }))
    expect(screen.getByLabelText('Namelijk (Nee)')).not.toBeInvalid()
    expect(screen.queryByText(message)).toBeNull()
  })

  it('checks a quantity against its bounds and unit when the field is left, in the UI language', async () => {
    const { user, i18n } = setup()
    const hours = screen.getByLabelText('Uren')
    await user.type(hours, '61')
    await user.tab()
    expect(await screen.findByText('Moet tussen 0 en 60 liggen')).toBeInTheDocument()
    await act(() => i18n.changeLanguage('en'))
    expect(await screen.findByText('Must be between 0 and 60')).toBeInTheDocument()
    await user.clear(hours)
    await user.type(hours, 'veel')
    await user.tab()
    expect(await screen.findByText('Enter a number')).toBeInTheDocument()
    expect(hours).toBeInvalid()
    expect(hours).toHaveAccessibleDescription(/Enter a number/)
    await user.clear(hours)
    await user.type(hours, '12')
    await user.tab()
    await waitFor(() => expect(screen.queryByText('Enter a number')).toBeNull())
    expect(hours).not.toBeInvalid()
  })

  it('does not submit or reload on Enter in a field', async () => {
    const { user } = setup()
    const submit = vi.fn()
    document.querySelector('form')?.addEventListener('submit', submit)
    await user.type(screen.getByLabelText('Uren'), '12{Enter}')
    expect(submit).not.toHaveBeenCalled()
  })

  it('saves valid answers within a second of a change, and holds back a field with an error', async () => {
    const saves: Assessment[] = []
    const { user } = setup(async (a) => {
      saves.push(a)
    })
    await user.click(screen.getByRole('radio', { name: 'Ja' }))
    await user.type(screen.getByLabelText('Uren'), '99')
    await waitFor(() => expect(saves.length).toBeGreaterThan(0), { timeout: 1000 })
    await waitFor(() =>
      expect(screen.getAllByRole('status', { name: '' }).length).toBeGreaterThan(0),
    )
    const last = saves.at(-1) as Assessment
    expect(last.answers).toEqual({ keuze: { kind: 'single', choice: 'ja' } })
    expect(await screen.findByText(/1 veld met een fout is niet opgeslagen/)).toBeInTheDocument()
  })

  it("offers the author's roles as a radio group, with the draft's role chosen, and saves a change", async () => {
    const saves: Assessment[] = []
    const { user } = setup(async (a) => {
      saves.push(a)
    })
    const roles = screen.getByRole('group', { name: 'Rol van de opsteller' })
    expect(within(roles).getByRole('radio', { name: 'bedrijfsarts' })).toBeChecked()
    await user.click(within(roles).getByRole('radio', { name: 'verzekeringsarts' }))
    await waitFor(() => expect(saves.at(-1)?.meta.authorRole).toBe('verzekeringsarts'), {
      timeout: 1000,
    })
  })
  it('opens a term definition inline from the keyboard', async () => {
    const { user } = setup()
    const term = screen.getByRole('button', { name: 'beperking' })
    expect(term).toHaveAttribute('aria-expanded', 'false')
    term.focus()
    await user.keyboard('{Enter}')
    expect(term).toHaveAttribute('aria-expanded', 'true')
    expect(document.getElementById(term.getAttribute('aria-controls') as string)).toHaveTextContent(
      'beperking: Moeite met een activiteit.',
    )
  })

  it('shows and takes dates day first in the language, with the format as their description', async () => {
    const saves: Assessment[] = []
    const { user, i18n } = setup(async (a) => {
      saves.push(a)
    })
    const date = screen.getByLabelText('Datum van de beoordeling')
    expect(date).toHaveValue('23-11-2026')
    expect(date).toHaveAttribute('type', 'text')
    expect(date).toHaveAccessibleDescription('dd-mm-jjjj')
    const item = screen.getByLabelText('Datum')
    await user.type(item, '5-3-2027')
    await user.tab()
    expect(item).toHaveValue('05-03-2027')
    await waitFor(() =>
      expect(saves.at(-1)?.answers.datum).toEqual({ kind: 'date', date: '2027-03-05' }),
    )

    const count = saves.length
    await act(() => i18n.changeLanguage('en'))
    expect(item).toHaveValue('05/03/2027')
    expect(date).toHaveValue('23/11/2026')
    expect(date).toHaveAccessibleDescription('dd/mm/yyyy')
    // The same days in another form: nothing to save.
    await new Promise((r) => setTimeout(r, 1200))
    expect(saves).toHaveLength(count)
  })

  it('holds back a date that does not exist, says so in the field, and keeps it as typed across languages', async () => {
    const saves: Assessment[] = []
    const saved: Assessment = { ...draft, meta: { ...draft.meta, validUntil: '2027-05-23' } }
    const { user, i18n } = setup(async (a) => {
      saves.push(a)
    }, saved)
    const until = screen.getByLabelText('Geldig tot')
    expect(until).toHaveValue('23-05-2027')
    await user.clear(until)
    await user.type(until, '31-02-2026')
    await user.tab()
    const message = '31-02-2026 bestaat niet: kijk de dag en de maand na'
    expect(await screen.findByText(message)).toBeInTheDocument()
    expect(until).toBeInvalid()
    expect(until).toHaveAccessibleDescription(
      /^dd-mm-jjjj 31-02-2026 bestaat niet: .* ?Niet opgeslagen: wat eerder was opgeslagen/,
    )
    await waitFor(() => expect(saves.length).toBeGreaterThan(0))
    expect(saves.at(-1)?.meta.validUntil).toBe('2027-05-23')
    expect(await screen.findByText(/1 veld met een fout is niet opgeslagen/)).toBeInTheDocument()

    await act(() => i18n.changeLanguage('en'))
    expect(until).toHaveValue('31-02-2026')
    expect(
      await screen.findByText('31-02-2026 does not exist: check the day and the month'),
    ).toBeInTheDocument()

    await user.clear(until)
    await user.type(until, '5-3-2027')
    await user.tab()
    expect(until).toHaveValue('05/03/2027')
    expect(until).not.toBeInvalid()
    await waitFor(() => expect(saves.at(-1)?.meta.validUntil).toBe('2027-03-05'))
  })

  it('asks for the assessment date when it is emptied, and keeps the saved one', async () => {
    const saves: Assessment[] = []
    const { user } = setup(async (a) => {
      saves.push(a)
    })
    const date = screen.getByLabelText('Datum van de beoordeling')
    await user.clear(date)
    await user.tab()
    expect(await screen.findByText('Vul de datum van de beoordeling in')).toBeInTheDocument()
    expect(date).toBeInvalid()
    await waitFor(() => expect(saves.length).toBeGreaterThan(0))
    expect(saves.at(-1)?.meta.assessmentDate).toBe('2026-11-23')
  })

  it('shows progress per section and lists open items that jump to the item', async () => {
    const { user } = setup()
    expect(screen.getByRole('link', { name: 'Sectie 1: 0 van 5 beantwoord' })).toBeInTheDocument()
    await user.click(screen.getByRole('radio', { name: 'Ja' }))
    expect(
      await screen.findByRole('link', { name: 'Sectie 1: 1 van 5 beantwoord' }),
    ).toBeInTheDocument()
    await user.click(screen.getByText(/Nog niet beantwoord/))
    await user.click(screen.getByRole('button', { name: 'Ga naar Uren' }))
    expect(screen.getByLabelText('Uren')).toHaveFocus()
  })

  it('saves a cleared answer and counts the item open again, by the button and by the key', async () => {
    const saves: Assessment[] = []
    const { user } = setup(async (a) => {
      saves.push(a)
    })
    const section = (n: number) => ({ name: `Sectie 1: ${n} van 5 beantwoord` })
    await user.click(screen.getByRole('radio', { name: 'Ja' }))
    await waitFor(() => expect(saves.at(-1)?.answers.keuze).toBeDefined(), { timeout: 1000 })
    expect(await screen.findByRole('link', section(1))).toBeInTheDocument()

    await user.click(
      within(item('keuze')).getByRole('button', { name: 'Antwoord wissen bij Keuze' }),
    )
    await waitFor(() => expect(saves.at(-1)?.answers).toEqual({}), { timeout: 1000 })
    expect(await screen.findByRole('link', section(0))).toBeInTheDocument()

    await user.click(screen.getByRole('radio', { name: 'Ja' }))
    await waitFor(() => expect(saves.at(-1)?.answers.keuze).toBeDefined(), { timeout: 1000 })
    await user.keyboard('{Alt>}{Shift>}{Backspace}{/Shift}{/Alt}')
    expect(screen.getByRole('radio', { name: 'Ja' })).not.toBeChecked()
    await waitFor(() => expect(saves.at(-1)?.answers).toEqual({}), { timeout: 1000 })
    expect(await screen.findByRole('link', section(0))).toBeInTheDocument()
  })
})
