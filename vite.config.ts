/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite'
import react from '@vitejs/plugin-react'
import { VitePWA } from 'vite-plugin-pwa'
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { policyText } from './src/app/content-security-policy'
import { EARLY_LANGUAGE_SCRIPT } from './src/i18n/early-language'

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  version: string
}

const reportDir = process.env.REPORT_DIR

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('base64')

/**
 * The Content-Security-Policy (src/app/content-security-policy.ts) with the hashes of the inline
 * scripts each page runs: the built app runs one (EARLY_LANGUAGE_SCRIPT), the development server
 * also React Refresh's preamble.
 */
const builtPolicy = (header: boolean) =>
  policyText({ inlineScriptHashes: [sha256(EARLY_LANGUAGE_SCRIPT)], header })
const devPolicy = policyText({
  inlineScriptHashes: [
    sha256(EARLY_LANGUAGE_SCRIPT),
    sha256(react.preambleCode.replace('__BASE__', '/')),
  ],
  header: true,
  dev: true,
})

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

/**
 * `virtual:schema-index`: id, version, title and vocabulary of every schemas/ file, the little the
 * app needs at start (src/app/catalogue.ts); each file itself loads when a screen needs it.
 */
function schemaIndex(): Plugin {
  const id = 'virtual:schema-index'
  return {
    name: 'schema-index',
    resolveId: (source) => (source === id ? `\0${id}` : null),
    async load(source) {
      if (source !== `\0${id}`) return null
      const { schemaIndexOf } = await import('./src/core/instrument/schema-index')
      const { readSchemaFiles, schemasDir } = await import('./src/cli/schema-files')
      const files = readSchemaFiles()
      for (const f of files) this.addWatchFile(`${schemasDir}/${f.path}`)
      return `export default ${JSON.stringify(schemaIndexOf(files))}`
    },
  }
}

/**
 * At the top of index.html: the policy, where the built app is served without its header (the
 * development server and `vite preview` send the header), and a small script that reads the stored
 * language while the app downloads (src/i18n/early-language.ts), allowed by its hash. The build
 * also writes the header for static hosts that read `_headers` (Netlify, Cloudflare Pages).
 */
function contentSecurityPolicy(): Plugin {
  const charset = '<meta charset="UTF-8" />'
  return {
    name: 'content-security-policy',
    // Right after the charset, which must come first.
    transformIndexHtml(html, ctx) {
      if (!html.includes(charset)) throw new Error(`index.html: ${charset} not found`)
      const meta = ctx.server
        ? []
        : [`<meta http-equiv="Content-Security-Policy" content="${builtPolicy(false)}" />`]
      return html.replace(
        charset,
        [charset, ...meta, `<script>${EARLY_LANGUAGE_SCRIPT}</script>`].join('\n    '),
      )
    },
    generateBundle() {
      if (!this.environment || this.environment.name === 'client')
        this.emitFile({
          type: 'asset',
          fileName: '_headers',
          source: `/*\n  Content-Security-Policy: ${builtPolicy(true)}\n`,
        })
    },
  }
}

/**
 * The chunks loaded at start carry V8's explicit compile hint: their functions are compiled on a
 * background thread while the files download, instead of one by one on the main thread when
 * first called (nearly all of them are, to draw the first screen). Browsers without the hint
 * read a comment.
 */
function compileHints(): Plugin {
  return {
    name: 'compile-hints',
    apply: 'build',
    enforce: 'post',
    generateBundle: {
      // After Vite's own rewriting of the entry chunk, which would drop the comment.
      order: 'post',
      handler(_, bundle) {
        const initial = new Set<string>()
        const visit = (file: string) => {
          const chunk = bundle[file]
          if (initial.has(file) || chunk?.type !== 'chunk') return
          initial.add(file)
          chunk.imports.forEach(visit)
        }
        for (const [file, chunk] of Object.entries(bundle))
          if (chunk.type === 'chunk' && chunk.isEntry && !file.includes('worker')) visit(file)
        for (const file of initial) {
          const chunk = bundle[file]
          if (chunk?.type === 'chunk') chunk.code = `//# allFunctionsCalledOnLoad\n${chunk.code}`
        }
      },
    },
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
  server: { headers: { 'Content-Security-Policy': devPolicy } },
  preview: { headers: { 'Content-Security-Policy': builtPolicy(true) } },
  // The PDF worker's library is pre-bundled at start: found only when the first PDF is made, it would
  // make the development server reload the page in the middle of it.
  optimizeDeps: { include: ['@react-pdf/renderer'] },
  // The PDF code runs in a Web Worker: no React Refresh there (its runtime needs `window`).
  plugins: [
    react({ exclude: [/\/src\/pdf\//, /\/node_modules\//] }),
    validateSchemas(),
    schemaIndex(),
    contentSecurityPolicy(),
    compileHints(),
    compactSchemaText(),
    /*
     * Offline after the first visit (src/app/service-worker.ts): every built file is precached,
     * the PDF worker (about 1.3 MB) and its fonts too, so a report can be made without a network.
     */
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      manifest: {
        name: 'BAR-instrumentstudio',
        short_name: 'BAR-studio',
        lang: 'nl',
        start_url: '/',
        display: 'standalone',
        background_color: '#f3f6f9',
        theme_color: '#1d4f91',
        icons: [{ src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml' }],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,ttf,json}'],
        // The README's screenshots are not part of the app.
        globIgnores: ['readme/**'],
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 800,
    rolldownOptions: {
      output: {
        /*
         * The start-up code in a few chunks of similar weight, compiled in parallel under their
         * compile hints (react-dom alone is the longest). Each schemas/ file is a chunk of its own,
         * loaded when a screen needs it. Every chunk is named after what it holds.
         */
        codeSplitting: {
          groups: [
            { name: 'react-dom', test: /node_modules[\\/](react-dom|scheduler)[\\/]/ },
            {
              name: 'i18n',
              test: /node_modules[\\/](i18next|react-i18next)[\\/]|[\\/]src[\\/]i18n[\\/]/,
              priority: -1,
            },
          ],
        },
      },
    },
  },
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    environment: 'node',
    setupFiles: ['test/setup.ts'],
    reporters: reportDir ? ['default', 'json'] : ['default'],
    outputFile: reportDir ? { json: `${reportDir}/vitest.json` } : undefined,
  },
})
