import { readFileSync } from 'node:fs'
import { createServer, request, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { serveStatic, type StaticServer } from './lib/static-server'

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

/**
 * `serveStatic(dir)` behind a small proxy on 127.0.0.1 that adds `headers` to every response, as
 * `vite preview` adds the policy to what it serves.
 */
export async function serveStaticWithHeaders(
  dir: string,
  headers: Record<string, string>,
): Promise<StaticServer> {
  const inner = await serveStatic(dir)
  const server: Server = createServer((req, res) => {
    const up = request(
      `${inner.url}${req.url ?? '/'}`,
      { method: req.method, headers: req.headers },
      (r) => {
        res.writeHead(r.statusCode ?? 502, { ...r.headers, ...headers })
        r.pipe(res)
      },
    )
    up.on('error', () => res.writeHead(502).end())
    req.pipe(up)
  })
  await new Promise<void>((ok, fail) => {
    server.once('error', fail)
    server.listen(0, '127.0.0.1', ok)
  })
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      await new Promise<void>((ok) => {
        server.closeAllConnections()
        server.close(() => ok())
      })
      await inner.close()
    },
  }
}
