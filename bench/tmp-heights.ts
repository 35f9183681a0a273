import { launchChromium } from './lib/browser'
import { serveStatic } from './lib/static-server'
async function main() {
  const app = await serveStatic('/tmp/pb2/app/dist')
  const browser = await launchChromium()
  for (const hash of ['#/preview/bar/1.2.0', '#/preview/fml/1.0.0', '#/preview/synthetic-128/1.0.0'])
  for (const width of [390, 412, 800, 1280]) {
    const context = await browser.newContext({ viewport: { width, height: 823 }, bypassCSP: true, locale: 'nl-NL', serviceWorkers: 'block' })
    const page = await context.newPage()
    await page.goto(`${app.url}/${hash}`)
    await page.waitForSelector('form.assessment-form:not([aria-busy])')
    await page.addStyleTag({ content: '.form-section + .form-section { content-visibility: visible !important }' })
    const r = await page.evaluate(() => [...document.querySelectorAll('.form-section')].map((s) => {
      const items = [...s.querySelectorAll('[data-item-id]')]
      const inputs = s.querySelectorAll('input,textarea').length
      return { h: Math.round(s.getBoundingClientRect().height), items: items.length, inputs, perItem: Math.round(s.getBoundingClientRect().height / Math.max(1, items.length)), perInput: Math.round(s.getBoundingClientRect().height / Math.max(1, inputs)) }
    }))
    console.log(hash, width, JSON.stringify(r.map((x) => `${x.h}/${x.items}i/${x.inputs}in=${x.perItem}pi,${x.perInput}pin`)))
    await context.close()
  }
  await browser.close(); await app.close(); process.exit(0)
}
void main()
