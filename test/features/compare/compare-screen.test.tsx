// @vitest-environment jsdom
import 'fake-indexeddb/auto'
import '@testing-library/jest-dom/vitest'
import { cleanup, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { deleteDB, openDB } from 'idb'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Assessment } from '../../../src/core/assessment/assessment-schema'
import { migrate } from '../../../src/core/migration/migrate'
import { CompareScreen } from '../../../src/features/compare/compare-screen'
import {
  addAssessment,
  closeStore,
  DB_NAME,
  DB_VERSION,
} from '../../../src/storage/assessment-store'
import { readJson, root } from '../../helpers/files'
import { loadedCatalogue, shippedCatalogue } from '../../helpers/instruments'
import { storeHash } from '../../helpers/raw-store'
import { renderWithI18n } from '../../helpers/render'

const catalogue = shippedCatalogue()
const bar = readJson(join(root, 'public/examples/bar-example.json')) as Assessment
const fml = readJson(join(root, 'public/examples/fml-example.json')) as Assessment

beforeEach(async () => {
  await closeStore()
  await deleteDB(DB_NAME)
})
afterEach(() => {
  cleanup()
  vi.restoreAllMocks()
})

function show() {
  renderWithI18n(
    <CompareScreen load={loadedCatalogue(catalogue)} baId="" vaId="" navigate={() => {}} />,
  )
}

describe('CompareScreen', () => {
  it('says the storage cannot be read instead of offering nothing to compare', async () => {
    vi.spyOn(indexedDB, 'open').mockImplementation(() => {
      throw new DOMException('blocked', 'SecurityError')
    })
    show()
    expect(await screen.findByRole('alert')).toHaveTextContent(
      /Deze browser laat de app niets bewaren/,
    )
  })

  it('offers only stored assessments that still load', async () => {
    await addAssessment(fml)
    await closeStore()
    const db = await openDB(DB_NAME, DB_VERSION)
    await db.put('assessments', {
      id: bar.id,
      revision: 1,
      updatedAt: bar.updatedAt,
      assessment: { ...bar, answers: { 'IV.13': { kind: 'capacity', level: 99 } } },
    })
    db.close()
    show()
    expect(
      await screen.findAllByRole('option', { name: /Functionele Mogelijkhedenlijst/ }),
    ).not.toHaveLength(0)
    expect(screen.queryByRole('option', { name: /Beschrijving Arbeidsbelastbaarheid/ })).toBeNull()
  })
})

/** A file whose bytes are read only once `gate` resolves: a slow disk, or a large file. */
class HeldFile extends File {
  constructor(
    text: string,
    name: string,
    private readonly gate: Promise<void>,
  ) {
    super([text], name, { type: 'application/json' })
  }

  override async arrayBuffer(): Promise<ArrayBuffer> {
    await this.gate
    return new Blob([await this.text()]).arrayBuffer()
  }
}

describe('CompareScreen importing a file for each side', () => {
  it('keeps both sides when the first file chosen finishes after the second', async () => {
    let release: () => void = () => undefined
    const held = new Promise<void>((ok) => (release = ok))
    const user = userEvent.setup()
    show()
    const baPicker = await screen.findByLabelText('Beoordeling van de bedrijfsarts (BA)')
    const vaPicker = screen.getByLabelText('Beoordeling van de verzekeringsarts (VA)')
    await user.upload(
      screen.getByLabelText('Of importeer een bestand voor de bedrijfsarts'),
      new HeldFile(JSON.stringify(bar), 'bar.json', held),
    )
    await user.upload(
      screen.getByLabelText('Of importeer een bestand voor de verzekeringsarts'),
      new File([JSON.stringify(fml)], 'fml.json', { type: 'application/json' }),
    )
    await waitFor(() => expect(vaPicker).toHaveDisplayValue(/Functionele Mogelijkhedenlijst/))
    release()
    await waitFor(() => expect(baPicker).toHaveDisplayValue(/Beschrijving Arbeidsbelastbaarheid/))
    expect(vaPicker).toHaveDisplayValue(/Functionele Mogelijkhedenlijst/)
    expect(await screen.findByRole('region', { name: 'Conclusie' })).toBeInTheDocument()
  })
})

describe('CompareScreen across two versions of one instrument', () => {
  it('compares a BAR 1.0.0 with a BAR 1.1.0, says so above the result and changes nothing stored', async () => {
    const r = migrate(bar, '1.1.0', catalogue.instruments, {
      now: new Date('2026-11-24T10:00:00Z'),
    })
    if (!r.ok) throw new Error('no migration')
    const newer = { ...r.value.assessment, id: '33333333-3333-4333-8333-333333333333' }
    await addAssessment(bar)
    await addAssessment(newer)
    const before = await storeHash()
    renderWithI18n(
      <CompareScreen
        load={loadedCatalogue(catalogue)}
        baId={bar.id}
        vaId={newer.id}
        navigate={() => {}}
      />,
    )
    const note = await screen.findByText(
      /^BA-beoordeling voor de vergelijking bijgewerkt van BAR 1\.0\.0 naar 1\.1\.0 \(/,
    )
    const conclusion = screen.getByRole('region', { name: 'Conclusie' })
    // Above the result: before the conclusion in the page.
    expect(note.compareDocumentPosition(conclusion) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy()
    expect(conclusion).toHaveTextContent('De conclusies komen overeen.')
    expect(screen.queryByText(/kunnen niet vergeleken worden/)).toBeNull()
    expect(await storeHash()).toBe(before)
  })
})
