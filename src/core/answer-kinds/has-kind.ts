/**
 * Narrows a spec or an answer to one kind, for a rule about that kind alone (a BAR work-capacity
 * conclusion reads a capacity); behaviour every kind has belongs in its module instead.
 * @example if (hasKind(answer, 'capacity')) answer.quantities
 */
export function hasKind<T extends { kind: string }, K extends T['kind']>(
  value: T | null | undefined,
  kind: K,
): value is Extract<T, { kind: K }> {
  return value?.kind === kind
}
