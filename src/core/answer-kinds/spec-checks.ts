import type { NamedQuantity, Option, QuantitySpec } from '../instrument/base-schema'
import type { PathSegment, ValidationIssue } from '../issues/validation-issue'
import { issue } from '../issues/validation-issue'

function duplicates(values: readonly string[]): Set<string> {
  const seen = new Set<string>()
  const dup = new Set<string>()
  for (const v of values) (seen.has(v) ? dup : seen).add(v)
  return dup
}

/** An option list's codes are unique, and either every option has a rank or none has. */
export function optionListIssues(
  options: readonly Option[],
  path: readonly PathSegment[],
): ValidationIssue[] {
  const out: ValidationIssue[] = []
  const dup = duplicates(options.map((o) => o.code))
  options.forEach((o, i) => {
    if (dup.has(o.code))
      out.push(
        issue(
          [...path, i, 'code'],
          `Optiecode "${o.code}" komt meer dan eens voor`,
          `Option code "${o.code}" occurs more than once`,
        ),
      )
  })
  const ranked = options.filter((o) => o.rank !== undefined).length
  if (ranked > 0 && ranked < options.length)
    out.push(
      issue(
        path,
        'Geef een rangorde (rank) bij alle opties of bij geen enkele',
        'Give a rank on every option or on none',
      ),
    )
  return out
}

/** Named quantities have unique ids (`path` is the list's). */
export function quantityIdIssues(
  quantities: readonly NamedQuantity[],
  path: readonly PathSegment[],
): ValidationIssue[] {
  const dup = duplicates(quantities.map((q) => q.id))
  return quantities.flatMap((q, k) =>
    dup.has(q.id)
      ? [
          issue(
            [...path, k, 'id'],
            `Hoeveelheid-id "${q.id}" komt meer dan eens voor`,
            `Quantity id "${q.id}" occurs more than once`,
          ),
        ]
      : [],
  )
}

/** No range is upside down (reported at `path`, the answer spec). */
export function rangeIssues(
  ranges: readonly QuantitySpec[],
  path: readonly PathSegment[],
): ValidationIssue[] {
  return ranges.flatMap((q) =>
    q.min > q.max
      ? [
          issue(
            path,
            `Ondergrens ${q.min} ligt boven bovengrens ${q.max}`,
            `Lower bound ${q.min} is above upper bound ${q.max}`,
          ),
        ]
      : [],
  )
}
