// @vitest-environment jsdom
import 'fake-indexeddb/auto'
import '@testing-library/jest-dom/vitest'
import { act, cleanup, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { Suspense } from 'react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { lookAtStorage, StorageGate } from '../../src/app/storage-gate'
import { turnOnEncryption } from '../../src/storage/encryption-settings'
import { lock } from '../../src/storage/tab-key'
import { freshStore, storeHash } from '../helpers/raw-store'
import { renderWithI18n } from '../helpers/render'

const PASSPHRASE = 'een lange wachtwoordzin'
/** PBKDF2 with 600,000 iterations takes a while, the more so with other tests running. */
const CRYPTO = { timeout: 10_000 }

beforeEach(freshStore)
afterEach(() => {
  cleanup()
  vi.restoreAllMocks()
})

/** The gate suspends while it first looks at the key store. */
async function show() {
  await act(async () => {
    renderWithI18n(
      <Suspense fallback={<p>loading</p>}>
        <StorageGate>
          <h1>Het scherm</h1>
        </StorageGate>
      </Suspense>,
    )
  })
}

describe('StorageGate', { timeout: 30_000 }, () => {
  it('draws the screen in the first render, without a loading line, after the look before it', async () => {
    await lookAtStorage()
    // One synchronous render: a gate that suspended would leave the fallback here.
    act(() => {
      renderWithI18n(
        <Suspense fallback={<p>loading</p>}>
          <StorageGate>
            <h1>Het scherm</h1>
          </StorageGate>
        </Suspense>,
      )
    })
    expect(screen.getByRole('heading', { name: 'Het scherm' })).toBeVisible()
    expect(screen.queryByText('loading')).not.toBeInTheDocument()
  })

  it('shows the screen at once when encryption is off, after one small read', async () => {
    await show()
    expect(await screen.findByRole('heading', { name: 'Het scherm' })).toBeVisible()
  })

  it('asks for the passphrase first when encryption is on and the tab is locked; a wrong one changes nothing', async () => {
    await turnOnEncryption(PASSPHRASE)
    lock()
    const user = userEvent.setup()
    await show()
    expect(await screen.findByRole('heading', { name: 'Ontgrendelen' })).toBeVisible()
    expect(screen.queryByRole('heading', { name: 'Het scherm' })).toBeNull()
    const before = await storeHash()
    await user.type(screen.getByLabelText('Wachtwoordzin'), 'niet de goede{Enter}')
    expect(await screen.findByRole('alert', {}, CRYPTO)).toHaveTextContent(
      'De wachtwoordzin klopt niet.',
    )
    expect(await storeHash()).toBe(before)
    expect(screen.queryByRole('heading', { name: 'Het scherm' })).toBeNull()

    await user.clear(screen.getByLabelText('Wachtwoordzin'))
    await user.type(screen.getByLabelText('Wachtwoordzin'), `${PASSPHRASE}{Enter}`)
    expect(await screen.findByRole('heading', { name: 'Het scherm' }, CRYPTO)).toBeVisible()
  })

  it('puts the unlock screen in place of the screen on "Vergrendelen"', async () => {
    await turnOnEncryption(PASSPHRASE)
    await show()
    expect(await screen.findByRole('heading', { name: 'Het scherm' })).toBeVisible()
    act(() => lock())
    expect(await screen.findByRole('heading', { name: 'Ontgrendelen' })).toBeVisible()
    expect(screen.queryByRole('heading', { name: 'Het scherm' })).toBeNull()
  })

  it('lets the screen say what is wrong when the storage cannot be read', async () => {
    vi.spyOn(indexedDB, 'open').mockImplementation(() => {
      throw new DOMException('blocked', 'SecurityError')
    })
    await show()
    expect(await screen.findByRole('heading', { name: 'Het scherm' })).toBeVisible()
  })
})
