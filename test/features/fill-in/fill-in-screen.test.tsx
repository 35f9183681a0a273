// @vitest-environment jsdom
import 'fake-indexeddb/auto'
import '@testing-library/jest-dom/vitest'
import { cleanup, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { deleteDB, openDB } from 'idb'
import { join } from 'node:path'
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Answers, Assessment } from '../../../src/core/assessment/assessment-schema'
import { newAssessment } from '../../../src/core/assessment/new-assessment'
import { buildCatalogue } from '../../../src/core/instrument/catalogue'
import type { Catalogue } from '../../../src/core/instrument/catalogue-data'
import { loadVocabulary } from '../../../src/core/instrument/load-instrument'
import type { Instrument, Vocabulary } from '../../../src/core/instrument/meta-schema'
import { migrate } from '../../../src/core/migration/migrate'
import { newerVersion } from '../../../src/core/migration/migration-path'
import { FillInScreen } from '../../../src/features/fill-in/fill-in-screen'
import { PreviewScreen } from '../../../src/features/fill-in/preview-screen'
import {
  addAssessment,
  closeStore,
  DB_NAME,
  DB_VERSION,
  deleteAssessment,
  getAssessment,
  getStoredAssessment,
  listAssessments,
  saveAssessment,
} from '../../../src/storage/assessment-store'
import { assessmentOf, capacity, one } from '../../helpers/assessments'
import { fixtures, readJson } from '../../helpers/files'
import { DEMO_1_0_0, DEMO_1_1_0, demoFiles } from '../../helpers/migration-chain'
import { storeHash } from '../../helpers/raw-store'
import { loadedCatalogue, minimalInstrument } from '../../helpers/instruments'
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
  renderWithI18n(
    <FillInScreen catalogueFor={() => Promise.resolve(catalogue)} assessmentId={draft.id} />,
    lang,
  )
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

  it("draws the instrument's heading from its title while the instrument file is still loading, then the form under it", async () => {
    await addAssessment(draft)
    let arrive: (c: Catalogue) => void = () => undefined
    const file = new Promise<Catalogue>((ok) => (arrive = ok))
    const titleOf = vi.fn(() => instrument.title)
    renderWithI18n(
      <FillInScreen catalogueFor={() => file} assessmentId={draft.id} titleOf={titleOf} />,
    )
    const heading = await screen.findByRole('heading', {
      level: 1,
      name: `${instrument.title.nl} ${instrument.version}`,
    })
    expect(screen.getByRole('status')).toHaveTextContent('Laden…')
    expect(titleOf).toHaveBeenCalledWith({ id: instrument.id, version: instrument.version })
    arrive(catalogue)
    await screen.findByLabelText('Naam van de opsteller')
    // The same element: no second heading painted when the form arrives.
    expect(screen.getByRole('heading', { level: 1 })).toBe(heading)
  })

  it('draws no heading before the instrument file when the title is not known', async () => {
    await addAssessment(draft)
    renderWithI18n(
      <FillInScreen
        catalogueFor={() => new Promise(() => undefined)}
        assessmentId={draft.id}
        titleOf={() => undefined}
      />,
    )
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Laden…'))
    expect(screen.queryByRole('heading')).toBeNull()
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
    renderWithI18n(
      <FillInScreen catalogueFor={() => Promise.resolve(catalogue)} assessmentId={draft.id} />,
    )
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
    renderWithI18n(
      <FillInScreen catalogueFor={() => Promise.resolve(catalogue)} assessmentId={draft.id} />,
    )
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

describe('FillInScreen: upgrading to a newer version of the instrument', () => {
  const demo = buildCatalogue(demoFiles([DEMO_1_0_0, DEMO_1_1_0]))
  const [v100, v110] = demo.instruments as [Instrument, Instrument]
  const given: Answers = {
    tillen: capacity('licht', { 'max-load': 10 }),
    reizen: { kind: 'capacity', level: 'licht', possible: 'Met de fiets' },
    oud: one('a'),
    kleur: { kind: 'single', choice: 'blauw', specify: 'donkerblauw' },
    notitie: { kind: 'text', text: 'Een notitie' },
    weg: { kind: 'date', date: '2026-11-01' },
    gelezen: one('nee'),
  }
  const old = { ...assessmentOf(v100, given), id: draft.id }

  beforeAll(() => {
    // jsdom has no modal dialogs: one just opens and closes.
    HTMLDialogElement.prototype.showModal = function (this: HTMLDialogElement) {
      this.setAttribute('open', '')
    }
    HTMLDialogElement.prototype.close = function (this: HTMLDialogElement) {
      this.removeAttribute('open')
    }
  })

  async function openDemo(lang: 'nl' | 'en' = 'nl') {
    const user = userEvent.setup()
    renderWithI18n(
      <FillInScreen
        catalogueFor={() => Promise.resolve(demo)}
        assessmentId={draft.id}
        newerVersionOf={(ref) => newerVersion(demo.instruments, ref)?.version}
        versionsFor={() => Promise.resolve(demo)}
      />,
      lang,
    )
    await screen.findByLabelText(lang === 'nl' ? 'Naam van de opsteller' : "Author's name")
    return user
  }
  const upgradeButton = () => screen.getByRole('button', { name: 'Bijwerken naar 1.1.0…' })

  /** Opens the report by keyboard, as a keyboard user would. */
  async function askByKeyboard(user: ReturnType<typeof userEvent.setup>) {
    upgradeButton().focus()
    await user.keyboard('{Enter}')
    return screen.findByRole('dialog', { name: 'Bijwerken naar DEMO 1.1.0' })
  }

  it('says that there is a newer version, and offers nothing on the latest', async () => {
    await addAssessment(old)
    await openDemo()
    expect(
      screen.getByText('Er is een nieuwere versie van dit instrument (DEMO 1.1.0).'),
    ).toBeInTheDocument()
    expect(upgradeButton()).toBeInTheDocument()
    cleanup()
    await closeStore()
    await deleteDB(DB_NAME)
    await addAssessment({ ...assessmentOf(v110, {}), id: draft.id })
    await openDemo()
    expect(screen.queryByText(/nieuwere versie/)).toBeNull()
    expect(screen.queryByText(/Bijgewerkt van/)).toBeNull()
  })

  it('shows the report of every answer first, with the counts, and Cancel changes nothing', async () => {
    await addAssessment(old)
    const user = await openDemo()
    const before = await storeHash()
    const dialog = await askByKeyboard(user)
    const d = within(dialog)
    expect(
      d.getByText(/De antwoorden zoals ingevuld in 1\.0\.0 blijven bewaard/),
    ).toBeInTheDocument()
    expect(
      d.getByText('DEMO 1.0.0 naar 1.1.0: 2 behouden, 2 verplaatst, 1 omgezet, 2 vervallen'),
    ).toBeInTheDocument()
    expect(d.getByRole('heading', { name: 'Vervallen (2)' })).toBeInTheDocument()
    expect(d.getByRole('heading', { name: 'Omgezet (1)' })).toBeInTheDocument()
    expect(d.getByRole('heading', { name: 'Verplaatst (2)' })).toBeInTheDocument()
    expect(d.getByText('Behouden (2)')).toBeInTheDocument()
    const moved = d.getByText('oud (nl)').closest('li') as HTMLElement
    expect(moved).toHaveTextContent('naar nieuw (nl)')
    expect(moved).toHaveTextContent('Hernoemd van "oud (nl)" (oud) naar "nieuw (nl)" (nieuw).')
    const dropped = d.getByText('weg (nl)').closest('li') as HTMLElement
    expect(dropped).toHaveTextContent('No date needed (nl)')
    // Cancel has focus: Enter there changes nothing and brings focus back.
    expect(d.getByRole('button', { name: 'Annuleren' })).toHaveFocus()
    await user.keyboard('{Enter}')
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(upgradeButton()).toHaveFocus()
    expect(await storeHash()).toBe(before)
    expect((await getAssessment(draft.id))?.instrument.version).toBe('1.0.0')
  })

  it('replaces the stored record on the new version, keeps the captured answers and reloads the form', async () => {
    await addAssessment(old)
    const user = await openDemo()
    // Typed just before asking: saved first, and so upgraded with the rest.
    await user.type(screen.getByLabelText('Naam van de opsteller'), 'Arts A')
    await askByKeyboard(user)
    await user.tab()
    expect(screen.getByRole('button', { name: 'Bijwerken en opslaan' })).toHaveFocus()
    await user.keyboard('{Enter}')
    expect(await screen.findByRole('heading', { level: 1, name: 'Demo (nl) 1.1.0' })).toBeVisible()
    const stored = await getStoredAssessment(draft.id)
    expect(stored?.revision).toBeGreaterThan(1)
    const upgraded = (await getAssessment(draft.id)) as Assessment
    expect(upgraded.instrument).toEqual({ id: 'demo', version: '1.1.0' })
    expect(upgraded.meta.authorName).toBe('Arts A')
    expect(upgraded.answers.nieuw).toEqual(one('a'))
    expect(upgraded.captured).toMatchObject({
      instrument: { id: 'demo', version: '1.0.0' },
      answers: given,
    })
    expect(await listAssessments()).toHaveLength(1)
    const note = await screen.findByText(/^Bijgewerkt van DEMO 1\.0\.0 op \d{2}-\d{2}-\d{4}/)
    expect(note).toHaveFocus()
    expect(note).toHaveTextContent('Zojuist bijgewerkt en opgeslagen.')
    expect(screen.queryByText(/nieuwere versie/)).toBeNull()
    // The form saves on the new version, from the new revision.
    await user.type(screen.getByLabelText('Werknemer (pseudoniem of initialen)'), 'W1')
    await waitFor(async () => expect((await getAssessment(draft.id))?.meta.employee).toBe('W1'))
    expect((await getAssessment(draft.id))?.instrument.version).toBe('1.1.0')
    expect(screen.queryByRole('alert')).toBeNull()
  })

  it('shows, per item, the answer as captured where it did not carry over as it was', async () => {
    const r = migrate(old, '1.1.0', demo.instruments, { now: new Date('2026-11-24T10:00:00Z') })
    if (!r.ok) throw new Error('no migration')
    await addAssessment(r.value.assessment)
    const user = await openDemo('en')
    expect(screen.getByText('Upgraded from DEMO 1.0.0 on 24/11/2026')).toBeInTheDocument()
    const item = (id: string) => document.querySelector(`[data-item-id="${id}"]`) as HTMLElement
    const nieuw = await within(item('nieuw')).findByText('As captured in 1.0.0')
    await user.click(nieuw)
    expect(item('nieuw')).toHaveTextContent('oud (en): a (en)')
    expect(within(item('reizen-woon')).getByText('As captured in 1.0.0')).toBeInTheDocument()
    expect(within(item('kleur')).getByText('As captured in 1.0.0')).toBeInTheDocument()
    expect(item('kleur')).toHaveTextContent('kleur (en): blauw (en): donkerblauw')
    // Kept as it was: nothing to show.
    expect(within(item('tillen')).queryByText('As captured in 1.0.0')).toBeNull()
    // Dropped without a place in 1.1.0: listed near the title.
    const dropped = screen.getByText('2 answers of 1.0.0 dropped').closest('details') as HTMLElement
    expect(dropped).toHaveTextContent('weg (en)')
    expect(dropped).toHaveTextContent('No date needed (en)')
  })

  it('refuses the upgrade when another tab saved meanwhile, and keeps what that tab saved', async () => {
    await addAssessment(old)
    const user = await openDemo()
    await askByKeyboard(user)
    // Tab B saves meanwhile.
    await saveAssessment({ ...old, meta: { ...old.meta, authorName: 'Arts B' } }, 1)
    await user.click(screen.getByRole('button', { name: 'Bijwerken en opslaan' }))
    expect(
      await screen.findByRole('heading', {
        name: 'Deze beoordeling is in een ander tabblad gewijzigd',
      }),
    ).toBeInTheDocument()
    const stored = await getAssessment(draft.id)
    expect(stored?.instrument.version).toBe('1.0.0')
    expect(stored?.meta.authorName).toBe('Arts B')
    expect(stored?.captured).toBeUndefined()
    expect(screen.getByRole('heading', { level: 1, name: 'Demo (nl) 1.0.0' })).toBeVisible()
  })
})

describe('PreviewScreen', () => {
  it('draws the heading at once from the known title, then the blank form when the file is in', async () => {
    let arrive: (c: Catalogue) => void = () => undefined
    const file = new Promise<Catalogue>((ok) => (arrive = ok))
    renderWithI18n(
      <PreviewScreen
        load={() => file}
        id={instrument.id}
        version={instrument.version}
        title={instrument.title}
      />,
    )
    const heading = screen.getByRole('heading', { level: 1 })
    expect(heading).toHaveTextContent(instrument.title.nl)
    expect(screen.queryByLabelText('Naam van de opsteller')).toBeNull()
    arrive(catalogue)
    await screen.findByLabelText('Naam van de opsteller')
    expect(screen.getAllByRole('heading', { level: 1 })).toEqual([heading])
  })

  it('takes the heading from the file when the title is not known, and says when there is no such version', async () => {
    const { unmount } = renderWithI18n(
      <PreviewScreen
        load={loadedCatalogue(catalogue)}
        id={instrument.id}
        version={instrument.version}
      />,
    )
    expect(await screen.findByRole('heading', { level: 1 })).toHaveTextContent(instrument.title.nl)
    unmount()
    renderWithI18n(
      <PreviewScreen load={loadedCatalogue(catalogue)} id={instrument.id} version="9.9.9" />,
    )
    expect(await screen.findByRole('alert')).toHaveTextContent(
      `Versie 9.9.9 van ${instrument.id} is niet bekend (bekend: ${instrument.version})`,
    )
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(
      `Voorbeeld: ${instrument.id} 9.9.9`,
    )
    expect(screen.queryByLabelText('Naam van de opsteller')).toBeNull()
  })
})
