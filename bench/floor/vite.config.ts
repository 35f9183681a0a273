import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'

/** The floor page of `npm run bench`: built on its own, served beside the app. */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  build: {
    target: 'es2022',
    outDir: fileURLToPath(new URL('../.floor-dist', import.meta.url)),
    emptyOutDir: true,
  },
})
