// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest'
import { cleanup, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'
import { App } from '../../src/app/app'

afterEach(cleanup)

describe('App', () => {
  it('opens "Pagina niet gevonden" with links for a malformed link, keeping the menu', async () => {
    window.location.hash = '#/assessments/%'
    render(<App />)
    expect(screen.getByRole('heading', { level: 1, name: 'Pagina niet gevonden' })).toBeVisible()
    expect(
      within(screen.getByRole('main')).getByRole('link', { name: 'Naar de beoordelingen' }),
    ).toHaveAttribute('href', '#/assessments')
    expect(screen.getByRole('navigation', { name: 'Hoofdmenu' })).toBeVisible()

    await userEvent.click(within(screen.getByRole('main')).getByRole('link', { name: /begin/ }))
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Instrumenten' }),
    ).toBeInTheDocument()
  })

  it('moves focus to the content from the skip link without leaving the screen', async () => {
    window.location.hash = '#/nope'
    render(<App />)
    await userEvent.click(screen.getByRole('link', { name: 'Naar de inhoud' }))
    expect(document.activeElement).toBe(screen.getByRole('main'))
    expect(window.location.hash).toBe('#/nope')
    expect(screen.getByRole('heading', { level: 1, name: 'Pagina niet gevonden' })).toBeVisible()
  })
})
