/**
 * Builds what the peers benchmark loads, once, for the tools that compare builds by hand:
 * `npx tsx bench/peers-build.ts <dir> [--minify false]` writes our app with the synthetic
 * instruments (`<dir>/app/dist`, `#/preview/synthetic-512/1.0.0`) and the other pages
 * (`<dir>/peers`: `floor/index.html?size=64`, `rjsf/…`, sizes 64, bar, 128, 256, 512). For example
 * `npx tsx bench/mount-timeline.ts 'floor/index.html?size=64' 69 1 8 <dir>/peers` times the
 * content-equal floor's mount as `mount-timeline` times ours. Not part of `npm run bench`.
 */
import { existsSync, readdirSync } from 'node:fs'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildOurApp, buildPeerPages } from './peers/build'
import { peerSizes } from './peers/sizes'

async function main() {
  const [dirArg, ...viteArgs] = process.argv.slice(2)
  if (!dirArg) throw new Error('usage: npx tsx bench/peers-build.ts <dir> [vite build options]')
  const root = fileURLToPath(new URL('..', import.meta.url))
  const dir = resolve(dirArg)
  // The project copy inside would mix with an earlier one (and its node_modules links are in the way).
  if (existsSync(dir) && readdirSync(dir).length)
    throw new Error(`${dir} is not empty: give a new or empty directory`)
  const sizes = peerSizes(root)
  const app = await buildOurApp(root, root, sizes, `${dir}/app`, viteArgs)
  const { peersDir } = await buildPeerPages(root, sizes, dir, viteArgs)
  console.log(`our app: ${app}\nthe other pages: ${peersDir}`)
}

await main()
