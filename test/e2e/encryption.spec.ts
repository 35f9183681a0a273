import type { Page } from '@playwright/test'
import { expect, expectNoAxeViolations, openExamples, test } from './fixtures'

const SHOTS = '/tmp/encryption-shots'
const PSEUDONYM = 'MARKER-E2E-PSEUDONIEM-Q7'
const MOTIVATION = 'MARKER-E2E-MOTIVERING-Z3'
const PASSPHRASE = 'een lange wachtwoordzin voor de test'

/**
 * Everything IndexedDB holds for the app, read past the app: every field as text, and the bytes of
 * every typed array as UTF-8 (where plain text written as bytes would show).
 */
function rawStore(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const request = <T>(r: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        r.onsuccess = () => resolve(r.result)
        r.onerror = () => reject(r.error)
      })
    const db = await request(indexedDB.open('bar-studio'))
    const out: string[] = []
    const walk = (v: unknown) => {
      if (ArrayBuffer.isView(v))
        out.push(new TextDecoder().decode(new Uint8Array(v.buffer, v.byteOffset, v.byteLength)))
      else if (v && typeof v === 'object') Object.values(v).forEach(walk)
      else out.push(String(v))
    }
    for (const name of Array.from(db.objectStoreNames))
      walk(await request(db.transaction(name).objectStore(name).getAll()))
    db.close()
    return out.join('\n')
  })
}

/** The example BAR for the bedrijfsarts, the example FML for the verzekeringsarts, whatever their names. */
async function choosePair(page: Page) {
  for (const [side, instrument] of [
    ['Beoordeling van de bedrijfsarts (BA)', '(BAR)'],
    ['Beoordeling van de verzekeringsarts (VA)', '(FML)'],
  ] as const) {
    const select = page.getByLabel(side)
    const value = await select.locator('option', { hasText: instrument }).getAttribute('value')
    await select.selectOption(value ?? '')
  }
}

async function shoot(page: Page, name: string) {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 })
    const { scrollWidth, innerWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
    }))
    expect(scrollWidth, `${name} at ${width} px`).toBeLessThanOrEqual(innerWidth)
    await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true })
  }
  await page.setViewportSize({ width: 1280, height: 900 })
}

test('encryption on: after a reload the unlock screen comes first, a wrong passphrase is refused, and IndexedDB holds no plaintext', async ({
  page,
}) => {
  test.setTimeout(120_000)
  await openExamples(page)
  await page.getByRole('link', { name: 'Open beoordeling van W.V.' }).first().click()
  await page.getByLabel('Werknemer (pseudoniem of initialen)').fill(PSEUDONYM)
  await expect(page.getByRole('status').filter({ hasText: /Opgeslagen om/ })).toBeVisible()
  await page.getByRole('link', { name: 'Vergelijken' }).click()
  await choosePair(page)
  await page.getByLabel('Motivering bij IV.13 Tillen').fill(MOTIVATION)
  await expect(page.getByText(/Motiveringen opgeslagen om/)).toBeVisible()
  expect(await rawStore(page)).toContain(PSEUDONYM)

  // Turn it on from the assessments screen, by keyboard.
  await page.goto('/#/assessments')
  await page.getByRole('link', { name: 'Versleuteling instellen' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Versleuteling' })).toBeVisible()
  const on = page.locator('section', {
    has: page.getByRole('heading', { name: 'Versleuteling aanzetten' }),
  })
  await expect(on.getByText(/niet meer te herstellen/)).toBeVisible()
  await expectNoAxeViolations(page)
  await shoot(page, 'settings-off')
  await on.getByLabel('Wachtwoordzin', { exact: true }).fill(PASSPHRASE)
  await on.getByLabel('Herhaal de wachtwoordzin').fill(PASSPHRASE)
  await on.getByLabel('Herhaal de wachtwoordzin').press('Enter')
  await expect(
    page.getByText('De versleuteling staat aan: 2 beoordelingen en 1 vergelijking versleuteld.'),
  ).toBeFocused()
  await expectNoAxeViolations(page)
  await shoot(page, 'settings-on')
  const sealed = await rawStore(page)
  expect(sealed).not.toContain(PSEUDONYM)
  expect(sealed).not.toContain(MOTIVATION)
  expect(sealed).not.toContain('Dr. A. de Vries')

  // A new visit: nothing that reads the storage is shown before the passphrase.
  await page.goto('/#/assessments')
  await page.reload()
  await expect(page.getByRole('heading', { level: 1, name: 'Ontgrendelen' })).toBeVisible()
  await expect(page.getByText(PSEUDONYM)).toHaveCount(0)
  const field = page.getByLabel('Wachtwoordzin', { exact: true })
  await expect(field).toBeFocused()
  await expectNoAxeViolations(page)
  await shoot(page, 'unlock')

  await page.keyboard.type('niet de goede wachtwoordzin')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('alert')).toHaveText(
    'De wachtwoordzin klopt niet. Er is niets veranderd.',
  )
  await expect(field).toBeFocused()
  await expectNoAxeViolations(page)
  await shoot(page, 'unlock-wrong')
  expect(await rawStore(page)).toBe(sealed)

  await field.fill(PASSPHRASE)
  await field.press('Enter')
  await expect(page.getByRole('heading', { level: 1, name: 'Beoordelingen' })).toBeVisible()
  await expect(page.getByRole('link', { name: `Open beoordeling van ${PSEUDONYM}` })).toBeVisible()

  // The compare screen reads the sealed motivation back.
  await page.getByRole('link', { name: 'Vergelijken' }).click()
  await choosePair(page)
  await expect(page.getByLabel('Motivering bij IV.13 Tillen')).toHaveValue(MOTIVATION)

  // "Vergrendelen" takes the key away at once.
  await page.goto('/#/assessments')
  await page.getByRole('button', { name: 'Vergrendelen' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Ontgrendelen' })).toBeVisible()
  await expect(page.getByText(PSEUDONYM)).toHaveCount(0)
})

test('encryption off again: with the passphrase, every assessment is stored and shown as before', async ({
  page,
}) => {
  test.setTimeout(90_000)
  await openExamples(page)
  await page.goto('/#/encryption')
  const on = page.locator('section', {
    has: page.getByRole('heading', { name: 'Versleuteling aanzetten' }),
  })
  await on.getByLabel('Wachtwoordzin', { exact: true }).fill(PASSPHRASE)
  await on.getByLabel('Herhaal de wachtwoordzin').fill(PASSPHRASE)
  await on.getByRole('button', { name: 'Versleuteling aanzetten' }).click()
  await expect(page.getByText(/De versleuteling staat aan: 2 beoordelingen/)).toBeVisible()
  expect(await rawStore(page)).not.toContain('W.V.')

  await page.setViewportSize({ width: 390, height: 900 })
  const off = page.locator('section', {
    has: page.getByRole('heading', { name: 'Versleuteling uitzetten' }),
  })
  await off.getByLabel('Wachtwoordzin', { exact: true }).fill('niet de goede wachtwoordzin')
  await off.getByRole('button', { name: 'Versleuteling uitzetten' }).click()
  await expect(off.getByRole('alert')).toHaveText(
    'De wachtwoordzin klopt niet. Er is niets veranderd.',
  )
  await expectNoAxeViolations(page)
  await page.screenshot({ path: `${SHOTS}/settings-wrong-390.png`, fullPage: true })
  await off.getByLabel('Wachtwoordzin', { exact: true }).fill(PASSPHRASE)
  await off.getByRole('button', { name: 'Versleuteling uitzetten' }).click()
  await expect(
    page.getByText('De versleuteling staat uit: 2 beoordelingen en 0 vergelijkingen ontsleuteld.'),
  ).toBeVisible()
  expect(await rawStore(page)).toContain('W.V.')

  await page.goto('/#/assessments')
  await page.reload()
  await expect(page.getByRole('heading', { level: 1, name: 'Beoordelingen' })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Open beoordeling van W.V.' })).toHaveCount(2)
})
