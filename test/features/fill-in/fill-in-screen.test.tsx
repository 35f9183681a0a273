// @vitest-environment jsdom
import 'fake-indexeddb/auto'
import '@testing-library/jest-dom/vitest'
import { cleanup, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { deleteDB, openDB } from 'idb'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { newAssessment } from '../../../src/core/assessment/new-assessment'
import type { Catalogue } from '../../../src/core/instrument/catalogue-data'
import { loadVocabulary } from '../../../src/core/instrument/load-instrument'
import type { Vocabulary } from '../../../src/core/instrument/meta-schema'
import { FillInScreen } from '../../../src/features/fill-in/fill-in-screen'
import {
  addAssessment,
  closeStore,
  DB_NAME,
  DB_VERSION,
  deleteAssessment,
  getAssessment,
  listAssessments,
  saveAssessment,
} from '../../../src/storage/assessment-store'
import { fixtures, readJson } from '../../helpers/files'
import { minimalInstrument } from '../../helpers/instruments'
import { renderWithI18n } from '../../helpers/render'

Element.prototype.scrollIntoView = () => {}

const instrument = minimalInstrument()
const vocabulary = (
  loadVocabulary(readJson(join(fixtures, 'instruments/vocabulary.json'))) as { value: Vocabulary }
).value
const catalogue: Catalogue = {
  instruments: [instrument],
  vocabularies: [vocabulary],
  crosswalks: [],
  problems: [],
}
const draft = newAssessment({
  instrument,
  id: '11111111-1111-4111-8111-111111111111',
  now: new Date('2026-11-23T10:00:00Z'),
  language: 'nl',
  authorRole: 'bedrijfsarts',
})

beforeEach(async () => {
  await closeStore()
  await deleteDB(DB_NAME)
  window.location.hash = ''
})
afterEach(() => {
  cleanup()
  vi.restoreAllMocks()
})

async function open(lang: 'nl' | 'en' = 'nl') {
  const user = userEvent.setup()
  renderWithI18n(<FillInScreen catalogueFor={() => catalogue} assessmentId={draft.id} />, lang)
  await screen.findByLabelText(lang === 'nl' ? 'Naam van de opsteller' : "Author's name")
  return user
}

/** What another tab would do: the store's own tab never hears itself. */
function otherTabSays(message: object) {
  const channel = new BroadcastChannel('bar-studio-storage')
  channel.postMessage({ ...message, tab: 'other' })
  channel.close()
}

describe('FillInScreen', () => {
  it('saves edits one after another without any conflict', async () => {
    await addAssessment(draft)
    const user = await open()
    await user.type(screen.getByLabelText('Naam van de opsteller'), 'Arts A')
    await waitFor(async () =>
      expect((await getAssessment(draft.id))?.meta.authorName).toBe('Arts A'),
    )
    await user.type(screen.getByLabelText('Werknemer (pseudoniem of initialen)'), 'W1')
    await waitFor(async () => expect((await getAssessment(draft.id))?.meta.employee).toBe('W1'))
    expect(screen.queryByRole('alert')).toBeNull()
  })

  it('refuses to overwrite what another tab saved, says so, and loads the newer version on request', async () => {
    await addAssessment(draft)
    const user = await open()
    // Tab B changes the author name meanwhile.
    await saveAssessment({ ...draft, meta: { ...draft.meta, authorName: 'Arts B' } }, 1)
    await user.type(screen.getByLabelText('Werknemer (pseudoniem of initialen)'), 'W1')
    expect(
      await screen.findByRole('heading', {
        name: 'Deze beoordeling is in een ander tabblad gewijzigd',
      }),
    ).toBeInTheDocument()
    expect(await screen.findByText(/Niet opgeslagen: deze beoordeling/)).toBeInTheDocument()
    expect((await getAssessment(draft.id))?.meta).toMatchObject({
      authorName: 'Arts B',
      employee: '',
    })

    await user.click(screen.getByRole('button', { name: 'Nieuwere versie laden' }))
    await waitFor(() =>
      expect(screen.getByLabelText('Naam van de opsteller')).toHaveValue('Arts B'),
    )
    expect(screen.queryByRole('alert')).toBeNull()
    await user.type(screen.getByLabelText('Werknemer (pseudoniem of initialen)'), 'W2')
    await waitFor(async () =>
      expect((await getAssessment(draft.id))?.meta).toMatchObject({
        authorName: 'Arts B',
        employee: 'W2',
      }),
    )
  })

  it('saves this version as a copy under a new id, leaving the other version as it is', async () => {
    await addAssessment(draft)
    const user = await open()
    await saveAssessment({ ...draft, meta: { ...draft.meta, authorName: 'Arts B' } }, 1)
    await user.type(screen.getByLabelText('Werknemer (pseudoniem of initialen)'), 'W1')
    await user.click(await screen.findByRole('button', { name: 'Deze versie als kopie bewaren' }))
    await waitFor(() => expect(window.location.hash).toMatch(/^#\/assessments\/[0-9a-f-]{36}$/))
    const copyId = window.location.hash.split('/')[2] as string
    expect(copyId).not.toBe(draft.id)
    expect((await getAssessment(copyId))?.meta.employee).toBe('W1 (kopie)')
    expect((await getAssessment(draft.id))?.meta).toMatchObject({
      authorName: 'Arts B',
      employee: '',
    })
  })

  it('never brings back an assessment another tab deleted', async () => {
    await addAssessment(draft)
    const user = await open('en')
    await deleteAssessment(draft.id)
    await user.type(screen.getByLabelText("Author's name"), 'Late')
    expect(
      await screen.findByRole('heading', { name: 'This assessment was deleted in another tab' }),
    ).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Load the newer version' })).toBeNull()
    expect(await listAssessments()).toEqual([])
  })

  it('learns of a save in another tab before its own next save', async () => {
    await addAssessment(draft)
    await open()
    otherTabSays({ kind: 'saved', id: draft.id, revision: 2 })
    expect(
      await screen.findByRole('heading', {
        name: 'Deze beoordeling is in een ander tabblad gewijzigd',
      }),
    ).toBeInTheDocument()
  })

  it('ignores news about other assessments and about revisions it already has', async () => {
    await addAssessment(draft)
    await open()
    otherTabSays({ kind: 'saved', id: draft.id, revision: 1 })
    otherTabSays({ kind: 'deleted', id: '22222222-2222-4222-8222-222222222222' })
    await new Promise((r) => setTimeout(r, 50))
    expect(screen.queryByRole('alert')).toBeNull()
  })

  it('opens a stored record that no longer validates as its problems with an export, not the form', async () => {
    const db = await openDB(DB_NAME, DB_VERSION, {
      upgrade: (d) => {
        d.createObjectStore('assessments', { keyPath: 'id' })
        d.createObjectStore('keys', { keyPath: 'id' })
      },
    })
    await db.put('assessments', {
      id: draft.id,
      revision: 1,
      updatedAt: draft.updatedAt,
      assessment: { ...draft, answers: { tillen: { kind: 'capacity', level: 99 } } },
    })
    db.close()
    renderWithI18n(<FillInScreen catalogueFor={() => catalogue} assessmentId={draft.id} />)
    expect(
      await screen.findByRole('heading', { name: 'Deze opgeslagen beoordeling klopt niet meer' }),
    ).toBeInTheDocument()
    expect(screen.getByText(/\$\.answers/)).toBeInTheDocument()
    expect(
      screen.getByRole('button', { name: 'Exporteer het opgeslagen record' }),
    ).toBeInTheDocument()
    expect(screen.queryByLabelText('Naam van de opsteller')).toBeNull()
  })

  it("says so in the user's language when the storage cannot be opened", async () => {
    vi.spyOn(indexedDB, 'open').mockImplementation(() => {
      throw new DOMException('blocked', 'SecurityError')
    })
    renderWithI18n(<FillInScreen catalogueFor={() => catalogue} assessmentId={draft.id} />)
    expect(await screen.findByRole('alert')).toHaveTextContent(
      /Deze browser laat de app niets bewaren/,
    )
  })

  it('says a full storage in the save status instead of failing silently', async () => {
    await addAssessment(draft)
    const user = await open()
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError')
    })
    await user.type(screen.getByLabelText('Naam van de opsteller'), 'X')
    expect(
      await screen.findByText(/Opslaan is mislukt: De opslag van deze browser is vol/),
    ).toBeInTheDocument()
  })
})
