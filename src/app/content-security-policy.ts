/*
 * The app's Content-Security-Policy as data: medical data never leaves the browser, so the page
 * may only talk to its own origin and runs no code it did not ship. vite.config.ts serves it as an
 * HTTP header (development server and preview), writes it into the built index.html and into
 * `dist/_headers` for static hosts; test/e2e/startup.spec.ts fails on any violation.
 *
 * This module has no imports: vite.config.ts reads it before anything is built.
 */

export const CONTENT_SECURITY_POLICY = {
  'default-src': ["'self'"],
  /*
   * The inline scripts of index.html are allowed by their hash (added by policyText).
   * 'wasm-unsafe-eval' lets the PDF worker compile its layout engine (yoga, WebAssembly); it
   * allows WebAssembly only, not eval() or new Function().
   */
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  // The built app's styles are files; React sets styles through the DOM, which a policy allows.
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  // Downloads and the PDF are made from blob: URLs; 'self' also covers the development server's
  // own websocket.
  'connect-src': ["'self'", 'blob:', 'data:'],
  'worker-src': ["'self'", 'blob:'],
  'manifest-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
} as const satisfies Record<string, readonly string[]>

/** Directives a `<meta>` policy cannot carry: only in the HTTP header. */
export const HEADER_ONLY_POLICY = { 'frame-ancestors': ["'none'"] } as const

export interface PolicyOptions {
  /** SHA-256 (base64) of each inline script the page runs. */
  inlineScriptHashes: readonly string[]
  /** For the HTTP header, which can carry more than a `<meta>`. */
  header?: boolean
  /** The development server injects each module's CSS as a `<style>` element. */
  dev?: boolean
}

/** The policy as the header or `<meta>` text. */
export function policyText({ inlineScriptHashes, header, dev }: PolicyOptions): string {
  const directives: Record<string, readonly string[]> = {
    ...CONTENT_SECURITY_POLICY,
    'script-src': [
      ...CONTENT_SECURITY_POLICY['script-src'],
      ...inlineScriptHashes.map((h) => `'sha256-${h}'`),
    ],
    ...(dev ? { 'style-src': [...CONTENT_SECURITY_POLICY['style-src'], "'unsafe-inline'"] } : {}),
    ...(header ? HEADER_ONLY_POLICY : {}),
  }
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ')
}
