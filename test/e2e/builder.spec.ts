import { readFileSync } from 'node:fs'
import type { Locator, Page } from '@playwright/test'
import { expect, expectNoAxeViolations, test } from './fixtures'

const SHOTS = '/tmp/builder-shots'
const BAR = 'Beschrijving Arbeidsbelastbaarheid en Re-integratiemogelijkheden (BAR)'

/** At 1400 and 390 px wide: no sideways scroll of the page, and a picture to look at. */
async function shoot(page: Page, name: string) {
  for (const width of [1400, 390]) {
    await page.setViewportSize({ width, height: 1000 })
    const { scrollWidth, innerWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
    }))
    expect(scrollWidth, `${name} at ${width} px`).toBeLessThanOrEqual(innerWidth)
    await page.screenshot({ path: `${SHOTS}/${name}-${width}.png` })
  }
  await page.setViewportSize({ width: 1400, height: 1000 })
}

const outline = (page: Page) => page.getByRole('navigation', { name: 'Opbouw van het instrument' })
const preview = (page: Page) => page.locator('.builder-preview')
/** The item names of one section in the outline, in order. */
async function itemsOf(page: Page, section: string): Promise<string[]> {
  const li = outline(page)
    .locator('.outline-section')
    .filter({
      has: page.getByRole('button', { name: section, exact: true }),
    })
  return li.locator('.item-node').allInnerTexts()
}
const node = (page: Page, name: string): Locator =>
  outline(page).getByRole('button', { name, exact: true })

test('builds BAR 1.3.0 from 1.2.0: rename, add, reorder by keyboard and by drag, undo and redo, the preview following; saves it with the proposed version and fills it in', async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000)
  await page.setViewportSize({ width: 1400, height: 1000 })
  // A saved BAR 1.0.0: the new version will affect it (it passes through 1.1.0 and 1.2.0).
  await page.goto('/#/assessments')
  await page.getByRole('button', { name: 'Open voorbeeld: BAR van de bedrijfsarts' }).click()
  await expect(page.locator('[data-item-id]').first()).toBeVisible()
  // An earlier version is not where a new one starts: the builder says so and links the latest.
  await page.goto('/#/builder/bar/1.0.0')
  await expect(page.getByText(/is niet de nieuwste versie \(dat is 1\.2\.0\)/)).toBeVisible()
  await page.getByRole('link', { name: `Open ${BAR} 1.2.0 in de bouwer` }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Nieuwe versie van ${BAR} 1.2.0`)
  await expect(page.getByText('Geen problemen')).toBeVisible()

  // An answer typed into the preview stays through every edit below.
  const firstQuestion = preview(page).locator('[data-item-id="mentaal.aandacht-vasthouden"]')
  await firstQuestion.getByRole('radio').nth(1).check()

  // Rename an item's label: the preview follows.
  await node(page, 'Herinneren').click()
  const editor = page.locator('.builder-editor')
  await expect(editor.getByRole('heading', { level: 2 })).toHaveText('Item: Herinneren')
  const labelNl = editor
    .getByRole('group', { name: 'Label' })
    .getByRole('textbox', { name: 'Nederlands' })
  await labelNl.fill('Onthouden')
  await expect(preview(page).locator('[data-item-id="mentaal.herinneren"]')).toContainText(
    'Onthouden',
  )
  await expect(node(page, 'Onthouden')).toBeVisible()

  // Rename its id: recorded as a rename, the id fixed when the field is left.
  const id = editor.getByRole('textbox', { name: 'Kenmerk' })
  await id.fill('mentaal.onthouden')
  await id.press('Enter')
  await expect(preview(page).locator('[data-item-id="mentaal.onthouden"]')).toBeVisible()
  await expect(firstQuestion.getByRole('radio').nth(1)).toBeChecked()

  // Add an item after it, with its labels.
  await editor.getByRole('button', { name: 'Item toevoegen hierna' }).click()
  await expect(page.getByText(/^\d+ problemen?$/)).toBeVisible()
  // Its problems show at its node as they appear: the texts still to be written.
  await expect(
    outline(page).getByRole('button', { name: /^nieuw-item \(\d+ problemen\)$/ }),
  ).toBeVisible()
  const problems = editor.getByRole('group', { name: 'Problemen bij dit onderdeel' })
  await expect(problems).toContainText('Nederlandse tekst ontbreekt bij Label')
  await expect(problems).toContainText('Engelse tekst ontbreekt bij Label')
  const newLabel = editor.getByRole('group', { name: 'Label' })
  await newLabel.getByRole('textbox', { name: 'Nederlands' }).fill('Leren')
  await newLabel.getByRole('textbox', { name: 'Engels' }).fill('Learning')
  for (const [k, nl, en] of [
    [1, 'Geen beperking', 'No limitation'],
    [2, 'Beperkt', 'Limited'],
  ] as const) {
    await outline(page)
      .getByRole('button', { name: new RegExp(`^optie-${k}\\b`) })
      .click()
    const label = editor.getByRole('group', { name: 'Label' })
    await label.getByRole('textbox', { name: 'Nederlands' }).fill(nl)
    await label.getByRole('textbox', { name: 'Engels' }).fill(en)
  }
  await expect(page.getByText('Geen problemen')).toBeVisible()
  const leren = preview(page).locator('[data-item-id="nieuw-item"]')
  await expect(leren).toContainText('Leren')
  await expect(leren.getByRole('radio', { name: 'Beperkt' })).toBeVisible()
  await expect(firstQuestion.getByRole('radio').nth(1)).toBeChecked()
  await shoot(page, 'added')

  // Reorder by keyboard: Alt+↑ moves "Leren" above "Onthouden", said aloud.
  const mental = 'Mentaal functioneren'
  const before = await itemsOf(page, mental)
  await node(page, 'Leren').focus()
  await page.keyboard.press('Alt+ArrowUp')
  await expect(page.locator('.builder-status')).toHaveText(
    /Leren verplaatst naar positie \d+ van \d+/,
  )
  const afterKey = await itemsOf(page, mental)
  const at = before.indexOf('Leren')
  expect(afterKey[at - 1]).toBe('Leren')
  expect(afterKey[at]).toBe('Onthouden')
  await expect(node(page, 'Leren')).toBeFocused()

  // Reorder by drag: the first item of the section dragged onto the third.
  const handle = outline(page).getByRole('button', { name: `Verslepen: ${afterKey[0]}` })
  const target = node(page, afterKey[2] as string)
  const from = await handle.boundingBox()
  const to = await target.boundingBox()
  if (!from || !to) throw new Error('no boxes')
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2)
  await page.mouse.down()
  await page.mouse.move(from.x + from.width / 2, from.y + 20, { steps: 4 })
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2 + 4, { steps: 12 })
  await page.mouse.up()
  await expect
    .poll(() => itemsOf(page, mental))
    .toEqual([afterKey[1], afterKey[2], afterKey[0], ...afterKey.slice(3)])
  const afterDrag = await itemsOf(page, mental)

  // Undo twice (buttons and keys), redo once: each move is one step.
  await page.getByRole('button', { name: 'Ongedaan maken' }).click()
  await expect.poll(() => itemsOf(page, mental)).toEqual(afterKey)
  await node(page, 'Leren').focus()
  await page.keyboard.press('Control+z')
  await expect.poll(() => itemsOf(page, mental)).toEqual(before)
  await page.keyboard.press('Control+Shift+z')
  await expect.poll(() => itemsOf(page, mental)).toEqual(afterKey)
  await page.getByRole('button', { name: 'Opnieuw' }).click()
  await expect.poll(() => itemsOf(page, mental)).toEqual(afterDrag)
  await expect(firstQuestion.getByRole('radio').nth(1)).toBeChecked()

  // A reload loses nothing: the draft and its history come back.
  await page.waitForTimeout(500)
  await page.reload()
  await expect.poll(() => itemsOf(page, mental)).toEqual(afterDrag)
  await page.getByRole('button', { name: 'Ongedaan maken' }).click()
  await expect.poll(() => itemsOf(page, mental)).toEqual(afterKey)
  await page.getByRole('button', { name: 'Opnieuw' }).click()
  await expect.poll(() => itemsOf(page, mental)).toEqual(afterDrag)

  // "Verplaatsen naar…" without dragging: into another section, said aloud; then undone.
  const social = 'Sociaal functioneren en communicatie'
  await node(page, 'Leren').click()
  await editor.getByRole('button', { name: 'Verplaatsen naar…' }).click()
  await expect(editor.getByRole('button', { name: 'Verplaatsen naar…' })).toHaveAttribute(
    'aria-expanded',
    'true',
  )
  await editor.getByRole('combobox', { name: 'Nieuwe plek' }).selectOption({
    label: `Vóór 'Gesprekken voeren en gesproken informatie begrijpen' (${social})`,
  })
  await editor.getByRole('button', { name: 'Verplaatsen', exact: true }).click()
  await expect(page.locator('.builder-status')).toHaveText(
    `Leren verplaatst naar positie 1 van 14 in ${social}`,
  )
  expect((await itemsOf(page, social))[0]).toBe('Leren')
  expect(await itemsOf(page, mental)).not.toContain('Leren')
  await page.keyboard.press('Control+z')
  await expect.poll(() => itemsOf(page, mental)).toEqual(afterDrag)

  await expectNoAxeViolations(page)
  await page.getByRole('button', { name: 'English' }).click()
  await expect(page.getByRole('button', { name: 'Undo' })).toBeVisible()
  await expectNoAxeViolations(page)
  await page.getByRole('button', { name: 'Nederlands' }).click()
  await shoot(page, 'structure')

  // Translations side by side: a missing English text shows under "only missing", fixed there.
  await node(page, 'Leren').click()
  await editor
    .getByRole('group', { name: 'Label' })
    .getByRole('textbox', { name: 'Engels' })
    .fill('')
  await page.getByRole('button', { name: 'Vertalingen' }).click()
  await expect(page.getByText(/^Engels: \d+% compleet/)).toBeVisible()
  await page.getByRole('checkbox', { name: 'Alleen ontbrekende' }).check()
  await expect(page.getByText('1 tekst getoond')).toBeVisible()
  const missing = page.getByRole('textbox', { name: 'Leren, Label, Engels' })
  await missing.fill('Learning')
  await expect(page.getByText('0 teksten getoond')).toBeVisible()
  await expect(page.getByText('Engels: 100% compleet', { exact: false })).toBeVisible()
  await expectNoAxeViolations(page)
  await page.getByRole('checkbox', { name: 'Alleen ontbrekende' }).uncheck()
  await shoot(page, 'translations')

  // Save: the proposed version follows the changes; a lower one is refused.
  await page.getByRole('button', { name: 'Opslaan als nieuwe versie' }).click()
  const save = page.locator('.builder-save')
  await expect(save.getByText(/Voorgestelde versie: 1\.3\.0 \(na 1\.2\.0\)/)).toBeVisible()
  await expect(
    save.getByText('Item toegevoegd (niet verplicht) mentaal / nieuw-item'),
  ).toBeVisible()
  await expect(save.getByText(/mentaal\.herinneren.*meegenomen door migratiestap/)).toBeVisible()
  await expect(
    save.getByText(`1 opgeslagen beoordeling gebruikt ${BAR} 1.2.0 of een eerdere versie.`),
  ).toBeVisible()
  await expect(
    save.getByText(
      /Bij overstappen naar de nieuwe versie: \d+ antwoorden behouden, 1 verplaatst, 0 omgezet, 0 vervallen\./,
    ),
  ).toBeVisible()
  await expect(save.getByText('mentaal.herinneren: 1 antwoord verplaatst')).toBeVisible()
  const version = save.getByRole('textbox', { name: 'Versienummer' })
  await version.fill('1.2.1')
  await save.getByRole('button', { name: `${BAR} 1.2.1 opslaan` }).click()
  await expect(save.getByRole('alert')).toContainText('1.3.0')
  await expectNoAxeViolations(page)
  await shoot(page, 'save')
  await version.fill('1.3.0')
  const download = page.waitForEvent('download')
  await save.getByRole('button', { name: `${BAR} 1.3.0 opslaan` }).click()
  const file = testInfo.outputPath('bar-1.3.0.json')
  await (await download).saveAs(file)
  const saved = JSON.parse(readFileSync(file, 'utf8')) as {
    version: string
    migration: { from: string; steps: { kind: string; from?: string; to?: string }[] }
  }
  expect(saved.version).toBe('1.3.0')
  expect(saved.migration.from).toBe('1.2.0')
  expect(saved.migration.steps).toContainEqual(
    expect.objectContaining({
      kind: 'rename',
      from: 'mentaal.herinneren',
      to: 'mentaal.onthouden',
    }),
  )
  await expect(page.getByText(/1\.3\.0 is opgeslagen in de bibliotheek/)).toBeVisible()
  await expect(page.getByText(/De vertaaltabel naar FML 1\.0\.0 is meegenomen/)).toBeVisible()

  // The instruments screen lists it from the library, with its changes since 1.2.0.
  await page.getByRole('link', { name: 'Naar de instrumenten' }).click()
  const card = page.getByRole('article', { name: /BAR\) Versie 1\.3\.0/ })
  await expect(card.getByText('Bibliotheek', { exact: true })).toBeVisible()
  await card.getByText('Wijzigingen sinds versie 1.2.0').click()
  await expect(
    card.getByText('Item toegevoegd (niet verplicht) mentaal / nieuw-item'),
  ).toBeVisible()

  // A new assessment on it: fill in the new item, export, and import it back.
  await page
    .getByRole('navigation', { name: 'Hoofdmenu' })
    .getByRole('link', { name: 'Beoordelingen' })
    .click()
  await page.locator('#new-instrument').selectOption({ label: `${BAR} 1.3.0` })
  await page.getByRole('button', { name: 'Beoordeling starten' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${BAR} 1.3.0`)
  const item = page.locator('[data-item-id="nieuw-item"]')
  await item.getByRole('radio', { name: 'Beperkt' }).check()
  await page.waitForTimeout(600)
  const exported = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Exporteren als JSON' }).click()
  const json = testInfo.outputPath('assessment.json')
  await (await exported).saveAs(json)
  expect(readFileSync(json, 'utf8')).toContain('"version": "1.3.0"')
  await page.getByRole('link', { name: 'Terug naar beoordelingen' }).click()
  await page.locator('#import-file').setInputFiles(json)
  await expect(
    page.getByText('assessment.json is geïmporteerd als nieuwe beoordeling', { exact: false }),
  ).toBeVisible()
})
