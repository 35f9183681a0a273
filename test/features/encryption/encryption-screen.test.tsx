// @vitest-environment jsdom
import 'fake-indexeddb/auto'
import '@testing-library/jest-dom/vitest'
import { cleanup, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Assessment } from '../../../src/core/assessment/assessment-schema'
import { EncryptionScreen } from '../../../src/features/encryption/encryption-screen'
import { addAssessment, getAssessment } from '../../../src/storage/assessment-store'
import { turnOnEncryption } from '../../../src/storage/encryption-settings'
import { encryptionState } from '../../../src/storage/encryption-state'
import { unlock } from '../../../src/storage/unlock'
import { lock, tabKey } from '../../../src/storage/tab-key'
import { readJson, root } from '../../helpers/files'
import { shippedCatalogue } from '../../helpers/instruments'
import { freshStore, rawStoreContains, storeHash } from '../../helpers/raw-store'
import { renderWithI18n } from '../../helpers/render'

const catalogue = shippedCatalogue()
const bar = readJson(join(root, 'public/examples/bar-example.json')) as Assessment
const PASSPHRASE = 'een lange wachtwoordzin'
/** PBKDF2 with 600,000 iterations takes a while, the more so with other tests running. */
const CRYPTO = { timeout: 10_000 }

beforeEach(async () => {
  await freshStore()
  await addAssessment(bar)
})
afterEach(() => {
  cleanup()
  vi.restoreAllMocks()
})

function show(lang: 'nl' | 'en' = 'nl') {
  const user = userEvent.setup()
  renderWithI18n(<EncryptionScreen catalogue={async () => catalogue} />, lang)
  return user
}

const card = (name: string) =>
  screen.getByRole('heading', { level: 2, name }).closest('section') as HTMLElement

describe('EncryptionScreen, encryption off', { timeout: 30_000 }, () => {
  it('warns that a forgotten passphrase cannot be recovered and offers "Alles exporteren" first', () => {
    show()
    expect(screen.getByText(/De versleuteling staat uit/)).toBeVisible()
    const on = card('Versleuteling aanzetten')
    expect(within(on).getByLabelText('Wachtwoordzin')).toHaveAccessibleDescription(
      /niet meer te herstellen.*Alles exporteren.*Ten minste 12 tekens/,
    )
    const backup = card('Back-up')
    expect(within(backup).getByRole('button', { name: 'Alles exporteren' })).toBeVisible()
    expect(within(backup).getByText(/niet versleuteld/)).toBeVisible()
  })

  it('checks length and repetition at the fields, with focus on the first problem, and turns nothing on', async () => {
    const user = show()
    const on = card('Versleuteling aanzetten')
    await user.type(within(on).getByLabelText('Wachtwoordzin'), 'kort')
    await user.type(within(on).getByLabelText('Herhaal de wachtwoordzin'), 'kort')
    await user.click(within(on).getByRole('button', { name: 'Versleuteling aanzetten' }))
    expect(await within(on).findByRole('alert')).toHaveTextContent(
      'Kies een wachtwoordzin van ten minste 12 tekens.',
    )
    expect(within(on).getByLabelText('Wachtwoordzin')).toHaveFocus()

    await user.clear(within(on).getByLabelText('Wachtwoordzin'))
    await user.type(within(on).getByLabelText('Wachtwoordzin'), PASSPHRASE)
    await user.click(within(on).getByRole('button', { name: 'Versleuteling aanzetten' }))
    expect(await within(on).findByRole('alert')).toHaveTextContent(
      'De twee wachtwoordzinnen zijn niet gelijk.',
    )
    expect(within(on).getByLabelText('Herhaal de wachtwoordzin')).toHaveFocus()
    expect(await encryptionState()).toBe('off')
  })

  it('turns encryption on by keyboard and says what it sealed', async () => {
    const user = show()
    const on = card('Versleuteling aanzetten')
    await user.type(within(on).getByLabelText('Wachtwoordzin'), PASSPHRASE)
    await user.type(within(on).getByLabelText('Herhaal de wachtwoordzin'), `${PASSPHRASE}{Enter}`)
    const done = await screen.findByText(
      'De versleuteling staat aan: 1 beoordeling en 0 vergelijkingen versleuteld.',
      {},
      CRYPTO,
    )
    // Focus moves in an effect after the notice is drawn: on a busy machine a moment later.
    await waitFor(() => expect(done).toHaveFocus())
    expect(screen.getByText(/De versleuteling staat aan; dit tabblad is ontgrendeld/)).toBeVisible()
    expect(await encryptionState()).toBe('unlocked')
    expect(await rawStoreContains(bar.meta.authorName)).toBe(false)
  })
})

describe('EncryptionScreen, encryption on', { timeout: 30_000 }, () => {
  beforeEach(() => turnOnEncryption(PASSPHRASE))

  it('refuses a wrong passphrase for turning off and changes nothing', async () => {
    const user = show()
    const off = card('Versleuteling uitzetten')
    const before = await storeHash()
    await user.type(within(off).getByLabelText('Wachtwoordzin'), 'niet de goede zin{Enter}')
    expect(await within(off).findByRole('alert', {}, CRYPTO)).toHaveTextContent(
      'De wachtwoordzin klopt niet. Er is niets veranderd.',
    )
    expect(await storeHash()).toBe(before)
    expect(await encryptionState()).toBe('unlocked')
  })

  it('changes the passphrase after checking the current one', async () => {
    const user = show()
    const change = card('Wachtwoordzin wijzigen')
    await user.type(within(change).getByLabelText('Huidige wachtwoordzin'), 'verkeerd')
    await user.type(
      within(change).getByLabelText('Nieuwe wachtwoordzin'),
      'de nieuwe wachtwoordzin',
    )
    await user.type(
      within(change).getByLabelText('Herhaal de nieuwe wachtwoordzin'),
      'de nieuwe wachtwoordzin{Enter}',
    )
    expect(await within(change).findByRole('alert', {}, CRYPTO)).toHaveTextContent(
      'De wachtwoordzin klopt niet.',
    )
    await user.clear(within(change).getByLabelText('Huidige wachtwoordzin'))
    await user.type(within(change).getByLabelText('Huidige wachtwoordzin'), `${PASSPHRASE}{Enter}`)
    expect(await screen.findByText('De wachtwoordzin is gewijzigd.', {}, CRYPTO)).toBeVisible()
    lock()
    await unlock('de nieuwe wachtwoordzin')
    expect(await getAssessment(bar.id)).toEqual(bar)
  })

  it('turns encryption off with the passphrase, leaving every assessment readable', async () => {
    const user = show()
    const off = card('Versleuteling uitzetten')
    await user.type(within(off).getByLabelText('Wachtwoordzin'), `${PASSPHRASE}{Enter}`)
    const done = await screen.findByText(
      'De versleuteling staat uit: 1 beoordeling en 0 vergelijkingen ontsleuteld.',
      {},
      CRYPTO,
    )
    // Focus moves to the message once it is shown: on a busy machine a moment after it appears.
    await waitFor(() => expect(done).toHaveFocus())
    expect(await encryptionState()).toBe('off')
    expect(await getAssessment(bar.id)).toEqual(bar)
  })

  it('"Vergrendelen" takes the key out of this tab', async () => {
    const user = show('en')
    await user.click(within(card('Lock')).getByRole('button', { name: 'Lock' }))
    expect(tabKey()).toBeUndefined()
    expect(await encryptionState()).toBe('locked')
  })
})
