// @vitest-environment jsdom
import 'fake-indexeddb/auto'
import '@testing-library/jest-dom/vitest'
import { cleanup, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { deleteDB, openDB } from 'idb'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Assessment } from '../../../src/core/assessment/assessment-schema'
import { AssessmentsScreen } from '../../../src/features/assessments/assessments-screen'
import {
  addAssessment,
  closeStore,
  DB_NAME,
  DB_VERSION,
  getComparison,
  listAssessments,
  putComparison,
} from '../../../src/storage/assessment-store'
import { backupJson, makeBackup } from '../../../src/storage/backup'
import { turnOnEncryption } from '../../../src/storage/encryption-settings'
import { learnState, tabKey } from '../../../src/storage/tab-key'
import { readJson, root } from '../../helpers/files'
import { loadedCatalogue, shippedCatalogue } from '../../helpers/instruments'
import { renderWithI18n } from '../../helpers/render'

const catalogue = shippedCatalogue()
const bar = readJson(join(root, 'public/examples/bar-example.json')) as Assessment
const fml = readJson(join(root, 'public/examples/fml-example.json')) as Assessment

// The browser grants persistent storage here; persistence.test.ts covers the other answers.
Object.defineProperty(navigator, 'storage', {
  configurable: true,
  value: { persisted: async () => false, persist: async () => true },
})

beforeEach(async () => {
  await closeStore()
  await deleteDB(DB_NAME)
})
afterEach(() => {
  cleanup()
  vi.restoreAllMocks()
})

function show(lang: 'nl' | 'en' = 'nl') {
  const navigate = vi.fn()
  const user = userEvent.setup()
  renderWithI18n(<AssessmentsScreen load={loadedCatalogue(catalogue)} navigate={navigate} />, lang)
  return { user, navigate }
}

describe('AssessmentsScreen', () => {
  it('lists a stored record that no longer validates with its problems and an export, not as empty', async () => {
    await addAssessment(fml)
    await closeStore()
    const db = await openDB(DB_NAME, DB_VERSION)
    const broken = { ...bar, answers: { 'IV.13': { kind: 'capacity', level: 99 } } }
    await db.put('assessments', {
      id: bar.id,
      revision: 1,
      updatedAt: bar.updatedAt,
      assessment: broken,
    })
    db.close()
    show()
    const heading = await screen.findByRole('heading', {
      name: `Opgeslagen record ${bar.id} klopt niet meer`,
    })
    const entry = heading.closest('li') as HTMLElement
    expect(within(entry).getAllByText(/\$\.answers/).length).toBeGreaterThan(0)
    expect(
      within(entry).getByRole('button', { name: `Exporteer ongeldig record ${bar.id} als JSON` }),
    ).toBeInTheDocument()
    expect(screen.getAllByRole('link', { name: 'Open beoordeling van W.V.' })).toHaveLength(1)
    expect(screen.queryByText(/Nog geen beoordelingen/)).toBeNull()
  })

  it('says the list could not be read, and every storage action says why, when IndexedDB is blocked', async () => {
    vi.spyOn(indexedDB, 'open').mockImplementation(() => {
      throw new DOMException('blocked', 'SecurityError')
    })
    const { user, navigate } = show()
    expect(
      await screen.findByText(
        'De opgeslagen beoordelingen konden niet gelezen worden. Er kunnen wel beoordelingen bewaard zijn.',
      ),
    ).toBeInTheDocument()
    expect(screen.queryByText(/Nog geen beoordelingen/)).toBeNull()
    await user.click(screen.getByRole('button', { name: 'Beoordeling starten' }))
    const alerts = await screen.findAllByRole('alert')
    expect(alerts.map((a) => a.textContent).join(' ')).toMatch(
      /Deze browser laat de app niets bewaren.*Er is niets opgeslagen/,
    )
    expect(navigate).not.toHaveBeenCalled()
  })

  it('says in English when the storage is full', async () => {
    const { user } = show('en')
    await screen.findByText(/No assessments yet/)
    vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError')
    })
    await user.click(screen.getByRole('button', { name: 'Start assessment' }))
    expect(await screen.findByRole('alert')).toHaveTextContent(
      "This browser's storage is full: nothing was saved.",
    )
  })

  it('says whether encryption is on, links to its settings, and "Vergrendelen" locks this tab', async () => {
    const { user } = show()
    const title = await screen.findByRole('heading', { level: 2, name: 'Versleuteling' })
    const card = title.closest('section') as HTMLElement
    expect(within(card).getByText(/De versleuteling staat uit/)).toBeVisible()
    expect(within(card).getByRole('link', { name: 'Versleuteling instellen' })).toHaveAttribute(
      'href',
      '#/encryption',
    )
    expect(within(card).queryByRole('button', { name: 'Vergrendelen' })).toBeNull()
    expect(screen.getByText(/Het back-upbestand is niet versleuteld/)).toBeVisible()

    await turnOnEncryption('een lange wachtwoordzin')
    expect(
      await within(card).findByText(/dit tabblad is ontgrendeld/, {}, { timeout: 10_000 }),
    ).toBeVisible()
    await user.click(within(card).getByRole('button', { name: 'Vergrendelen' }))
    expect(tabKey()).toBeUndefined()
    learnState(undefined)
  }, 30_000)

  it('says whether the browser granted persistent storage', async () => {
    show()
    expect(
      await screen.findByText(/Deze browser bewaart uw beoordelingen blijvend/),
    ).toBeInTheDocument()
  })

  it('restores "Alles exporteren" through the import control and says what it did', async () => {
    await addAssessment(bar)
    await addAssessment(fml)
    await putComparison({
      id: `${bar.id}__${fml.id}`,
      baId: bar.id,
      vaId: fml.id,
      notes: { 'IV.13': 'Motivering' },
      updatedAt: bar.updatedAt,
    })
    const text = backupJson(await makeBackup(catalogue.instruments, new Date()))
    await closeStore()
    await deleteDB(DB_NAME)
    await addAssessment(bar)
    const { user } = show()
    await screen.findByRole('link', { name: 'Open beoordeling van W.V.' })
    const file = new File([text], 'backup.json', { type: 'application/json' })
    await user.upload(screen.getByLabelText('Kies een JSON-bestand'), file)
    expect(
      await screen.findByText(
        'backup.json: 1 beoordeling en 1 vergelijking hersteld, 1 al aanwezig.',
      ),
    ).toBeInTheDocument()
    expect(await listAssessments()).toHaveLength(2)
    expect((await getComparison(bar.id, fml.id))?.notes).toEqual({ 'IV.13': 'Motivering' })
    // The list is read again after the restore (one record per task): both come.
    await waitFor(() =>
      expect(screen.getAllByRole('link', { name: 'Open beoordeling van W.V.' })).toHaveLength(2),
    )
  })

  it('starts a new assessment on the latest version of an instrument, and names earlier versions as such', async () => {
    const { user, navigate } = show()
    const picker = screen.getByLabelText('Instrument')
    const title = 'Beschrijving Arbeidsbelastbaarheid en Re-integratiemogelijkheden (BAR)'
    expect(
      within(picker)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual([
      `${title} 1.0.0 (eerdere versie)`,
      `${title} 1.1.0 (eerdere versie)`,
      `${title} 1.2.0`,
      'Functionele Mogelijkhedenlijst (FML) 1.0.0',
    ])
    expect(picker).toHaveDisplayValue(`${title} 1.2.0`)
    await user.click(screen.getByRole('button', { name: 'Beoordeling starten' }))
    await vi.waitFor(() => expect(navigate).toHaveBeenCalled())
    const [saved] = await listAssessments()
    expect(saved?.instrument).toEqual({ id: 'bar', version: '1.2.0' })
  })

  it('shows an assessment saved in another tab without a reload', async () => {
    show()
    await screen.findByText(/Nog geen beoordelingen/)
    await closeStore()
    // Another tab's write, and its announcement: the store's own tab never hears itself.
    const db = await openDB(DB_NAME, DB_VERSION)
    await db.put('assessments', {
      id: bar.id,
      revision: 1,
      updatedAt: bar.updatedAt,
      assessment: bar,
    })
    db.close()
    const channel = new BroadcastChannel('bar-studio-storage')
    channel.postMessage({ kind: 'saved', id: bar.id, revision: 1, tab: 'other' })
    channel.close()
    expect(
      await screen.findByRole('link', { name: 'Open beoordeling van W.V.' }),
    ).toBeInTheDocument()
    expect(screen.queryByText(/Nog geen beoordelingen/)).toBeNull()
  })
})
