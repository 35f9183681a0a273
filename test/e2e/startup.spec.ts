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
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { violations: string[] }).violations))
    .toEqual(['connect-src https://example.org/'])
  // The browser reports the refusal on the console: those messages, and only those, are expected.
  const aboutIt = (p: string) => p.includes('https://example.org/')
  await expect
    .poll(() => problems.filter((p) => p.includes('Fetch API cannot load')).length)
    .toBe(1)
  problems.splice(0, problems.length, ...problems.filter((p) => !aboutIt(p)))
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
