import { spawn, type ChildProcess } from 'node:child_process'
import { expect, test } from './fixtures'

// `npm run dev` is the README's first command: the report must work there too (its PDF worker once
// failed in development with "window is not defined", from React Refresh inside the worker).
const port = 5188
let server: ChildProcess | undefined

test.beforeAll(async () => {
  server = spawn('npx', ['vite', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], {
    stdio: 'ignore',
    detached: true,
  })
  for (let i = 0; i < 120; i++) {
    const up = await fetch(`http://127.0.0.1:${port}/`).then(
      (r) => r.ok,
      () => false,
    )
    if (up) return
    await new Promise((r) => setTimeout(r, 250))
  }
  throw new Error('the development server did not start')
})

test.afterAll(() => {
  if (server?.pid) process.kill(-server.pid)
})

test('the development server runs under the Content-Security-Policy and makes the report PDF in its worker', async ({
  page,
}) => {
  test.setTimeout(90_000)
  const base = `http://127.0.0.1:${port}`
  // Under the same policy as the built app (the fixture fails on any violation), with the
  // development server's own additions: React Refresh's inline preamble and injected styles.
  const response = await page.goto(`${base}/#/assessments`)
  const policy = response?.headers()['content-security-policy'] ?? ''
  expect(policy).toContain("default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-")
  expect(policy).not.toContain("'unsafe-eval'")
  await page.getByRole('button', { name: 'Open voorbeeld: BAR van de bedrijfsarts' }).click()
  await expect(page.locator('[data-item-id]').first()).toBeVisible()
  await page.goto(`${base}/#/report`)
  await expect(page.getByRole('heading', { name: 'Voorbeeld van de inhoud' })).toBeVisible({
    timeout: 30_000,
  })
  const download = page.waitForEvent('download', { timeout: 60_000 })
  await page.getByRole('button', { name: 'PDF maken' }).click()
  expect((await download).suggestedFilename()).toBe('BAR-W.V.-2026-11-02-professioneel.pdf')
})
