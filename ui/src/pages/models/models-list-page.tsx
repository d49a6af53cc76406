/** Placeholder until the page lands. */
export function ModelsListPage() {
  return <p>ModelsListPage</p>;
}
