// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest'
import { cleanup, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { Suspense } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createI18n, type Language } from '../../src/i18n/i18n'
import { TextProvider } from '../../src/i18n/text'
import { lazyScreen } from '../../src/ui/lazy-screen'
import { ScreenBoundary } from '../../src/ui/screen-boundary'

afterEach(cleanup)

/** React reports every error a boundary catches; here they are expected, and kept for checking. */
function renderCaught(ui: React.ReactNode, lang: Language = 'nl') {
  const caught: unknown[] = []
  const view = render(
    <TextProvider i18n={createI18n(lang)}>
      <main id="main" tabIndex={-1}>
        <ScreenBoundary>
          <Suspense fallback={<p>…</p>}>{ui}</Suspense>
        </ScreenBoundary>
      </main>
    </TextProvider>,
    { onCaughtError: (error) => caught.push(error) },
  )
  return { caught, ...view }
}

let broken = true
function Flaky() {
  if (broken) throw new Error('kapot')
  return <h1>Beoordelingen</h1>
}

describe('ScreenBoundary', () => {
  it('shows that the screen failed, with links out, and renders it again on retry', async () => {
    broken = true
    const { caught } = renderCaught(<Flaky />)
    expect(screen.getByRole('heading', { level: 1, name: 'Dit scherm is mislukt' })).toBeVisible()
    expect(screen.getByRole('alert')).toHaveTextContent('Er ging iets mis')
    expect(screen.getByRole('link', { name: 'Naar de beoordelingen' })).toHaveAttribute(
      'href',
      '#/assessments',
    )
    expect(screen.getByRole('link', { name: /Naar het begin/ })).toHaveAttribute('href', '#/')
    expect(caught).toHaveLength(1)

    broken = false
    await userEvent.click(screen.getByRole('button', { name: 'Opnieuw proberen' }))
    expect(screen.getByRole('heading', { level: 1, name: 'Beoordelingen' })).toBeVisible()
    // The retry button is gone: focus is on the screen's frame, not lost to the page.
    expect(document.activeElement).toBe(document.getElementById('main'))
  })

  it('says in English that the screen could not be loaded while its code does not load, then shows it', async () => {
    const load = vi
      .fn<() => Promise<() => React.ReactNode>>()
      .mockRejectedValueOnce(new TypeError('Failed to fetch dynamically imported module'))
      .mockRejectedValueOnce(new TypeError('Failed to fetch dynamically imported module'))
      .mockResolvedValue(() => <h1>Report</h1>)
    const Lazy = lazyScreen(load)
    renderCaught(<Lazy />, 'en')
    expect(
      await screen.findByRole('heading', { level: 1, name: 'This screen could not be loaded' }),
    ).toBeVisible()
    expect(screen.getByRole('alert')).toHaveTextContent('could not fetch this screen')

    await userEvent.click(screen.getByRole('button', { name: 'Try again' }))
    expect(
      await screen.findByRole('heading', { level: 1, name: 'This screen could not be loaded' }),
    ).toBeVisible()
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }))
    expect(await screen.findByRole('heading', { level: 1, name: 'Report' })).toBeVisible()
    expect(load).toHaveBeenCalledTimes(3)
  })

  it('draws a screen preloaded before the first render at once, without the loading line', async () => {
    const load = vi.fn(() => Promise.resolve(() => <h1>Instrumenten</h1>))
    const Lazy = lazyScreen(load)
    await Lazy.preload()
    renderCaught(<Lazy />)
    // In the first commit: no fallback shown (React would keep one for at least 300 ms).
    expect(screen.getByRole('heading', { level: 1, name: 'Instrumenten' })).toBeVisible()
    expect(screen.queryByText('…')).toBeNull()
    await Lazy.preload()
    expect(load).toHaveBeenCalledTimes(1)
  })

  it('shows the loading line for a screen not preloaded, then the screen', async () => {
    const Lazy = lazyScreen(() => Promise.resolve(() => <h1>Instrumenten</h1>))
    renderCaught(<Lazy />)
    expect(screen.getByText('…')).toBeVisible()
    expect(await screen.findByRole('heading', { level: 1, name: 'Instrumenten' })).toBeVisible()
  })
})
