// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest'
import { cleanup, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Assessment } from '../../../src/core/assessment/assessment-schema'
import type { Instrument } from '../../../src/core/instrument/meta-schema'
import { UpgradeFlow } from '../../../src/features/fill-in/upgrade-flow'
import { assessmentOf, one } from '../../helpers/assessments'
import { demoChain } from '../../helpers/migration-chain'
import { renderWithI18n } from '../../helpers/render'

afterEach(cleanup)
beforeAll(() => {
  // jsdom has no modal dialogs: one just opens and closes.
  HTMLDialogElement.prototype.showModal = function (this: HTMLDialogElement) {
    this.setAttribute('open', '')
  }
  HTMLDialogElement.prototype.close = function (this: HTMLDialogElement) {
    this.removeAttribute('open')
  }
})

const demo = demoChain()
const [v100] = demo as [Instrument]
const given = assessmentOf(v100, {
  oud: one('a'),
  weg: { kind: 'date', date: '2026-11-01' },
  gelezen: one('ja'),
})

function setup(version: string, lang: 'nl' | 'en' = 'nl', assessment: Assessment = given) {
  const prepare = vi.fn(async () => assessment)
  const onConfirm = vi.fn()
  const onCancel = vi.fn()
  renderWithI18n(
    <UpgradeFlow
      version={version}
      instruments={demo}
      prepare={prepare}
      onConfirm={onConfirm}
      onCancel={onCancel}
    />,
    lang,
  )
  return { prepare, onConfirm, onCancel, user: userEvent.setup() }
}

describe('UpgradeFlow', () => {
  it('shows the report in the language of the screen, Cancel first', async () => {
    const { onCancel, onConfirm, user } = setup('1.1.0', 'en')
    const dialog = await screen.findByRole('dialog', { name: 'Upgrade to DEMO 1.1.0' })
    const d = within(dialog)
    expect(d.getByText(/The answers as captured in 1\.0\.0 stay with the assessment/)).toBeVisible()
    expect(
      d.getByText('DEMO 1.0.0 to 1.1.0: 1 kept, 1 moved, 0 transformed, 1 dropped'),
    ).toBeVisible()
    expect(d.getByRole('heading', { name: 'Dropped (1)' })).toBeVisible()
    expect(d.getByRole('heading', { name: 'Moved (1)' })).toBeVisible()
    expect(d.getByText('oud (en)').closest('li')).toHaveTextContent('to nieuw (en)')
    expect(d.getByRole('button', { name: 'Cancel' })).toHaveFocus()
    await user.keyboard('{Enter}')
    expect(onCancel).toHaveBeenCalledTimes(1)
    expect(onConfirm).not.toHaveBeenCalled()
  })

  it('hands on the migrated assessment only when asked to save it', async () => {
    const { prepare, onConfirm, user } = setup('2.0.0')
    await user.click(await screen.findByRole('button', { name: 'Bijwerken en opslaan' }))
    expect(prepare).toHaveBeenCalledTimes(1)
    expect(onConfirm).toHaveBeenCalledTimes(1)
    const migrated = onConfirm.mock.calls[0]?.[0] as Assessment
    expect(migrated.instrument).toEqual({ id: 'demo', version: '2.0.0' })
    expect(migrated.id).toBe(given.id)
    expect(migrated.captured?.answers).toEqual(given.answers)
  })

  it('says why, and saves nothing, when no migration leads to the version', async () => {
    const { onConfirm } = setup('9.0.0', 'en')
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('Cannot upgrade now')
    expect(alert).toHaveTextContent('Cannot migrate to version 9.0.0 of demo: it is not known')
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(onConfirm).not.toHaveBeenCalled()
  })

  it('closes without a report when this tab may no longer change the assessment', async () => {
    const onCancel = vi.fn()
    renderWithI18n(
      <UpgradeFlow
        version="1.1.0"
        instruments={demo}
        prepare={async () => undefined}
        onConfirm={() => {}}
        onCancel={onCancel}
      />,
    )
    await vi.waitFor(() => expect(onCancel).toHaveBeenCalled())
    expect(screen.queryByRole('dialog')).toBeNull()
  })
})
