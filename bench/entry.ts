import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import { join, posix } from 'node:path'
import { gzipSync } from 'node:zlib'
import { readSchemaFiles } from '../src/cli/schema-files'
import { buildCatalogue } from '../src/core/instrument/catalogue'
import { compareSemver } from '../src/core/instrument/catalogue-data'
import { formatIssues } from '../src/core/issues/validation-issue'
import { copyProject } from './lib/copy-project'
import { writeReadmeBlock } from './lib/readme-block'
import { viteBuild } from './lib/vite-build'

/**
 * Synthetic later BAR versions in variant "20" (the results' keys follow the issue's "1 and 20
 * versions": "1" is schemas/ as shipped, which may hold more than one BAR version already, and "20"
 * is that plus 19; `barVersions` says what each build held).
 */
const ADDED = 19
/** Entry download with 20 versions may be at most this much of the one with 1 (1 % slack). */
const TOLERANCE = 1.01
/** Issue 16: the start-up JS, gzip, at most this many kB. */
const ENTRY_MAX_KB = 130
/** Code that must never be in the start-up download: chunk names (rolldown names a chunk after its module). */
const LAZY_ONLY = ['builder', 'cohort', 'report', 'pdf']
/** Each screen's own chunk: what opening the app on that screen downloads besides the entry. */
const SCREEN_CHUNKS: Record<string, string> = {
  '#/ (instruments)': 'instruments-screen',
  '#/assessments': 'assessments-screen',
  '#/assessments/<id> (the form)': 'fill-in-screen',
  '#/preview/<id>/<version>': 'preview-screen',
  '#/compare': 'compare-screen',
  '#/report': 'report-screen',
  '#/cohort': 'cohort-screen',
  '#/builder': 'builder-start',
  '#/builder/<id>/<version>': 'builder-screen',
}

interface Variant {
  /** The script index.html loads plus every chunk it preloads or statically imports, gzip -9. */
  entryGzipKb: number
  entryGzipBytes: number
  entryFiles: string[]
  entryFileGzipKb: Record<string, number>
  /** Entry JS plus the chunk of the screen opened first and its static imports, gzip -9, per screen. */
  firstScreenGzipKb: Record<string, number>
  /** Every JS chunk in dist/assets, whether loaded at start or later, gzip -9. */
  totalJsGzipKb: number
  jsChunks: number
  barVersions: string[]
}

const gzipBytes = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length
const kb = (bytes: number) => +(bytes / 1000).toFixed(1)

/** "1.1.0" → "1.1.1" (odd steps) or "1.2.0" (even steps): patch and minor bumps alternate. */
function bump(version: string, step: number): string {
  const [major = 0, minor = 0, patch = 0] = version.split('-')[0]!.split('.').map(Number)
  return step % 2 ? `${major}.${minor}.${patch + 1}` : `${major}.${minor + 1}.0`
}

interface TextPair {
  nl: string
  en: string
}

/**
 * Adds `count` BAR versions after the latest one in `schemas/bar/`: each migrates
 * from the one before without steps (same items) and differs in the English title and in the
 * English label of one item, so no two files are alike. Returns every BAR version, oldest first.
 */
function addSyntheticBarVersions(schemas: string, count: number): string[] {
  const dir = join(schemas, 'bar')
  const shipped = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -'.json'.length))
    .sort(compareSemver)
  const latest = shipped.at(-1)
  if (!latest) throw new Error('schemas/bar/ has no instrument file')
  const base = JSON.parse(readFileSync(join(dir, `${latest}.json`), 'utf8')) as {
    version: string
    title: TextPair
    sections: { items: { label: TextPair }[] }[]
    migration?: unknown
  }
  const items = base.sections.flatMap((s) => s.items)
  const versions = [...shipped]
  let previous = latest
  for (let n = 1; n <= count; n++) {
    const next = structuredClone(base)
    next.version = bump(previous, n)
    next.title.en = `${base.title.en} (rev ${n})`
    const item = next.sections.flatMap((s) => s.items)[(n - 1) % items.length]!
    item.label.en = `${item.label.en} (rev ${n})`
    next.migration = { from: previous, steps: [] }
    writeFileSync(join(dir, `${next.version}.json`), `${JSON.stringify(next, null, 2)}\n`)
    versions.push(next.version)
    previous = next.version
  }
  return versions
}

/** The script index.html loads and the chunks it preloads: paths below dist/. */
function htmlEntryFiles(html: string): string[] {
  const attr = (tag: string, name: string) =>
    new RegExp(`\\s${name}=["']?([^"'\\s>]+)`, 'i').exec(tag)?.[1]
  const found: string[] = []
  for (const [tag] of html.matchAll(/<script\b[^>]*>/gi)) {
    const src = attr(tag, 'src')
    if (src && attr(tag, 'type') === 'module') found.push(src)
  }
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    const href = attr(tag, 'href')
    if (href && attr(tag, 'rel') === 'modulepreload') found.push(href)
  }
  return found.map((u) => u.replace(/^\//, ''))
}

/** Chunks a chunk imports statically (`import … from"./x.js"`, `import"./x.js"`), not `import()`. */
function staticImports(dist: string, file: string): string[] {
  const code = readFileSync(join(dist, file), 'utf8')
  const out: string[] = []
  for (const m of code.matchAll(/(?:\bfrom|\bimport)\s*["'](\.{1,2}\/[^"'\n]+\.js)["']/g)) {
    const target = posix.normalize(posix.join(posix.dirname(file), m[1]!))
    if (existsSync(join(dist, target))) out.push(target)
  }
  return out
}

/** `start` and every chunk they import statically, transitively. */
function withStaticImports(dist: string, start: readonly string[]): string[] {
  const seen = new Set<string>()
  const visit = (file: string) => {
    if (seen.has(file) || !file.endsWith('.js')) return
    seen.add(file)
    staticImports(dist, file).forEach(visit)
  }
  start.forEach(visit)
  return [...seen]
}

/** What a first visit downloads as JS: index.html's script, its preloads and their static imports. */
function entryFiles(dist: string): string[] {
  const start = htmlEntryFiles(readFileSync(join(dist, 'index.html'), 'utf8'))
  if (!start.some((f) => f.endsWith('.js'))) throw new Error('dist/index.html loads no script')
  return withStaticImports(dist, start)
}

/** Builds the copy in `dir` with `added` synthetic BAR versions and measures its JS. */
async function measureVariant(dir: string, added: number): Promise<Variant> {
  const barVersions =
    added > 0
      ? addSyntheticBarVersions(join(dir, 'schemas'), added)
      : readdirSync(join(dir, 'schemas/bar')).map((f) => f.slice(0, -'.json'.length))
  // The build checks the same (vite.config.ts), but this names the file at fault plainly.
  const { problems } = buildCatalogue(readSchemaFiles(join(dir, 'schemas')))
  if (problems.length)
    throw new Error(
      `schemas/ in ${dir} has problems:\n${problems.map((p) => `${p.path}:\n${formatIssues(p.issues, 'en')}`).join('\n')}`,
    )
  await viteBuild(dir).catch((e: Error) => {
    // Vite colours its messages; a log file reads better without the escapes.
    const plain = e.message.replace(new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g'), '')
    throw new Error(`the copy in ${dir} does not build (does the project?): ${plain}`)
  })
  const dist = join(dir, 'dist')
  const files = entryFiles(dist)
  const sizes = files.map((f) => gzipBytes(join(dist, f)))
  const entryBytes = sizes.reduce((sum, n) => sum + n, 0)
  const chunks = (readdirSync(join(dist, 'assets'), { recursive: true }) as string[])
    .map((f) => posix.join('assets', f.split('\\').join('/')))
    .filter((f) => f.endsWith('.js'))
  const totalBytes = chunks.reduce((sum, f) => sum + gzipBytes(join(dist, f)), 0)
  const firstScreen = Object.entries(SCREEN_CHUNKS).map(([screen, name]) => {
    const own = chunks.filter((f) => posix.basename(f).startsWith(`${name}-`))
    if (own.length !== 1) throw new Error(`no single chunk named ${name}-*.js in ${dist}`)
    const all = withStaticImports(dist, [...files, ...own])
    return [screen, kb(all.reduce((sum, f) => sum + gzipBytes(join(dist, f)), 0))] as const
  })
  return {
    firstScreenGzipKb: Object.fromEntries(firstScreen),
    entryGzipKb: kb(entryBytes),
    entryGzipBytes: entryBytes,
    entryFiles: files,
    entryFileGzipKb: Object.fromEntries(files.map((f, i) => [f, kb(sizes[i]!)])),
    totalJsGzipKb: kb(totalBytes),
    jsChunks: chunks.length,
    barVersions: barVersions.sort(compareSemver),
  }
}

/**
 * The start-up download (entry JS, gzip -9) of a production build with the BAR versions shipped
 * today and with 19 synthetic later BAR versions added, built from copies of the project in a temporary folder. The target: the
 * same size for both, since the app should load an instrument's file only when it is used.
 */
export async function runEntryBench(root: string): Promise<boolean> {
  const tmp = mkdtempSync(join(tmpdir(), 'bar-entry-bench-'))
  try {
    // Both copies are taken before either build, from one snapshot of the project: work going on
    // in the tree meanwhile cannot make the two builds differ in anything but the BAR versions.
    copyProject(root, root, join(tmp, 'one'))
    copyProject(root, join(tmp, 'one'), join(tmp, 'twenty'))
    const one = await measureVariant(join(tmp, 'one'), 0)
    const twenty = await measureVariant(join(tmp, 'twenty'), ADDED)
    const ratio = +(twenty.entryGzipBytes / one.entryGzipBytes).toFixed(3)
    const pass = twenty.entryGzipBytes <= one.entryGzipBytes * TOLERANCE
    const small = one.entryGzipKb <= ENTRY_MAX_KB
    const eager = one.entryFiles.filter((f) =>
      LAZY_ONLY.some((name) => posix.basename(f).includes(name)),
    )
    const vite = (
      JSON.parse(readFileSync(join(root, 'node_modules/vite/package.json'), 'utf8')) as {
        version: string
      }
    ).version
    const out = {
      machine: {
        cpus: cpus().length,
        node: process.version,
        vite,
        date: new Date().toISOString().slice(0, 10),
      },
      measure:
        'JS a first visit downloads: the module script of dist/index.html, its modulepreloads and their static imports; each file gzip level 9; kB = 1000 bytes',
      variants: { '1': one, '20': twenty },
      ratio,
      target: { rule: `entry20 <= entry1 × ${TOLERANCE}`, pass },
      size_target: { rule: `entry1 <= ${ENTRY_MAX_KB} kB`, pass: small },
      lazy_target: {
        rule: `no entry file named after ${LAZY_ONLY.join(', ')}`,
        pass: !eager.length,
        eager,
      },
    }
    mkdirSync(join(root, 'bench/results'), { recursive: true })
    writeFileSync(join(root, 'bench/results/entry.json'), `${JSON.stringify(out, null, 2)}\n`)
    const row = (label: string, v: Variant) =>
      `| ${label} | ${v.barVersions.length} (${v.barVersions[0]}–${v.barVersions.at(-1)}) | ${v.entryGzipKb} | ${v.entryFiles.length} | ${v.totalJsGzipKb} | ${v.jsChunks} |`
    const table = [
      `Start-up download benchmark (\`npm run bench -- entry\`, ${out.machine.date}, Node ${out.machine.node}, Vite ${vite}): the JS a first visit downloads (the script of \`index.html\`, its modulepreloads and their static imports), gzip level 9, in kB of 1000 bytes, for a production build with the BAR versions in \`schemas/\` and with ${ADDED} synthetic later versions added (each migrating from the one before without steps, in a copy of the project). Details: \`bench/results/entry.json\`.`,
      '',
      '| build | BAR versions | entry JS gzip kB | entry files | all JS gzip kB | JS chunks |',
      '| ----- | ------------ | ---------------- | ----------- | -------------- | --------- |',
      row('as shipped', one),
      row(`+${ADDED} synthetic`, twenty),
      '',
      `Entry with ${ADDED} more versions / as shipped: ×${ratio}; target the same size (at most ×${TOLERANCE}): ${pass ? 'met ✓' : 'not met ✗'}. Entry as shipped at most ${ENTRY_MAX_KB} kB: ${small ? 'met ✓' : 'not met ✗'}. The ${LAZY_ONLY.join(', ')} code only in lazy chunks: ${eager.length ? `not met ✗ (${eager.join(', ')})` : 'met ✓'}.`,
      '',
      "Opening the app on a screen downloads the entry and that screen's chunk (loaded before the first render), as shipped:",
      '',
      '| first screen | JS gzip kB |',
      '| ------------ | ---------- |',
      ...Object.entries(one.firstScreenGzipKb).map(([screen, size]) => `| ${screen} | ${size} |`),
    ].join('\n')
    writeReadmeBlock(join(root, 'README.md'), 'entry', table)
    console.log(table)
    return pass && small && !eager.length
  } finally {
    rmSync(tmp, { recursive: true, force: true })
  }
}
