// Building pieces of MLflow's search grammar (spec/search-grammar.md §1) from what a user typed.
// The grammar has no escape sequences, so quoting picks whichever quote the text does not contain.

/** A string literal for a filter: `'text'`, or `"text"` when the text holds a `'`. */
export function quoteValue(text: string): string {
  if (!text.includes("'")) return `'${text}'`;
  // Both quote kinds: no literal can hold both, so drop the double quotes rather than fail.
  return `"${text.replaceAll('"', '')}"`;
}

/** A key for `metrics.`/`params.`/`tags.`: backticks, or double quotes when the key holds a backtick. */
export function quoteKey(key: string): string {
  return key.includes('`') ? `"${key}"` : `\`${key}\``;
}

/** `name ILIKE '%text%'`, the experiments list's search, or undefined for blank text. */
export function experimentNameFilter(text: string): string | undefined {
  const trimmed = text.trim();
  return trimmed ? `name ILIKE ${quoteValue(`%${trimmed}%`)}` : undefined;
}
