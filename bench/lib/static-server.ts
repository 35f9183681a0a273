import { readFile, stat } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize, resolve, sep } from 'node:path'
import { gzipSync } from 'node:zlib'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
}

/** What `vite preview` compresses (its @polka/compression defaults): text, from 1 kB on. */
const COMPRESSIBLE = /text|javascript|\/json|xml/i
const GZIP_FROM_BYTES = 1024

export interface ServeOptions {
  /** Sent with every response (the production headers of `_headers`, the policy). */
  headers?: Record<string, string>
  /** Text gzipped at the default level when the browser accepts it, as `vite preview` does. */
  gzip?: boolean
  /**
   * `no-store` (the default): every load pays the same transfer and compile cost, whichever page
   * went first. False sends no Cache-Control, as `vite preview` (the caller clears the cache).
   */
  noStore?: boolean
}

export interface StaticServer {
  url: string
  close: () => Promise<void>
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile()
  } catch {
    return false
  }
}

/** Serves `dir` on 127.0.0.1 at an ephemeral port; unknown paths without an extension get index.html. */
export async function serveStatic(
  dir: string,
  { headers = {}, gzip = false, noStore = true }: ServeOptions = {},
): Promise<StaticServer> {
  const root = resolve(dir)
  const server: Server = createServer((req, res) => {
    void (async () => {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)
      let file = normalize(join(root, path))
      if (file !== root && !file.startsWith(root + sep)) {
        res.writeHead(403).end()
        return
      }
      if (!(await isFile(file))) {
        if (extname(path) !== '') {
          res.writeHead(404).end()
          return
        }
        file = join(root, 'index.html')
      }
      const type = TYPES[extname(file)] ?? 'application/octet-stream'
      const raw = await readFile(file)
      const compress =
        gzip &&
        /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? '')) &&
        COMPRESSIBLE.test(type) &&
        raw.length >= GZIP_FROM_BYTES
      const sent = compress ? gzipSync(raw) : raw
      res.writeHead(200, {
        'Content-Type': type,
        'Content-Length': sent.length,
        ...(noStore ? { 'Cache-Control': 'no-store' } : {}),
        ...(compress ? { 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' } : {}),
        ...headers,
      })
      res.end(req.method === 'HEAD' ? undefined : sent)
    })().catch(() => res.writeHead(500).end())
  })
  await new Promise<void>((ok, fail) => {
    server.once('error', fail)
    server.listen(0, '127.0.0.1', ok)
  })
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections()
        server.close(() => ok())
      }),
  }
}
