/** Placeholder until the page lands. */
export function CompareRunsPage() {
  return <p>CompareRunsPage</p>;
}
