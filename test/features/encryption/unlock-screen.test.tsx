// @vitest-environment jsdom
import 'fake-indexeddb/auto'
import '@testing-library/jest-dom/vitest'
import { cleanup, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Assessment } from '../../../src/core/assessment/assessment-schema'
import { UnlockScreen } from '../../../src/features/encryption/unlock-screen'
import { addAssessment } from '../../../src/storage/assessment-store'
import { turnOnEncryption } from '../../../src/storage/encryption-settings'
import { lock, tabKey } from '../../../src/storage/tab-key'
import { readJson, root } from '../../helpers/files'
import { freshStore, storeHash } from '../../helpers/raw-store'
import { renderWithI18n } from '../../helpers/render'

const bar = readJson(join(root, 'public/examples/bar-example.json')) as Assessment
const PASSPHRASE = 'een lange wachtwoordzin'
/** PBKDF2 with 600,000 iterations takes a while, the more so with other tests running. */
const CRYPTO = { timeout: 10_000 }

beforeEach(async () => {
  await freshStore()
  await addAssessment(bar)
  await turnOnEncryption(PASSPHRASE)
  lock()
})
afterEach(cleanup)

describe('UnlockScreen', { timeout: 30_000 }, () => {
  it('asks for the passphrase with focus in its field, and says an empty one by the field', async () => {
    const user = userEvent.setup()
    renderWithI18n(<UnlockScreen />)
    expect(screen.getByRole('heading', { level: 1, name: 'Ontgrendelen' })).toBeVisible()
    const field = screen.getByLabelText('Wachtwoordzin')
    expect(field).toHaveFocus()
    expect(field).toHaveAttribute('type', 'password')
    expect(field).toHaveAttribute('autocomplete', 'current-password')
    await user.keyboard('{Enter}')
    expect(await screen.findByRole('alert')).toHaveTextContent('Vul de wachtwoordzin in.')
    expect(field).toHaveAttribute('aria-invalid', 'true')
    expect(field).toHaveAccessibleDescription(/Vul de wachtwoordzin in/)
  })

  it('says a wrong passphrase clearly, changes nothing, and unlocks with the right one', async () => {
    const user = userEvent.setup()
    renderWithI18n(<UnlockScreen />)
    const before = await storeHash()
    await user.type(screen.getByLabelText('Wachtwoordzin'), 'niet de goede{Enter}')
    expect(await screen.findByRole('alert', {}, CRYPTO)).toHaveTextContent(
      'De wachtwoordzin klopt niet. Er is niets veranderd.',
    )
    expect(screen.getByLabelText('Wachtwoordzin')).toHaveFocus()
    expect(tabKey()).toBeUndefined()
    expect(await storeHash()).toBe(before)

    await user.clear(screen.getByLabelText('Wachtwoordzin'))
    await user.type(screen.getByLabelText('Wachtwoordzin'), `${PASSPHRASE}{Enter}`)
    await vi.waitFor(() => expect(tabKey()).toBeDefined(), CRYPTO)
  })

  it('speaks English', async () => {
    const user = userEvent.setup()
    renderWithI18n(<UnlockScreen />, 'en')
    expect(screen.getByRole('heading', { level: 1, name: 'Unlock' })).toBeVisible()
    await user.type(screen.getByLabelText('Passphrase'), 'wrong one{Enter}')
    expect(await screen.findByRole('alert', {}, CRYPTO)).toHaveTextContent(
      'The passphrase is not correct. Nothing was changed.',
    )
  })
})
