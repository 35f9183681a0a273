import { readFileSync } from 'node:fs'
import { launchChromium } from './lib/browser'
import { serveStatic } from './lib/static-server'

const AXE = readFileSync('node_modules/axe-core/axe.min.js', 'utf8')
async function main() {
  const variant = process.argv[2] ?? 'as-is'
  const app = await serveStatic('/tmp/pb3/app/dist')
  const browser = await launchChromium()
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true, bypassCSP: true, locale: 'nl-NL', serviceWorkers: 'block' })
  const page = await context.newPage()
  await page.goto(`${app.url}/#/preview/bar/1.2.0`)
  await page.waitForSelector('form.assessment-form:not([aria-busy])')
  await page.waitForTimeout(1500)
  if (variant === 'visible') await page.addStyleTag({ content: '.form-section + .form-section { content-visibility: visible !important }' })
  if (variant.startsWith('px')) await page.addStyleTag({ content: `.form-section + .form-section { contain-intrinsic-size: auto ${variant.slice(2)}px !important }` })
  await page.addScriptTag({ content: AXE })
  const r = await page.evaluate(async () => {
    const res = await (window as any).axe.run(document, { runOnly: ['target-size'] })
    return res.violations.flatMap((v: any) => v.nodes.map((n: any) => ({ t: n.target.join(' '), msg: n.any.map((a: any) => a.message).join('|'), rel: n.any.flatMap((a: any) => a.relatedNodes.map((x: any) => x.target.join(' '))).slice(0, 3) })))
  })
  const heights = await page.evaluate(() => [...document.querySelectorAll('.form-section')].map((s) => Math.round(s.getBoundingClientRect().height)))
  console.log(variant, 'violations', r.length, 'section heights', heights.join(','))
  for (const x of r.slice(0, 12)) console.log(' ', x.t, '::', x.msg.slice(0, 120), '::', x.rel.join(' ; '))
  await browser.close(); await app.close(); process.exit(0)
}
void main()
