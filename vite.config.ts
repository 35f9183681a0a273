/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite'
import react from '@vitejs/plugin-react'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { EARLY_LANGUAGE_SCRIPT } from './src/i18n/early-language'

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  version: string
}

const reportDir = process.env.REPORT_DIR

/**
 * Medical data never leaves the browser: the built app may only talk to its own origin, and runs
 * no inline script (the two in index.html run before the policy is in force, see startUpScripts).
 */
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

/**
 * Two small scripts at the top of index.html: the first reads the stored language while the app
 * downloads (src/i18n/early-language.ts); the second, in the built app, puts the
 * Content-Security-Policy in force before any of the app's code runs. A policy written as a
 * `<meta>` in the HTML would do the same, but Chromium then ignores everything its preload
 * scanner finds in that HTML, and the app's scripts are requested only once the parser reaches
 * them: a slower start for no gain in safety. The policy must stay last: after it, no inline
 * script runs (the e2e test in test/e2e/startup.spec.ts fails on any violation at start).
 */
function startUpScripts(): Plugin {
  const policy = `document.head.appendChild(Object.assign(document.createElement('meta'),{httpEquiv:'Content-Security-Policy',content:${JSON.stringify(CONTENT_SECURITY_POLICY)}}))`
  const charset = '<meta charset="UTF-8" />'
  return {
    name: 'start-up-scripts',
    // Right after the charset, which must come first.
    transformIndexHtml(html, ctx) {
      if (!html.includes(charset)) throw new Error(`index.html: ${charset} not found`)
      const scripts = [EARLY_LANGUAGE_SCRIPT, ...(ctx.server ? [] : [policy])]
      return html.replace(
        charset,
        `${charset}${scripts.map((s) => `\n    <script>${s}</script>`).join('')}`,
      )
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
  // The PDF worker's library is pre-bundled at start: found only when the first PDF is made, it would
  // make the development server reload the page in the middle of it.
  optimizeDeps: { include: ['@react-pdf/renderer'] },
  // The PDF code runs in a Web Worker: no React Refresh there (its runtime needs `window`).
  plugins: [
    react({ exclude: [/\/src\/pdf\//, /\/node_modules\//] }),
    validateSchemas(),
    startUpScripts(),
    compileHints(),
    compactSchemaText(),
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
         * compile hints (react-dom alone is the longest); the schema text, which has no code to
         * compile, on its own. Every chunk is named after what it holds.
         */
        codeSplitting: {
          groups: [
            { name: 'react-dom', test: /node_modules[\\/](react-dom|scheduler)[\\/]/ },
            { name: 'schema-text', test: /[\\/]schemas[\\/].*\.json/ },
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
