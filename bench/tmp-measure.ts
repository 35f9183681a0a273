import { launchChromium } from './lib/browser'
import { serveStatic } from './lib/static-server'
async function main() {
  const app = await serveStatic('/tmp/pb2/app/dist')
  const browser = await launchChromium()
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, bypassCSP: true, locale: 'nl-NL', serviceWorkers: 'block' })
  const page = await context.newPage()
  await page.goto(`${app.url}/#/preview/bar/1.2.0`)
  await page.waitForSelector('form.assessment-form:not([aria-busy])')
  await page.waitForTimeout(1000)
  const r = await page.evaluate(() => [...document.querySelectorAll('.form-section + .form-section')].map((s) => {
    const t0 = performance.now()
    const top = s.getBoundingClientRect().top
    const last = s.lastElementChild as Element
    const bottom = last.getBoundingClientRect().bottom
    const t1 = performance.now()
    const cs = getComputedStyle(s)
    return { box: Math.round(s.getBoundingClientRect().height), scrollH: s.scrollHeight, content: Math.round(bottom - top + parseFloat(cs.paddingBottom) + parseFloat(cs.borderBottomWidth)), ms: +(t1 - t0).toFixed(2) }
  }))
  console.log(JSON.stringify(r))
  await browser.close(); await app.close(); process.exit(0)
}
void main()
