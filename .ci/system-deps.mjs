// Checks what the tests need beyond npm (Debian's Chromium, poppler's pdftotext) and installs it with
// apt when it is missing and this user may; otherwise says exactly what to install, and fails.
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'

const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0
const missing = [
  ...(existsSync('/usr/bin/chromium') ? [] : ['chromium']),
  ...(has('pdftotext') && has('pdfinfo') ? [] : ['poppler-utils']),
]
if (missing.length) {
  const root = process.getuid?.() === 0
  const sudo = !root && has('sudo') ? ['sudo', '-n'] : []
  if (!has('apt-get') || (!root && !sudo.length)) {
    console.error(
      `The tests need ${missing.join(' and ')} (Debian packages). Install them with:\n` +
        `  sudo apt-get update && sudo apt-get install -y ${missing.join(' ')}`,
    )
    process.exit(1)
  }
  console.log(`Installing ${missing.join(' ')} with apt-get …`)
  const apt = (...args) =>
    execFileSync(
      sudo[0] ?? 'apt-get',
      [...sudo.slice(1), ...(sudo.length ? ['apt-get'] : []), ...args],
      {
        stdio: 'inherit',
        env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      },
    )
  try {
    apt('update', '-qq')
    apt('install', '-y', '-qq', ...missing)
  } catch {
    console.error(
      `apt-get could not install ${missing.join(' ')}; install them and run the tests again.`,
    )
    process.exit(1)
  }
}
