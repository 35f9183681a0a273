import type { Status } from './diff'

/** The symbol shown beside each status, on screen and in the PDF, so it never rests on colour alone. */
export const STATUS_SYMBOL: Record<Status, string> = {
  agree: '✓',
  'ba-more-restrictive': '▲',
  'va-more-restrictive': '▼',
  differs: '≠',
  'only-ba': '‹',
  'only-va': '›',
  'not-comparable': '–',
}
