import { readFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { expect, expectNoAxeViolations, test, watchContext } from './fixtures'

type Snapshot = Record<string, string | boolean>

/** Every input's value or checked state in the form, keyed by its name (and value, for options). */
async function snapshot(page: Page): Promise<Snapshot> {
  // The form draws its later sections a moment after it opens.
  await expect(page.locator('form.assessment-form')).not.toHaveAttribute('aria-busy', 'true')
  return page.evaluate(() => {
    const out: Record<string, string | boolean> = {}
    for (const el of document.querySelectorAll<
      HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement
    >('form.assessment-form :is(input, textarea, select)')) {
      const option =
        el instanceof HTMLInputElement && (el.type === 'radio' || el.type === 'checkbox')
      out[option ? `${el.name}=${el.value}` : el.name] = option ? el.checked : el.value
    }
    return out
  })
}

/** Walks the whole form with Tab and answers whatever has focus, using the keyboard only. */
async function fillWithKeyboard(page: Page) {
  await page.getByRole('group', { name: 'Rol van de opsteller' }).getByRole('radio').first().focus()
  const done = new Set<string>()
  for (let step = 0; step < 2000; step++) {
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null
      if (!el || !el.closest('form.assessment-form')) return null
      const hintId = el.getAttribute('aria-describedby')?.split(' ')[0]
      return {
        id: el.id,
        tag: el.tagName,
        type: (el as HTMLInputElement).type,
        inputMode: el.inputMode,
        name: (el as HTMLInputElement).name,
        hint: hintId ? (document.getElementById(hintId)?.textContent ?? '') : '',
      }
    })
    if (!focused) break
    const key = focused.name || focused.id
    if (!done.has(key)) {
      done.add(key)
      if (focused.type === 'radio') await page.keyboard.press('Space')
      else if (focused.type === 'checkbox') await page.keyboard.press('Space')
      else if (focused.inputMode === 'numeric' || focused.hint === 'dd-mm-jjjj') {
        // A date, typed day first; the assessment date already holds today's.
        await page.keyboard.press('ControlOrMeta+A')
        await page.keyboard.type(focused.id === 'meta-date' ? '2-11-2026' : '01-06-2027')
      } else if (focused.tag === 'TEXTAREA') await page.keyboard.type(`Tekst ${done.size}`)
      else if (focused.type === 'text') {
        const max = /(\d+(?:[.,]\d+)?)\D+(\d+(?:[.,]\d+)?)/.exec(focused.hint)?.[2]
        await page.keyboard.type(max ?? `Naam ${done.size}`)
      }
    }
    await page.keyboard.press('Tab')
  }
}

test('a whole BAR filled in by keyboard survives a reload, an export and an import in a fresh profile', async ({
  page,
  browser,
  problems,
}, testInfo) => {
  test.setTimeout(120_000)
  await page.goto('/#/assessments')
  await expect(page.getByRole('heading', { level: 1, name: 'Beoordelingen' })).toBeVisible()
  await expectNoAxeViolations(page)

  // Start a new BAR with the keyboard: the instrument select, the role select, then the start button.
  await page.getByLabel('Instrument').focus()
  await page.keyboard.press('Tab')
  await page.keyboard.press('Tab')
  await expect(page.getByRole('button', { name: 'Beoordeling starten' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(
    page.getByRole('heading', { level: 1, name: /Beschrijving Arbeidsbelastbaarheid/ }),
  ).toBeVisible()

  await fillWithKeyboard(page)
  await expect(page.getByText(/Nog niet beantwoord: 0 items nog open/)).toBeVisible()
  await expect(page.getByRole('status').filter({ hasText: /Opgeslagen om/ })).toBeVisible()
  const filled = await snapshot(page)
  expect(Object.values(filled).filter((v) => v === true).length).toBeGreaterThan(60)
  await expectNoAxeViolations(page)

  await page.reload()
  await expect(
    page.getByRole('heading', { level: 1, name: /Beschrijving Arbeidsbelastbaarheid/ }),
  ).toBeVisible()
  expect(await snapshot(page)).toEqual(filled)

  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Exporteren als JSON' }).click()
  const file = testInfo.outputPath('export.json')
  await (await download).saveAs(file)
  expect((await download).suggestedFilename()).toMatch(/^BAR-Naam-\d+-\d{4}-\d{2}-\d{2}\.json$/)
  const exported = JSON.parse(readFileSync(file, 'utf8')) as {
    instrument: { id: string; version: string }
    answers: Record<string, unknown>
  }
  // A new assessment starts on the latest BAR, 1.2.0: 75 items, of which "Reden niet gelezen" is
  // hidden (while the climate, marked a barrier, brings "Hoe belemmert het klimaat?" into view).
  expect(exported.instrument).toEqual({ id: 'bar', version: '1.2.0' })
  expect(Object.keys(exported.answers)).toHaveLength(74)
  expect(exported.answers['werkfactoren.klimaat-hoe']).toBeDefined()

  // A fresh browser profile: empty IndexedDB.
  const fresh = await browser.newContext({ locale: 'nl-NL' })
  await watchContext(fresh, problems)
  const other = await fresh.newPage()
  await other.goto('/#/assessments')
  await expect(other.getByText('Nog geen beoordelingen.', { exact: false })).toBeVisible()
  await other.getByLabel('Kies een JSON-bestand').setInputFiles(file)
  await expect(other.getByText('export.json is geïmporteerd.')).toBeVisible()
  await other.getByRole('link', { name: /Open beoordeling van Naam/ }).click()
  await expect(
    other.getByRole('heading', { level: 1, name: /Beschrijving Arbeidsbelastbaarheid/ }),
  ).toBeVisible()
  expect(await snapshot(other)).toEqual(filled)
  const again = other.waitForEvent('download')
  await other.getByRole('button', { name: 'Exporteren als JSON' }).click()
  const file2 = testInfo.outputPath('export-2.json')
  await (await again).saveAs(file2)
  expect(JSON.parse(readFileSync(file2, 'utf8'))).toEqual(exported)
  await fresh.close()
})

test('bad import files get a clear message and change no saved draft', async ({
  page,
}, testInfo) => {
  test.setTimeout(60_000)
  await page.goto('/#/assessments')
  await page.getByRole('button', { name: 'Open voorbeeld: BAR van de bedrijfsarts' }).click()
  await expect(
    page.getByRole('heading', { level: 1, name: /Beschrijving Arbeidsbelastbaarheid/ }),
  ).toBeVisible()
  await page.goto('/#/assessments')
  const row = page.getByRole('row', { name: /W\.V\./ })
  await expect(row).toHaveCount(1)
  const before = await row.textContent()

  const { writeFileSync } = await import('node:fs')
  const bad = testInfo.outputPath('kapot.json')
  writeFileSync(bad, '{"format": "bar-studio/assessment", ')
  await page.getByLabel('Kies een JSON-bestand').setInputFiles(bad)
  const alert = page.getByRole('alert')
  await expect(alert).toContainText('kapot.json is niet geïmporteerd')
  await expect(alert).toContainText('Ongeldige JSON op regel 1, kolom 37: verwacht een sleutel')
  await expectNoAxeViolations(page)

  const example = JSON.parse(readFileSync('public/examples/bar-example.json', 'utf8')) as Record<
    string,
    unknown
  >
  const wrong = testInfo.outputPath('verkeerd.json')
  writeFileSync(wrong, JSON.stringify({ ...example, instrument: { id: 'bar', version: '9.9.9' } }))
  await page.getByLabel('Kies een JSON-bestand').setInputFiles(wrong)
  await expect(page.getByRole('alert')).toContainText('Versie 9.9.9 van bar is niet bekend')
  await expect(row).toHaveText(before as string)
  await expect(page.getByRole('row')).toHaveCount(2)

  // Drag and drop a good file onto the screen.
  const text = readFileSync('public/examples/fml-example.json', 'utf8')
  const dataTransfer = await page.evaluateHandle((content) => {
    const dt = new DataTransfer()
    dt.items.add(new File([content], 'fml-verzekeringsarts.json', { type: 'application/json' }))
    return dt
  }, text)
  await page.getByRole('region', { name: 'Importeren' }).dispatchEvent('drop', { dataTransfer })
  await expect(page.getByText('fml-verzekeringsarts.json is geïmporteerd.')).toBeVisible()
  await expect(page.getByRole('row')).toHaveCount(3)

  await page.getByRole('button', { name: 'English' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Assessments' })).toBeVisible()
  await expectNoAxeViolations(page)
})

test('the form is accessible in English, with a conditional item and term definitions by keyboard', async ({
  page,
}) => {
  test.setTimeout(90_000)
  await page.addInitScript(() => localStorage.setItem('bar-studio.language', 'en'))
  await page.goto('/#/preview/bar/1.0.0')
  await expect(
    page.getByRole('heading', { level: 1, name: /Preview: Description of Work Capacity/ }),
  ).toBeVisible()
  const term = page.getByRole('button', { name: 'limitation' }).first()
  await term.focus()
  await page.keyboard.press('Enter')
  await expect(term).toHaveAttribute('aria-expanded', 'true')
  await expect(page.getByRole('note').filter({ visible: true }).first()).toContainText('limitation')

  const read = page.getByRole('group', { name: /The employee has read/ })
  await read.getByRole('radio').nth(1).check()
  await expect(page.getByLabel(/Reason/)).toBeVisible()
  await read.getByRole('radio').nth(0).check()
  await expect(page.getByLabel(/Reason/)).toHaveCount(0)
  await expectNoAxeViolations(page)
})

test('"All other items: Norm" by keyboard sets the open FML items, survives a reload, and a contradiction is shown accessibly', async ({
  page,
}) => {
  test.setTimeout(90_000)
  await page.goto('/#/assessments')
  await page
    .getByLabel('Instrument')
    .selectOption({ label: 'Functionele Mogelijkhedenlijst (FML) 1.0.0' })
  await page.getByLabel('Uw rol').selectOption('verzekeringsarts')
  await page.getByRole('button', { name: 'Beoordeling starten' }).click()
  const heading = page.getByRole('heading', { level: 1, name: /Functionele Mogelijkhedenlijst/ })
  await expect(heading).toBeVisible()
  const norm = (id: string) => page.locator(`[data-item-id="${id}"] input[value="0"]`)

  // From the list of open items, Tab reaches the action; Enter asks, Cancel has focus, Tab, Enter.
  await page.locator('.open-items summary').focus()
  await page.keyboard.press('Tab')
  const action = page.getByRole('button', { name: 'Alle overige items: Norm' })
  await expect(action).toBeFocused()
  await page.keyboard.press('Enter')
  const dialog = page.getByRole('dialog', { name: 'Alle overige items op Norm zetten?' })
  await expect(dialog).toContainText('62 getoonde items zonder antwoord (buiten Voorblad)')
  await expect(dialog.getByRole('button', { name: 'Annuleren' })).toBeFocused()
  await expectNoAxeViolations(page)
  await page.keyboard.press('Tab')
  await expect(dialog.getByRole('button', { name: 'Ja, zet 62 items op Norm' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(dialog).toHaveCount(0)
  await expect(
    page.getByRole('status').filter({ hasText: '62 items op Norm gezet.' }),
  ).toBeFocused()
  await expect(page.getByText('Geen open items om op Norm te zetten.')).toBeVisible()
  await expect(page.getByRole('status').filter({ hasText: /Opgeslagen om/ })).toBeVisible()

  await page.reload()
  await expect(heading).toBeVisible()
  for (const id of ['I.1', 'I.7', 'I.8', 'II.12', 'IV.3', 'IV.21', 'V.6', 'VI.3'])
    await expect(norm(id), id).toBeChecked()
  await expect(page.locator('[data-item-id="voorblad.conclusie"] input:checked')).toHaveCount(0)
  await expect(page.locator('[data-item-id="IV.1"] input:checked')).toHaveCount(0)
  await expect(page.getByText('Geen open items om op Norm te zetten.')).toBeVisible()

  // I.8 is now "Nee": I.7 "Beperkt" contradicts it, politely and without taking focus.
  const limited = page.locator('[data-item-id="I.7"] input[value="1"]')
  await limited.check()
  const warning = page.locator('.contradictions[aria-live="polite"]')
  await expect(warning.getByRole('heading', { name: '1 tegenstrijdigheid' })).toBeVisible()
  await expect(warning.getByRole('button', { name: 'Ga naar I.7 Handelingstempo' })).toBeVisible()
  await expect(limited).toBeFocused()
  await expectNoAxeViolations(page)
  await norm('I.7').check()
  await expect(warning).toBeEmpty()
})

/** Opens the example BAR from the assessments screen and returns the lifting item. */
async function openExampleBar(page: Page) {
  await page.goto('/#/assessments')
  await page.getByRole('button', { name: 'Open voorbeeld: BAR van de bedrijfsarts' }).click()
  const lifting = page.locator('[data-item-id="fysiek.tillen"]')
  await expect(lifting).toBeVisible()
  return lifting
}

test('a typo in one quantity keeps the saved value of that field and saves the rest of the item', async ({
  page,
}) => {
  const lifting = await openExampleBar(page)
  const weight = lifting.getByLabel('Maximaal gewicht per keer')
  const conditions = lifting.getByLabel('Voorwaarden voor werk')
  await expect(weight).toHaveValue('7,5')
  const before = await conditions.inputValue()
  await weight.fill('1O')
  await conditions.fill(`${before} Niet boven schouderhoogte.`)
  await expect(page.getByText(/1 veld met een fout is niet opgeslagen/)).toBeVisible()
  await expect(lifting.locator('.field-error')).toContainText(
    'Niet opgeslagen: wat eerder was opgeslagen, blijft bewaard.',
  )
  // Leaving the page while a field holds its value back asks first.
  const asked = new Promise<string>((resolve) =>
    page.once('dialog', (d) => {
      resolve(d.type())
      void d.accept()
    }),
  )
  await page.reload()
  expect(await asked).toBe('beforeunload')
  const again = page.locator('[data-item-id="fysiek.tillen"]')
  await expect(again.getByLabel('Maximaal gewicht per keer')).toHaveValue('7,5')
  await expect(again.getByLabel('Voorwaarden voor werk')).toHaveValue(
    `${before} Niet boven schouderhoogte.`,
  )
  await expect(again.getByRole('radio', { name: /Matige beperking/ })).toBeChecked()
})

test('a page stopped 100 ms after three seconds of continuous typing loses at most the last second', async ({
  page,
  context,
}) => {
  test.setTimeout(60_000)
  const lifting = await openExampleBar(page)
  const conditions = lifting.getByLabel('Voorwaarden voor werk')
  const before = await conditions.inputValue()
  await conditions.focus()
  await page.keyboard.press('End')
  const typed = ' en zo verder, zonder pauze getypt door de bedrijfsarts x'.padEnd(60, 'y')
  await page.keyboard.type(typed, { delay: 50 })
  await page.waitForTimeout(100)
  const url = page.url()
  // Stopped as a crash would stop it: no timer, no pagehide, no visibilitychange runs after this.
  const cdp = await context.newCDPSession(page)
  await cdp.send('Page.setWebLifecycleState', { state: 'frozen' })

  const after = await context.newPage()
  await after.goto(url)
  const kept = await after
    .locator('[data-item-id="fysiek.tillen"]')
    .getByLabel('Voorwaarden voor werk')
    .inputValue()
  expect(kept.startsWith(before)).toBe(true)
  const saved = kept.slice(before.length)
  expect(typed.startsWith(saved)).toBe(true)
  // 60 characters in 3 s: the last second is 20 of them.
  expect(saved.length).toBeGreaterThanOrEqual(typed.length - 20)
})
