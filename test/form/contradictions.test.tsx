// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest'
import { act, cleanup, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'
import type { Answers, Assessment } from '../../src/core/assessment/assessment-schema'
import { newAssessment } from '../../src/core/assessment/new-assessment'
import { findVocabulary } from '../../src/core/instrument/catalogue-data'
import type { Vocabulary } from '../../src/core/instrument/meta-schema'
import { AssessmentForm } from '../../src/form/assessment-form'
import { shipped, shippedCatalogue } from '../helpers/instruments'
import { renderWithI18n } from '../helpers/render'

afterEach(cleanup)
// jsdom has no layout: scrolling is a no-op here.
Element.prototype.scrollIntoView = () => {}

const fml = shipped('fml')
const vocabulary = findVocabulary(
  shippedCatalogue().vocabularies,
  fml.vocabulary.version,
) as Vocabulary

const I8 = 'Ga naar I.8 Specifieke voorwaarden voor het persoonlijk functioneren in arbeid'
const I7 = 'Ga naar I.7 Handelingstempo'
const REASON =
  /^I\.8 "Nee, geen specifieke voorwaarden" sluit een duidelijk verlaagd handelingstempo \(I\.7\) uit/

function setup(answers: Answers = {}) {
  const saves: Assessment[] = []
  const user = userEvent.setup()
  const assessment: Assessment = {
    ...newAssessment({
      instrument: fml,
      id: '33333333-3333-4333-8333-333333333333',
      now: new Date('2026-11-23T10:00:00Z'),
      language: 'nl',
      authorRole: 'verzekeringsarts',
    }),
    answers,
  }
  const view = renderWithI18n(
    <AssessmentForm
      instrument={fml}
      vocabulary={vocabulary}
      assessment={assessment}
      onSave={async (a) => {
        saves.push(a)
      }}
    />,
  )
  return { user, saves, ...view }
}

function item(id: string) {
  return document.querySelector(`[data-item-id="${id}"]`) as HTMLElement
}

/** The polite live region that holds the warnings. */
function warnings() {
  return document.querySelector('.contradictions[aria-live="polite"]') as HTMLElement
}

describe('Contradictions', () => {
  it('warns while I.8 "Nee" stands beside I.7 "Beperkt", naming both, and the warning goes with I.7 back at Norm', async () => {
    const { user } = setup()
    expect(warnings()).toBeEmptyDOMElement()
    await user.click(within(item('I.8')).getByRole('checkbox', { name: /^Nee/ }))
    expect(warnings()).toBeEmptyDOMElement()
    await user.click(within(item('I.7')).getByRole('radio', { name: /^Beperkt/ }))

    const region = within(warnings())
    expect(region.getByRole('heading', { name: '1 tegenstrijdigheid' })).toBeInTheDocument()
    expect(region.getByText(REASON)).toBeInTheDocument()
    expect(region.getByRole('button', { name: I8 })).toBeInTheDocument()
    await user.click(region.getByRole('button', { name: I7 }))
    expect(within(item('I.7')).getByRole('radio', { name: /^Norm/ })).toHaveFocus()
    await user.click(region.getByRole('button', { name: I8 }))
    expect(within(item('I.8')).getByRole('checkbox', { name: /^Nee/ })).toHaveFocus()
    // No focus moved to the warning when it appeared, and no alert.
    expect(screen.queryByRole('alert')).toBeNull()

    await user.click(within(item('I.7')).getByRole('radio', { name: /^Norm/ }))
    expect(warnings()).toBeEmptyDOMElement()
  })

  it('shows a contradiction already saved, in the language of the screen, and saves it all the same', async () => {
    const { user, saves, i18n } = setup({
      'I.8': { kind: 'multiple', choices: ['0'] },
      'I.7': { kind: 'single', choice: '1' },
    })
    expect(await within(warnings()).findByText(REASON)).toBeInTheDocument()
    await act(() => i18n.changeLanguage('en'))
    expect(
      within(warnings()).getByText(/^I\.8 "No, no specific conditions" excludes a markedly slowed/),
    ).toBeInTheDocument()
    expect(
      within(warnings()).getByRole('button', { name: 'Go to I.7 Pace of action / working tempo' }),
    ).toBeInTheDocument()

    await user.click(within(item('I.1')).getByRole('radio', { name: /^Norm/ }))
    await waitFor(() => expect(saves.at(-1)?.answers['I.1']).toBeDefined(), { timeout: 2000 })
    expect(saves.at(-1)?.answers).toMatchObject({
      'I.8': { kind: 'multiple', choices: ['0'] },
      'I.7': { kind: 'single', choice: '1' },
    })
    expect(warnings()).not.toBeEmptyDOMElement()
  })

  it('lists each broken exclusion, and none for answers that agree', async () => {
    const { user } = setup({
      'I.8': { kind: 'multiple', choices: ['0'] },
      'I.7': { kind: 'single', choice: '0' },
      'IV.3': { kind: 'multiple', choices: ['0'] },
      'IV.4': { kind: 'single', choice: '0' },
    })
    expect(warnings()).toBeEmptyDOMElement()
    await user.click(within(item('IV.4')).getByRole('radio', { name: /^Licht beperkt/ }))
    await user.click(within(item('I.7')).getByRole('radio', { name: /^Beperkt/ }))
    expect(
      within(warnings()).getByRole('heading', { name: '2 tegenstrijdigheden' }),
    ).toBeInTheDocument()
    expect(within(warnings()).getByRole('button', { name: /^Ga naar IV\.4 / })).toBeInTheDocument()
  })
})
