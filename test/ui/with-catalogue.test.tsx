// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest'
import { act, cleanup, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Catalogue } from '../../src/core/instrument/catalogue-data'
import { ScreenWithCatalogue } from '../../src/ui/with-catalogue'
import { shippedCatalogue } from '../helpers/instruments'
import { renderWithI18n } from '../helpers/render'

afterEach(cleanup)

describe('ScreenWithCatalogue', () => {
  it("draws the screen's heading and introduction before the instrument files are in, the rest after", async () => {
    let arrive: (c: Catalogue) => void = () => undefined
    const files = new Promise<Catalogue>((resolve) => (arrive = resolve))
    const load = vi.fn(() => files)
    act(() => {
      renderWithI18n(
        <ScreenWithCatalogue title="Beoordelingen" intro="Uw beoordelingen." load={load}>
          {(catalogue) => <p>{catalogue.instruments.length} instrumentversies</p>}
        </ScreenWithCatalogue>,
      )
    })
    expect(screen.getByRole('heading', { name: 'Beoordelingen' })).toBeVisible()
    expect(screen.getByText('Uw beoordelingen.')).toBeVisible()
    expect(screen.getByRole('status')).toHaveTextContent('Laden')
    expect(screen.queryByText(/instrumentversies/)).not.toBeInTheDocument()
    // The files are asked for once the heading is painted, not while it is drawn.
    expect(load).not.toHaveBeenCalled()
    await waitFor(() => expect(load).toHaveBeenCalled())
    const catalogue = shippedCatalogue()
    await act(async () => arrive(catalogue))
    expect(
      await screen.findByText(`${catalogue.instruments.length} instrumentversies`),
    ).toBeVisible()
    expect(screen.queryByRole('status')).not.toBeInTheDocument()
    // The heading is the same element throughout: drawn once, not again (no layout shift).
    expect(screen.getAllByRole('heading', { name: 'Beoordelingen' })).toHaveLength(1)
  })
})
