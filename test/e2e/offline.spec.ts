import { spawn } from 'node:child_process'
import { appendFileSync, cpSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { expect, expectNoAxeViolations, test } from './fixtures'

/*
 * Each test serves its own copy of the built app (the one the shared preview server serves), so it
 * can stop that server, or change a file as a new version would.
 */
const builtApp = process.env.E2E_OUT_DIR ?? 'dist'

async function serveCopy(port: number) {
  const dir = mkdtempSync(join(tmpdir(), 'bar-offline-'))
  cpSync(builtApp, dir, { recursive: true })
  const server = spawn(
    'npx',
    [
      'vite',
      'preview',
      '--outDir',
      dir,
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--strictPort',
    ],
    { stdio: 'ignore', detached: true },
  )
  const base = `http://127.0.0.1:${port}`
  const up = () =>
    fetch(base).then(
      (r) => r.ok,
      () => false,
    )
  for (let i = 0; i < 120 && !(await up()); i++) await new Promise((r) => setTimeout(r, 250))
  if (!(await up())) throw new Error('the preview server did not start')
  return {
    base,
    dir,
    async stop() {
      if (server.pid) process.kill(-server.pid)
      for (let i = 0; i < 40 && (await up()); i++) await new Promise((r) => setTimeout(r, 250))
      expect(await up(), 'the server is stopped').toBe(false)
    },
  }
}

/** Until the app's service worker is active (it registers a moment after the first screen). */
async function serviceWorkerReady(page: Page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready
  })
}

test('after the first visit the app works with the server stopped: the list, the form, saving and the PDF', async ({
  page,
}) => {
  test.setTimeout(120_000)
  const server = await serveCopy(5191)
  try {
    await page.goto(`${server.base}/#/assessments`)
    await page.getByRole('button', { name: 'Open voorbeeld: BAR van de bedrijfsarts' }).click()
    await expect(page.locator('[data-item-id]').first()).toBeVisible()
    await serviceWorkerReady(page)
  } finally {
    await server.stop()
  }

  await page.reload()
  await expect(page.locator('[data-item-id]').first()).toBeVisible()
  const text = page.getByRole('textbox', { name: /Toelichting/ }).first()
  await text.fill('Zonder verbinding getypt.')
  await expect(page.getByRole('status').filter({ hasText: /Opgeslagen om/ })).toBeVisible()

  await page.goto(`${server.base}/#/assessments`)
  await expect(page.getByRole('heading', { level: 1, name: 'Beoordelingen' })).toBeVisible()
  await page.getByRole('link', { name: 'Open beoordeling van W.V.' }).click()
  await expect(page.getByRole('textbox', { name: /Toelichting/ }).first()).toHaveValue(
    'Zonder verbinding getypt.',
  )

  // Every chunk and the PDF worker with its fonts come from this browser.
  await page.getByRole('link', { name: 'Rapport' }).click()
  await expect(page.getByRole('heading', { name: 'Voorbeeld van de inhoud' })).toBeVisible()
  const download = page.waitForEvent('download', { timeout: 60_000 })
  await page.getByRole('button', { name: 'PDF maken' }).click()
  expect((await download).suggestedFilename()).toBe('BAR-W.V.-2026-11-02-professioneel.pdf')

  await page.getByRole('link', { name: 'Vergelijken' }).click()
  await expect(page.getByRole('heading', { level: 1, name: /Vergelijk/ })).toBeVisible()
})

test('a new version waits for the user: "Later" keeps this one, "Nieuwe versie laden" reloads under the new one', async ({
  page,
}) => {
  test.setTimeout(90_000)
  const server = await serveCopy(5192)
  try {
    await page.goto(`${server.base}/#/assessments`)
    await serviceWorkerReady(page)
    // The second visit: the page is now served by the service worker.
    await page.reload()
    await expect(page.getByRole('heading', { level: 1, name: 'Beoordelingen' })).toBeVisible()
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true)
    const prompt = page.getByRole('status').filter({ hasText: 'Er is een nieuwe versie' })
    await expect(prompt).toBeHidden()

    // A new build on the server; the browser looks for it (as it does every hour).
    appendFileSync(join(server.dir, 'sw.js'), '\n// the next version\n')
    const lookForUpdate = () =>
      page.evaluate(async () => {
        await (await navigator.serviceWorker.getRegistration())?.update()
      })
    await lookForUpdate()
    await expect(prompt).toBeVisible()
    await expect(prompt).toHaveText(/Er is een nieuwe versie van de BAR-instrumentstudio\./)
    await expectNoAxeViolations(page)

    await prompt.getByRole('button', { name: 'Later' }).click()
    await expect(prompt).toBeHidden()
    await page.evaluate(() => ((window as unknown as { before: boolean }).before = true))

    await page.reload()
    await lookForUpdate()
    await expect(prompt).toBeVisible()
    await page.evaluate(() => ((window as unknown as { before: boolean }).before = true))
    const reloaded = page.waitForEvent('load')
    await prompt.getByRole('button', { name: 'Nieuwe versie laden' }).click()
    await reloaded
    expect(
      await page.evaluate(() => (window as unknown as { before?: boolean }).before),
    ).toBeUndefined()
    await expect(page.getByRole('heading', { level: 1, name: 'Beoordelingen' })).toBeVisible()
    await expect(prompt).toBeHidden()
    const waiting = await page.evaluate(
      async () => (await navigator.serviceWorker.getRegistration())?.waiting ?? null,
    )
    expect(waiting, 'no version left waiting').toBeNull()
  } finally {
    await server.stop()
  }
})
