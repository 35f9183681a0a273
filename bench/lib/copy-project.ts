import { cpSync, existsSync, mkdirSync, readdirSync, symlinkSync } from 'node:fs'
import { join } from 'node:path'

/** What a build needs from the project root (node_modules is linked, not copied). */
const COPIED = ['index.html', 'vite.config.ts', 'package.json', 'src', 'public', 'schemas']

/**
 * A copy in `dir` of the files a build reads from `from` (the project, or an earlier copy of it),
 * and a node_modules of links to each package of the project's, so anything the build writes
 * below node_modules (Vite's bundled config in .vite-temp, caches) stays in the copy.
 */
export function copyProject(root: string, from: string, dir: string): void {
  mkdirSync(dir, { recursive: true })
  const tsconfigs = readdirSync(from).filter((f) => /^tsconfig.*\.json$/.test(f))
  for (const name of [...COPIED, ...tsconfigs])
    if (existsSync(join(from, name))) cpSync(join(from, name), join(dir, name), { recursive: true })
  const modules = join(dir, 'node_modules')
  mkdirSync(modules)
  for (const name of readdirSync(join(root, 'node_modules')))
    if (!name.startsWith('.') || name === '.bin')
      symlinkSync(join(root, 'node_modules', name), join(modules, name))
}
