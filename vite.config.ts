/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite'
import react from '@vitejs/plugin-react'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  version: string
}

const reportDir = process.env.REPORT_DIR

/** Medical data never leaves the browser: the built app may only talk to its own origin. */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self' blob: data:",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ')

/** The build fails when a file in schemas/ has a problem, so the app can trust them at run time. */
function validateSchemas(): Plugin {
  return {
    name: 'validate-schemas',
    async buildStart() {
      const { buildCatalogue } = await import('./src/core/instrument/catalogue')
      const { readSchemaFiles } = await import('./src/cli/schema-files')
      const { formatIssues } = await import('./src/core/issues/validation-issue')
      const { problems } = buildCatalogue(readSchemaFiles())
      if (problems.length)
        this.error(
          `schemas/ has problems:\n${problems.map((p) => `${p.path}:\n${formatIssues(p.issues, 'en')}`).join('\n')}`,
        )
    },
  }
}

function contentSecurityPolicy(): Plugin {
  return {
    name: 'content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
        injectTo: 'head-prepend',
      },
    ],
  }
}

/**
 * schemas/ files read as text (`?raw`) ship without their indentation: the app's first download is
 * a third smaller, and the text parses to the same JSON.
 */
function compactSchemaText(): Plugin {
  const schemas = fileURLToPath(new URL('./schemas/', import.meta.url))
  return {
    name: 'compact-schema-text',
    enforce: 'pre',
    load(id) {
      const [file, query] = id.split('?')
      if (
        !new URLSearchParams(query).has('raw') ||
        !file?.startsWith(schemas) ||
        !file.endsWith('.json')
      )
        return null
      const text = JSON.stringify(JSON.parse(readFileSync(file, 'utf8')))
      return `export default ${JSON.stringify(text)}`
    },
  }
}

export default defineConfig({
  plugins: [react(), validateSchemas(), contentSecurityPolicy(), compactSchemaText()],
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 800 },
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    environment: 'node',
    setupFiles: ['test/setup.ts'],
    reporters: reportDir ? ['default', 'json'] : ['default'],
    outputFile: reportDir ? { json: `${reportDir}/vitest.json` } : undefined,
  },
})
