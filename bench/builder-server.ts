import { readFileSync } from 'node:fs'
import { join } from 'node:path'

/**
 * The Content-Security-Policy header the build wrote into `<dir>/_headers`: the same text
 * `vite preview` sends (vite.config.ts `builtPolicy(true)`).
 */
export function builtPolicyHeader(dir: string): string {
  const text = readFileSync(join(dir, '_headers'), 'utf8')
  const m = /^\s*Content-Security-Policy:\s*(.+)$/m.exec(text)
  if (!m?.[1]) throw new Error(`${dir}/_headers has no Content-Security-Policy`)
  return m[1].trim()
}
