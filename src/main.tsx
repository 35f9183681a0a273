import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App, preloadScreen } from './app/app'
import { registerServiceWorker } from './app/service-worker'
import { parseRoute } from './app/use-hash-route'

const render = () =>
  createRoot(document.getElementById('root') as HTMLElement).render(
    <StrictMode>
      <App />
    </StrictMode>,
  )
// The first screen's code is loaded before the first render; a failure shows in its boundary.
preloadScreen(parseRoute(window.location.hash)).then(render, render)

// After the first screen: offline use is set up while the user reads it.
setTimeout(() => void registerServiceWorker().catch((e: unknown) => console.warn(e)), 1000)
