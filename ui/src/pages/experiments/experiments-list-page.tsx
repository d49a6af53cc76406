/** Placeholder until the page lands. */
export function ExperimentsListPage() {
  return <p>ExperimentsListPage</p>;
}
