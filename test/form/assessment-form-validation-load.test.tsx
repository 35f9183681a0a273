// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest'
import { cleanup, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Assessment } from '../../src/core/assessment/assessment-schema'
import { newAssessment } from '../../src/core/assessment/new-assessment'
import { AssessmentForm } from '../../src/form/assessment-form'
import type * as FormValidation from '../../src/form/form-validation'
import { findVocabulary } from '../../src/core/instrument/catalogue-data'
import type { Vocabulary } from '../../src/core/instrument/meta-schema'
import {
  fixtureVocabulary,
  minimalInstrument,
  shipped,
  shippedCatalogue,
} from '../helpers/instruments'
import { renderWithI18n } from '../helpers/render'

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

const instrument = minimalInstrument()
const vocabulary = fixtureVocabulary()
const draft = newAssessment({
  instrument,
  id: '22222222-2222-4222-8222-222222222222',
  now: new Date('2026-11-23T10:00:00Z'),
  language: 'nl',
  authorRole: 'bedrijfsarts',
})

/** The form over `draft` with its validation code from `loadValidation`; returns its saves. */
function renderForm(loadValidation: () => Promise<typeof FormValidation>) {
  const saves: Assessment[] = []
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
  return saves
}

describe('AssessmentForm (loading its validation code)', () => {
  it('loads the validation code once the form is drawn and the browser is idle, before any change', async () => {
    let loads = 0
    const loadValidation = () => {
      loads += 1
      return import('../../src/form/form-validation')
    }
    const user = userEvent.setup()
    renderForm(loadValidation)
    await waitFor(() => expect(loads).toBe(1))
    // The first change uses what was loaded: no second load.
    await user.click(screen.getByRole('radio', { name: 'Nee' }))
    expect(await screen.findByText(/Opgeslagen om/)).toBeInTheDocument()
    expect(loads).toBe(1)
  })

  it('waits for every section to be drawn before loading it, however soon the browser is idle', async () => {
    // A browser idle the moment it is asked (the task runs at once): without the wait, the load
    // (zod's code run) would come between the first section and the others, and hold the rest
    // of the form back.
    vi.stubGlobal('requestIdleCallback', (task: IdleRequestCallback) => {
      task({ didTimeout: false, timeRemaining: () => 50 })
      return 1
    })
    vi.stubGlobal('cancelIdleCallback', () => undefined)
    const fml = shipped('fml')
    const fmlVocabulary = findVocabulary(
      shippedCatalogue().vocabularies,
      fml.vocabulary.version,
    ) as Vocabulary
    const seen: { busy: string | null; sections: number }[] = []
    const loadValidation = () => {
      seen.push({
        busy: document.querySelector('form')?.getAttribute('aria-busy') ?? null,
        sections: document.querySelectorAll('form section.form-section').length,
      })
      return import('../../src/form/form-validation')
    }
    renderWithI18n(
      <AssessmentForm
        instrument={fml}
        vocabulary={fmlVocabulary}
        assessment={newAssessment({
          instrument: fml,
          id: '33333333-3333-4333-8333-333333333333',
          now: new Date('2026-11-23T10:00:00Z'),
          language: 'nl',
          authorRole: 'verzekeringsarts',
        })}
        loadValidation={loadValidation}
        onSave={async () => undefined}
      />,
    )
    await waitFor(() => expect(seen).toHaveLength(1))
    expect(seen[0]).toEqual({ busy: null, sections: fml.sections.length })
  })

  it('says nothing is saved while the validation code fails to load, and saves once it loads at the next change', async () => {
    let loads = 0
    let reachable = false
    // A failed load as a dynamic import fails when the server is unreachable for a moment: the
    // load ahead (which says nothing) and the one of the first change.
    const loadValidation = () => {
      loads += 1
      return reachable
        ? import('../../src/form/form-validation')
        : Promise.reject(new TypeError('Failed to fetch dynamically imported module'))
    }
    const user = userEvent.setup()
    const saves = renderForm(loadValidation)
    await waitFor(() => expect(loads).toBe(1))
    expect(screen.queryByText(/Er wordt niets opgeslagen/)).toBeNull()
    await user.click(screen.getByRole('radio', { name: 'Nee' }))
    expect(
      await screen.findByText(/Er wordt niets opgeslagen/, undefined, { timeout: 1500 }),
    ).toHaveClass('is-error')
    expect(saves).toEqual([])

    reachable = true
    await user.click(screen.getByRole('radio', { name: 'Ja' }))
    await waitFor(() => expect(saves.at(-1)?.answers.keuze).toMatchObject({ choice: 'ja' }), {
      timeout: 1500,
    })
    expect(await screen.findByText(/Opgeslagen om/)).toBeInTheDocument()
    expect(screen.queryByText(/Er wordt niets opgeslagen/)).toBeNull()
    expect(loads).toBe(3)
  })
})
