import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../test/e2e/chromium'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS })
}

export interface BenchPage {
  context: BrowserContext
  page: Page
  /** Requests that left 127.0.0.1 (should stay empty). */
  foreign: string[]
}

/** A fresh context and page, CPU-throttled through CDP before anything is loaded. */
export async function openThrottledPage(
  browser: Browser,
  cpuRate: number,
  initScript: string,
): Promise<BenchPage> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    locale: 'nl-NL',
    serviceWorkers: 'block',
  })
  const page = await context.newPage()
  const foreign: string[] = []
  page.on('request', (r) => {
    const url = r.url()
    if (!/^(http:\/\/127\.0\.0\.1[:/]|data:|blob:|about:)/.test(url)) foreign.push(url)
  })
  const cdp = await context.newCDPSession(page)
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuRate })
  await page.addInitScript({ content: initScript })
  return { context, page, foreign }
}
