import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { defineConfig, type Plugin } from 'vite'
import react from '@vitejs/plugin-react'

/** The pages of the peers benchmark, each `<name>/index.html` below this folder. */
export const PEER_PAGES = ['floor', 'floor-bare', 'rjsf', 'surveyjs'] as const

const here = fileURLToPath(new URL('.', import.meta.url))

/**
 * `virtual:peer-data/<page>`: `load(size)` imports `<PEERS_DATA>/<size>/<page>.json`, a chunk of
 * its own per size, as our form loads its instrument file after the app's code.
 */
function peerData(dir: string): Plugin {
  const prefix = 'virtual:peer-data/'
  return {
    name: 'peer-data',
    resolveId: (source) => (source.startsWith(prefix) ? `\0${source}` : null),
    load(id) {
      if (!id.startsWith(`\0${prefix}`)) return null
      const page = id.slice(prefix.length + 1)
      const sizes = readdirSync(dir)
      const entries = sizes.map(
        (s) =>
          `${JSON.stringify(s)}: () => import(${JSON.stringify(join(dir, s, `${page}.json`))})`,
      )
      return `const files = {${entries.join(',')}}\nexport const load = (size) => files[size]?.().then((m) => m.default)`
    },
  }
}

/** Built by bench/peers.ts with PEERS_DATA (generated forms) and PEERS_OUT (the output folder). */
export default defineConfig(() => {
  const data = process.env.PEERS_DATA
  const out = process.env.PEERS_OUT
  if (!data || !out) throw new Error('bench/peers/vite.config.ts needs PEERS_DATA and PEERS_OUT')
  return {
    root: here,
    base: '/',
    plugins: [react(), peerData(data)],
    build: {
      target: 'es2022',
      outDir: out,
      emptyOutDir: true,
      chunkSizeWarningLimit: 2000,
      rolldownOptions: {
        input: Object.fromEntries(PEER_PAGES.map((p) => [p, join(here, p, 'index.html')])),
      },
    },
  }
})
