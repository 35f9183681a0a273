import type { BrowserContext } from 'playwright-core'

/**
 * Lighthouse 12.2.3 cannot read the layout-shift events of current Chromium traces ("Cannot read
 * properties of undefined (reading 'frame_sequence')"), so it names neither the LCP element nor what
 * shifted. This script, run before the app, records both from the browser's own entries.
 */
const PROBE = `(() => {
  const describe = (node) => {
    const el = node && node.nodeType === 1 ? node : node && node.parentElement
    if (!el) return null
    const step = (e) => {
      let s = e.tagName.toLowerCase()
      if (e.id) return s + '#' + e.id
      const cls = [...e.classList].slice(0, 2)
      if (cls.length) s += '.' + cls.join('.')
      return s
    }
    const path = []
    for (let e = el; e && e !== document.documentElement && path.length < 4; e = e.parentElement) {
      path.unshift(step(e))
      if (e.id) break
    }
    const r = el.getBoundingClientRect()
    return {
      selector: path.join(' > '),
      snippet: el.outerHTML.slice(0, el.outerHTML.indexOf('>') + 1).slice(0, 240),
      text: (el.textContent || '').replace(/\\s+/g, ' ').trim().slice(0, 100),
      size: Math.round(r.width) + 'x' + Math.round(r.height),
    }
  }
  const probe = { lcp: [], shifts: [] }
  window.__lighthouseProbe = probe
  new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      probe.lcp.push({ ms: Math.round(e.startTime), size: e.size, element: describe(e.element) })
  }).observe({ type: 'largest-contentful-paint', buffered: true })
  new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      if (!e.hadRecentInput)
        probe.shifts.push({
          ms: Math.round(e.startTime),
          value: +e.value.toFixed(4),
          sources: (e.sources || []).map((s) => describe(s.node)).filter(Boolean),
        })
  }).observe({ type: 'layout-shift', buffered: true })
})()`

interface Described {
  selector: string
  snippet: string
  text: string
  size: string
}

export interface ProbeResult {
  /** The last candidate: the element the browser reports as the page's LCP. */
  lcp: { ms: number; size: number; element: Described | null } | null
  lcp_candidates: number
  cls: number
  shifts: { ms: number; value: number; sources: Described[] }[]
}

/**
 * Loads `url` once in a new page of `context` as Lighthouse's observed load sees it (its phone
 * screen, no throttling: simulated throttling computes the timings afterwards) and returns the LCP
 * element and the layout shifts with their elements.
 */
export async function probeScreen(context: BrowserContext, url: string): Promise<ProbeResult> {
  const page = await context.newPage()
  try {
    const cdp = await context.newCDPSession(page)
    await cdp.send('Emulation.setDeviceMetricsOverride', {
      width: 412,
      height: 823,
      deviceScaleFactor: 1.75,
      mobile: true,
    })
    await page.addInitScript({ content: PROBE })
    await page.goto(url, { waitUntil: 'load' })
    // The screens read IndexedDB and load their chunks after `load`; this covers that on 2 cores.
    await page.waitForTimeout(2500)
    const probe = (await page.evaluate('window.__lighthouseProbe')) as {
      lcp: NonNullable<ProbeResult['lcp']>[]
      shifts: ProbeResult['shifts']
    }
    return {
      lcp: probe.lcp.at(-1) ?? null,
      lcp_candidates: probe.lcp.length,
      cls: +probe.shifts.reduce((s, x) => s + x.value, 0).toFixed(4),
      shifts: probe.shifts,
    }
  } finally {
    await page.close()
  }
}
