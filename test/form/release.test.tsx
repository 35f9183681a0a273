// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest'
import { cleanup, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'
import type { Assessment } from '../../src/core/assessment/assessment-schema'
import { newAssessment } from '../../src/core/assessment/new-assessment'
import type { Instrument } from '../../src/core/instrument/meta-schema'
import { AssessmentForm } from '../../src/form/assessment-form'
import { fixtureVocabulary, minimalInstrument } from '../helpers/instruments'
import { renderWithI18n } from '../helpers/render'

afterEach(cleanup)
Element.prototype.scrollIntoView = () => {}

// The minimal instrument as a BAR's physical section: one whose texts may go to the employer.
const base = minimalInstrument()
const asBar: Instrument = {
  ...base,
  id: 'bar',
  sections: base.sections.map((s) => ({ ...s, id: 'fysiek' })),
}
const vocabulary = fixtureVocabulary()
const draft: Assessment = {
  ...newAssessment({
    instrument: asBar,
    id: '11111111-1111-4111-8111-111111111111',
    now: new Date('2026-11-23T10:00:00Z'),
    language: 'nl',
    authorRole: 'bedrijfsarts',
  }),
  answers: { tillen: { kind: 'capacity', level: 'licht', conditions: 'Tilhulp' } },
}

function setup(instrument: Instrument, onSave?: (a: Assessment) => Promise<void>) {
  const user = userEvent.setup()
  renderWithI18n(
    <AssessmentForm
      instrument={instrument}
      vocabulary={vocabulary}
      assessment={draft}
      onSave={onSave}
    />,
  )
  return user
}

const item = (id: string) => document.querySelector(`[data-item-id="${id}"]`) as HTMLElement
const RELEASE = 'Vrijgeven voor de werkgever en de werknemer'

describe('releasing a free text for the employer and the employee', () => {
  it('is one control beside each text that holds text, private by default, saved with the answers', async () => {
    const saved: Assessment[] = []
    const user = setup(asBar, async (a) => void saved.push(a))
    const lifting = within(item('tillen'))
    // Only the conditions hold text: one control, not ticked.
    const release = lifting.getByRole('checkbox', { name: RELEASE })
    expect(lifting.getAllByRole('checkbox', { name: RELEASE })).toHaveLength(1)
    expect(release).not.toBeChecked()
    expect(release).toHaveAccessibleDescription(/Voorwaarden voor werk.*Alleen voor professionals/)
    await user.click(release)
    await waitFor(() => expect(saved.at(-1)?.released).toEqual(['tillen#conditions']))
    expect(release).toHaveAccessibleDescription(/Vrijgegeven: staat in hun rapport/)
    // Typing into the empty text box brings its own control.
    await user.type(lifting.getByLabelText('Wat kan nog wel (toelichting)'), 'Dozen')
    expect(lifting.getAllByRole('checkbox', { name: RELEASE })).toHaveLength(2)
    await user.click(release)
    await waitFor(() => expect(saved.at(-1)?.released).toEqual([]))
    expect(saved.at(-1)?.answers.tillen).toMatchObject({ possible: 'Dozen', conditions: 'Tilhulp' })
  })

  it('is not offered where no reader beyond the professionals may read the section, nor in a preview', () => {
    setup(base, async () => undefined)
    expect(screen.queryByRole('checkbox', { name: RELEASE })).toBeNull()
    cleanup()
    setup(asBar)
    expect(screen.queryByRole('checkbox', { name: RELEASE })).toBeNull()
  })
})
