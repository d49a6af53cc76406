// Below this many rows a search box is clutter.
export const SEARCH_FROM = 10;

/** Rows whose key (or, given `value`, whose value) contains the text, ignoring case. */
export function filterByText<T extends { key: string }>(
  rows: readonly T[],
  text: string,
  value?: (row: T) => string,
): T[] {
  const needle = text.trim().toLowerCase();
  if (!needle) return [...rows];
  return rows.filter(
    (r) => r.key.toLowerCase().includes(needle) || (value?.(r).toLowerCase().includes(needle) ?? false),
  );
}
