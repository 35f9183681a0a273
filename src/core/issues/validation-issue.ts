/** A problem found in input, located by a JSON path and described in both UI languages. */
export interface ValidationIssue {
  /** JSON path into the input, e.g. `$.sections[2].items[0].label.en`; `$` is the whole input. */
  path: string
  message: { nl: string; en: string }
}

export type LoadResult<T> = { ok: true; value: T } | { ok: false; issues: ValidationIssue[] }

export type PathSegment = string | number

/** Formats path segments as a JSON path: `['a', 0, 'b']` gives `$.a[0].b`. */
export function jsonPath(segments: readonly PathSegment[]): string {
  let out = '$'
  for (const segment of segments) {
    if (typeof segment === 'number') out += `[${segment}]`
    else if (/^[A-Za-z_$][\w$]*$/.test(segment)) out += `.${segment}`
    else out += `[${JSON.stringify(segment)}]`
  }
  return out
}

export function issue(path: readonly PathSegment[], nl: string, en: string): ValidationIssue {
  return { path: jsonPath(path), message: { nl, en } }
}

/** One readable line per issue, in the given language. */
export function formatIssues(issues: readonly ValidationIssue[], lang: 'nl' | 'en'): string {
  return issues.map((i) => `${i.path}: ${i.message[lang]}`).join('\n')
}
