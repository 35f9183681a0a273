import { Component, type ReactNode } from 'react'
import { useText } from '../i18n/text'
import { retryFailedScreens, ScreenLoadError } from './lazy-screen'
import { WaysBack } from './ways-back'

function ScreenFailed({ error, retry }: { error: unknown; retry: () => void }) {
  const { t } = useText()
  const load = error instanceof ScreenLoadError
  return (
    <>
      <h1>{t(load ? 'screen.failed.loadTitle' : 'screen.failed.title')}</h1>
      <p role="alert">{t(load ? 'screen.failed.loadText' : 'screen.failed.text')}</p>
      <p>
        <button
          type="button"
          className="primary"
          onClick={(e) => {
            // The button goes away: focus goes to the frame around the screen, not to the page.
            e.currentTarget.closest<HTMLElement>('[tabindex="-1"]')?.focus()
            retry()
          }}
        >
          {t('screen.failed.retry')}
        </button>
      </p>
      <WaysBack />
    </>
  )
}

/**
 * Catches what one screen throws while rendering, or a screen whose code fails to load, and says
 * so in its place with a retry and links out; the header and navigation around it stay.
 */
export class ScreenBoundary extends Component<{ children: ReactNode }, { error: unknown }> {
  override state: { error: unknown } = { error: undefined }

  static getDerivedStateFromError(error: unknown) {
    // Whatever was thrown, even undefined, counts as a failure.
    return { error: error ?? new Error(String(error)) }
  }

  override componentWillUnmount() {
    // Opening the screen again later loads it afresh.
    if (this.state.error !== undefined) retryFailedScreens()
  }

  retry = () => {
    retryFailedScreens()
    this.setState({ error: undefined })
  }

  override render() {
    const { error } = this.state
    return error === undefined ? (
      this.props.children
    ) : (
      <ScreenFailed error={error} retry={this.retry} />
    )
  }
}
