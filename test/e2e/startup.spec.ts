import { CONTENT_SECURITY_POLICY } from '../../src/app/content-security-policy'
import { expect, test } from './fixtures'

test('the app starts under its Content-Security-Policy: the early language script runs, outside requests are refused', async ({
  page,
  problems,
}) => {
  await page.addInitScript(() => {
    localStorage.setItem('bar-studio.language', 'en')
    const seen: string[] = []
    ;(window as unknown as { violations: string[] }).violations = seen
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.violatedDirective} ${e.blockedURI}`),
    )
  })
  await page.goto('/')
  await expect(page.getByRole('heading', { level: 1, name: 'Instruments' })).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  // The script in index.html found the stored language and the app took it over.
  await expect(page.locator('html')).not.toHaveAttribute('data-stored-language')
  expect(
    await page.evaluate(() => (window as unknown as { violations: string[] }).violations),
  ).toEqual([])

  const refused = await page.evaluate(() =>
    fetch('https://example.org/').then(
      () => false,
      () => true,
    ),
  )
  expect(refused).toBe(true)
  // Refused by both declarations of the policy (header and <meta>), and by nothing else.
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { violations: string[] }).violations))
    .toEqual(['connect-src https://example.org/', 'connect-src https://example.org/'])
  // The browser reports the refusal on the console: those messages, and only those, are expected.
  const aboutIt = (p: string) => p.includes('https://example.org/')
  await expect
    .poll(() => problems.filter((p) => p.includes('Fetch API cannot load')).length)
    .toBe(1)
  problems.splice(0, problems.length, ...problems.filter((p) => !aboutIt(p)))
})

test('the policy is declared twice, the same both times: as the HTTP header and at the top of index.html', async ({
  request,
}) => {
  const response = await request.get('/')
  const header = response.headers()['content-security-policy'] ?? ''
  const html = await response.text()
  const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1]
  // Before any script or link, whatever order the build gives them.
  expect(html.indexOf('http-equiv="Content-Security-Policy"')).toBeLessThan(html.indexOf('<script'))
  expect(header).toBe(`${meta}; frame-ancestors 'none'`)
  for (const [name, sources] of Object.entries(CONTENT_SECURITY_POLICY))
    expect(header).toContain(`${name} ${sources.join(' ')}`)
  expect(header).not.toMatch(/'unsafe-eval'|script-src[^;]*'unsafe-inline'/)
  // Every file comes with it: a worker has the policy of its own script's response.
  const entry = await request.get(/src="([^"]+\.js)"/.exec(html)?.[1] ?? '')
  expect(entry.headers()['content-security-policy']).toBe(header)
  // Static hosts get the same header from dist/_headers.
  const headersFile = await (await request.get('/_headers')).text()
  expect(headersFile).toContain(`Content-Security-Policy: ${header}`)
})

test("the scripts loaded at start carry V8's compile hint, the others do not", async ({
  request,
}) => {
  const html = await (await request.get('/')).text()
  const initial = [
    ...html.matchAll(
      /<(?:script type="module"|link rel="modulepreload")[^>]*(?:src|href)="([^"]+\.js)"/g,
    ),
  ].map((m) => m[1] as string)
  expect(initial.length).toBeGreaterThan(1)
  for (const path of initial)
    expect(
      (await (await request.get(path)).text()).startsWith('//# allFunctionsCalledOnLoad\n'),
      path,
    ).toBe(true)
  // A screen's own chunk, loaded when it is opened, is left to V8's usual lazy compilation.
  const lazy =
    /import\("\.\/(compare-screen-[^"]+\.js)"\)|"assets\/(compare-screen-[^"]+\.js)"/.exec(
      await (await request.get(initial[0] as string)).text(),
    )
  expect(lazy).not.toBeNull()
  const lazyPath = `/assets/${lazy?.[1] ?? lazy?.[2]}`
  expect((await (await request.get(lazyPath)).text()).startsWith('//#')).toBe(false)
})

test("opening the app on a screen that reads every instrument fetches the instrument files beside the screen's code, not after it", async ({
  page,
}) => {
  let screenCodeSent = Number.POSITIVE_INFINITY
  const instrumentFileAsked: number[] = []
  // The screen's code is held back 600 ms: the files must be asked for meanwhile.
  await page.route(/\/assets\/instruments-screen-[^/]+\.js$/, async (route) => {
    await new Promise((ok) => setTimeout(ok, 600))
    screenCodeSent = Date.now()
    await route.continue()
  })
  page.on('request', (r) => {
    // The shipped instrument files are chunks named after their version ("1.2.0-<hash>.js").
    if (/\/assets\/\d+\.\d+\.\d+-[^/]+\.js$/.test(r.url())) instrumentFileAsked.push(Date.now())
  })
  await page.goto('/#/')
  await expect(page.getByRole('heading', { level: 1, name: 'Instrumenten' })).toBeVisible()
  await expect(page.getByText('Beschrijving Arbeidsbelastbaarheid').first()).toBeVisible()
  expect(instrumentFileAsked.length).toBeGreaterThan(3)
  expect(Math.min(...instrumentFileAsked)).toBeLessThan(screenCodeSent)
})

test("opening the app on an instrument's preview fetches that instrument's file and its vocabulary beside the screen's code, and no other", async ({
  page,
}) => {
  let screenCodeSent = Number.POSITIVE_INFINITY
  const asked: { path: string; at: number }[] = []
  // The screen's code is held back 600 ms: the files must be asked for meanwhile.
  await page.route(/\/assets\/preview-screen-[^/]+\.js$/, async (route) => {
    await new Promise((ok) => setTimeout(ok, 600))
    screenCodeSent = Date.now()
    await route.continue()
  })
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname
    if (/\/assets\/\d+\.\d+\.\d+-[^/]+\.js$/.test(path)) asked.push({ path, at: Date.now() })
  })
  await page.goto('/#/preview/fml/1.0.0')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Voorbeeld: Functionele/)
  await expect(page.locator('[data-item-id]').first()).toBeVisible()
  // The FML and the vocabulary it names: two files, both asked for before the screen's code came.
  expect(asked).toHaveLength(2)
  expect(Math.max(...asked.map((a) => a.at))).toBeLessThan(screenCodeSent)
})

test('a screen that lists assessments paints its heading before it asks for the instrument files', async ({
  page,
}) => {
  await page.goto('/#/assessments')
  await expect(page.getByRole('heading', { level: 1, name: 'Beoordelingen' })).toBeVisible()
  await expect(page.getByRole('button', { name: /Open voorbeeld/ }).first()).toBeVisible()
  const { paint, files } = await page.evaluate(() => ({
    // When the frame was painted (`paintTime`); it reaches the screen some milliseconds later
    // (`startTime`, its presentation), by which time nothing can hold it back any more.
    paint:
      (
        performance.getEntriesByName('first-contentful-paint')[0] as
          (PerformanceEntry & { paintTime?: number }) | undefined
      )?.paintTime ?? null,
    files: performance
      .getEntriesByType('resource')
      .filter((r) => /\/assets\/\d+\.\d+\.\d+-[^/]+\.js$/.test(r.name))
      .map((r) => r.startTime),
  }))
  expect(paint).not.toBeNull()
  expect(files.length).toBeGreaterThan(3)
  expect(Math.min(...files)).toBeGreaterThan(paint as number)
})

test("the builder's start page loads neither the editor's code nor any instrument file, until a version is opened", async ({
  page,
}) => {
  const asked: string[] = []
  page.on('request', (r) => asked.push(new URL(r.url()).pathname))
  const editor = (p: string) => /\/assets\/builder-screen-[^/]+\.js$/.test(p)
  const instrumentFile = (p: string) => /\/assets\/\d+\.\d+\.\d+-[^/]+\.js$/.test(p)
  await page.goto('/#/builder')
  await expect(page.getByRole('heading', { level: 1, name: 'Instrumentbouwer' })).toBeVisible()
  const start = page.getByRole('link', {
    name: /Nieuwe versie van Beschrijving Arbeidsbelastbaarheid/,
  })
  await expect(start).toBeVisible()
  expect(asked.filter(editor)).toEqual([])
  expect(asked.filter(instrumentFile)).toEqual([])
  await start.press('Enter')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    /^Nieuwe versie van Beschrijving/,
  )
  await expect(page.getByRole('navigation', { name: 'Opbouw van het instrument' })).toBeVisible()
  expect(asked.filter(editor)).toHaveLength(1)
  expect(asked.filter(instrumentFile).length).toBeGreaterThan(0)
})

test("the preview of an instrument loads none of the fill-in screen's code (sign-off, export, conflicts)", async ({
  page,
}) => {
  const asked: string[] = []
  page.on('request', (r) => asked.push(new URL(r.url()).pathname))
  await page.goto('/#/preview/bar/1.2.0')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Voorbeeld: Beschrijving/)
  await expect(page.locator('[data-item-id]').first()).toBeVisible()
  expect(asked.filter((p) => /\/assets\/preview-screen-[^/]+\.js$/.test(p))).toHaveLength(1)
  expect(asked.filter((p) => /\/assets\/(fill-in-screen|sign-off)-[^/]+\.js$/.test(p))).toEqual([])
})
