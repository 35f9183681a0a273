import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { root } from './helpers/files'

const src = join(root, 'src')

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sourceFiles(join(dir, e.name))
      : /\.(ts|tsx)$/.test(e.name)
        ? [join(dir, e.name)]
        : [],
  )
}

/** Every module specifier a file imports or re-exports, static or dynamic. */
export function importsOf(code: string): string[] {
  const found: string[] = []
  const patterns = [
    /(?:^|[^\w.])(?:import|export)\s[^'"`;]*?from\s*['"]([^'"]+)['"]/g,
    /(?:^|[^\w.])import\s*['"]([^'"]+)['"]/g,
    /import\(\s*['"]([^'"]+)['"]\s*\)/g,
    /require\(\s*['"]([^'"]+)['"]\s*\)/g,
  ]
  for (const p of patterns) for (const m of code.matchAll(p)) found.push(m[1] as string)
  return found
}

/** The specifiers a module needs at run time when it is loaded: no type-only or dynamic imports. */
function staticImportsOf(code: string): string[] {
  const found: string[] = []
  const from = /(?:^|[^\w.])(import|export)\s+(type\s)?([^'"`;]*?)\s*from\s*['"]([^'"]+)['"]/g
  for (const m of code.matchAll(from)) {
    const [, , typeOnly, what = '', spec = ''] = m
    const names = /^\{([^}]*)\}$/.exec(what.trim())?.[1]
    const allTypes = names !== undefined && names.split(',').every((n) => /^\s*(type\s|$)/.test(n))
    if (!typeOnly && !allTypes) found.push(spec)
  }
  for (const m of code.matchAll(/(?:^|[^\w.])import\s*['"]([^'"]+)['"]/g))
    found.push(m[1] as string)
  return found
}

function resolveModule(from: string, spec: string): string | undefined {
  const base = resolve(dirname(from), spec)
  const candidates = [
    base,
    `${base}.ts`,
    `${base}.tsx`,
    join(base, 'index.ts'),
    join(base, 'index.tsx'),
  ]
  return candidates.find((c) => /\.(ts|tsx)$/.test(c) && existsSync(c))
}

/** The chain of static imports from `entry` to package `pkg` (files relative to the root), if any. */
function pathTo(entry: string, pkg: string): string[] | undefined {
  const seen = new Set<string>()
  const walk = (file: string): string[] | undefined => {
    if (seen.has(file)) return undefined
    seen.add(file)
    for (const spec of staticImportsOf(readFileSync(file, 'utf8'))) {
      if (!spec.startsWith('.')) {
        if (spec === pkg || spec.startsWith(`${pkg}/`)) return [relative(root, file), spec]
        continue
      }
      const next = resolveModule(file, spec)
      const rest = next && walk(next)
      if (rest) return [relative(root, file), ...rest]
    }
    return undefined
  }
  return walk(entry)
}

// Pure libraries that run alike in the browser and Node: zod, immer, uuid (name-based ids).
const CORE_ALLOWED_PACKAGES = ['zod', 'immer', 'uuid']

/*
 * The intended layout, lowest first: what each part of src/ may import besides itself. core is
 * pure; i18n, storage and form build on it; ui holds React pieces screens share; pdf renders reports
 * and csv writes data files (both in the app and in the CLI); features are the screens (never importing one another, below); app
 * puts them together and main starts it.
 */
const LAYOUT: Record<string, readonly string[]> = {
  core: [],
  i18n: ['core'],
  storage: ['core'],
  form: ['core', 'i18n', 'ui'],
  ui: ['core', 'i18n'],
  pdf: ['core', 'i18n'],
  csv: ['core'],
  cli: ['core', 'i18n', 'pdf', 'csv'],
  features: ['core', 'i18n', 'storage', 'form', 'ui', 'pdf', 'csv'],
  app: ['core', 'i18n', 'storage', 'form', 'ui', 'features'],
  main: ['app'],
}

function layoutViolations(file: string, code: string): string[] {
  const from = areaOf(file)
  const allowed = LAYOUT[from]
  if (!allowed) return [`${relative(root, file)} is in no part of the layout`]
  return importsOf(code)
    .filter((spec) => spec.startsWith('.'))
    .map((spec) => areaOf(resolve(dirname(file), spec)))
    .filter((to) => to !== from && !allowed.includes(to))
    .map((to) => `${relative(root, file)} (${from}) imports ${to}`)
}

/** The part of the layout a path is in: the first folder below src/, or `main` for src/main.tsx. */
function areaOf(path: string): string {
  const first = relative(src, path).split('/')[0] as string
  return first.replace(/\.tsx?$/, '')
}

function coreViolations(file: string, code: string): string[] {
  return importsOf(code).flatMap((spec) => {
    if (spec.startsWith('.')) {
      const target = resolve(dirname(file), spec)
      return relative(join(src, 'core'), target).startsWith('..') ? [spec] : []
    }
    const pkg = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]
    return CORE_ALLOWED_PACKAGES.includes(pkg as string) ? [] : [spec]
  })
}

describe('architecture', () => {
  it('keeps src/core pure: zod, immer, uuid and src/core only (no React, i18next, react-pdf, react-hook-form, node:*)', () => {
    const files = sourceFiles(join(src, 'core'))
    expect(files.length).toBeGreaterThan(3)
    const violations = files.flatMap((f) =>
      coreViolations(f, readFileSync(f, 'utf8')).map(
        (spec) => `${relative(root, f)} imports ${spec}`,
      ),
    )
    expect(violations).toEqual([])
  })

  it('catches the imports it forbids', () => {
    const file = join(src, 'core/instrument/example.ts')
    const code = [
      "import { useState } from 'react'",
      "import type { TFunction } from 'i18next'",
      "export { pdf } from '@react-pdf/renderer'",
      "import { useForm } from 'react-hook-form'",
      "const m = await import('../../features/fill-in/form')",
      "import '../../app/zod-config'",
      "import { readFileSync } from 'node:fs'",
      "import { z } from 'zod'",
      "import { issue } from '../issues/validation-issue'",
    ].join('\n')
    expect(coreViolations(file, code).sort()).toEqual(
      [
        'react',
        'i18next',
        '@react-pdf/renderer',
        'react-hook-form',
        '../../app/zod-config',
        'node:fs',
        '../../features/fill-in/form',
      ].sort(),
    )
  })

  it('keeps features apart: a feature never imports another feature', () => {
    const features = join(src, 'features')
    const violations = sourceFiles(features).flatMap((f) => {
      const own = relative(features, f).split('/')[0] as string
      return importsOf(readFileSync(f, 'utf8'))
        .filter((spec) => spec.startsWith('.'))
        .map((spec) => relative(features, resolve(dirname(f), spec)))
        .filter((target) => !target.startsWith('..') && target.split('/')[0] !== own)
        .map((target) => `${relative(root, f)} imports features/${target}`)
    })
    expect(violations).toEqual([])
  })

  it('follows the layout: each part of src/ imports only the parts below it', () => {
    const violations = sourceFiles(src).flatMap((f) => layoutViolations(f, readFileSync(f, 'utf8')))
    expect(violations).toEqual([])
  })

  it('places a file in its part, and names an arrow the layout forbids', () => {
    expect(areaOf(join(src, 'features/report/report-screen.tsx'))).toBe('features')
    expect(areaOf(join(src, 'main.tsx'))).toBe('main')
    const code = [
      "import { getAssessment } from '../storage/assessment-store'",
      "import { IssueList } from '../ui/issue-list'",
      "import { formatDate } from '../core/report/format'",
    ].join('\n')
    expect(layoutViolations(join(src, 'pdf/example.ts'), code)).toEqual([
      'src/pdf/example.ts (pdf) imports storage',
      'src/pdf/example.ts (pdf) imports ui',
    ])
    expect(
      layoutViolations(join(src, 'cli/example.ts'), "import '../features/report/report-screen'"),
    ).toEqual(['src/cli/example.ts (cli) imports features'])
  })

  it('draws the form and its preview without zod: nothing they import at start reaches it (checks load it on use)', () => {
    for (const entry of ['form/assessment-form.tsx', 'features/fill-in/preview-screen.tsx'])
      expect(pathTo(join(src, entry), 'zod'), entry).toBeUndefined()
  })

  it('finds the chain of static imports to a package, and leaves type and dynamic imports out', () => {
    expect(
      pathTo(join(src, 'core/assessment/progress.ts'), 'zod'),
      'progress reads answers through the kinds, not their schemas',
    ).toBeUndefined()
    expect(pathTo(join(src, 'core/instrument/meta-schema.ts'), 'zod')).toEqual([
      'src/core/instrument/meta-schema.ts',
      'zod',
    ])
    expect(pathTo(join(src, 'core/assessment/answer-validator.ts'), 'zod')?.[0]).toBe(
      'src/core/assessment/answer-validator.ts',
    )
    expect(
      staticImportsOf(
        [
          "import type { z } from 'zod'",
          "import { type Lang, type Unit } from './a'",
          "import { formatDate, type Lang } from './b'",
          "const m = await import('./c')",
          "export type { X } from './d'",
          "import './e'",
        ].join('\n'),
      ),
    ).toEqual(['./b', './e'])
  })

  it('keeps the form model framework-free: src/form/model imports src/core and src/i18n only', () => {
    const model = join(src, 'form/model')
    const files = sourceFiles(model)
    expect(files.length).toBeGreaterThan(3)
    const violations = files.flatMap((f) =>
      importsOf(readFileSync(f, 'utf8'))
        .filter((spec) => {
          if (!spec.startsWith('.')) return true
          const to = relative(src, resolve(dirname(f), spec))
          return !['core/', 'i18n/', 'form/model/'].some((ok) => to.startsWith(ok))
        })
        .map((spec) => `${relative(root, f)} imports ${spec}`),
    )
    expect(violations).toEqual([])
  })
})
