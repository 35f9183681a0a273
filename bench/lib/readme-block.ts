import { existsSync, readFileSync, writeFileSync } from 'node:fs'

/**
 * Replaces the text between `<!-- bench:NAME:start -->` and `<!-- bench:NAME:end -->` in a
 * Markdown file. Missing markers are added at the end of a "## Benchmarks" section (created
 * at the end of the file when there is none); a missing file is created.
 */
export function writeReadmeBlock(file: string, name: string, body: string): void {
  const start = `<!-- bench:${name}:start -->`
  const end = `<!-- bench:${name}:end -->`
  const block = `${start}\n\n${body.trim()}\n\n${end}`
  const text = existsSync(file) ? readFileSync(file, 'utf8') : ''
  const i = text.indexOf(start)
  const j = text.indexOf(end, i)
  let next: string
  if (i >= 0 && j > i) {
    next = text.slice(0, i) + block + text.slice(j + end.length)
  } else {
    const heading = /^## Benchmarks[ \t]*$/m.exec(text)
    if (heading) {
      const after = heading.index + heading[0].length
      const nextHeading = /^#{1,2} /m.exec(text.slice(after))
      const at = nextHeading ? after + nextHeading.index : text.length
      const before = text.slice(0, at).replace(/\s*$/, '')
      next = `${before}\n\n${block}\n${at < text.length ? '\n' + text.slice(at) : ''}`
    } else {
      const intro = 'Run `npm run bench`; it rewrites the block below and `bench/results/`.'
      const before = text.replace(/\s*$/, '')
      next = `${before ? before + '\n\n' : ''}## Benchmarks\n\n${intro}\n\n${block}\n`
    }
  }
  writeFileSync(file, next)
}
