// Filter strings for the registry searches (search-grammar.md §4–§5). The server's filter lexer has
// no escape sequences: a quoted value ends at the next quote of the same kind, so a value is
// wrapped in whichever quote it does not contain.

/** `value` as a filter literal, or undefined when it holds both quote kinds. */
export function quoteLiteral(value: string): string | undefined {
  if (!value.includes("'")) return `'${value}'`;
  if (!value.includes('"')) return `"${value}"`;
  return undefined;
}

// MLflow's UI sends the search text as a raw filter once it mentions tags or an operator.
const RAW_FILTER = /\btags?\.|[=<>!]|\bi?like\s*['"]/i;

/** Whether the search box text is a filter expression rather than a name to look for. */
export const isRawFilter = (text: string): boolean => RAW_FILTER.test(text);

/**
 * The `registered-models/search` filter for the search box: a filter expression as typed, or a
 * case-insensitive substring match on the name.
 *
 * @example modelsSearchFilter('churn') // "name ILIKE '%churn%'"
 */
export function modelsSearchFilter(text: string): string | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  if (isRawFilter(trimmed)) return trimmed;
  // A text with both quote kinds cannot be quoted; `_` (any one character) stands in for them.
  const pattern = `%${trimmed}%`;
  return `name ILIKE ${quoteLiteral(pattern) ?? `'${pattern.replace(/['"]/g, '_')}'`}`;
}

/**
 * The `model-versions/search` filter for one model's versions. `exact` is false when the name has
 * both quote kinds: then a LIKE with `_` for the quotes finds a superset, and the caller keeps only
 * the versions whose name matches.
 */
export function versionsOfModelFilter(name: string): { filter: string; exact: boolean } {
  const literal = quoteLiteral(name);
  if (literal !== undefined) return { filter: `name=${literal}`, exact: true };
  return { filter: `name LIKE '${name.replace(/['"]/g, '_')}'`, exact: false };
}
