import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'

// vite's package exports hide bin/, so it is addressed by path.
const viteBin = fileURLToPath(new URL('../../node_modules/vite/bin/vite.js', import.meta.url))

/** Runs `vite build` (same as `npx vite build`) in `cwd`; resolves to its output, rejects on failure. */
export function viteBuild(cwd: string, args: string[] = []): Promise<string> {
  return new Promise((ok, fail) => {
    const child = spawn(process.execPath, [viteBin, 'build', '--logLevel', 'warn', ...args], {
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let out = ''
    child.stdout.on('data', (d: Buffer) => (out += d.toString()))
    child.stderr.on('data', (d: Buffer) => (out += d.toString()))
    child.on('error', fail)
    child.on('close', (code) =>
      code === 0
        ? ok(out)
        : fail(new Error(`vite build ${args.join(' ')} failed (${code}):\n${out}`)),
    )
  })
}
