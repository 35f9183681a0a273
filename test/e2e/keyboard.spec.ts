import type { Page } from '@playwright/test'
import { expect, expectNoAxeViolations, test } from './fixtures'

const BAR_TITLE = /Beschrijving Arbeidsbelastbaarheid/
/**
 * Tab stops from the first input through the example BAR, measured before "Antwoord wissen" and
 * the terms left the tab path.
 */
const TAB_STOPS_BEFORE = 319

async function exampleBar(page: Page) {
  await page.goto('/#/assessments')
  await page.getByRole('button', { name: 'Open voorbeeld: BAR van de bedrijfsarts' }).click()
  await expect(page.getByRole('heading', { level: 1, name: BAR_TITLE })).toBeVisible()
  await expect(page.locator('[data-item-id]').first()).toBeVisible()
}

async function newBar(page: Page) {
  await page.goto('/#/assessments')
  await page.getByRole('button', { name: 'Beoordeling starten' }).click()
  await expect(page.getByRole('heading', { level: 1, name: BAR_TITLE })).toBeVisible()
  await expect(page.locator('[data-item-id]').first()).toBeVisible()
}

/** Presses Tab from the first input of the form until focus leaves it; returns the number of stops. */
async function countTabStops(page: Page) {
  await page.getByRole('group', { name: 'Rol van de opsteller' }).getByRole('radio').first().focus()
  let stops = 1
  for (; stops < 2000; stops++) {
    await page.keyboard.press('Tab')
    const inForm = await page.evaluate(
      () => document.activeElement?.closest('form .form-section, form .meta') != null,
    )
    if (!inForm) break
  }
  return stops
}

/** The focused element is on screen and not under the sticky toolbar. */
async function expectFocusInView(page: Page) {
  const box = await page.evaluate(() => {
    const el = document.activeElement as HTMLElement
    const r = el.getBoundingClientRect()
    const bar = document.querySelector('.toolbar')?.getBoundingClientRect()
    return { top: r.top, bottom: r.bottom, below: bar?.bottom ?? 0, height: innerHeight }
  })
  expect(box.top).toBeGreaterThanOrEqual(box.below - 1)
  expect(box.bottom).toBeLessThanOrEqual(box.height)
}

const itemOfFocus = (page: Page) =>
  page.evaluate(
    () => document.activeElement?.closest<HTMLElement>('[data-item-id]')?.dataset.itemId,
  )

test('fewer tab stops: "Antwoord wissen" and the terms are out of the tab path of the BAR', async ({
  page,
}) => {
  test.setTimeout(90_000)
  await exampleBar(page)
  const stops = await countTabStops(page)
  if (process.env.SHOW_TAB_STOPS)
    process.stdout.write(`tab stops: ${TAB_STOPS_BEFORE} -> ${stops}\n`)
  // One "Vrijgeven" control beside each free text that holds text: new since the count before.
  const releases = await page.locator('.release input[type="checkbox"]').count()
  expect(releases).toBeGreaterThan(10)
  // 65 clear buttons and 36 term buttons fewer.
  expect(stops - releases).toBeLessThan(TAB_STOPS_BEFORE - 90)
  expect(stops).toBeGreaterThan(200)
  // Still buttons, named and operable, for pointers and screen readers.
  const clear = page.getByRole('button', { name: /^Antwoord wissen bij / }).first()
  await expect(clear).toHaveAttribute('tabindex', '-1')
  await expect(clear).toHaveAttribute('aria-keyshortcuts', 'Alt+Shift+Backspace')
})

test('"Volgend open item" and "Volgende fout" move focus by key and by button, and say when there is none', async ({
  page,
}) => {
  await newBar(page)
  const first = await page.locator('[data-item-id]').nth(0).getAttribute('data-item-id')
  const second = await page.locator('[data-item-id]').nth(1).getAttribute('data-item-id')
  await page.getByLabel('Naam van de opsteller').focus()
  await page.keyboard.press('Alt+Shift+N')
  expect(await itemOfFocus(page)).toBe(first)
  await page.keyboard.press('Space')
  const button = page.getByRole('button', { name: /Volgend open item/ })
  await expect(button).toHaveAttribute('aria-keyshortcuts', 'Alt+Shift+N')
  await expect(button).toContainText('Alt+Shift+N')
  await page.keyboard.press('Alt+Shift+N')
  expect(await itemOfFocus(page)).toBe(second)
  await expectFocusInView(page)

  // No error yet: a polite status says so and focus stays.
  await page.keyboard.press('Alt+Shift+F')
  expect(await itemOfFocus(page)).toBe(second)
  await expect(
    page.getByRole('status').filter({ hasText: 'Geen (andere) velden met een fout.' }),
  ).toBeVisible()

  const quantity = page.locator('[data-item-id] input[inputmode=decimal]').nth(3)
  await quantity.fill('abc')
  await quantity.press('Tab')
  await expect(page.getByText('Vul een getal in').first()).toBeVisible()
  await page.getByLabel('Naam van de opsteller').focus()
  await page.getByRole('button', { name: /Volgende fout/ }).click()
  await expect(quantity).toBeFocused()
  await expectFocusInView(page)
  await page.keyboard.press('Alt+Shift+F')
  await expect(quantity).toBeFocused()
  await expect(
    page.getByRole('status').filter({ hasText: 'Geen (andere) velden met een fout.' }),
  ).toBeVisible()
})

test('"Controleer alle antwoorden" brings focus to a visible list of problems that lead to each field', async ({
  page,
}) => {
  await newBar(page)
  const quantity = page.locator('[data-item-id] input[inputmode=decimal]').nth(6)
  await quantity.fill('abc')
  const late = page.locator('[data-item-id] textarea').nth(40)
  await late.focus()
  await page.getByRole('button', { name: 'Controleer alle antwoorden' }).click()
  const list = page.getByRole('region', { name: /gevonden/ })
  await expect(list).toBeFocused()
  await expect(list).toBeInViewport()
  await expectFocusInView(page)
  const links = list.getByRole('button')
  expect(await links.count()).toBeGreaterThan(0)
  await list.getByRole('button', { name: /Vul een getal in/ }).click()
  await expect(quantity).toBeFocused()
  await expectFocusInView(page)
  await expectNoAxeViolations(page)
})

test('switching language keeps focus in the form and what is in view in place', async ({
  page,
}) => {
  await newBar(page)
  const field = page.locator('[data-item-id] textarea').nth(30)
  await field.focus()
  await field.evaluate((el) => el.scrollIntoView({ block: 'center' }))
  const before = await field.evaluate((el) => el.getBoundingClientRect().top)
  // As a screen reader activates it: a click without moving focus or scrolling to the button.
  await page.getByRole('button', { name: 'English' }).evaluate((b: HTMLElement) => b.click())
  await expect(page.getByRole('button', { name: 'English' })).toHaveAttribute(
    'aria-pressed',
    'true',
  )
  await expect(page.getByRole('button', { name: 'Check all answers' })).toBeVisible()
  await expect(field).toBeFocused()
  const after = await field.evaluate((el) => el.getBoundingClientRect().top)
  expect(Math.abs(after - before)).toBeLessThanOrEqual(2)

  // A mouse click on the switch leaves focus in the field being filled in.
  const author = page.locator('#meta-author')
  await author.focus()
  await page.getByRole('button', { name: 'Nederlands' }).click()
  await expect(page.getByRole('button', { name: 'Controleer alle antwoorden' })).toBeVisible()
  await expect(author).toBeFocused()
  await expectNoAxeViolations(page)
})

test('Alt+Shift+Backspace clears an item and Alt+Shift+D opens its terms, with no violations', async ({
  page,
}) => {
  await newBar(page)
  const withTerms = page.locator('fieldset[data-item-id]:has(.terms)').first()
  const radio = withTerms.getByRole('radio').first()
  await radio.focus()
  await page.keyboard.press('Space')
  await expect(radio).toBeChecked()
  await page.keyboard.press('Alt+Shift+Backspace')
  await expect(radio).not.toBeChecked()
  await radio.focus()
  await page.keyboard.press('Alt+Shift+D')
  const term = withTerms.locator('button.term').first()
  await expect(term).toHaveAttribute('aria-expanded', 'true')
  await expect(term).toBeFocused()
  await expect(withTerms.getByRole('note').first()).toBeVisible()
  await expectNoAxeViolations(page)

  // An item without a group of its own (a text, a quantity): its input names the keys.
  const single = page.locator('div[data-item-id]:has(.terms)').first()
  const input = single.locator(':is(input, textarea)').first()
  await expect(input).toHaveAccessibleDescription(/Alt\+Shift\+D toont of verbergt de begrippen/)
  await input.focus()
  await page.keyboard.press('Alt+Shift+D')
  await expect(single.locator('button.term').first()).toHaveAttribute('aria-expanded', 'true')
})

for (const width of [1280, 390]) {
  test(`screenshots of the toolbar and the problem list at ${width} px`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 })
    await newBar(page)
    await page.locator('[data-item-id] input[inputmode=decimal]').nth(2).fill('abc')
    await page.locator('[data-item-id] textarea').nth(20).focus()
    await page.locator('.toolbar').screenshot({ path: `/tmp/keyboard-shots/toolbar-${width}.png` })
    await page.getByRole('button', { name: 'Controleer alle antwoorden' }).click()
    await expect(page.getByRole('region', { name: /gevonden/ })).toBeFocused()
    await page.screenshot({ path: `/tmp/keyboard-shots/check-list-${width}.png` })
    const sideways = await page.evaluate(
      () => document.documentElement.scrollWidth > document.documentElement.clientWidth,
    )
    expect(sideways).toBe(false)
  })
}
