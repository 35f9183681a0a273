import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { expect, expectNoAxeViolations, openExamples, test } from './fixtures'

/** The page itself never scrolls sideways (a table may, inside its own frame). */
async function expectNoSidewaysScroll(page: Page, screen: string) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }))
  expect(scrollWidth, `${screen}: page width at ${innerWidth} px`).toBeLessThanOrEqual(innerWidth)
}

/** Where the focused element is, and whether it is in view and on top at its centre. */
function focusedInView(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement
    const box = el.getBoundingClientRect()
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2)
    const name = `${el.tagName.toLowerCase()} ${el.getAttribute('name') ?? el.textContent?.trim().slice(0, 40)}`
    return {
      name,
      // A pixel's slack for sub-pixel layout.
      inViewport:
        box.top >= -1 &&
        box.left >= -1 &&
        box.bottom <= window.innerHeight + 1 &&
        box.right <= window.innerWidth + 1,
      onTop: hit !== null && (hit === el || el.contains(hit)),
      covering: hit && hit !== el && !el.contains(hit) ? hit.className || hit.tagName : '',
    }
  })
}

test.describe('at 390 px (a phone)', () => {
  test.use({ viewport: { width: 390, height: 844 } })

  test('no screen scrolls sideways: the menu wraps, and every item of it is on screen', async ({
    page,
  }) => {
    test.setTimeout(90_000)
    await page.goto('/#/')
    await expect(page.getByRole('heading', { level: 1, name: 'Instrumenten' })).toBeVisible()
    await expectNoSidewaysScroll(page, 'instruments')
    for (const link of await page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link')
      .all())
      await expect(link).toBeInViewport({ ratio: 1 })

    await openExamples(page)
    await expect(page.getByRole('heading', { level: 1, name: 'Beoordelingen' })).toBeVisible()
    await expect(page.getByRole('table')).toBeVisible()
    await expectNoSidewaysScroll(page, 'assessments')

    await page.getByRole('button', { name: 'Open voorbeeld: BAR van de bedrijfsarts' }).click()
    await expect(page.locator('[data-item-id]').first()).toBeVisible()
    await expectNoSidewaysScroll(page, 'BAR form')

    await page.getByRole('link', { name: 'Vergelijken' }).click()
    await page.getByLabel('Beoordeling van de bedrijfsarts (BA)').selectOption({ index: 1 })
    await page.getByLabel('Beoordeling van de verzekeringsarts (VA)').selectOption({ index: 1 })
    await expect(page.getByRole('table', { name: 'Vergelijking per item' })).toBeVisible()
    await expectNoSidewaysScroll(page, 'compare')

    await page.getByRole('link', { name: 'Rapport' }).click()
    await page.getByLabel('Vergelijken met (optioneel)').selectOption({ index: 1 })
    await expect(page.getByRole('heading', { name: 'Voorbeeld van de inhoud' })).toBeVisible()
    await expectNoSidewaysScroll(page, 'report')

    await page.goto('/#/nope')
    await expect(
      page.getByRole('heading', { level: 1, name: 'Pagina niet gevonden' }),
    ).toBeVisible()
    await expectNoSidewaysScroll(page, 'not found')
  })
})

/** The layout shift of the page so far (the sum of its layout-shift entries, as CLS counts them). */
function layoutShift(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        new PerformanceObserver((list, observer) => {
          observer.disconnect()
          resolve(
            list
              .getEntries()
              .reduce((sum, e) => sum + (e as PerformanceEntry & { value: number }).value, 0),
          )
        }).observe({ type: 'layout-shift', buffered: true })
        // No entry at all: nothing moved.
        setTimeout(() => resolve(0), 500)
      }),
  )
}

test('at 390 px, a screen that reads stored data first draws without moving what was drawn', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 })
  await openExamples(page)
  const bar = page.getByRole('button', { name: 'Open voorbeeld: BAR van de bedrijfsarts' })
  await bar.click()
  await expect(page.locator('[data-item-id]').first()).toBeVisible()
  const form = page.url()
  for (const [url, heading] of [
    ['/#/assessments', 'Beoordelingen'],
    [form, /Beschrijving Arbeidsbelastbaarheid/],
    ['/#/report', /Rapport/],
    ['/#/encryption', 'Versleuteling'],
  ] as const) {
    await page.goto('about:blank')
    await page.goto(url)
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible()
    // The footer stood under the loading line and was pushed down: 0.11 before main had a height.
    expect(await layoutShift(page), url).toBeLessThan(0.01)
  }
})

test.describe('at 200% zoom (1280 × 900 shows 640 × 450 CSS px)', () => {
  test.use({ viewport: { width: 640, height: 450 } })

  test('every focus stop of the BAR form, forwards and back, is in view and not under the toolbar or side bar', async ({
    page,
  }) => {
    await page.goto('/#/assessments')
    await page.getByRole('button', { name: 'Open voorbeeld: BAR van de bedrijfsarts' }).click()
    await expect(page.locator('[data-item-id]').first()).toBeVisible()
    // Tab starts from the heading, as after a click on it.
    await page.getByRole('heading', { level: 1 }).click()
    const hidden: string[] = []
    for (const key of [...Array<string>(40).fill('Tab'), ...Array<string>(40).fill('Shift+Tab')]) {
      await page.keyboard.press(key)
      const f = await focusedInView(page)
      if (!f.inViewport || !f.onTop) hidden.push(`${key} → ${f.name} (covered by: ${f.covering})`)
    }
    expect(hidden).toEqual([])
    await expectNoSidewaysScroll(page, 'BAR form')
  })
})

test('on a phone, the long form is as long before it is scrolled through as after, and no field lies over another', async ({
  page,
}) => {
  test.setTimeout(60_000)
  await page.setViewportSize({ width: 412, height: 823 })
  await page.goto('/#/preview/bar/1.2.0')
  const form = page.locator('form.assessment-form')
  await expect(form).not.toHaveAttribute('aria-busy', 'true')
  // Sections off screen are skipped by the browser; each gets its own height as its placeholder
  // once the form is drawn and the browser is idle. Their heights now, skipped, and laid out:
  const sectionHeights = () =>
    form.evaluate((f) =>
      [...f.querySelectorAll('.form-section')].map((s) =>
        Math.round(s.getBoundingClientRect().height),
      ),
    )
  // With one placeholder for all, the skipped sections (all but the first, which fills the screen)
  // would all be one height.
  await expect
    .poll(async () => new Set((await sectionHeights()).slice(1)).size, {
      message: 'the skipped sections have heights of their own',
    })
    .toBe(7)
  // axe's target-size check reads where every field lies, skipped sections too: with one
  // placeholder for all, a tall section's last fields lay over the next one's first.
  const targetSize = await new AxeBuilder({ page }).withRules(['target-size']).analyze()
  expect(targetSize.violations.flatMap((v) => v.nodes.map((n) => n.target.join(' ')))).toEqual([])

  // Turned to a wider screen, the text wraps less: the placeholders follow.
  const onPhone = await sectionHeights()
  await page.setViewportSize({ width: 1280, height: 823 })
  await expect
    .poll(async () =>
      (await sectionHeights()).slice(1).every((h, i) => h < (onPhone[i + 1] as number)),
    )
    .toBe(true)
  const skipped = await sectionHeights()
  await form.evaluate((f) =>
    f.querySelectorAll<HTMLElement>('.form-section').forEach((s) => {
      s.style.contentVisibility = 'visible'
    }),
  )
  const laidOut = await sectionHeights()
  expect(laidOut.length).toBe(8)
  // The BAR's sections run from about 600 to 17,000 px on a phone, to 12,000 on a desktop.
  expect(Math.max(...onPhone)).toBeGreaterThan(15_000)
  expect(Math.max(...laidOut)).toBeGreaterThan(10_000)
  skipped.forEach((h, i) =>
    expect(Math.abs(h - (laidOut[i] as number)), `section ${i + 1}`).toBeLessThanOrEqual(2),
  )
})

test('on a desktop screen, Shift+Tab back up the form never leaves focus under the sticky toolbar', async ({
  page,
}) => {
  await page.goto('/#/assessments')
  await page.getByRole('button', { name: 'Open voorbeeld: BAR van de bedrijfsarts' }).click()
  await expect(page.locator('[data-item-id]').first()).toBeVisible()
  // From deep in the form, as after working down it with the mouse.
  await page.locator('[data-item-id]').nth(30).locator('input, select, textarea').first().focus()
  const hidden: string[] = []
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Shift+Tab')
    const f = await focusedInView(page)
    if (!f.inViewport || !f.onTop) hidden.push(`${i + 1} → ${f.name} (covered by: ${f.covering})`)
  }
  expect(hidden).toEqual([])
})

test('a malformed link or one to no screen opens "Pagina niet gevonden" with links, the menu kept', async ({
  page,
}) => {
  for (const hash of ['#/assessments/%', '#/nope']) {
    await page.goto(`/${hash}`)
    await expect(
      page.getByRole('heading', { level: 1, name: 'Pagina niet gevonden' }),
    ).toBeVisible()
    await expect(page.getByRole('navigation', { name: 'Hoofdmenu' })).toBeVisible()
  }
  await expectNoAxeViolations(page)
  await page.getByRole('main').getByRole('link', { name: 'Naar de beoordelingen' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Beoordelingen' })).toBeVisible()
})

test('a screen whose code fails to load says so, and opens on retry', async ({
  page,
  problems,
}) => {
  let aborted = 0
  // The report screen's own chunk: the first request fails as if the server were unreachable.
  await page.route(/\/assets\/report-screen-[^/]+\.js$/, (route) =>
    aborted++ === 0 ? route.abort('internetdisconnected') : route.continue(),
  )
  await page.goto('/#/')
  await expect(page.getByRole('heading', { level: 1, name: 'Instrumenten' })).toBeVisible()
  await page.getByRole('link', { name: 'Rapport' }).click()
  await expect(
    page.getByRole('heading', { level: 1, name: 'Dit scherm kon niet worden geladen' }),
  ).toBeVisible()
  await expect(page.getByRole('alert')).toContainText('Probeer het opnieuw')
  await expect(page.getByRole('navigation', { name: 'Hoofdmenu' })).toBeVisible()
  await expectNoAxeViolations(page)

  await page.getByRole('button', { name: 'Opnieuw proberen' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Rapport' })).toBeVisible()
  await expect(page.getByRole('main')).toBeFocused()
  expect(aborted).toBe(2)
  // The one failure this test causes is reported on the console twice: Chromium's line for the
  // refused request (without its address), and React naming the error its boundary caught.
  // Those two, and nothing else, are expected.
  const expected = [
    'console.error: Failed to load resource: net::ERR_INTERNET_DISCONNECTED',
    /^console\.error: ScreenLoadError: TypeError: Failed to fetch dynamically imported module: \S+\/assets\/report-screen-[^/\s]+\.js(\s|$)/,
  ]
  const isExpected = (p: string) =>
    expected.some((e) => (typeof e === 'string' ? p === e : e.test(p)))
  expect(problems.filter(isExpected)).toHaveLength(2)
  problems.splice(0, problems.length, ...problems.filter((p) => !isExpected(p)))
})
