/** Placeholder until the page lands. */
export function CompareVersionsPage() {
  return <p>CompareVersionsPage</p>;
}
