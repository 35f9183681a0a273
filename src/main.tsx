import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/app'
import { registerServiceWorker } from './app/service-worker'

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <App />
  </StrictMode>,
)

// After the first screen: offline use is set up while the user reads it.
setTimeout(() => void registerServiceWorker().catch((e: unknown) => console.warn(e)), 1000)
