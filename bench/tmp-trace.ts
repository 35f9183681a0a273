import { launchChromium, openThrottledPage } from './lib/browser'
import { serveStatic } from './lib/static-server'
import { probeScript } from './form-probe'

async function main() {
  const [rate = '4', size = 'bar', items = '72', loads = '3'] = process.argv.slice(2)
  const app = await serveStatic(process.env.APP ?? '/tmp/pb/app/dist')
  const peers = await serveStatic('/tmp/pb/peers')
  const browser = await launchChromium()
  const ourHash = size === 'bar' ? '#/preview/bar/1.2.0' : size === '64' ? '#/preview/fml/1.0.0' : `#/preview/synthetic-${size}/1.0.0`
  for (let i = 0; i < Number(loads); i++)
  for (const [name, url] of [
    ['ours', `${app.url}/${ourHash}`],
    ['floor', `${peers.url}/floor/index.html?size=${size}`],
  ] as const) {
    const { context, page } = await openThrottledPage(browser, Number(rate), probeScript(Number(items)))
    const cdp = await context.newCDPSession(page)
    const events: any[] = []
    cdp.on('Tracing.dataCollected', (e: any) => events.push(...e.value))
    await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'disabled-by-default-devtools.timeline.stack', 'blink.user_timing', 'toplevel', 'toplevel.flow', 'disabled-by-default-toplevel.flow', 'blink', 'mojom', 'renderer'] }, transferMode: 'ReportEvents' })
    await page.goto(url)
    await page.waitForFunction(() => (window as any).__bench.mount !== null, null, { timeout: 60000 })
    const mount = await page.evaluate(() => (window as any).__bench.mount + performance.timeOrigin)
    await page.waitForTimeout(2500)
    const done = new Promise<void>((r) => cdp.once('Tracing.tracingComplete', () => r()))
    await cdp.send('Tracing.end'); await done
    const mainT = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
    const mine = events.filter((e) => e.pid === mainT.pid && e.tid === mainT.tid && e.ph === 'X').sort((a, b) => a.ts - b.ts)
    // time origin: navigationStart mark
    const nav = events.find((e) => e.name === 'navigationStart' && e.args?.data?.isLoadingMainFrame)
    const mountTs = nav ? nav.ts + (await page.evaluate(() => (window as any).__bench.mount)) * 1000 : 0
    const tasks = mine.filter((e) => e.name === 'RunTask' && e.ts > mountTs && e.dur > 2000)
    let total = 0
    const lines: string[] = []
    for (const t of tasks) {
      const kids = mine.filter((e) => e.ts >= t.ts && e.ts < t.ts + t.dur && e !== t && e.dur > 500)
      const sum = new Map<string, number>()
      for (const k of kids) sum.set(k.name, (sum.get(k.name) ?? 0) + k.dur / 1000)
      const stack = kids.find((k) => k.name === 'Layout' || k.name === 'UpdateLayoutTree')?.args?.beginData?.stackTrace?.[0]
      const outer = mine.filter((e) => e.ts <= t.ts && e.ts + e.dur >= t.ts + t.dur && e !== t)
      const inner = mine.filter((e) => e.ts >= t.ts && e.ts < t.ts + t.dur && e !== t).slice(0, 6)
      if (t.dur > 50000) lines.push('    outer: ' + JSON.stringify(outer.map((e) => [e.name, e.args])).slice(0, 600) + '\n    inner: ' + JSON.stringify(inner.map((e) => [e.name, e.args])).slice(0, 900) + '\n    self: ' + JSON.stringify(t.args))
      total += t.dur / 1000
      lines.push(`  +${((t.ts - mountTs) / 1000).toFixed(0)}ms ${(t.dur / 1000).toFixed(1)}: ${[...sum].map(([n, v]) => `${n} ${v.toFixed(1)}`).join(', ')}${stack ? ' STACK ' + stack.functionName + '@' + stack.url?.split('/').pop() + ':' + stack.lineNumber : ''}`)
    }
    const ex = mine.filter((e) => e.name === 'ThreadControllerImpl::RunTask' && String(e.args?.src_func).includes('Extract'))
    console.log(`${name} autofill extractions (ms from mount, duration):`, ex.map((e) => `${((e.ts - mountTs) / 1000).toFixed(0)}:${(e.dur / 1000).toFixed(1)}`).join(' '))
    console.log(`${name} load ${i}: tasks >2ms after mount: ${tasks.length}, ${total.toFixed(0)} ms`)
    if (process.env.LINES) for (const l of lines.slice(0, 14)) console.log(l)
    void mount
    await context.close()
  }
  await browser.close()
  process.exit(0)
}
void main()
