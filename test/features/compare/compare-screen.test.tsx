// @vitest-environment jsdom
import 'fake-indexeddb/auto'
import '@testing-library/jest-dom/vitest'
import { cleanup, screen } from '@testing-library/react'
import { deleteDB, openDB } from 'idb'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Assessment } from '../../../src/core/assessment/assessment-schema'
import { CompareScreen } from '../../../src/features/compare/compare-screen'
import {
  addAssessment,
  closeStore,
  DB_NAME,
  DB_VERSION,
} from '../../../src/storage/assessment-store'
import { readJson, root } from '../../helpers/files'
import { shippedCatalogue } from '../../helpers/instruments'
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
  renderWithI18n(<CompareScreen catalogue={catalogue} baId="" vaId="" navigate={() => {}} />)
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
