/** A missing value as sklearn's encoders see it: None, NaN or pandas' NA. */
export function isMissingValue(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v));
}

/**
 * A key under which a category is matched: numbers and numeric strings never collide, and every
 * missing value shares one key, as sklearn's encoders treat None and NaN alike.
 *
 * @example categoryKey(1n) === categoryKey(1) // true
 */
export function categoryKey(v: unknown): string {
  if (isMissingValue(v)) return 'missing';
  if (typeof v === 'number' || typeof v === 'bigint') return `n:${Number(v)}`;
  if (typeof v === 'boolean') return `n:${v ? 1 : 0}`;
  return `s:${String(v)}`;
}
