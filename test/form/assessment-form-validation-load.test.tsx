// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest'
import { cleanup, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'
import type { Assessment } from '../../src/core/assessment/assessment-schema'
import { newAssessment } from '../../src/core/assessment/new-assessment'
import { AssessmentForm } from '../../src/form/assessment-form'
import { fixtureVocabulary, minimalInstrument } from '../helpers/instruments'
import { renderWithI18n } from '../helpers/render'

afterEach(cleanup)

const instrument = minimalInstrument()
const vocabulary = fixtureVocabulary()
const draft = newAssessment({
  instrument,
  id: '22222222-2222-4222-8222-222222222222',
  now: new Date('2026-11-23T10:00:00Z'),
  language: 'nl',
  authorRole: 'bedrijfsarts',
})

describe('AssessmentForm (loading its validation code)', () => {
  it('says nothing is saved while the validation code fails to load, and saves once it loads at the next change', async () => {
    let loads = 0
    // The first load fails as a dynamic import does when the server is unreachable for a moment.
    const loadValidation = () =>
      ++loads === 1
        ? Promise.reject(new TypeError('Failed to fetch dynamically imported module'))
        : import('../../src/form/form-validation')
    const saves: Assessment[] = []
    const user = userEvent.setup()
    renderWithI18n(
      <AssessmentForm
        instrument={instrument}
        vocabulary={vocabulary}
        assessment={draft}
        loadValidation={loadValidation}
        onSave={async (a) => {
          saves.push(a)
        }}
      />,
    )
    await user.click(screen.getByRole('radio', { name: 'Nee' }))
    expect(
      await screen.findByText(/Er wordt niets opgeslagen/, undefined, { timeout: 1500 }),
    ).toHaveClass('is-error')
    expect(saves).toEqual([])

    await user.click(screen.getByRole('radio', { name: 'Ja' }))
    await waitFor(() => expect(saves.at(-1)?.answers.keuze).toMatchObject({ choice: 'ja' }), {
      timeout: 1500,
    })
    expect(await screen.findByText(/Opgeslagen om/)).toBeInTheDocument()
    expect(screen.queryByText(/Er wordt niets opgeslagen/)).toBeNull()
    expect(loads).toBe(2)
  })
})
